import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ complaints: 5 });
});
afterAll(() => server.close());

async function refresh(refreshToken: string) {
  return server.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
}

describe('why a session no longer refreshes', () => {
  it('says the session was revoked when the server ended it (password reset, disabled, signed out)', async () => {
    const session = await server.login('pupr.kaltim', 'revoked-device');
    await server.db.query(
      'UPDATE sessions SET revoked_at = now() WHERE officer_id = $1 AND device_id = $2',
      [session.officer.id, 'revoked-device'],
    );
    const response = await refresh(session.refreshToken);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'session_revoked' });
  });

  it('says the session was revoked when the account was disabled', async () => {
    const session = await server.login('koordinator.kaltim', 'disabled-device');
    await server.db.query('UPDATE officers SET active = false WHERE id = $1', [session.officer.id]);
    try {
      const response = await refresh(session.refreshToken);
      expect(response.json()).toMatchObject({ error: 'session_revoked' });
    } finally {
      await server.db.query('UPDATE officers SET active = true WHERE id = $1', [
        session.officer.id,
      ]);
    }
  });

  it('says it expired for a token past its lifetime or unknown, revealing nothing else', async () => {
    const session = await server.login('dinkes.kaltim', 'old-device');
    await server.db.query(
      "UPDATE sessions SET refresh_expires_at = now() - interval '1 day' WHERE device_id = $1",
      ['old-device'],
    );
    expect((await refresh(session.refreshToken)).json()).toMatchObject({
      error: 'session_expired',
    });
    expect((await refresh('x'.repeat(43))).json()).toMatchObject({ error: 'session_expired' });
    const fresh = await server.login('dinkes.kaltim', 'new-device');
    const ok = await refresh(fresh.refreshToken);
    expect(ok.statusCode).toBe(200);
  });
});
