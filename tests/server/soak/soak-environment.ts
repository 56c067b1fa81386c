import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '../../../server/db/migrations.ts';
import { openPgDatabase } from '../../../server/db/pg-database.ts';
import { openPgliteDatabase } from '../../../server/db/pglite-database.ts';
import { seedDemo } from '../../../server/seed/seed-demo.ts';
import type { SoakEnvironment } from './soak-driver.ts';

export const SOAK_SEED_NOW = Date.parse('2026-11-20T03:00:00Z');

/**
 * A fresh, seeded database for one soak history: a new database on the PostgreSQL cluster at
 * `clusterUrl`, or an in-memory PGlite when it is null. Works outside vitest (npm run soak).
 */
export async function openSoakEnvironment(
  clusterUrl: string | null,
  options: { complaints?: number; restartDatabase?: () => Promise<void> } = {},
): Promise<SoakEnvironment & { drop(): Promise<void> }> {
  const seed = async (environment: SoakEnvironment) => {
    await runMigrations(environment.db);
    await seedDemo(environment.db, {
      complaintCount: options.complaints ?? 120,
      nowMs: SOAK_SEED_NOW,
      spanDays: 120,
      randomSeed: 5,
    });
  };
  if (!clusterUrl) {
    const db = await openPgliteDatabase();
    const environment: SoakEnvironment = {
      kind: 'pglite',
      db,
      openServerDatabase: async () => db,
    };
    await seed(environment);
    return { ...environment, drop: () => db.close() };
  }
  const name = `lapor_soak_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`); // generated above, not input
  await admin.end();
  const url = clusterUrl.replace(/\/[^/]+$/, `/${name}`);
  const db = openPgDatabase(url);
  const environment: SoakEnvironment = {
    kind: 'postgresql',
    db,
    openServerDatabase: async () => openPgDatabase(url),
    ...(options.restartDatabase ? { restartDatabase: options.restartDatabase } : {}),
  };
  await seed(environment);
  return {
    ...environment,
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: clusterUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
