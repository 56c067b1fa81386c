import type { Database, SqlExecutor } from '../db/database.ts';

/**
 * Account lockout with exponential back-off, per username. The state lives in PostgreSQL so
 * every server process behind a load balancer counts the same failures. It is kept per
 * username typed, whether or not such an officer exists, so a lockout reveals nothing about
 * which usernames are real.
 */
export type LockoutPolicy = {
  /** Consecutive failures that lock the username for the first time. */
  afterFailures: number;
  /** Length of the first lock; every further failure doubles it. */
  firstLockMs: number;
  maxLockMs: number;
  /** Failures older than this are forgotten: the count starts again. */
  forgetAfterMs: number;
};

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  afterFailures: 5,
  firstLockMs: 60_000,
  maxLockMs: 60 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
};

/** How long the `failedAttempts`-th consecutive failure locks the username (0: not locked). */
export function lockDurationMs(failedAttempts: number, policy: LockoutPolicy): number {
  if (failedAttempts < policy.afterFailures) return 0;
  const doublings = Math.min(failedAttempts - policy.afterFailures, 40);
  return Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** doublings);
}

/** The key a username is counted under: as typed, trimmed, case-insensitive like the login. */
export function throttleKey(username: string): string {
  return username.trim().normalize('NFKC').toLowerCase();
}

export type LoginAttempt =
  /** The username is locked: refuse without checking the password. */
  | { locked: true; lockedUntil: number }
  /**
   * The attempt is counted as a failure in advance (concurrent attempts cannot all slip past
   * the threshold while their passwords are being checked); a success clears the count. When
   * `lockedUntil` is set, this attempt reached the threshold and the username stays locked
   * unless its password turns out to be right.
   */
  | { locked: false; failedAttempts: number; lockedUntil: number | null };

/**
 * Checks the username's lock and counts this attempt, atomically across server processes
 * (one row lock per username).
 */
export async function reserveLoginAttempt(
  db: Database,
  username: string,
  now: number,
  policy: LockoutPolicy,
): Promise<LoginAttempt> {
  const key = throttleKey(username);
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO login_throttle (username, failed_attempts, last_attempt_at)
       VALUES ($1, 0, $2) ON CONFLICT (username) DO NOTHING`,
      [key, new Date(now)],
    );
    const [row] = await tx.query<{
      failed_attempts: number;
      last_attempt_at: Date;
      locked_until: Date | null;
    }>(
      `SELECT failed_attempts, last_attempt_at, locked_until FROM login_throttle
        WHERE username = $1 FOR UPDATE`,
      [key],
    );
    const currentLock = row?.locked_until?.getTime() ?? 0;
    if (currentLock > now) return { locked: true, lockedUntil: currentLock };

    const previous =
      row && now - row.last_attempt_at.getTime() <= policy.forgetAfterMs ? row.failed_attempts : 0;
    const failedAttempts = previous + 1;
    const lockMs = lockDurationMs(failedAttempts, policy);
    const lockedUntil = lockMs > 0 ? now + lockMs : null;
    await tx.query(
      `UPDATE login_throttle SET failed_attempts = $2, last_attempt_at = $3, locked_until = $4
        WHERE username = $1`,
      [key, failedAttempts, new Date(now), lockedUntil === null ? null : new Date(lockedUntil)],
    );
    // Usernames nobody has mistyped for a day are forgotten, so the table stays small.
    await tx.query(
      `DELETE FROM login_throttle
        WHERE last_attempt_at < $1 AND (locked_until IS NULL OR locked_until < $2)`,
      [new Date(now - policy.forgetAfterMs), new Date(now)],
    );
    return { locked: false, failedAttempts, lockedUntil };
  });
}

/** A successful login forgets the username's failures (and the lock its attempt set). */
export async function clearFailedLogins(db: SqlExecutor, username: string): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE username = $1', [throttleKey(username)]);
}

/** "45 detik", "2 menit", "1 jam 5 menit": how long until the lock ends, rounded up. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} detik`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} menit`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} jam` : `${hours} jam ${rest} menit`;
}
