import type { Unit } from '../../shared/schemas/unit.ts';
import type { Category } from '../../shared/schemas/category.ts';
import type { SqlExecutor } from '../db/database.ts';
import type { ReplicatedStore } from './replicated-store.ts';
import { recordSyncRejection } from './sync-rejections.ts';

type DirectoryRow = {
  id: string;
  instansi_id: string;
  code: string;
  name: string;
  short_name?: string;
  active: boolean;
  updated_at: Date;
  seq: number;
};

type DirectoryConfig<T> = {
  collection: 'units' | 'categories';
  /** Fixed SQL, never built from input. */
  selectSql: string;
  selectOneSql: string;
  countSql: string;
  fromRow: (row: DirectoryRow) => T;
};

/**
 * Instansi-wide reference collections (OPD units, categories). Every officer of the instansi
 * pulls them; writes through replication are refused until the administration screens exist.
 */
function createDirectoryStore<T extends { serverSeq: number }>(
  config: DirectoryConfig<T>,
): ReplicatedStore<T> {
  async function findVisible(db: SqlExecutor, id: string, instansiId: string) {
    const rows = await db.query<DirectoryRow>(config.selectOneSql, [id, instansiId]);
    return rows[0] ? { ...config.fromRow(rows[0]), _deleted: false } : null;
  }
  return {
    collection: config.collection,
    async pull(db, officer, afterSeq, limit) {
      const rows = await db.query<DirectoryRow>(config.selectSql, [
        officer.instansiId,
        afterSeq,
        limit,
      ]);
      const documents = rows.map((row) => ({ ...config.fromRow(row), _deleted: false }));
      const last = documents[documents.length - 1];
      return { documents, checkpoint: { seq: last ? last.serverSeq : afterSeq } };
    },
    async countAfter(db, officer, afterSeq) {
      const rows = await db.query<{ count: number }>(config.countSql, [
        officer.instansiId,
        afterSeq,
      ]);
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

export const unitStore = createDirectoryStore<Unit>({
  collection: 'units',
  selectSql: `SELECT id, instansi_id, code, name, short_name, active, updated_at, seq FROM units
               WHERE instansi_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
  selectOneSql: `SELECT id, instansi_id, code, name, short_name, active, updated_at, seq FROM units
                  WHERE id = $1 AND instansi_id = $2`,
  countSql: 'SELECT count(*)::integer AS count FROM units WHERE instansi_id = $1 AND seq > $2',
  fromRow: (row) => ({
    id: row.id,
    instansiId: row.instansi_id,
    code: row.code,
    name: row.name,
    shortName: row.short_name ?? row.name,
    active: row.active,
    updatedAt: row.updated_at.getTime(),
    serverSeq: Number(row.seq),
  }),
});

export const categoryStore = createDirectoryStore<Category>({
  collection: 'categories',
  selectSql: `SELECT id, instansi_id, code, name, active, updated_at, seq FROM categories
               WHERE instansi_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
  selectOneSql: `SELECT id, instansi_id, code, name, active, updated_at, seq FROM categories
                  WHERE id = $1 AND instansi_id = $2`,
  countSql: 'SELECT count(*)::integer AS count FROM categories WHERE instansi_id = $1 AND seq > $2',
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
