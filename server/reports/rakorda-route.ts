import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { computeRakordaReport } from '../../shared/reports/compute-rakorda-figures.ts';
import { reportPeriodSchema } from '../../shared/reports/report-period.ts';
import type { Database } from '../db/database.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import { officerOf, requireOfficer } from '../auth/authenticate.ts';
import { loadRakordaInput } from './load-rakorda-input.ts';

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD&unit=a&unit=b`: `unit` may repeat; none = whole instansi. */
export const rakordaQuerySchema = z.preprocess((query) => {
  if (typeof query !== 'object' || query === null) return query;
  const { from, to, unit } = query as Record<string, unknown>;
  return { from, to, unitIds: unit === undefined ? [] : Array.isArray(unit) ? unit : [unit] };
}, reportPeriodSchema);

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

      const units = await db.query<{ id: string }>('SELECT id FROM units WHERE instansi_id = $1', [
        officer.instansiId,
      ]);
      const knownUnits = new Set(units.map((unit) => unit.id));
      const unknown = period.unitIds.filter((id) => !knownUnits.has(id));
      if (unknown.length > 0) {
        return sendApiError(reply, 400, 'invalid_request', 'Parameter laporan tidak valid', [
          { path: 'unit', message: `OPD tidak dikenal: ${unknown.join(', ')}` },
        ]);
      }

      return computeRakordaReport(await loadRakordaInput(db, officer.instansiId, period, now()));
    },
  );
}
