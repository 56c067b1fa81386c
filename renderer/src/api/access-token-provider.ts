import { BehaviorSubject } from 'rxjs';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { ApiRequestError, refresh } from './api-client.ts';

/**
 * Where the device keeps the refresh token, shared by the officer's windows. The server rotates
 * the refresh token on every renewal and takes an older one coming back as theft (it ends the
 * session), so a window must never renew with a token another window has already replaced:
 * renewals run one at a time across windows, each starting from the token stored last.
 */
export type RefreshTokenStore = {
  /** Runs `work` while no other window of this officer renews. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** The refresh token stored last, or null when none (signed out). */
  load(): Promise<string | null>;
  /** Stores the new refresh token before its access token is used. */
  save(session: SessionResponse): Promise<void>;
};

/** For a single window that keeps the token in memory only (and in tests). */
export function memoryRefreshTokenStore(): RefreshTokenStore {
  let stored: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    exclusive(work) {
      const run = queue.then(work, work);
      queue = run.catch(() => undefined);
      return run;
    },
    load: async () => stored,
    save: async (session) => {
      stored = session.refreshToken;
    },
  };
}

/** `revoked`: the server ended the session (password reset, account disabled); `expired`: it ran out. */
export type AuthState = 'valid' | 'expired' | 'revoked';

/**
 * Holds the short-lived access token in memory and renews it with the refresh token; several
 * requests failing at once share one refresh. When the server says the session is over, the
 * state turns `expired`: local work goes on, only syncing waits for a new login.
 */
export class AccessTokenProvider {
  readonly authState$ = new BehaviorSubject<AuthState>('valid');
  private accessToken: string | null;
  private accessExpiresAt: number;
  private refreshing: Promise<string> | null = null;
  private readonly serverUrl: string;
  private refreshToken: string;
  private readonly onSession: (session: SessionResponse) => void;
  private readonly store: RefreshTokenStore;
  private readonly now: () => number;
  /**
   * Server time minus device time, learnt from each session response: token expiry is server
   * time, and a device clock hours off must neither renew on every request nor send expired
   * tokens.
   */
  private clockOffsetMs = 0;

  constructor(options: {
    serverUrl: string;
    refreshToken: string;
    accessToken?: string;
    accessExpiresAt?: number;
    /** The session the tokens came from, to learn the server's clock. */
    serverTime?: number;
    onSession: (session: SessionResponse) => void;
    /** Shared with the officer's other windows; in memory when absent. */
    store?: RefreshTokenStore;
    now?: () => number;
  }) {
    this.serverUrl = options.serverUrl;
    this.refreshToken = options.refreshToken;
    this.accessToken = options.accessToken ?? null;
    this.accessExpiresAt = options.accessExpiresAt ?? 0;
    this.onSession = options.onSession;
    this.store = options.store ?? memoryRefreshTokenStore();
    this.now = options.now ?? Date.now;
    if (options.serverTime) this.clockOffsetMs = options.serverTime - this.now();
  }

  /** How far the device clock is behind (positive) or ahead (negative) of the server's. */
  get clockOffset(): number {
    return this.clockOffsetMs;
  }

  /** Runs `request` with a valid token, renewing it once if the server refuses it. */
  async withAccessToken<T>(request: (token: string) => Promise<T>): Promise<T> {
    const token = await this.currentToken();
    try {
      return await request(token);
    } catch (error) {
      if (!(error instanceof ApiRequestError) || error.kind !== 'unauthenticated') throw error;
      this.accessToken = null;
      return request(await this.currentToken());
    }
  }

  /** After the officer signs in again (the caller has stored the new refresh token). */
  replaceSession(session: SessionResponse): void {
    this.refreshToken = session.refreshToken;
    this.accessToken = session.accessToken;
    this.accessExpiresAt = session.accessTokenExpiresAt;
    this.clockOffsetMs = session.serverTime - this.now();
    this.authState$.next('valid');
  }

  private async currentToken(): Promise<string> {
    // Renew a minute early so a long request does not outlive its token.
    const serverNow = this.now() + this.clockOffsetMs;
    if (this.accessToken && serverNow < this.accessExpiresAt - 60_000) return this.accessToken;
    this.refreshing ??= this.renew().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async renew(): Promise<string> {
    try {
      const session = await this.store.exclusive(async () => {
        // Another window may have renewed since this one last did: start from its token. An
        // answer lost on the way leaves the old token stored, and the server answers it again
        // with the same successor.
        const stored = await this.store.load();
        if (stored) this.refreshToken = stored;
        const renewed = await refresh(this.serverUrl, this.refreshToken);
        await this.store.save(renewed);
        this.refreshToken = renewed.refreshToken;
        return renewed;
      });
      this.accessToken = session.accessToken;
      this.accessExpiresAt = session.accessTokenExpiresAt;
      this.clockOffsetMs = session.serverTime - this.now();
      this.authState$.next('valid');
      this.onSession(session);
      return session.accessToken;
    } catch (error) {
      if (error instanceof ApiRequestError && error.kind === 'unauthenticated') {
        this.authState$.next(error.code === 'session_revoked' ? 'revoked' : 'expired');
      }
      throw error;
    }
  }
}
