import type { WorkstationBridge } from '../../../shared/bridge.ts';
import type { RefreshTokenStore } from '../api/access-token-provider.ts';

/**
 * The refresh token as the device stores it (the stored session every window of the app reads),
 * renewed under a Web Lock so two windows never renew at once. Without Web Locks each window
 * still starts from the stored token, and the server's grace covers two renewing together.
 */
export function storedRefreshToken(
  bridge: Pick<WorkstationBridge, 'loadSession' | 'saveSession'>,
  serverUrl: string,
  officerId: string,
): RefreshTokenStore {
  const lockName = `lapor-refresh|${serverUrl}|${officerId}`;
  return {
    exclusive: (work) =>
      typeof navigator !== 'undefined' && navigator.locks
        ? navigator.locks.request(lockName, work)
        : work(),
    async load() {
      const stored = await bridge.loadSession();
      return stored && stored.serverUrl === serverUrl && stored.officerId === officerId
        ? stored.refreshToken
        : null;
    },
    save: (session) =>
      bridge.saveSession({ serverUrl, refreshToken: session.refreshToken, officerId }),
  };
}
