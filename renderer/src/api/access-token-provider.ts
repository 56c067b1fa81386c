import { BehaviorSubject } from 'rxjs';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { ApiRequestError, refresh } from './api-client.ts';

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
    now?: () => number;
  }) {
    this.serverUrl = options.serverUrl;
    this.refreshToken = options.refreshToken;
    this.accessToken = options.accessToken ?? null;
    this.accessExpiresAt = options.accessExpiresAt ?? 0;
    this.onSession = options.onSession;
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

  /** After the officer signs in again. */
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
      const session = await refresh(this.serverUrl, this.refreshToken);
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
