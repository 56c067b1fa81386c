import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database.ts';
import { runMigrations } from '../../../server/db/migrations.ts';
import { openPgliteDatabase } from '../../../server/db/pglite-database.ts';
import { keepEmbeddedTables } from '../../../server/maintenance/keep-embedded-tables.ts';
import { seedDemo } from '../../../server/seed/seed-demo.ts';
import { SEED_NOW } from '../support/test-server.ts';

let db: Database;

beforeAll(async () => {
  db = await openPgliteDatabase();
  await runMigrations(db);
  await seedDemo(db, { complaintCount: 400, nowMs: SEED_NOW, spanDays: 120, randomSeed: 7 });
  await countedChanges();
}, 120_000);
afterAll(() => db.close());

/** The database counts changes at most once a second, between statements. */
async function countedChanges() {
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await db.query('SELECT 1');
}

const estimatedRows = async (table: string) =>
  (
    await db.query<{ rows: number }>(
      'SELECT reltuples::float8 AS rows FROM pg_class WHERE relname = $1',
      [table],
    )
  )[0]!.rows;

describe('keepEmbeddedTables (the embedded database has no autovacuum)', () => {
  it('gives the planner statistics of the tables a seed filled, once', async () => {
    expect(await estimatedRows('complaints')).toBe(-1);
    const kept = await keepEmbeddedTables(db);
    expect(kept).toEqual(expect.arrayContaining(['complaints', 'complaint_events']));
    const held = await db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM complaint_events',
    );
    expect(await estimatedRows('complaint_events')).toBe(held[0]!.count);
    expect(await keepEmbeddedTables(db)).toEqual([]);
  });

  it('analyzes a table again once it grew, its change counters lost in a restart', async () => {
    const grow = () =>
      db.query(
        `INSERT INTO upkeep_probe (note) SELECT repeat('x', 200) FROM generate_series(1, 3000)`,
      );
    await db.query('CREATE TABLE upkeep_probe (id serial PRIMARY KEY, note text NOT NULL)');
    await grow();
    await countedChanges();
    expect(await keepEmbeddedTables(db)).toContain('upkeep_probe');
    await grow();
    // As after a restart: the counters say nothing changed, the table's size says otherwise.
    await db.query('SELECT pg_stat_reset()');
    expect(await keepEmbeddedTables(db)).toContain('upkeep_probe');
    expect(await keepEmbeddedTables(db)).not.toContain('upkeep_probe');
  });

  it('analyzes a table again once enough of it changed', async () => {
    await keepEmbeddedTables(db);
    const rows = await estimatedRows('complaints');
    await db.query(
      'UPDATE complaints SET title = title WHERE seq IN (SELECT seq FROM complaints ORDER BY seq LIMIT $1)',
      [Math.ceil(50 + rows * 0.1) + 1],
    );
    await countedChanges();
    expect(await keepEmbeddedTables(db)).toContain('complaints');
    expect(await keepEmbeddedTables(db)).not.toContain('complaints');
  });
});
