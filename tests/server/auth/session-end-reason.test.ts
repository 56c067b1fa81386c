import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AccessTokenProvider,
  memoryRefreshTokenStore,
  type RefreshTokenStore,
} from '../../../renderer/src/api/access-token-provider.ts';
import { getJson } from '../../../renderer/src/api/api-client.ts';
import { ChangeStream } from '../../../renderer/src/sync/change-stream.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { initialSyncState, reduceSyncState } from '../../../shared/sync/sync-state.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let baseUrl: string;
/** The server's clock: moved on to expire access tokens without waiting. */
let clock = Date.now();
beforeAll(async () => {
  server = await startTestServer({ complaints: 5, app: { now: () => clock } });
  baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
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

/** One window of the workstation: its own token provider, the device's shared token store. */
function workstationWindow(session: SessionResponse, store: RefreshTokenStore) {
  return new AccessTokenProvider({
    serverUrl: baseUrl,
    refreshToken: session.refreshToken,
    accessToken: session.accessToken,
    accessExpiresAt: session.accessTokenExpiresAt,
    serverTime: session.serverTime,
    onSession: () => undefined,
    store,
  });
}

const pullUnits = (window: AccessTokenProvider) =>
  window.withAccessToken((token) =>
    getJson(`${baseUrl}/api/replication/units/pull?limit=1`, token),
  );

async function reuseAudits(deviceId: string) {
  return server.db.query(
    "SELECT 1 FROM audit_log WHERE action = 'refresh_token_reused' AND device_id = $1",
    [deviceId],
  );
}

describe('the workstation with rotating refresh tokens', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('lets two windows of one device renew in turn and together without tripping reuse', async () => {
    const signIn = await server.login('pupr.kaltim', 'two-window-workstation');
    const store = memoryRefreshTokenStore();
    await store.save(signIn);
    const windows = [workstationWindow(signIn, store), workstationWindow(signIn, store)];
    // Each round the access token has run out on the server; one window, the other, then both.
    for (const turn of [[0], [1], [0, 1], [1], [0]]) {
      clock += 20 * 60_000;
      await Promise.all(turn.map((index) => pullUnits(windows[index]!)));
    }
    expect(windows.map((window) => window.authState$.value)).toEqual(['valid', 'valid']);
    expect(await reuseAudits('two-window-workstation')).toHaveLength(0);
  });

  it('retries a renewal whose answer was lost with the same token, and goes on', async () => {
    const signIn = await server.login('dinkes.kaltim', 'cut-link-workstation');
    const store = memoryRefreshTokenStore();
    await store.save(signIn);
    const window = workstationWindow(signIn, store);
    const realFetch = globalThis.fetch;
    let cut = true;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const answer = await realFetch(input, init);
      // The server renewed, but the answer never reaches the device.
      if (cut && String(input).endsWith('/api/auth/refresh')) {
        cut = false;
        throw new TypeError('fetch failed');
      }
      return answer;
    });
    clock += 20 * 60_000;
    await expect(pullUnits(window)).rejects.toThrow();
    clock += 60 * 60_000;
    await pullUnits(window);
    clock += 20 * 60_000;
    await pullUnits(window);
    expect(window.authState$.value).toBe('valid');
    expect(await reuseAudits('cut-link-workstation')).toHaveLength(0);
  });

  it('shows the session revoked once the server ends its stream after a password reset', async () => {
    vi.stubGlobal('window', {
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    });
    vi.stubGlobal('navigator', { onLine: true });
    const admin = await server.login('admin.kaltim', 'admin-desk');
    const signIn = await server.login('koordinator.kaltim', 'revoked-workstation');
    const window = workstationWindow(signIn, memoryRefreshTokenStore());
    const stream = new ChangeStream(`${baseUrl}/api/replication/stream`, window);
    const states: string[] = [];
    stream.connection$.subscribe((state) => states.push(state));
    stream.start();
    try {
      await vi.waitFor(() => expect(stream.connection$.value).toBe('connected'));
      const reset = await server.app.inject({
        method: 'POST',
        url: `/api/admin/officers/${signIn.officer.id}/reset-password`,
        headers: { authorization: `Bearer ${admin.accessToken}` },
        payload: { password: `${DEMO_PASSWORD}-baru` },
      });
      expect(reset.statusCode).toBe(200);
      await vi.waitFor(() => expect(window.authState$.value).toBe('revoked'), { timeout: 5000 });
      expect(states).toContain('disconnected');
      const machine = reduceSyncState(initialSyncState(clock), {
        type: 'AUTH',
        state: window.authState$.value,
        at: clock,
      });
      expect(machine.problem).toEqual({ kind: 'session_revoked' });
    } finally {
      stream.stop();
    }
  });
});
