import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { DEFAULT_PG_TIMEOUTS, openPgDatabase, type PgTimeouts } from './pg-database.ts';
import { openPgliteDatabase } from './pglite-database.ts';

/** PostgreSQL when a URL is configured, otherwise the embedded PGlite in the data folder. */
export async function openDatabase(
  databaseUrl: string | undefined,
  dataDir: string,
  timeouts: PgTimeouts = DEFAULT_PG_TIMEOUTS,
): Promise<Database> {
  if (databaseUrl) return openPgDatabase(databaseUrl, 10, timeouts);
  mkdirSync(dataDir, { recursive: true });
  return openPgliteDatabase(join(dataDir, 'pglite'));
}
