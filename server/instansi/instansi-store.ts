import type { SqlExecutor } from '../db/database.ts';
import { insertDefaultReportIdentity } from './report-identity-store.ts';

export type NewInstansi = {
  id: string;
  name: string;
  shortName: string;
  utcOffsetMinutes: number;
  address: string;
  regionCode: string;
};

/**
 * The one place an instansi row is written: its columns and their order. Its letterhead starts
 * from its name and address (see report-identity-store).
 */
export async function insertInstansi(tx: SqlExecutor, instansi: NewInstansi): Promise<void> {
  await tx.query(
    `INSERT INTO instansi (id, name, short_name, utc_offset_minutes, address, region_code)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      instansi.id,
      instansi.name,
      instansi.shortName,
      instansi.utcOffsetMinutes,
      instansi.address,
      instansi.regionCode,
    ],
  );
  await insertDefaultReportIdentity(tx, instansi, new Date());
}
