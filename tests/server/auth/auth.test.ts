import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ complaints: 20 });
});
afterAll(() => server.close());

function login(body: unknown) {
  return server.app.inject({ method: 'POST', url: '/api/auth/login', payload: body as object });
}

describe('login', () => {
  it('returns tokens, the officer and the instansi for the right password', async () => {
    const response = await login({
      username: 'admin.kaltim',
      password: DEMO_PASSWORD,
      deviceId: 'd1',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.officer).toMatchObject({ username: 'admin.kaltim', role: 'admin_instansi' });
    expect(body.instansi).toMatchObject({ id: 'pemprov-kaltim', utcOffsetMinutes: 480 });
    expect(body.accessToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.accessTokenExpiresAt).toBeGreaterThan(Date.now());
    expect(JSON.stringify(body)).not.toContain('password');
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await login({ username: 'admin.kaltim', password: 'salah', deviceId: 'd1' });
    const unknown = await login({ username: 'tidak.ada', password: 'salah', deviceId: 'd1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().message).toBe('Nama pengguna atau kata sandi salah');
  });

  it('records failed logins in the audit log', async () => {
    await login({ username: 'pupr.kaltim', password: 'keliru', deviceId: 'audit-device' });
    const rows = await server.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE device_id = 'audit-device'",
    );
    expect(rows.map((row) => row.action)).toContain('login_failed');
  });

  it('answers 400 naming each missing field', async () => {
    const response = await login({ username: '' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'password', 'deviceId']));
  });

  it('limits login attempts per minute', async () => {
    const limited = await startTestServer({ complaints: 0, app: { loginAttemptsPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const response = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'admin.kaltim', password: 'salah', deviceId: 'd' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('rejects requests without a token or with a forged one', async () => {
    const none = await server.app.inject({
      method: 'GET',
      url: '/api/replication/complaints/pull',
    });
    const forged = await server.app.inject({
      method: 'GET',
      url: '/api/replication/complaints/pull',
      headers: { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(none.statusCode).toBe(401);
    expect(forged.statusCode).toBe(401);
  });

  it('expires access tokens and renews them with the refresh token', async () => {
    let now = Date.now();
    const clocked = await startTestServer({
      complaints: 5,
      app: { now: () => now, accessTokenMinutes: 15 },
    });
    try {
      const session = await clocked.login('admin.kaltim');
      const pull = () =>
        clocked.app.inject({
          method: 'GET',
          url: '/api/replication/units/pull',
          headers: bearer(session),
        });
      expect((await pull()).statusCode).toBe(200);
      now += 16 * 60_000;
      const expired = await pull();
      expect(expired.statusCode).toBe(401);
      expect(expired.json().error).toBe('session_expired');
      const refreshed = await clocked.app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken: session.refreshToken },
      });
      expect(refreshed.statusCode).toBe(200);
      const renewed = await clocked.app.inject({
        method: 'GET',
        url: '/api/replication/units/pull',
        headers: { authorization: `Bearer ${refreshed.json().accessToken}` },
      });
      expect(renewed.statusCode).toBe(200);
    } finally {
      await clocked.close();
    }
  });

  it('ends the session on logout', async () => {
    const session = await server.login('koordinator.kaltim');
    const logout = await server.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: bearer(session),
    });
    expect(logout.statusCode).toBe(204);
    const after = await server.app.inject({
      method: 'GET',
      url: '/api/replication/units/pull',
      headers: bearer(session),
    });
    expect(after.statusCode).toBe(401);
    const refresh = await server.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
  });
});
