import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ComplaintEvent } from '../../shared/schemas/complaint-event.ts';
import {
  computeRakordaReport,
  type RakordaCategory,
  type RakordaComplaint,
  type RakordaEvent,
  type RakordaUnit,
} from '../../shared/reports/compute-rakorda-figures.ts';
import {
  periodBounds,
  previousPeriod,
  reportPeriodSchema,
} from '../../shared/reports/report-period.ts';
import type { Database, SqlExecutor } from '../db/database.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import {
  COMPLAINT_SUMMARY_COLUMNS,
  complaintSummaryFromRow,
  type ComplaintSummaryRow,
} from '../complaints/complaint-row.ts';
import { officerOf, requireOfficer } from '../http/authenticate.ts';
import { loadSlaRuleSets, loadWorkingCalendar } from '../calendar/working-calendar-repository.ts';

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD&unit=a&unit=b`: `unit` may repeat; none = whole instansi. */
export const rakordaQuerySchema = z.preprocess((query) => {
  if (typeof query !== 'object' || query === null) return query;
  const { from, to, unit } = query as Record<string, unknown>;
  return { from, to, unitIds: unit === undefined ? [] : Array.isArray(unit) ? unit : [unit] };
}, reportPeriodSchema);

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

export type RakordaRouteOptions = { db: Database; now: () => number };

/**
 * GET /api/reports/rakorda: the same figures the workstation computes on its replica
 * (computeRakordaFigures), for the period and the one before it. Admin Instansi and
 * Koordinator see the whole instansi or chosen units; a Penghubung only its own unit.
 */
export function registerRakordaReportRoute(app: FastifyInstance, options: RakordaRouteOptions) {
  const { db, now } = options;
  app.get(
    '/api/reports/rakorda',
    { preHandler: requireOfficer(db, now) },
    async (request, reply) => {
      const officer = officerOf(request);
      const period = parseOr400(rakordaQuerySchema, request.query, reply, 'Parameter laporan');
      if (!period) return reply;

      if (officer.role === 'penghubung') {
        const foreign = period.unitIds.filter((id) => id !== officer.unitId);
        if (foreign.length > 0) {
          return sendApiError(
            reply,
            403,
            'forbidden',
            'Pejabat penghubung hanya dapat melihat laporan OPD-nya sendiri',
          );
        }
        period.unitIds = [officer.unitId];
      }

      const units = await db.query<{
        id: string;
        name: string;
        short_name: string;
        active: boolean;
      }>('SELECT id, name, short_name, active FROM units WHERE instansi_id = $1', [
        officer.instansiId,
      ]);
      const knownUnits = new Set(units.map((unit) => unit.id));
      const unknown = period.unitIds.filter((id) => !knownUnits.has(id));
      if (unknown.length > 0) {
        return sendApiError(reply, 400, 'invalid_request', 'Parameter laporan tidak valid', [
          { path: 'unit', message: `OPD tidak dikenal: ${unknown.join(', ')}` },
        ]);
      }

      const categories = await db.query<{ id: string; name: string; active: boolean }>(
        'SELECT id, name, active FROM categories WHERE instansi_id = $1',
        [officer.instansiId],
      );
      const calendar = await loadWorkingCalendar(db, officer.instansiId);
      const slaRuleSets = await loadSlaRuleSets(db, officer.instansiId);
      // One read covers both periods: the comparison period ends where this one starts.
      const start = periodBounds(previousPeriod(period), calendar.utcOffsetMinutes).startMs;
      const end = periodBounds(period, calendar.utcOffsetMinutes).endMs;
      const { complaints, events } = await loadComplaintsAndEvents(
        db,
        officer.instansiId,
        start,
        end,
        period.unitIds,
      );
      const at = now();
      return computeRakordaReport({
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
        categories: categories satisfies RakordaCategory[],
        now: at,
        dataAsOf: at,
      });
    },
  );
}
