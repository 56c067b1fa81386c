import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { MIGRATIONS, runMigrations } from '../../server/db/migrations.ts';
import { openPgDatabase } from '../../server/db/pg-database.ts';
import { seedDemo } from '../../server/seed/seed-demo.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';
import { openTestDatabase, SEED_NOW } from './support/test-server.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase() {
  const database = await openTestDatabase();
  cleanups.push(() => database.drop());
  return database;
}

const ALL_IDS = MIGRATIONS.map((migration) => migration.id);

async function appliedIds(db: Database): Promise<number[]> {
  const rows = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
  return rows.map((row) => row.id);
}

describe('migrations on start', () => {
  it('are numbered in order, and a fresh database gets all of them once', async () => {
    expect(ALL_IDS).toEqual([...ALL_IDS].sort((a, b) => a - b));
    expect(new Set(ALL_IDS).size).toBe(ALL_IDS.length);
    const { db } = await freshDatabase();
    expect(await runMigrations(db)).toEqual(ALL_IDS);
    expect(await runMigrations(db)).toEqual([]);
    expect(await appliedIds(db)).toEqual(ALL_IDS);
  });

  it('bring a database in use up to date without losing its data', async () => {
    const { db } = await freshDatabase();
    const before = MIGRATIONS.filter((migration) => migration.id <= 2);
    expect(await runMigrations(db, before)).toEqual([1, 2]);
    // Seeded as the server of that time did: response templates came with a later migration.
    await seedDemo(db, {
      complaintCount: 10,
      nowMs: SEED_NOW,
      spanDays: 30,
      randomSeed: 1,
      responseTemplates: false,
    });
    const [{ count } = { count: 0 }] = await db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM complaints',
    );

    expect(await runMigrations(db)).toEqual(ALL_IDS.filter((id) => id > 2));
    const [after] = await db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM complaints',
    );
    expect(after?.count).toBe(count);
    const app = await buildApp({ db });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'm' },
      });
      expect(login.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuse to run on a database a newer server version has migrated further', async () => {
    const { db } = await freshDatabase();
    await runMigrations(db);
    await db.query("INSERT INTO schema_migrations (id, name) VALUES (9999, 'from_the_future')");
    await expect(runMigrations(db)).rejects.toThrow(/9999 \(from_the_future\)/);
    await expect(runMigrations(db, MIGRATIONS.slice(0, 1))).rejects.toThrow(/does not know/);
  });

  it('are applied once when several server processes start together', async () => {
    const { db, url } = await freshDatabase();
    // Separate connection pools stand for separate processes (PGlite has one connection).
    const processes: Database[] = url
      ? Array.from({ length: 4 }, () => openPgDatabase(url, 2))
      : [db, db, db, db];
    if (url) cleanups.push(async () => void (await Promise.all(processes.map((p) => p.close()))));
    const results = await Promise.all(processes.map((each) => runMigrations(each)));
    expect(results.flat().sort((a, b) => a - b)).toEqual(ALL_IDS);
    expect(await appliedIds(db)).toEqual(ALL_IDS);
  });
});
