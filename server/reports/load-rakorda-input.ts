import type { ComplaintEvent } from '../../shared/schemas/complaint-event.ts';
import type {
  RakordaComplaint,
  RakordaEvent,
  RakordaInput,
  RakordaUnit,
} from '../../shared/reports/compute-rakorda-figures.ts';
import {
  periodBounds,
  previousPeriod,
  type ReportPeriod,
} from '../../shared/reports/report-period.ts';
import type { SqlExecutor } from '../db/database.ts';
import {
  COMPLAINT_SUMMARY_COLUMNS,
  complaintSummaryFromRow,
  type ComplaintSummaryRow,
} from '../complaints/complaint-row.ts';
import { loadSlaRuleSets, loadWorkingCalendar } from '../calendar/working-calendar-repository.ts';
import { loadAreaDataset } from '../regions/area-dataset.ts';

type EventRow = {
  complaint_id: string;
  from_status: ComplaintEvent['fromStatus'];
  to_status: ComplaintEvent['toStatus'];
  reason_code: string;
  device_time: Date;
  server_time: Date;
  device_time_trusted: boolean;
};

// Fixed column lists: what the figures read, never the reporter's identity or the body
// (COMPLAINT_SUMMARY_COLUMNS).
const EVENT_COLUMNS =
  'e.complaint_id, e.from_status, e.to_status, e.reason_code, e.device_time, e.server_time, e.device_time_trusted';

const COMPLAINTS_SQL = `SELECT ${COMPLAINT_SUMMARY_COLUMNS} FROM complaints
  WHERE instansi_id = $1 AND received_at >= $2 AND received_at < $3`;
const COMPLAINTS_OF_UNITS_SQL = `${COMPLAINTS_SQL} AND unit_id = ANY($4::text[])`;
const EVENTS_SQL = `SELECT ${EVENT_COLUMNS} FROM complaint_events e
  JOIN complaints c ON c.id = e.complaint_id
  WHERE e.instansi_id = $1 AND c.instansi_id = $1 AND c.received_at >= $2 AND c.received_at < $3`;
const EVENTS_OF_UNITS_SQL = `${EVENTS_SQL} AND c.unit_id = ANY($4::text[])`;

function eventFromRow(row: EventRow): RakordaEvent {
  return {
    complaintId: row.complaint_id,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reasonCode: row.reason_code,
    deviceTime: row.device_time.getTime(),
    serverTime: row.server_time.getTime(),
    deviceTimeTrusted: row.device_time_trusted,
  };
}

/** Complaints received from `startMs` (inclusive) to `endMs` (exclusive), with their events. */
async function loadComplaintsAndEvents(
  db: SqlExecutor,
  instansiId: string,
  startMs: number,
  endMs: number,
  unitIds: readonly string[],
): Promise<{ complaints: RakordaComplaint[]; events: RakordaEvent[] }> {
  const params: unknown[] = [instansiId, new Date(startMs), new Date(endMs)];
  if (unitIds.length > 0) params.push([...unitIds]);
  const complaints = await db.query<ComplaintSummaryRow>(
    unitIds.length > 0 ? COMPLAINTS_OF_UNITS_SQL : COMPLAINTS_SQL,
    params,
  );
  const events = await db.query<EventRow>(
    unitIds.length > 0 ? EVENTS_OF_UNITS_SQL : EVENTS_SQL,
    params,
  );
  return { complaints: complaints.map(complaintSummaryFromRow), events: events.map(eventFromRow) };
}

/**
 * What computeRakordaReport reads for one instansi, for the period and the one before it:
 * complaints (no body, no reporter identity), their status moves, units, categories,
 * calendar, SLA rules and the names of the kabupaten/kota of the instansi's region.
 */
export async function loadRakordaInput(
  db: SqlExecutor,
  instansiId: string,
  period: ReportPeriod,
  at: number,
): Promise<RakordaInput> {
  const units = await db.query<{
    id: string;
    name: string;
    short_name: string;
    active: boolean;
  }>('SELECT id, name, short_name, active FROM units WHERE instansi_id = $1', [instansiId]);
  const categories = await db.query<{ id: string; name: string; active: boolean }>(
    'SELECT id, name, active FROM categories WHERE instansi_id = $1',
    [instansiId],
  );
  const [instansi] = await db.query<{ region_code: string }>(
    'SELECT region_code FROM instansi WHERE id = $1',
    [instansiId],
  );
  const region = instansi?.region_code ?? '';
  const calendar = await loadWorkingCalendar(db, instansiId);
  const slaRuleSets = await loadSlaRuleSets(db, instansiId);
  // One read covers both periods: the comparison period ends where this one starts.
  const start = periodBounds(previousPeriod(period), calendar.utcOffsetMinutes).startMs;
  const end = periodBounds(period, calendar.utcOffsetMinutes).endMs;
  const { complaints, events } = await loadComplaintsAndEvents(
    db,
    instansiId,
    start,
    end,
    period.unitIds,
  );
  return {
    complaints,
    events,
    period,
    calendar,
    slaRuleSets,
    units: units.map((unit): RakordaUnit => ({
      id: unit.id,
      name: unit.name,
      shortName: unit.short_name,
      active: unit.active,
    })),
    categories,
    regencies: region === '' ? [] : (await loadAreaDataset()).regenciesOf(region),
    now: at,
    dataAsOf: at,
  };
}
