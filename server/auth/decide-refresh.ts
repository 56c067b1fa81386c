/** How the presented refresh token relates to its session. */
export type PresentedToken = 'current' | 'previous' | 'older';

export type RefreshFacts = {
  presented: PresentedToken;
  /** Not revoked, officer active, refresh lifetime not over. */
  live: boolean;
  /** When the current token replaced the previous one (null: never rotated). */
  rotatedAt: number | null;
  /** Whether the current tokens have been used (a request with the access token, or a refresh). */
  successorUsed: boolean;
  now: number;
  graceMs: number;
};

/**
 * `rotate`: issue new tokens; `repeat`: answer with the successor already issued (the previous
 * token again, from a window that raced the refresh or a device whose answer was lost);
 * `reuse`: an old token came back after its successor was in use, so two parties hold the
 * session and it ends; `refuse`: the session is over anyway.
 *
 * The previous token is honoured while its successor is unused, however long (a device whose
 * answer was cut off cannot tell it rotated), and for `graceMs` after the rotation otherwise.
 * A thief who replays it in that time gets the same successor as the device, so the next
 * rotation by either leaves the other holding a retired token: detection is delayed by one
 * rotation, never lost.
 */
export function decideRefresh(facts: RefreshFacts): 'rotate' | 'repeat' | 'reuse' | 'refuse' {
  if (!facts.live) return 'refuse';
  if (facts.presented === 'current') return 'rotate';
  if (
    facts.presented === 'previous' &&
    facts.rotatedAt !== null &&
    (!facts.successorUsed || facts.now - facts.rotatedAt < facts.graceMs)
  )
    return 'repeat';
  return 'reuse';
}
