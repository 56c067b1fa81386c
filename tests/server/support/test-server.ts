import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type AppOptions } from '../../../server/app.ts';
import type { Database } from '../../../server/db/database.ts';
import { runMigrations } from '../../../server/db/migrations.ts';
import { openPgDatabase } from '../../../server/db/pg-database.ts';
import { openPgliteDatabase } from '../../../server/db/pglite-database.ts';
import { seedDemo } from '../../../server/seed/seed-demo.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import type { SessionResponse } from '../../../shared/api/contract.ts';

export const SEED_NOW = Date.parse('2026-11-20T03:00:00Z');

export type TestServer = {
  app: FastifyInstance;
  db: Database;
  databaseKind: 'postgresql' | 'pglite';
  databaseUrl: string | null;
  login(username: string, deviceId?: string): Promise<SessionResponse>;
  close(): Promise<void>;
};

/** A fresh database for one test file: a new database on the test cluster, or an in-memory PGlite. */
export async function openTestDatabase(): Promise<{
  db: Database;
  url: string | null;
  drop(): Promise<void>;
}> {
  const clusterUrl = inject('databaseUrl');
  if (inject('databaseKind') === 'postgresql' && clusterUrl) {
    const name = `lapor_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: clusterUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`); // name is generated above, not input
    await admin.end();
    const url = clusterUrl.replace(/\/[^/]+$/, `/${name}`);
    const db = openPgDatabase(url);
    return {
      db,
      url,
      async drop() {
        await db.close();
        const cleanup = new pg.Client({ connectionString: clusterUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const db = await openPgliteDatabase();
  return { db, url: null, drop: () => db.close() };
}

export async function startTestServer(
  options: {
    complaints?: number;
    spanDays?: number;
    app?: Partial<AppOptions>;
    /** Seed the demo kabupaten of the province too (for the regional briefing). */
    regional?: boolean;
    /**
     * Seed a queue that has fallen behind (true by default): the fixtures pick many open
     * complaints of each status. False seeds the demo as `npm start` does.
     */
    backlog?: boolean;
  } = {},
): Promise<TestServer> {
  const database = await openTestDatabase();
  await runMigrations(database.db);
  await seedDemo(database.db, {
    complaintCount: options.complaints ?? 150,
    nowMs: SEED_NOW,
    spanDays: options.spanDays ?? 120,
    randomSeed: 7,
    regional: options.regional ?? false,
    backlog: options.backlog ?? true,
  });
  const app = await buildApp({ db: database.db, loginAttemptsPerMinute: 1000, ...options.app });
  await app.ready();
  return {
    app,
    db: database.db,
    databaseKind: database.db.kind,
    databaseUrl: database.url,
    async login(username, deviceId = 'test-device') {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: DEMO_PASSWORD, deviceId },
      });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`);
      return response.json<SessionResponse>();
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export function bearer(session: SessionResponse): { authorization: string } {
  return { authorization: `Bearer ${session.accessToken}` };
}
