import type { ComplaintStatus } from '../../shared/domain/complaint-status.ts';
import type { PublicComplaint } from '../../shared/open311/open311-records.ts';
import type { SqlExecutor } from '../db/database.ts';

export type Jurisdiction = { id: string; shortName: string; utcOffsetMinutes: number };

/**
 * The instansi a public request is about: the one named by `jurisdiction_id`, or the only one
 * this server holds. `missing` when the server holds several and none was named.
 */
export async function resolveJurisdiction(
  db: SqlExecutor,
  jurisdictionId: string | undefined,
): Promise<Jurisdiction | 'unknown' | 'missing'> {
  const rows = await db.query<{ id: string; short_name: string; utc_offset_minutes: number }>(
    jurisdictionId
      ? 'SELECT id, short_name, utc_offset_minutes FROM instansi WHERE id = $1'
      : 'SELECT id, short_name, utc_offset_minutes FROM instansi ORDER BY id LIMIT 2',
    jurisdictionId ? [jurisdictionId] : [],
  );
  if (jurisdictionId && rows.length === 0) return 'unknown';
  if (rows.length !== 1 || !rows[0]) return rows.length === 0 ? 'unknown' : 'missing';
  return {
    id: rows[0].id,
    shortName: rows[0].short_name,
    utcOffsetMinutes: rows[0].utc_offset_minutes,
  };
}

export async function activeCategories(
  db: SqlExecutor,
  instansiId: string,
): Promise<{ id: string; code: string; name: string }[]> {
  return db.query(
    'SELECT id, code, name FROM categories WHERE instansi_id = $1 AND active ORDER BY name, code',
    [instansiId],
  );
}

export type PublicComplaintFilter = {
  instansiId: string;
  trackingNumbers?: string[];
  categoryCodes?: string[];
  statuses?: ComplaintStatus[];
  receivedFrom?: number;
  receivedTo?: number;
  limit: number;
};

type PublicRow = {
  tracking_number: string;
  status: ComplaintStatus;
  category_code: string;
  category_name: string;
  unit_name: string | null;
  body: string;
  region_code: string;
  location_text: string;
  received_at: Date;
  updated_at: Date;
  due_at: Date | null;
};

/**
 * Public complaints matching the filter, newest first. Reporter columns are never selected and
 * rahasia complaints never leave this query.
 */
export async function findPublicComplaints(
  db: SqlExecutor,
  filter: PublicComplaintFilter,
): Promise<PublicComplaint[]> {
  const rows = await db.query<PublicRow>(
    `SELECT c.tracking_number, c.status, cat.code AS category_code, cat.name AS category_name,
            u.name AS unit_name, c.body, c.region_code, c.location_text, c.received_at,
            c.updated_at, c.due_at
       FROM complaints c
       JOIN categories cat ON cat.id = c.category_id
       LEFT JOIN units u ON u.id = c.unit_id
      WHERE c.instansi_id = $1 AND NOT c.rahasia
        AND ($2::text[] IS NULL OR c.tracking_number = ANY($2::text[]))
        AND ($3::text[] IS NULL OR cat.code = ANY($3::text[]))
        AND ($4::text[] IS NULL OR c.status = ANY($4::text[]))
        AND ($5::timestamptz IS NULL OR c.received_at >= $5::timestamptz)
        AND ($6::timestamptz IS NULL OR c.received_at <= $6::timestamptz)
      ORDER BY c.received_at DESC, c.tracking_number DESC
      LIMIT $7`,
    [
      filter.instansiId,
      filter.trackingNumbers ?? null,
      filter.categoryCodes ?? null,
      filter.statuses ?? null,
      filter.receivedFrom === undefined ? null : new Date(filter.receivedFrom),
      filter.receivedTo === undefined ? null : new Date(filter.receivedTo),
      filter.limit,
    ],
  );
  return rows.map((row) => ({
    trackingNumber: row.tracking_number,
    status: row.status,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    unitName: row.unit_name ?? '',
    body: row.body,
    regionCode: row.region_code,
    locationText: row.location_text,
    receivedAt: row.received_at.getTime(),
    updatedAt: row.updated_at.getTime(),
    dueAt: row.due_at ? row.due_at.getTime() : 0,
  }));
}
