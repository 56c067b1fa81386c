import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import {
  complaintEventSchema,
  REPORTER_AUTHOR_ID,
  REPORTER_ROLE,
  type ComplaintEvent,
} from '../../shared/schemas/complaint-event.ts';
import type { PushRow } from '../../shared/api/contract.ts';
import type { Complaint } from '../../shared/schemas/complaint.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import type { Database, SqlExecutor } from '../db/database.ts';
import { appendAudit } from '../audit-log.ts';
import { unannouncedAttachmentIds } from '../attachments/attachment-repository.ts';
import { nextChangeSeq } from './change-counter.ts';
import type { PushOutcome, ReplicatedStore } from './replicated-store.ts';
import {
  recordSyncRejection,
  resolveRefusalsSettledByEvent,
  type RejectionReason,
} from './sync-rejections.ts';
import { decideEventTransition, statusAfterEvent } from '../../shared/domain/lifecycle.ts';
import { TRIAGE_ACTION_RULES } from '../../shared/domain/triage.ts';
import {
  FOLLOW_UP_KINDS,
  followUpInputSchema,
  followUpRefusal,
  statusAfterFollowUp,
} from '../../shared/domain/follow-up.ts';
import type { ComplaintStatus } from '../../shared/domain/complaint-status.ts';
import { computeComplaintDueAt, ruleSetInForce } from '../../shared/deadline/sla-rules.ts';
import { loadSlaRuleSets, loadWorkingCalendar } from './working-calendar-repository.ts';
import { ADMIN_ONLY_KINDS } from './admin-only-event-kinds.ts';
import {
  countTombstones,
  mergePages,
  scopeExitTombstones,
  tombstoneOf,
} from './scope-exit-store.ts';
import { decideDeviceTimeOf } from './event-time-facts.ts';

const wireEventSchema = complaintEventSchema.extend({ _deleted: z.boolean() });

/**
 * Event kinds each role may append; triage belongs to the Admin Instansi, follow-ups and notes
 * to the OPD's penghubung and the admin. Reporter replies and ratings arrive only through the
 * server's intake, never from a workstation.
 */
const APPENDABLE_KINDS: Record<
  AuthenticatedOfficer['role'],
  ReadonlySet<ComplaintEvent['kind']>
> = {
  admin_instansi: new Set([
    ...Object.values(TRIAGE_ACTION_RULES).map((rule) => rule.event),
    'privasi',
    ...FOLLOW_UP_KINDS,
    'identitas_dibuka',
  ]),
  penghubung: new Set(FOLLOW_UP_KINDS),
  koordinator: new Set(),
};

type EventRow = {
  id: string;
  complaint_id: string;
  instansi_id: string;
  kind: ComplaintEvent['kind'];
  from_status: ComplaintEvent['fromStatus'];
  to_status: ComplaintEvent['toStatus'];
  target_unit_id: string | null;
  reason_code: string;
  reason: string;
  related_complaint_id: string | null;
  anonim: boolean;
  rahasia: boolean;
  /** NULL for the reporter's own replies and ratings. */
  officer_id: string | null;
  officer_name: string;
  officer_role: ComplaintEvent['officerRole'];
  device_time: Date;
  server_time: Date;
  device_time_trusted: boolean;
  seq: number;
  attachments: ComplaintEvent['attachments'] | string;
};

const COLUMNS = `e.id, e.complaint_id, e.instansi_id, e.kind, e.from_status, e.to_status, e.target_unit_id,
  e.reason_code, e.reason, e.related_complaint_id, e.anonim, e.rahasia, e.officer_id, e.officer_name,
  e.officer_role, e.device_time, e.server_time, e.device_time_trusted, e.seq, e.attachments`;

function fromRow(row: EventRow): ComplaintEvent {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    instansiId: row.instansi_id,
    kind: row.kind,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    targetUnitId: row.target_unit_id ?? '',
    reasonCode: row.reason_code,
    reason: row.reason,
    relatedComplaintId: row.related_complaint_id ?? '',
    anonim: row.anonim,
    rahasia: row.rahasia,
    officerId: row.officer_id ?? REPORTER_AUTHOR_ID,
    officerName: row.officer_name,
    officerRole: row.officer_role,
    deviceTime: row.device_time.getTime(),
    serverTime: row.server_time.getTime(),
    deviceTimeTrusted: row.device_time_trusted,
    serverSeq: Number(row.seq),
    // PGlite and pg both parse jsonb; a text fallback keeps either driver configuration working.
    attachments:
      typeof row.attachments === 'string' ? JSON.parse(row.attachments) : row.attachments,
  };
}

/** Events of complaints the officer may see: a penghubung only those of its unit's complaints. */
function scope(
  officer: AuthenticatedOfficer,
  first: number,
): { join: string; where: string; params: unknown[] } {
  const adminOnly = `e.kind NOT IN (${ADMIN_ONLY_KINDS.map((kind) => `'${kind}'`).join(', ')})`;
  if (officer.role === 'penghubung') {
    return {
      join: 'JOIN complaints c ON c.id = e.complaint_id',
      where: `e.instansi_id = $${first} AND c.unit_id = $${first + 1} AND ${adminOnly}`,
      params: [officer.instansiId, officer.unitId],
    };
  }
  if (officer.role !== 'admin_instansi') {
    return {
      join: '',
      where: `e.instansi_id = $${first} AND ${adminOnly}`,
      params: [officer.instansiId],
    };
  }
  return { join: '', where: `e.instansi_id = $${first}`, params: [officer.instansiId] };
}

/** What the device writes into an event; the other fields the server stamps on acceptance. */
const DEVICE_FIELDS = [
  'complaintId',
  'kind',
  'fromStatus',
  'toStatus',
  'targetUnitId',
  'reasonCode',
  'reason',
  'relatedComplaintId',
  'anonim',
  'rahasia',
  'deviceTime',
] as const satisfies readonly (keyof ComplaintEvent)[];
/** Fields of a follow-up the server sets from the complaint it finds, whatever the device said. */
const SERVER_CORRECTED_FIELDS: ReadonlySet<string> = new Set(['fromStatus', 'toStatus']);
const SERVER_STAMPED_FIELDS = [
  'instansiId',
  'officerId',
  'officerName',
  'officerRole',
  'serverTime',
  'deviceTimeTrusted',
  'serverSeq',
] as const satisfies readonly (keyof ComplaintEvent)[];

/**
 * A push of a stored event is harmless only as a re-delivery: the device's unstamped copy with
 * the same content (its claims about who and when are ignored, as on first delivery), or an
 * exact copy of the stored event. Anything else is a change, and events never change.
 */
function isRedelivery(stored: ComplaintEvent, pushed: ComplaintEvent): boolean {
  const corrected = FOLLOW_UP_KINDS.some((kind) => kind === stored.kind);
  const differs = DEVICE_FIELDS.some(
    (field) =>
      stored[field] !== pushed[field] && !(corrected && SERVER_CORRECTED_FIELDS.has(field)),
  );
  if (differs) return false;
  // By value: the stored list comes back from jsonb with its keys in jsonb's own order.
  if (!isDeepStrictEqual(stored.attachments, pushed.attachments)) return false;
  if (pushed.serverSeq === 0 && pushed.serverTime === 0) return true;
  return SERVER_STAMPED_FIELDS.every((field) => stored[field] === pushed[field]);
}

/** The columns of a complaint_events row, in the order complaintEventRowValues gives them. */
export const COMPLAINT_EVENT_COLUMNS = [
  'id',
  'complaint_id',
  'instansi_id',
  'kind',
  'from_status',
  'to_status',
  'target_unit_id',
  'reason_code',
  'reason',
  'related_complaint_id',
  'anonim',
  'rahasia',
  'officer_id',
  'officer_name',
  'officer_role',
  'device_time',
  'server_time',
  'device_id',
  'seq',
  'attachments',
  'device_time_trusted',
] as const;

/** A stamped event (officer and server time set) as the values of its row. */
export function complaintEventRowValues(
  event: ComplaintEvent,
  deviceId: string,
  seq: number,
): unknown[] {
  return [
    event.id,
    event.complaintId,
    event.instansiId,
    event.kind,
    event.fromStatus,
    event.toStatus,
    event.targetUnitId || null,
    event.reasonCode,
    event.reason,
    event.relatedComplaintId || null,
    event.anonim,
    event.rahasia,
    event.officerRole === REPORTER_ROLE ? null : event.officerId,
    event.officerName,
    event.officerRole,
    new Date(event.deviceTime),
    new Date(event.serverTime),
    deviceId,
    seq,
    JSON.stringify(event.attachments),
    event.deviceTimeTrusted ?? true,
  ];
}

/** Writes one stamped event with its change number; events are only ever inserted. */
export async function insertComplaintEvent(
  tx: SqlExecutor,
  event: ComplaintEvent,
  deviceId: string,
  seq: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO complaint_events (${COMPLAINT_EVENT_COLUMNS.join(', ')})
     VALUES (${COMPLAINT_EVENT_COLUMNS.map((_column, index) => `$${index + 1}`).join(', ')})`,
    complaintEventRowValues(event, deviceId, seq),
  );
}

type ComplaintLockRow = {
  id: string;
  status: ComplaintStatus;
  unit_id: string | null;
  received_at: Date;
  type: string;
  berkadar_pengawasan: boolean;
};

function isFollowUpKind(kind: ComplaintEvent['kind']): kind is (typeof FOLLOW_UP_KINDS)[number] {
  return (FOLLOW_UP_KINDS as readonly string[]).includes(kind);
}

/** The composer's rules, checked again: a device is not trusted to have applied them. */
function followUpContentProblem(event: ComplaintEvent): string | null {
  if (!isFollowUpKind(event.kind)) return null;
  const parsed = followUpInputSchema.safeParse({
    kind: event.kind,
    content: event.reason,
    attachments: event.attachments,
  });
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Tindak lanjut tidak valid');
}

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
  const seq = await nextChangeSeq(tx);
  await tx.query(
    `UPDATE complaints SET status = $2, status_changed_at = $3, due_at = $4, updated_at = $3,
       updated_by = $5, seq = $6 WHERE id = $1`,
    [target.id, status, new Date(now), dueAt > 0 ? new Date(dueAt) : null, officer.id, seq],
  );
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

/**
 * An event may list only files its officer has announced for the same complaint and event:
 * otherwise other officers would receive an event pointing at files that do not exist, or at
 * another officer's or another complaint's. The workstation announces an event's files before
 * it pushes the event.
 */
async function unannouncedFilesRefusal(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  event: ComplaintEvent,
): Promise<string | null> {
  const missing = await unannouncedAttachmentIds(tx, officer, event, event.attachments);
  if (missing.length === 0) return null;
  return `Lampiran belum diumumkan untuk pengaduan ini: ${missing.join(', ')}`;
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
  const parsed = wireEventSchema.safeParse(row.newDocumentState);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      refuse: {
        code: 'validation',
        message: `Riwayat tidak valid pada ${issue?.path.join('.')}: ${issue?.message}`,
      },
    };
  }
  const event = parsed.data;
  const visible = scope(officer, 2);
  const existing = await tx.query<EventRow & { visible: boolean }>(
    `SELECT ${COLUMNS}, ${visible.where} AS visible FROM complaint_events e ${visible.join}
      WHERE e.id = $1`,
    [event.id, ...visible.params],
  );
  if (existing[0]) {
    // An event outside the officer's scope is refused without showing it.
    const master = existing[0].visible ? fromRow(existing[0]) : undefined;
    if (master && master.officerId === officer.id && isRedelivery(master, event) && !event._deleted)
      return { result: 'unchanged', master };
    return {
      refuse: { code: 'append_only', message: 'Riwayat pengaduan tidak dapat diubah atau dihapus' },
      master,
    };
  }
  if (event._deleted || row.assumedMasterState) {
    return {
      refuse: { code: 'append_only', message: 'Riwayat pengaduan tidak dapat diubah atau dihapus' },
    };
  }
  if (!APPENDABLE_KINDS[officer.role].has(event.kind)) {
    return {
      refuse: {
        code: 'permission',
        message: `Peran ${officer.role} tidak dapat mencatat ${event.kind}`,
      },
    };
  }
  const complaintScope = officer.role === 'penghubung' ? 'AND unit_id = $3' : '';
  // Locked: a follow-up may move the complaint's status, and the push of its status change may
  // be in another transaction at the same moment.
  const complaint = await tx.query<ComplaintLockRow>(
    `SELECT id, status, unit_id, received_at, type, berkadar_pengawasan
       FROM complaints WHERE id = $1 AND instansi_id = $2 ${complaintScope} FOR UPDATE`,
    officer.role === 'penghubung'
      ? [event.complaintId, officer.instansiId, officer.unitId]
      : [event.complaintId, officer.instansiId],
  );
  const target = complaint[0];
  if (!target) {
    return {
      refuse: {
        code: 'not_found',
        message: 'Pengaduan tidak ditemukan atau di luar wewenang Anda',
      },
    };
  }
  let fromStatus = event.fromStatus;
  let toStatus = event.toStatus;
  if (isFollowUpKind(event.kind)) {
    const refusal = followUpRefusal(
      { status: target.status, unitId: target.unit_id ?? '' },
      { role: officer.role, unitId: officer.unitId },
      event.kind,
    );
    if (refusal) return { refuse: { code: 'lifecycle', message: refusal } };
    const problem = followUpContentProblem(event);
    if (problem) return { refuse: { code: 'validation', message: problem } };
    const unannounced = await unannouncedFilesRefusal(tx, officer, event);
    if (unannounced) return { refuse: { code: 'validation', message: unannounced } };
    fromStatus = target.status;
    toStatus = statusAfterFollowUp(target.status, event.kind);
  } else if (event.attachments.length > 0) {
    return {
      refuse: { code: 'validation', message: 'Lampiran hanya pada tindak lanjut atau catatan' },
    };
  } else if (event.kind === 'buka_kembali') {
    const transition = decideEventTransition(target.status, event);
    if (!transition.ok) return { refuse: { code: 'lifecycle', message: transition.error } };
    fromStatus = target.status;
    toStatus = transition.toStatus;
  }
  const seq = await nextChangeSeq(tx);
  // Who wrote it comes from the session, never from the device's claim.
  const stamped: ComplaintEvent = {
    ...event,
    fromStatus,
    toStatus,
    instansiId: officer.instansiId,
    officerId: officer.id,
    officerName: officer.displayName,
    officerRole: officer.role,
    serverTime: now,
    deviceTimeTrusted: await decideDeviceTimeOf(tx, event, officer.role, now),
  };
  await insertComplaintEvent(tx, stamped, officer.deviceId, seq);
  if (statusAfterEvent(target.status, event.kind) !== target.status && toStatus) {
    await moveComplaintStatus(tx, officer, target, toStatus, now, event.kind);
    await resolveRefusalsSettledByEvent(tx, officer.id, target.id, toStatus, now);
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

export const complaintEventStore: ReplicatedStore<ComplaintEvent> = {
  collection: 'complaint_events',
  async pull(db, officer, afterSeq, limit, tombstonesAfter = afterSeq) {
    const visible = scope(officer, 3);
    const rows = await db.query<EventRow>(
      `SELECT ${COLUMNS} FROM complaint_events e ${visible.join}
        WHERE e.seq > $1 AND ${visible.where} ORDER BY e.seq LIMIT $2`,
      [afterSeq, limit, ...visible.params],
    );
    const alive = rows.map((row) => ({
      seq: Number(row.seq),
      document: { ...fromRow(row), _deleted: false },
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
  async countAfter(db, officer, afterSeq, tombstonesAfter = afterSeq) {
    const visible = scope(officer, 2);
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
    const outcome: PushOutcome<ComplaintEvent> = { conflicts: [], accepted: 0, refused: 0 };
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
  await tx.query('UPDATE complaints SET seq = $1 WHERE id = $2', [
    await nextChangeSeq(tx),
    event.complaintId,
  ]);
}

/**
 * Gives a complaint's events new change numbers, so an OPD that has just received the complaint
 * also receives its history (its officers' checkpoints are already past the old numbers).
 */
export async function reissueEventSeqs(tx: SqlExecutor, complaintId: string): Promise<void> {
  const events = await tx.query<{ id: string }>(
    'SELECT id FROM complaint_events WHERE complaint_id = $1 ORDER BY seq',
    [complaintId],
  );
  for (const event of events) {
    await tx.query('UPDATE complaint_events SET seq = $1 WHERE id = $2', [
      await nextChangeSeq(tx),
      event.id,
    ]);
  }
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
  const visible = scope(officer, 2);
  const rows = await tx.query<EventRow>(
    `SELECT ${COLUMNS} FROM complaint_events e ${visible.join} WHERE e.id = $1 AND ${visible.where}`,
    [eventId, ...visible.params],
  );
  return rows[0] ? fromRow(rows[0]) : undefined;
}
