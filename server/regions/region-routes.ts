import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { officerOf, requireOfficer } from '../auth/authenticate.ts';
import { loadAreaDataset } from './area-dataset.ts';

/**
 * GET /api/regions/directory: the place names of the officer's instansi region (its province or
 * regency), fetched once by a device and kept in its replica so names show offline. Place names
 * are public; any officer may read its own region's.
 */
export function registerRegionRoutes(
  app: FastifyInstance,
  options: { db: Database; now: () => number },
) {
  const { db, now } = options;
  app.get(
    '/api/regions/directory',
    { preHandler: requireOfficer(db, now) },
    async (request, reply) => {
      const officer = officerOf(request);
      const [instansi] = await db.query<{ region_code: string }>(
        'SELECT region_code FROM instansi WHERE id = $1',
        [officer.instansiId],
      );
      const region = instansi?.region_code ?? '';
      const dataset = await loadAreaDataset();
      // An instansi with no region set gets no names rather than the whole country's 83,000.
      const directory =
        region === ''
          ? { region, source: dataset.source, regencies: [], districts: [], villages: [] }
          : dataset.directoryOf(region);
      const tag = `"${encodeURIComponent(`${directory.source}|${region}`)}"`;
      reply.header('etag', tag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === tag) return reply.code(304).send();
      return directory;
    },
  );
}
