import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { csvRecords } from '../../shared/import/parse-csv.ts';
import type { Database } from '../db/database.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import { officerOf, requireOfficer } from '../http/authenticate.ts';
import { appendAudit } from '../audit-log.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { importComplaints } from './import-complaints.ts';

/** Most rows one import may carry; larger exports are imported in parts. */
export const MAX_IMPORT_ROWS = 20_000;

const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
});

const importBodySchema = z.discriminatedUnion('format', [
  z.object({
    format: z.literal('csv'),
    data: z
      .string()
      .min(1)
      .max(16 * 1024 * 1024),
  }),
  z.object({
    format: z.literal('json'),
    data: z.array(z.record(z.string().max(60), z.unknown())).max(MAX_IMPORT_ROWS),
  }),
]);

/** Admin only: bulk import of an export (CSV or JSON), with a dry run that writes nothing. */
export function registerImportRoutes(
  app: FastifyInstance,
  options: { db: Database; now: () => number; feed: ChangeFeed },
) {
  const { db, now, feed } = options;
  app.post('/api/admin/import', { preHandler: requireOfficer(db, now) }, async (request, reply) => {
    const officer = officerOf(request);
    if (officer.role !== 'admin_instansi') {
      await appendAudit(
        db,
        {
          officerId: officer.id,
          deviceId: officer.deviceId,
          action: 'import_refused',
          details: { reason: 'role' },
        },
        now(),
      );
      return sendApiError(reply, 403, 'forbidden', 'Hanya Admin Instansi yang dapat mengimpor');
    }
    const query = parseOr400(importQuerySchema, request.query, reply, 'Parameter impor');
    if (!query) return reply;
    const body = parseOr400(importBodySchema, request.body, reply, 'Isi impor');
    if (!body) return reply;
    const rows = body.format === 'csv' ? csvRecords(body.data) : body.data;
    if (rows.length > MAX_IMPORT_ROWS)
      return sendApiError(
        reply,
        400,
        'invalid_request',
        `Paling banyak ${MAX_IMPORT_ROWS} baris per impor`,
      );
    const report = await importComplaints(
      db,
      {
        instansiId: officer.instansiId,
        rows,
        // A CSV's first record sits under its header line.
        firstRowNumber: body.format === 'csv' ? 2 : 1,
        dryRun: query.dryRun === 'true',
        officerId: officer.id,
        deviceId: officer.deviceId,
      },
      now(),
    );
    if (!report.dryRun && report.create.length > 0) feed.publish('complaints');
    return report;
  });
}
