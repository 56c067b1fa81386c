import {
  REPORTER_AUTHOR_ID,
  REPORTER_ROLE,
  type ComplaintEvent,
} from '../../shared/schemas/complaint-event.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import type { SqlExecutor } from '../db/database.ts';
import { nextChangeSeq } from '../changes/change-counter.ts';
import { insertNumberedRows } from '../changes/insert-numbered-rows.ts';
import { ADMIN_ONLY_KINDS } from './admin-only-event-kinds.ts';

export type ComplaintEventRow = {
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

export const COMPLAINT_EVENT_SELECT_COLUMNS = `e.id, e.complaint_id, e.instansi_id, e.kind, e.from_status, e.to_status, e.target_unit_id,
  e.reason_code, e.reason, e.related_complaint_id, e.anonim, e.rahasia, e.officer_id, e.officer_name,
  e.officer_role, e.device_time, e.server_time, e.device_time_trusted, e.seq, e.attachments`;

export function complaintEventFromRow(row: ComplaintEventRow): ComplaintEvent {
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
export function eventScope(
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

/** Rows per statement: well under PostgreSQL's 65,535 bound parameters per statement. */
const INSERT_BATCH = 500;

/**
 * Writes stamped events in the given order, in multi-row statements: a complaint's events get
 * increasing change numbers, oldest first.
 */
export async function insertComplaintEvents(
  tx: SqlExecutor,
  events: readonly ComplaintEvent[],
  deviceId: string,
): Promise<void> {
  await insertNumberedRows(
    tx,
    'complaint_events',
    COMPLAINT_EVENT_COLUMNS,
    events,
    (event, seq) => complaintEventRowValues(event, deviceId, seq),
    INSERT_BATCH,
  );
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
