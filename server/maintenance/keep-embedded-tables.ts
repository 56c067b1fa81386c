import type { Database } from '../db/database.ts';
import { decideTableUpkeep, type TableActivity } from './decide-table-upkeep.ts';

/** How often the embedded database's tables are checked for upkeep. */
export const TABLE_UPKEEP_INTERVAL_MS = 5 * 60 * 1000;

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

async function readTableActivity(db: Database): Promise<TableActivity[]> {
  const rows = await db.query<{
    name: string;
    live: number;
    dead: number;
    changed: number;
    reltuples: number;
    size: number;
    analyzedSize: number;
  }>(
    `SELECT s.relname AS name, s.n_live_tup::float8 AS live, s.n_dead_tup::float8 AS dead,
            s.n_mod_since_analyze::float8 AS changed, c.reltuples::float8 AS reltuples,
            pg_relation_size(s.relid)::float8 AS size,
            c.relpages::float8 * current_setting('block_size')::float8 AS "analyzedSize"
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
      WHERE s.schemaname = 'public'`,
  );
  return rows.map((row) => ({
    name: row.name,
    // The counters start at zero with each process; the stored row estimate does not.
    liveRows: Math.max(row.live, row.reltuples),
    deadRows: row.dead,
    changedSinceAnalyze: row.changed,
    analyzed: row.reltuples >= 0,
    storedBytes: row.size,
    analyzedBytes: row.analyzedSize,
  }));
}

/**
 * Vacuums and analyzes the tables of the embedded database that need it (see
 * decideTableUpkeep); PostgreSQL's autovacuum does this for a PostgreSQL server. Resolves with
 * the tables it kept.
 */
export async function keepEmbeddedTables(db: Database): Promise<string[]> {
  const due = decideTableUpkeep(await readTableActivity(db));
  for (const table of due) {
    // A name from the catalogue, checked, quoted: identifiers cannot be query parameters.
    if (!TABLE_NAME.test(table.name)) continue;
    await db.execScript(`${table.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} "${table.name}"`);
  }
  return due.map((table) => table.name);
}

/**
 * Keeps the embedded database's tables now and then every `intervalMs`; a failed round is
 * reported and tried again at the next.
 */
export function scheduleEmbeddedTableUpkeep(
  db: Database,
  intervalMs = TABLE_UPKEEP_INTERVAL_MS,
  onError: (error: unknown) => void = () => undefined,
): { first: Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const round = () => {
    running = keepEmbeddedTables(db).then(() => undefined, onError);
    return running;
  };
  const first = round();
  const timer = setInterval(() => void round(), intervalMs);
  timer.unref();
  return {
    first,
    /** Ends the schedule once the round under way (if any) is done. */
    stop() {
      clearInterval(timer);
      return running;
    },
  };
}
