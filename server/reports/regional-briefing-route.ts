import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { computeRakordaFigures } from '../../shared/reports/compute-rakorda-figures.ts';
import {
  planRegionalBriefing,
  type BriefingInstansi,
} from '../../shared/reports/plan-regional-briefing.ts';
import { reportPeriodSchema } from '../../shared/reports/report-period.ts';
import { idSchema } from '../../shared/schemas/common.ts';
import type { Database, SqlExecutor } from '../db/database.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import { officerOf, requireOfficer } from '../auth/authenticate.ts';
import { findInstansi, readInstansiStaffing } from '../auth/officer-repository.ts';
import { listChildInstansi } from '../instansi/instansi-store.ts';
import { loadRakordaInput } from './load-rakorda-input.ts';

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD&instansi=a&instansi=b`: none = every kabupaten/kota. */
export const regionalBriefingQuerySchema = z.preprocess(
  (query) => {
    if (typeof query !== 'object' || query === null) return query;
    const { from, to, instansi } = query as Record<string, unknown>;
    return {
      from,
      to,
      instansiIds: instansi === undefined ? [] : Array.isArray(instansi) ? instansi : [instansi],
    };
  },
  z.object({
    from: z.string(),
    to: z.string(),
    instansiIds: z.array(idSchema).max(100),
  }),
);

async function briefingInstansi(
  db: SqlExecutor,
  instansi: { id: string; name: string; shortName: string },
  period: { from: string; to: string },
  at: number,
): Promise<BriefingInstansi> {
  const input = await loadRakordaInput(db, instansi.id, { ...period, unitIds: [] }, at);
  return {
    ...instansi,
    figures: computeRakordaFigures(input),
    staffing: await readInstansiStaffing(db, instansi.id),
  };
}

/**
 * GET /api/reports/regional: the RAKORDA briefing of a province comparing its kabupaten/kota
 * (the instansi whose parent it is), each through computeRakordaFigures on the server. For the
 * Koordinator and Admin Instansi of the convening instansi; figures only, never a complaint.
 */
export function registerRegionalBriefingRoute(
  app: FastifyInstance,
  options: { db: Database; now: () => number },
) {
  const { db, now } = options;
  app.get(
    '/api/reports/regional',
    { preHandler: requireOfficer(db, now) },
    async (request, reply) => {
      const officer = officerOf(request);
      if (officer.role === 'penghubung')
        return sendApiError(
          reply,
          403,
          'forbidden',
          'Bahan RAKORDA wilayah hanya untuk Koordinator dan Admin Instansi',
        );
      const query = parseOr400(
        regionalBriefingQuerySchema,
        request.query,
        reply,
        'Parameter laporan',
      );
      if (!query) return reply;
      const period = parseOr400(
        reportPeriodSchema,
        { from: query.from, to: query.to, unitIds: [] },
        reply,
        'Parameter laporan',
      );
      if (!period) return reply;
      const children = await listChildInstansi(db, officer.instansiId);
      const inScope = new Set(children.map((child) => child.id));
      const foreign = query.instansiIds.filter((id) => !inScope.has(id));
      if (foreign.length > 0)
        return sendApiError(
          reply,
          403,
          'forbidden',
          'Instansi di luar wilayah koordinasi instansi ini',
          foreign.map((id) => ({ path: 'instansi', message: `Di luar wilayah: ${id}` })),
        );
      const chosen = new Set(query.instansiIds);
      const members = chosen.size > 0 ? children.filter((c) => chosen.has(c.id)) : children;
      const own = await findInstansi(db, officer.instansiId);
      const at = now();
      const window = { from: period.from, to: period.to };
      const province = await briefingInstansi(
        db,
        { id: own.id, name: own.name, shortName: own.shortName },
        window,
        at,
      );
      const compared: BriefingInstansi[] = [];
      for (const member of members) compared.push(await briefingInstansi(db, member, window, at));
      return planRegionalBriefing({
        period,
        generatedAt: at,
        province,
        members: compared,
      });
    },
  );
}
