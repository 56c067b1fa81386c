import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { csvRecords } from '../../shared/import/parse-csv.ts';
import type { Database } from '../db/database.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import { officerOf, requireOfficer } from '../auth/authenticate.ts';
import { appendAudit } from '../audit-log.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { importComplaints } from './import-complaints.ts';
import { loadAreaDataset, type AreaDataset } from '../regions/area-dataset.ts';
import { regionCodeSchema } from '../../shared/schemas/complaint.ts';

/**
 * Well-formed region codes of the rows that are not official village codes (a malformed one is
 * refused with its row by the import plan).
 */
function unknownRegionCodesOfRows(
  dataset: Pick<AreaDataset, 'hasVillage'>,
  rows: readonly unknown[],
  firstRowNumber: number,
): { row: number; code: string }[] {
  const unknown: { row: number; code: string }[] = [];
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null) return;
    const value = (row as Record<string, unknown>).regionCode;
    const code = regionCodeSchema.safeParse(typeof value === 'string' ? value.trim() : value);
    if (code.success && !dataset.hasVillage(code.data))
      unknown.push({ row: firstRowNumber + index, code: code.data });
  });
  return unknown;
}

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
    // A CSV's first record sits under its header line.
    const firstRowNumber = body.format === 'csv' ? 2 : 1;
    if (rows.length > MAX_IMPORT_ROWS)
      return sendApiError(
        reply,
        400,
        'invalid_request',
        `Paling banyak ${MAX_IMPORT_ROWS} baris per impor`,
      );
    const unknown = unknownRegionCodesOfRows(await loadAreaDataset(), rows, firstRowNumber);
    if (unknown.length > 0)
      return sendApiError(
        reply,
        400,
        'unknown_region_code',
        `Kode wilayah tidak dikenal: ${unknown.map((entry) => entry.code).join(', ')}`,
        unknown.map((entry) => ({
          path: `baris ${entry.row}.regionCode`,
          message: `Kode wilayah tidak dikenal: ${entry.code}`,
        })),
      );
    const report = await importComplaints(
      db,
      {
        instansiId: officer.instansiId,
        rows,
        firstRowNumber,
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
