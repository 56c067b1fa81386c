import type { PushRow } from '../../shared/api/contract.ts';
import type { ComplaintEvent } from '../../shared/schemas/complaint-event.ts';
import type { Complaint } from '../../shared/schemas/complaint.ts';
import type { ComplaintStatus } from '../../shared/domain/complaint-status.ts';
import { computeComplaintDueAt, ruleSetInForce } from '../../shared/deadline/sla-rules.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import type { Database, SqlExecutor } from '../db/database.ts';
import { appendAudit } from '../audit-log.ts';
import { unannouncedAttachmentIds } from '../attachments/attachment-repository.ts';
import { nextChangeSeq } from '../changes/change-counter.ts';
import { loadSlaRuleSets, loadWorkingCalendar } from '../calendar/working-calendar-repository.ts';
import { changeComplaintStatus, renumberComplaint } from '../complaints/complaint-writes.ts';
import {
  recordSyncRejection,
  resolveRefusalsSettledByEvent,
  type RejectionReason,
} from '../refusals/sync-rejections.ts';
import {
  COMPLAINT_EVENT_SELECT_COLUMNS,
  complaintEventFromRow,
  eventScope,
  insertComplaintEvent,
  type ComplaintEventRow,
} from './complaint-event-rows.ts';
import {
  decideEventAdmission,
  decideEventAppend,
  isFollowUpKind,
  parsePushedEvent,
} from './decide-event-append.ts';
import { decideDeviceTimeOf } from './event-time-facts.ts';
import { touchedCollections, type PushOutcome, type ReplicatedStore } from '../replicated-store.ts';
import { exceptOpenEventsClause, pullOpenEvents } from './complaint-event-open-phase.ts';
import {
  countTombstones,
  mergePages,
  scopeExitTombstones,
  tombstoneOf,
} from '../complaints/scope-exit-store.ts';

type ComplaintLockRow = {
  id: string;
  status: ComplaintStatus;
  unit_id: string | null;
  received_at: Date;
  type: string;
  berkadar_pengawasan: boolean;
};

/**
 * Applies the status move an accepted event implies (the first public follow-up:
 * didisposisi → ditindaklanjuti; a reopening: selesai → ditindaklanjuti), with its clock.
 */
async function moveComplaintStatus(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  target: ComplaintLockRow,
  status: ComplaintStatus,
  now: number,
  by: ComplaintEvent['kind'],
): Promise<void> {
  const calendar = await loadWorkingCalendar(tx, officer.instansiId);
  const receivedAt = target.received_at.getTime();
  const rules = ruleSetInForce(await loadSlaRuleSets(tx, officer.instansiId), receivedAt);
  const dueAt = computeComplaintDueAt(
    {
      status,
      statusChangedAt: now,
      receivedAt,
      type: target.type as Complaint['type'],
      berkadarPengawasan: target.berkadar_pengawasan,
    },
    rules,
    calendar,
  );
  const seq = await changeComplaintStatus(tx, target.id, {
    status,
    at: now,
    dueAt,
    by: officer.id,
  });
  await appendAudit(
    tx,
    {
      officerId: officer.id,
      deviceId: officer.deviceId,
      action: 'write_accepted',
      collection: 'complaints',
      documentId: target.id,
      details: { fields: ['status'], seq, by },
    },
    now,
  );
}

/** The event stored under an id, and whether the officer may see it. */
async function findStoredEvent(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  eventId: string,
): Promise<{ event: ComplaintEvent; visible: boolean } | undefined> {
  const visible = eventScope(officer, 2);
  const rows = await tx.query<ComplaintEventRow & { visible: boolean }>(
    `SELECT ${COMPLAINT_EVENT_SELECT_COLUMNS}, ${visible.where} AS visible FROM complaint_events e ${visible.join}
      WHERE e.id = $1`,
    [eventId, ...visible.params],
  );
  const row = rows[0];
  return row ? { event: complaintEventFromRow(row), visible: row.visible } : undefined;
}

/**
 * Locks the complaint an event names if it is in the officer's scope: a follow-up may move the
 * complaint's status, and the push of its status change may be in another transaction.
 */
async function lockEventComplaint(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  complaintId: string,
): Promise<ComplaintLockRow | undefined> {
  const complaintScope = officer.role === 'penghubung' ? 'AND unit_id = $3' : '';
  const complaint = await tx.query<ComplaintLockRow>(
    `SELECT id, status, unit_id, received_at, type, berkadar_pengawasan
       FROM complaints WHERE id = $1 AND instansi_id = $2 ${complaintScope} FOR UPDATE`,
    officer.role === 'penghubung'
      ? [complaintId, officer.instansiId, officer.unitId]
      : [complaintId, officer.instansiId],
  );
  return complaint[0];
}

async function appendOne(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  row: PushRow<unknown>,
  now: number,
): Promise<
  | { result: 'accepted' | 'unchanged'; master?: ComplaintEvent }
  | { refuse: RejectionReason; master?: ComplaintEvent }
> {
  const parsed = parsePushedEvent(row.newDocumentState);
  if ('refuse' in parsed) return parsed;
  const event = parsed.event;
  const admission = decideEventAdmission(
    event,
    Boolean(row.assumedMasterState),
    officer,
    await findStoredEvent(tx, officer, event.id),
  );
  if (admission.kind === 'unchanged') return { result: 'unchanged', master: admission.master };
  if (admission.kind === 'refuse') return { refuse: admission.reason, master: admission.master };

  const target = await lockEventComplaint(tx, officer, event.complaintId);
  // An event may list only files its officer has announced for the same complaint and event:
  // otherwise other officers would receive an event pointing at files that do not exist, or at
  // another officer's or another complaint's. The workstation announces them before the event.
  const unannounced =
    target && isFollowUpKind(event.kind)
      ? await unannouncedAttachmentIds(tx, officer, event, event.attachments)
      : [];
  const decision = decideEventAppend(
    event,
    officer,
    target && { status: target.status, unitId: target.unit_id ?? '' },
    unannounced,
  );
  if (decision.kind === 'refuse') return { refuse: decision.reason };
  if (!target) throw new Error('an event is appended only to a complaint that was found');

  const seq = await nextChangeSeq(tx);
  // Who wrote it comes from the session, never from the device's claim.
  const stamped: ComplaintEvent = {
    ...event,
    fromStatus: decision.fromStatus,
    toStatus: decision.toStatus,
    instansiId: officer.instansiId,
    officerId: officer.id,
    officerName: officer.displayName,
    officerRole: officer.role,
    serverTime: now,
    deviceTimeTrusted: await decideDeviceTimeOf(tx, event, officer.role, now),
  };
  await insertComplaintEvent(tx, stamped, officer.deviceId, seq);
  if (decision.statusMove) {
    await moveComplaintStatus(tx, officer, target, decision.statusMove, now, event.kind);
    await resolveRefusalsSettledByEvent(tx, officer.id, target.id, decision.statusMove, now);
  }
  await appendAudit(
    tx,
    {
      officerId: officer.id,
      deviceId: officer.deviceId,
      action: event.kind === 'identitas_dibuka' ? 'identity_revealed' : 'event_appended',
      collection: 'complaint_events',
      documentId: event.id,
      details: { kind: event.kind, complaintId: event.complaintId },
    },
    now,
  );
  return { result: 'accepted' };
}

/** A follow-up moves its complaint's status; a refused one sends the complaint back. */
const EVENT_PUSH_ALSO_TOUCHES = { onAnyRow: ['complaints'] } as const;

export const complaintEventStore: ReplicatedStore<ComplaintEvent> = {
  collection: 'complaint_events',
  async pull(db, officer, afterSeq, limit, tombstonesAfter = afterSeq, exceptOpenUpTo = 0) {
    const exceptOpen = exceptOpenEventsClause(3, exceptOpenUpTo);
    const visible = eventScope(officer, 5);
    const rows = await db.query<ComplaintEventRow>(
      `SELECT ${COMPLAINT_EVENT_SELECT_COLUMNS} FROM complaint_events e ${visible.join}
        WHERE e.seq > $1 AND ${visible.where} AND ${exceptOpen.sql} ORDER BY e.seq LIMIT $2`,
      [afterSeq, limit, ...exceptOpen.params, ...visible.params],
    );
    const alive = rows.map((row) => ({
      seq: Number(row.seq),
      document: { ...complaintEventFromRow(row), _deleted: false },
    }));
    // Events a penghubung's OPD held when their complaint was re-disposed elsewhere leave its
    // replica too: one bare tombstone each.
    const gone = await scopeExitTombstones<ComplaintEvent>(
      db,
      officer,
      'complaint_events',
      Math.max(afterSeq, tombstonesAfter),
      limit,
    );
    return mergePages(alive, gone, limit, afterSeq);
  },
  pullOpen: pullOpenEvents,
  async countAfter(db, officer, afterSeq, tombstonesAfter = afterSeq) {
    const visible = eventScope(officer, 2);
    const rows = await db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM complaint_events e ${visible.join} WHERE e.seq > $1 AND ${visible.where}`,
      [afterSeq, ...visible.params],
    );
    const gone = await countTombstones(
      db,
      officer,
      'complaint_events',
      Math.max(afterSeq, tombstonesAfter),
    );
    return (rows[0]?.count ?? 0) + gone;
  },
  async push(db: Database, officer, rows, now) {
    const outcome: PushOutcome<ComplaintEvent> = {
      conflicts: [],
      accepted: 0,
      refused: 0,
      touched: [],
    };
    // One transaction per push, as for complaints: a push cut short (the server killed, a row
    // failing) stores none of its events, and the device's resend stores each of them once.
    await db.transaction(async (tx) => {
      await lockPushedComplaints(tx, officer, rows);
      for (const row of rows) {
        const documentId = String((row.newDocumentState as { id?: unknown }).id ?? '');
        const decision = await appendOne(tx, officer, row, now);
        if ('refuse' in decision) {
          await recordSyncRejection(
            tx,
            officer,
            'complaint_events',
            documentId,
            decision.refuse,
            row.newDocumentState,
            now,
          );
          await resendComplaintAfterRefusedFollowUp(tx, officer, row.newDocumentState);
        }
        const result =
          'refuse' in decision && !decision.master
            ? { ...decision, master: await storedEventAnswer(tx, officer, documentId) }
            : decision;
        if ('result' in result) {
          outcome.accepted += 1;
          // A re-delivery of an event the server already stamped: the device takes the stamped
          // copy, which it may have skipped pulling while its own copy was on the way.
          const pushedSeq = (row.newDocumentState as { serverSeq?: unknown }).serverSeq;
          if (result.master && result.master.serverSeq !== pushedSeq)
            outcome.conflicts.push({ ...result.master, _deleted: false });
        } else {
          outcome.refused += 1;
          // A refused new event is withdrawn from the device's timeline by a bare tombstone; its
          // content stays in the officer's refusals list to redo or discard. A refused change
          // of a stored event is answered with the stored event, which the device keeps.
          outcome.conflicts.push(
            result.master
              ? { ...result.master, _deleted: false }
              : tombstoneOf<ComplaintEvent>(documentId),
          );
        }
      }
    });
    outcome.touched = touchedCollections('complaint_events', outcome, EVENT_PUSH_ALSO_TOUCHES);
    return outcome;
  },
};

/**
 * The device moved its copy of the complaint to ditindaklanjuti with the follow-up the server
 * has just refused: a new change number sends the unchanged master back to it.
 */
async function resendComplaintAfterRefusedFollowUp(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  refused: unknown,
): Promise<void> {
  const event = refused as { kind?: unknown; complaintId?: unknown };
  if (event.kind !== 'tindak_lanjut' || typeof event.complaintId !== 'string') return;
  const unitScope = officer.role === 'penghubung' ? 'AND unit_id = $3' : '';
  const waiting = await tx.query(
    `SELECT 1 FROM complaints WHERE id = $1 AND instansi_id = $2 AND status = 'didisposisi' ${unitScope}`,
    officer.role === 'penghubung'
      ? [event.complaintId, officer.instansiId, officer.unitId]
      : [event.complaintId, officer.instansiId],
  );
  if (waiting.length === 0) return;
  await renumberComplaint(tx, event.complaintId);
}

/**
 * Locks, in id order, the complaints a push of events names, before any of its rows: a
 * follow-up locks its complaint, and two pushes locking overlapping complaints row by row in
 * their own orders could deadlock (complaint pushes lock in id order too).
 */
async function lockPushedComplaints(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  rows: readonly PushRow<unknown>[],
): Promise<void> {
  const complaintIds = [
    ...new Set(
      rows
        .map((row) => (row.newDocumentState as { complaintId?: unknown }).complaintId)
        .filter((id): id is string => typeof id === 'string'),
    ),
  ];
  if (complaintIds.length === 0) return;
  await tx.query(
    `SELECT id FROM complaints WHERE id = ANY($1::text[]) AND instansi_id = $2
      ORDER BY id FOR UPDATE`,
    [complaintIds, officer.instansiId],
  );
}

/**
 * The stored event the officer may see under a refused push's id, if there is one: the answer
 * to a refused (e.g. invalid) change of it, so the device keeps the real timeline entry instead
 * of deleting it.
 */
async function storedEventAnswer(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  eventId: string,
): Promise<ComplaintEvent | undefined> {
  const visible = eventScope(officer, 2);
  const rows = await tx.query<ComplaintEventRow>(
    `SELECT ${COMPLAINT_EVENT_SELECT_COLUMNS} FROM complaint_events e ${visible.join} WHERE e.id = $1 AND ${visible.where}`,
    [eventId, ...visible.params],
  );
  return rows[0] ? complaintEventFromRow(rows[0]) : undefined;
}
