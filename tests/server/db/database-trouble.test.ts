import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import type { Database } from '../../../server/db/database.ts';
import { runMigrations } from '../../../server/db/migrations.ts';
import { openPgDatabase } from '../../../server/db/pg-database.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import { seedDemo } from '../../../server/seed/seed-demo.ts';
import {
  findPostgresBinaries,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/postgres-cluster.ts';
import { SEED_NOW } from '../support/test-server.ts';

/** Bounded so the test stays fast; production defaults are 5 s and 30 s. */
const TIMEOUTS = { connectMs: 800, statementMs: 1_500 };
/** Longest any answer may take while the database is in trouble. */
const BOUND_MS = 6_000;

let cluster: ThrowawayPostgres;
let db: Database;
let app: FastifyInstance;

async function admin<T>(sql: string): Promise<T[]> {
  // From the maintenance database: the test database may be read-only.
  const client = new pg.Client({ connectionString: cluster.url.replace(/\/[^/]+$/, '/postgres') });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function timed<R>(run: () => Promise<R>) {
  const started = Date.now();
  const response = await run();
  return { response, ms: Date.now() - started };
}

const readyz = () => app.inject({ method: 'GET', url: '/readyz' });
const login = () =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'trouble' },
  });

/** The postmaster and every process it started: what "frozen" stops. */
async function clusterPids(): Promise<number[]> {
  const [{ data_directory: dataDir } = { data_directory: '' }] = await admin<{
    data_directory: string;
  }>('SHOW data_directory');
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], {
    encoding: 'utf8',
  })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
  return [postmaster, ...children];
}

describe.skipIf(!findPostgresBinaries())('the server while PostgreSQL is in trouble', () => {
  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    db = openPgDatabase(cluster.url, 4, TIMEOUTS);
    await runMigrations(db);
    await seedDemo(db, { complaintCount: 10, nowMs: SEED_NOW, spanDays: 30, randomSeed: 3 });
    app = await buildApp({ db, loginAttemptsPerMinute: 1000 });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.close().catch(() => undefined);
    await cluster?.stop();
  });

  it('is ready while the database answers and can write', async () => {
    expect((await readyz()).statusCode).toBe(200);
    expect((await login()).statusCode).toBe(200);
  });

  it('is not ready while the database cannot write, and ready again after', async () => {
    await admin('ALTER DATABASE lapor_test SET default_transaction_read_only = on');
    // The setting reaches new sessions: the pool's connections are made anew.
    await admin(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'lapor_test' AND pid <> pg_backend_pid()",
    );
    try {
      const response = await readyz();
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
    } finally {
      await admin('ALTER DATABASE lapor_test RESET default_transaction_read_only');
      await admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'lapor_test' AND pid <> pg_backend_pid()",
      );
    }
    // A terminated connection may fail one more request before the pool replaces it.
    let status = (await readyz()).statusCode;
    if (status !== 200) status = (await readyz()).statusCode;
    expect(status).toBe(200);
  });

  it('answers 503 with Retry-After within the timeouts while PostgreSQL is frozen', async () => {
    const pids = await clusterPids();
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    try {
      for (const request of [readyz, login]) {
        const { response, ms } = await timed(request);
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBe('5');
        expect(ms).toBeLessThan(BOUND_MS);
      }
    } finally {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    }
  }, 30_000);

  it('answers 503 with Retry-After, not 500, once PostgreSQL is stopped', async () => {
    await cluster.stop();
    for (const request of [readyz, login]) {
      const { response, ms } = await timed(request);
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(ms).toBeLessThan(BOUND_MS);
    }
  }, 30_000);
});
