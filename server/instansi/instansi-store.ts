import type { SqlExecutor } from '../db/database.ts';
import { insertDefaultReportIdentity } from './report-identity-store.ts';

export type NewInstansi = {
  id: string;
  name: string;
  shortName: string;
  utcOffsetMinutes: number;
  address: string;
  regionCode: string;
  /** The province that convenes its RAKORDA; none for a province. */
  parentId?: string | null;
};

/**
 * The one place an instansi row is written: its columns and their order. Its letterhead starts
 * from its name and address (see report-identity-store).
 */
export async function insertInstansi(tx: SqlExecutor, instansi: NewInstansi): Promise<void> {
  await tx.query(
    `INSERT INTO instansi (id, name, short_name, utc_offset_minutes, address, region_code, parent_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      instansi.id,
      instansi.name,
      instansi.shortName,
      instansi.utcOffsetMinutes,
      instansi.address,
      instansi.regionCode,
      instansi.parentId ?? null,
    ],
  );
  await insertDefaultReportIdentity(tx, instansi, new Date());
}

/** The instansi whose RAKORDA this one convenes (its kabupaten/kota), by name. */
export async function listChildInstansi(
  db: SqlExecutor,
  parentId: string,
): Promise<{ id: string; name: string; shortName: string }[]> {
  const rows = await db.query<{ id: string; name: string; short_name: string }>(
    'SELECT id, name, short_name FROM instansi WHERE parent_id = $1 ORDER BY name, id',
    [parentId],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, shortName: row.short_name }));
}
