import { PGlite } from '@electric-sql/pglite';
import type { Database, SqlExecutor } from './database.ts';

function normaliseRow<Row>(row: unknown): Row {
  // PGlite returns int8 as bigint; change numbers stay far below 2^53.
  const record = row as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'bigint') record[key] = Number(value);
  }
  return record as Row;
}

/** The embedded PostgreSQL (PGlite): a data folder, or memory when `dataDir` is undefined. */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;

  return {
    kind: 'pglite',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query(sql, params as unknown[]);
      return result.rows.map((row) => normaliseRow<Row>(row));
    },
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      return db.transaction(async (transaction) =>
        work({
          async query<Row>(sql: string, params: readonly unknown[] = []) {
            const result = await transaction.query(sql, params as unknown[]);
            return result.rows.map((row) => normaliseRow<Row>(row));
          },
        }),
      );
    },
    async execScript(sql: string) {
      await db.exec(sql);
    },
    async close() {
      await db.close();
    },
  };
}
