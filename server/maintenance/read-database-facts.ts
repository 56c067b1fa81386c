import type { SqlExecutor } from '../db/database.ts';
import { MIGRATIONS } from '../db/migrations.ts';
import type { DatabaseFacts } from './decide-database-health.ts';

/** A table name as the catalog gives it, safe to quote into a statement (no parameters for names). */
const PLAIN_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Reads counts, change numbers and migrations without writing anything. */
export async function readDatabaseFacts(db: SqlExecutor): Promise<DatabaseFacts> {
  const catalog = await db.query<{ table_name: string; has_seq: boolean }>(
    `SELECT t.table_name,
            EXISTS (SELECT 1 FROM information_schema.columns c
                     WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                       AND c.column_name = 'seq') AS has_seq
       FROM information_schema.tables t
      WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY t.table_name`,
  );
  const tables: DatabaseFacts['tables'][number][] = [];
  for (const { table_name: name, has_seq: hasSeq } of catalog) {
    if (!PLAIN_NAME.test(name)) throw new Error(`unexpected table name ${JSON.stringify(name)}`);
    const [row] = await db.query<{ rows: string; max_seq: string | null }>(
      `SELECT count(*) AS rows, ${hasSeq ? 'max(seq)' : 'NULL'} AS max_seq FROM "${name}"`,
    );
    tables.push({
      name,
      rows: Number(row?.rows ?? 0),
      maxSeq: row?.max_seq == null ? null : Number(row.max_seq),
    });
  }
  const names = new Set(tables.map((table) => table.name));
  const counter = names.has('change_counter')
    ? await db.query<{ value: string }>('SELECT value FROM change_counter WHERE id = 1')
    : [];
  const applied = names.has('schema_migrations')
    ? await db.query<{ id: number; name: string }>(
        'SELECT id, name FROM schema_migrations ORDER BY id',
      )
    : [];
  return {
    tables,
    changeCounter: counter[0] ? Number(counter[0].value) : null,
    appliedMigrations: applied,
    knownMigrations: MIGRATIONS.map(({ id, name }) => ({ id, name })),
  };
}
