import type { Unit } from '../../shared/schemas/unit.ts';
import { slaRuleSetFromRow, type SlaRuleRow } from './working-calendar-repository.ts';
import type { Category } from '../../shared/schemas/category.ts';
import type { Holiday } from '../../shared/schemas/holiday.ts';
import type { SlaRuleSetDocument } from '../../shared/schemas/sla-rule-set.ts';
import type { SqlExecutor } from '../db/database.ts';
import type { ReplicatedStore } from './replicated-store.ts';
import { recordSyncRejection } from './sync-rejections.ts';

type DirectoryConfig<Row, T> = {
  collection: 'units' | 'categories' | 'holidays' | 'sla_rules';
  table: 'units' | 'categories' | 'holidays' | 'sla_rules';
  /** Fixed column list, never built from input. */
  columns: string;
  fromRow: (row: Row) => T;
};

/**
 * Instansi-wide reference collections. Every officer of the instansi pulls them; writes through
 * replication are refused (and recorded) until the administration screens exist.
 */
function createDirectoryStore<Row, T extends { serverSeq: number }>(
  config: DirectoryConfig<Row, T>,
): ReplicatedStore<T> {
  const pullSql = `SELECT ${config.columns} FROM ${config.table}
                    WHERE instansi_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`;
  const oneSql = `SELECT ${config.columns} FROM ${config.table} WHERE id = $1 AND instansi_id = $2`;
  const countSql = `SELECT count(*)::integer AS count FROM ${config.table} WHERE instansi_id = $1 AND seq > $2`;

  async function findVisible(db: SqlExecutor, id: string, instansiId: string) {
    const rows = await db.query<Row>(oneSql, [id, instansiId]);
    return rows[0] ? { ...config.fromRow(rows[0]), _deleted: false } : null;
  }
  return {
    collection: config.collection,
    async pull(db, officer, afterSeq, limit) {
      const rows = await db.query<Row>(pullSql, [officer.instansiId, afterSeq, limit]);
      const documents = rows.map((row) => ({ ...config.fromRow(row), _deleted: false }));
      const last = documents[documents.length - 1];
      return { documents, checkpoint: { seq: last ? last.serverSeq : afterSeq } };
    },
    async countAfter(db, officer, afterSeq) {
      const rows = await db.query<{ count: number }>(countSql, [officer.instansiId, afterSeq]);
      return rows[0]?.count ?? 0;
    },
    async push(db, officer, rows, now) {
      const outcome = { conflicts: [] as (T & { _deleted: boolean })[], accepted: 0, refused: 0 };
      for (const row of rows) {
        const documentId = String((row.newDocumentState as { id?: unknown }).id ?? '');
        const master = await db.transaction(async (tx) => {
          await recordSyncRejection(
            tx,
            officer,
            config.collection,
            documentId,
            {
              code: 'read_only',
              message: 'Data referensi hanya diubah melalui administrasi server',
            },
            row.newDocumentState,
            now,
          );
          return findVisible(tx, documentId, officer.instansiId);
        });
        outcome.refused += 1;
        if (master) outcome.conflicts.push(master);
      }
      return outcome;
    },
  };
}

type UnitRow = {
  id: string;
  instansi_id: string;
  code: string;
  name: string;
  short_name: string;
  active: boolean;
  updated_at: Date;
  seq: number;
};

export const unitStore = createDirectoryStore<UnitRow, Unit>({
  collection: 'units',
  table: 'units',
  columns: 'id, instansi_id, code, name, short_name, active, updated_at, seq',
  fromRow: (row) => ({
    id: row.id,
    instansiId: row.instansi_id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    active: row.active,
    updatedAt: row.updated_at.getTime(),
    serverSeq: Number(row.seq),
  }),
});

type CategoryRow = Omit<UnitRow, 'short_name'>;

export const categoryStore = createDirectoryStore<CategoryRow, Category>({
  collection: 'categories',
  table: 'categories',
  columns: 'id, instansi_id, code, name, active, updated_at, seq',
  fromRow: (row) => ({
    id: row.id,
    instansiId: row.instansi_id,
    code: row.code,
    name: row.name,
    active: row.active,
    updatedAt: row.updated_at.getTime(),
    serverSeq: Number(row.seq),
  }),
});

type HolidayRow = {
  id: string;
  instansi_id: string;
  date: string;
  name: string;
  updated_at: Date;
  seq: number;
};

export const holidayStore = createDirectoryStore<HolidayRow, Holiday>({
  collection: 'holidays',
  table: 'holidays',
  columns: "id, instansi_id, to_char(date, 'YYYY-MM-DD') AS date, name, updated_at, seq",
  fromRow: (row) => ({
    id: row.id,
    instansiId: row.instansi_id,
    date: row.date,
    name: row.name,
    updatedAt: row.updated_at.getTime(),
    serverSeq: Number(row.seq),
  }),
});

type SlaRuleDocumentRow = SlaRuleRow & {
  id: string;
  instansi_id: string;
  updated_at: Date;
  seq: number;
};

export const slaRuleStore = createDirectoryStore<SlaRuleDocumentRow, SlaRuleSetDocument>({
  collection: 'sla_rules',
  table: 'sla_rules',
  columns: `id, instansi_id, version, counting, verify_days, first_follow_up_days, resolution_days,
    resolution_supervised_days, resolution_aspiration_days, auto_close_days, active_from, updated_at, seq`,
  fromRow: (row) => ({
    id: row.id,
    instansiId: row.instansi_id,
    ...slaRuleSetFromRow(row),
    updatedAt: row.updated_at.getTime(),
    serverSeq: Number(row.seq),
  }),
});
