import type { ComplaintEvent } from '../../shared/schemas/complaint-event.ts';
import { CLOSED_STATUSES, openEventCursorOf } from '../../shared/sync/plan-first-sync-phase.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import type { Database } from '../db/database.ts';
import {
  COMPLAINT_EVENT_SELECT_COLUMNS,
  complaintEventFromRow,
  eventScope,
  type ComplaintEventRow,
} from './complaint-event-rows.ts';
import type { OpenPhaseQuery, OpenPhaseRow } from '../replicated-store.ts';

/**
 * A first sync's open phase for timelines: the events of the officer's open complaints (as the
 * complaints' own open phase picks them: unchanged since the sync began and in no closed
 * status), in the complaints' order, overdue first then newest, a complaint's events by id.
 */
export async function pullOpenEvents(
  db: Database,
  officer: AuthenticatedOfficer,
  query: OpenPhaseQuery,
): Promise<OpenPhaseRow<ComplaintEvent>[]> {
  // eventScope's penghubung clause names the complaint as `c`, which this query joins anyway.
  const visible = eventScope(officer, 9);
  const overdue = '(c.due_at IS NOT NULL AND c.due_at < $3)::integer';
  // Milliseconds, as the cursor carries them: a finer stored time would skip rows between pages.
  const received = "date_trunc('milliseconds', c.received_at)";
  const rows = await db.query<
    ComplaintEventRow & { open_overdue: number; open_received: Date; open_due: Date | null }
  >(
    `SELECT ${COMPLAINT_EVENT_SELECT_COLUMNS}, ${overdue} AS open_overdue,
            ${received} AS open_received, c.due_at AS open_due
       FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id
      WHERE e.seq <= $1 AND c.seq <= $1 AND c.status <> ALL($2::text[])
        AND c.instansi_id = e.instansi_id AND ${visible.where}
        AND ($6::text IS NULL
          OR (${overdue}, ${received}, c.id, e.id) < ($4::integer, $5::timestamptz, $6::text, $7::text))
      ORDER BY ${overdue} DESC, ${received} DESC, c.id DESC, e.id DESC LIMIT $8`,
    [
      query.head,
      CLOSED_STATUSES,
      new Date(query.asOf),
      query.after?.o ?? 0,
      new Date(query.after?.r ?? 0),
      query.after?.id ?? null,
      // A cursor of the complaints' phase (no event id) sorts before every event of its complaint.
      query.after?.e ?? '\uffff',
      query.limit,
      ...visible.params,
    ],
  );
  return rows.map((row) => {
    const document = { ...complaintEventFromRow(row), _deleted: false };
    const complaint = {
      id: row.complaint_id,
      dueAt: row.open_due ? row.open_due.getTime() : 0,
      receivedAt: row.open_received.getTime(),
    };
    return { document, cursor: openEventCursorOf(document, complaint, query.asOf) };
  });
}

/**
 * The history after the open phase leaves out what the open phase brought: events up to the
 * sync's start of complaints still unchanged since then and open. An event whose complaint
 * changed meanwhile is sent again (writing it twice is harmless); none is left out unsent.
 */
export function exceptOpenEventsClause(
  firstParam: number,
  exceptOpenUpTo: number,
): { sql: string; params: unknown[] } {
  const head = `$${firstParam}`;
  return {
    sql: `NOT (e.seq <= ${head} AND EXISTS (SELECT 1 FROM complaints oc WHERE oc.id = e.complaint_id
            AND oc.seq <= ${head} AND oc.status <> ALL($${firstParam + 1}::text[])))`,
    params: [exceptOpenUpTo, CLOSED_STATUSES],
  };
}
