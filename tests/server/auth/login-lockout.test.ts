import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let now = Date.parse('2026-11-20T03:00:00Z');
let server: TestServer;
/** A second server process on the same database, as behind a load balancer. */
let second: FastifyInstance;

const LOCKOUT = { afterFailures: 3, firstLockMs: 60_000, maxLockMs: 10 * 60_000 };

beforeAll(async () => {
  server = await startTestServer({ complaints: 0, app: { now: () => now, lockout: LOCKOUT } });
  second = await buildApp({
    db: server.db,
    now: () => now,
    lockout: LOCKOUT,
    loginAttemptsPerMinute: 1000,
  });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await server.close();
});

function login(username: string, password: string, app: FastifyInstance = server.app) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, deviceId: 'lockout-device' },
  });
}

async function auditFor(officerId: string | null, since: number) {
  return server.db.query<{ action: string; officer_id: string | null; details: unknown }>(
    `SELECT action, officer_id, details FROM audit_log
      WHERE device_id = 'lockout-device' AND at >= $1
        AND (officer_id = $2 OR ($2::text IS NULL AND officer_id IS NULL)) ORDER BY id`,
    [new Date(since), officerId],
  );
}

describe('account lockout', () => {
  it('locks a username after repeated failures, with a clear Indonesian message and Retry-After', async () => {
    const started = now;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      statuses.push((await login('pupr.kaltim', `salah-${attempt}`)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 429]);

    // Locked: even the right password is refused, and nothing says whether it was right.
    const refused = await login('pupr.kaltim', DEMO_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      error: 'account_locked',
      message:
        'Terlalu banyak percobaan masuk yang gagal untuk akun ini. ' +
        'Akun dikunci sementara; coba lagi dalam 1 menit.',
    });
    expect(refused.headers['retry-after']).toBe('60');

    // Another server process on the same database sees the same lock.
    expect((await login('pupr.kaltim', DEMO_PASSWORD, second)).statusCode).toBe(429);

    now += 30_000;
    const later = await login('pupr.kaltim', DEMO_PASSWORD);
    expect(later.json().message).toContain('coba lagi dalam 30 detik');
    expect(later.headers['retry-after']).toBe('30');

    const [officer] = await server.db.query<{ id: string }>(
      "SELECT id FROM officers WHERE username = 'pupr.kaltim'",
    );
    const audit = await auditFor(officer!.id, started);
    expect(audit.map((row) => row.action)).toEqual([
      'login_failed',
      'login_failed',
      'login_failed',
      'login_lockout',
      'login_failed',
      'login_failed',
      'login_failed',
    ]);
    expect(audit[3]?.details).toMatchObject({ failedAttempts: 3 });
    expect(audit[4]?.details).toEqual({ reason: 'locked' });
    const text = JSON.stringify(audit);
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toContain('salah-');
  });

  it('doubles the lock for each further failure after a lock ends, and a success resets it', async () => {
    now += 31_000; // the first lock (1 minute) is over
    const fourth = await login('pupr.kaltim', 'salah-lagi');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.headers['retry-after']).toBe('120');

    now += 120_000;
    const fifth = await login('pupr.kaltim', 'salah-lagi');
    expect(fifth.headers['retry-after']).toBe('240');

    now += 240_000;
    const success = await login('pupr.kaltim', DEMO_PASSWORD);
    expect(success.statusCode).toBe(200);
    const rows = await server.db.query('SELECT 1 FROM login_throttle WHERE username = $1', [
      'pupr.kaltim',
    ]);
    expect(rows).toEqual([]);

    // Counting starts again from zero after a success.
    expect((await login('pupr.kaltim', 'salah')).statusCode).toBe(401);
    expect((await login('pupr.kaltim', 'salah')).statusCode).toBe(401);
    expect((await login('pupr.kaltim', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('locks unknown usernames the same way, so a lock reveals no account', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      known.push((await login('dinkes.kaltim', 'salah')).statusCode);
      unknown.push((await login('tidak.terdaftar', 'salah')).statusCode);
    }
    expect(unknown).toEqual(known);
    const a = await login('dinkes.kaltim', 'salah');
    const b = await login('tidak.terdaftar', 'salah');
    expect(a.json()).toEqual(b.json());
    expect(a.headers['retry-after']).toBe(b.headers['retry-after']);
  });

  it('counts a username however its case and spaces are typed', async () => {
    for (const typed of ['Koordinator.Kaltim', ' koordinator.kaltim', 'KOORDINATOR.KALTIM']) {
      await login(typed, 'salah');
    }
    expect((await login('koordinator.kaltim', DEMO_PASSWORD)).statusCode).toBe(429);
  });

  it('records a successful login in the audit log without secrets', async () => {
    const started = now;
    const response = await login('admin.kaltim', DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    const audit = await auditFor(response.json().officer.id, started);
    expect(audit.map((row) => row.action)).toEqual(['login']);
    const text = JSON.stringify(audit);
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toContain(response.json().accessToken);
  });

  it('counts concurrent failures on several server processes exactly once each', async () => {
    const attempts = Array.from({ length: 8 }, (_unused, index) =>
      login('serentak.kaltim', 'salah', index % 2 === 0 ? server.app : second),
    );
    const statuses = (await Promise.all(attempts)).map((response) => response.statusCode);
    const [row] = await server.db.query<{ failed_attempts: number }>(
      'SELECT failed_attempts FROM login_throttle WHERE username = $1',
      ['serentak.kaltim'],
    );
    // Each attempt is counted before its password is checked, so parallel guesses cannot
    // slip past the threshold; those arriving after the lock are refused uncounted.
    expect(row?.failed_attempts).toBe(LOCKOUT.afterFailures);
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOCKOUT.afterFailures - 1);
    expect(statuses.filter((status) => status === 429)).toHaveLength(
      8 - (LOCKOUT.afterFailures - 1),
    );
  });

  it('forgets old failures after a day', async () => {
    await login('admin.kaltim', 'salah');
    await login('admin.kaltim', 'salah');
    now += 25 * 60 * 60_000;
    expect((await login('admin.kaltim', 'salah')).statusCode).toBe(401);
    expect((await login('admin.kaltim', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});
