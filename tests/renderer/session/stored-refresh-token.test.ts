import { describe, expect, it } from 'vitest';
import { storedRefreshToken } from '../../../renderer/src/session/stored-refresh-token.ts';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import type { StoredSession } from '../../../shared/stored-session.ts';

function fakeBridge(initial: StoredSession | null) {
  let stored = initial;
  return {
    loadSession: async () => stored,
    saveSession: async (session: StoredSession) => {
      stored = session;
    },
    get stored() {
      return stored;
    },
  };
}

const SERVER = 'https://lapor.example.go.id';
const TOKEN = 'r'.repeat(43);

describe('the refresh token the windows of a device share', () => {
  it('is read from the stored session of the same server and officer only', async () => {
    const mine = fakeBridge({ serverUrl: SERVER, refreshToken: TOKEN, officerId: 'officer-1' });
    expect(await storedRefreshToken(mine, SERVER, 'officer-1').load()).toBe(TOKEN);
    expect(await storedRefreshToken(mine, SERVER, 'officer-2').load()).toBeNull();
    expect(await storedRefreshToken(mine, 'https://lain.example', 'officer-1').load()).toBeNull();
    expect(await storedRefreshToken(fakeBridge(null), SERVER, 'officer-1').load()).toBeNull();
  });

  it('stores each renewed refresh token as the session to resume', async () => {
    const bridge = fakeBridge({ serverUrl: SERVER, refreshToken: TOKEN, officerId: 'officer-1' });
    const renewed = { refreshToken: 's'.repeat(43) } as SessionResponse;
    await storedRefreshToken(bridge, SERVER, 'officer-1').save(renewed);
    expect(bridge.stored).toEqual({
      serverUrl: SERVER,
      refreshToken: 's'.repeat(43),
      officerId: 'officer-1',
    });
  });
});
