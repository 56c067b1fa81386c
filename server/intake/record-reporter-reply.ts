import { randomUUID } from 'node:crypto';
import {
  REPLYABLE_STATUSES,
  type ReporterReplyRequest,
} from '../../shared/intake/reporter-reply.ts';
import {
  REPORTER_AUTHOR_ID,
  REPORTER_ROLE,
  type ComplaintEvent,
} from '../../shared/schemas/complaint-event.ts';
import type { Database } from '../db/database.ts';
import { appendAudit } from '../audit-log.ts';
import { nextChangeSeq } from '../changes/change-counter.ts';
import { insertComplaintEvent } from '../timeline/complaint-event-rows.ts';
import type { IntakeApiKey } from '../open311/intake-api-keys.ts';

export type ReporterReplyOutcome =
  | { kind: 'recorded'; eventIds: string[] }
  | { kind: 'not_found' }
  | { kind: 'not_replyable'; status: string };

/**
 * Appends the reporter's reply and rating to the complaint's timeline, where every officer who
 * may see the complaint receives them. The reporter is named only as "Pelapor": the events
 * carry no identity.
 */
export async function recordReporterReply(
  db: Database,
  key: IntakeApiKey,
  reply: ReporterReplyRequest,
  now: number,
): Promise<ReporterReplyOutcome> {
  return db.transaction(async (tx) => {
    const [complaint] = await tx.query<{
      id: string;
      status: ComplaintEvent['fromStatus'];
      anonim: boolean;
      rahasia: boolean;
    }>(
      `SELECT id, status, anonim, rahasia FROM complaints
        WHERE instansi_id = $1 AND tracking_number = $2 FOR UPDATE`,
      [key.instansiId, reply.tracking_number],
    );
    if (!complaint) return { kind: 'not_found' };
    if (!(REPLYABLE_STATUSES as readonly string[]).includes(complaint.status)) {
      return { kind: 'not_replyable', status: complaint.status };
    }
    const base: Omit<ComplaintEvent, 'id' | 'kind' | 'reasonCode' | 'reason' | 'serverSeq'> = {
      complaintId: complaint.id,
      instansiId: key.instansiId,
      fromStatus: complaint.status,
      toStatus: complaint.status,
      targetUnitId: '',
      relatedComplaintId: '',
      anonim: complaint.anonim,
      rahasia: complaint.rahasia,
      attachments: [],
      officerId: REPORTER_AUTHOR_ID,
      officerName: 'Pelapor',
      officerRole: REPORTER_ROLE,
      deviceTime: now,
      serverTime: now,
    };
    const events: ComplaintEvent[] = [];
    if (reply.message) {
      events.push({
        ...base,
        id: randomUUID(),
        kind: 'balasan_pelapor',
        reasonCode: '',
        reason: reply.message,
        serverSeq: 0,
      });
    }
    if (reply.rating !== undefined) {
      events.push({
        ...base,
        id: randomUUID(),
        kind: 'penilaian',
        reasonCode: String(reply.rating),
        reason: '',
        serverSeq: 0,
      });
    }
    for (const event of events) {
      const seq = await nextChangeSeq(tx);
      await insertComplaintEvent(tx, { ...event, serverSeq: seq }, `intake:${key.id}`, seq);
      await appendAudit(
        tx,
        {
          officerId: null,
          deviceId: `intake:${key.id}`,
          instansiId: key.instansiId,
          action: 'reporter_reply_received',
          collection: 'complaint_events',
          documentId: event.id,
          details: { kind: event.kind, complaintId: complaint.id, channel: key.channel },
        },
        now,
      );
    }
    return { kind: 'recorded', eventIds: events.map((event) => event.id) };
  });
}
