import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Officer } from '../../shared/schemas/officer.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { Database, SqlExecutor } from '../db/database.ts';
import { decideRefresh, type PresentedToken } from './decide-refresh.ts';

export type SessionPolicy = { accessTtlMs: number; refreshTtlMs: number };

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  accessTtlMs: 15 * 60_000,
  refreshTtlMs: 30 * 24 * 60 * 60_000,
};

export type IssuedTokens = {
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken: string;
  refreshTokenExpiresAt: number;
};

/** The officer behind a valid access token, as every handler sees it. */
export type AuthenticatedOfficer = Officer & {
  sessionId: string;
  deviceId: string;
  accessExpiresAt: number;
};

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes are stored: a leaked sessions table does not let anyone in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function createSession(
  db: SqlExecutor,
  officerId: string,
  deviceId: string,
  now: number,
  policy: SessionPolicy,
): Promise<IssuedTokens> {
  const tokens: IssuedTokens = {
    accessToken: newToken(),
    accessTokenExpiresAt: now + policy.accessTtlMs,
    refreshToken: newToken(),
    refreshTokenExpiresAt: now + policy.refreshTtlMs,
  };
  await db.query(
    `INSERT INTO sessions (id, officer_id, device_id, access_token_hash, access_expires_at,
       refresh_token_hash, refresh_expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      randomUUID(),
      officerId,
      deviceId,
      hashToken(tokens.accessToken),
      new Date(tokens.accessTokenExpiresAt),
      hashToken(tokens.refreshToken),
      new Date(tokens.refreshTokenExpiresAt),
      new Date(now),
    ],
  );
  return tokens;
}

type SessionOfficerRow = {
  session_id: string;
  device_id: string;
  access_expires_at: Date;
  previous_access_expires_at?: Date | null;
  id: string;
  instansi_id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string | null;
};

const SESSION_OFFICER_COLUMNS = `s.id AS session_id, s.device_id, s.access_expires_at,
  o.id, o.instansi_id, o.username, o.display_name, o.role, o.unit_id`;

function toAuthenticated(row: SessionOfficerRow): AuthenticatedOfficer {
  return {
    sessionId: row.session_id,
    deviceId: row.device_id,
    accessExpiresAt: row.access_expires_at.getTime(),
    id: row.id,
    instansiId: row.instansi_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unitId: row.unit_id ?? '',
  };
}

export async function authenticateAccessToken(
  db: SqlExecutor,
  token: string,
  now: number,
): Promise<AuthenticatedOfficer | null> {
  // The access token a refresh replaced still counts until its own expiry (another window of
  // the device may be using it); revoking the session ends both.
  const rows = await db.query<SessionOfficerRow & { successor_used: boolean; current: boolean }>(
    `SELECT ${SESSION_OFFICER_COLUMNS}, s.successor_used, s.access_token_hash = $1 AS current,
            s.previous_access_expires_at
       FROM sessions s JOIN officers o ON o.id = s.officer_id
      WHERE ((s.access_token_hash = $1 AND s.access_expires_at > $2)
          OR (s.previous_access_hash = $1 AND s.previous_access_expires_at > $2))
        AND s.revoked_at IS NULL AND o.active`,
    [hashToken(token), new Date(now)],
  );
  const row = rows[0];
  if (!row) return null;
  if (!row.current) {
    return { ...toAuthenticated(row), accessExpiresAt: row.previous_access_expires_at!.getTime() };
  }
  // The device has its new tokens: from now on the refresh token they replaced is reuse.
  if (!row.successor_used)
    await db.query('UPDATE sessions SET successor_used = true WHERE id = $1', [row.session_id]);
  return toAuthenticated(row);
}

/**
 * Whether the session a stream was opened under still grants what it granted then: not revoked,
 * the officer active, with the same role, unit and instansi.
 */
export async function sessionStillGrants(
  db: SqlExecutor,
  officer: AuthenticatedOfficer,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM sessions s JOIN officers o ON o.id = s.officer_id
      WHERE s.id = $1 AND s.revoked_at IS NULL AND o.active AND o.id = $2
        AND o.role = $3 AND coalesce(o.unit_id, '') = $4 AND o.instansi_id = $5`,
    [officer.sessionId, officer.id, officer.role, officer.unitId, officer.instansiId],
  );
  return rows.length > 0;
}

const SEAL_CONTEXT = 'lapor-refresh-successor:';

/** The successor tokens, readable only with the refresh token they replaced. */
function sealSuccessor(previousToken: string, tokens: IssuedTokens): string {
  const key = createHash('sha256')
    .update(SEAL_CONTEXT + previousToken)
    .digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(tokens), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function openSuccessor(previousToken: string, sealed: string): IssuedTokens {
  const key = createHash('sha256')
    .update(SEAL_CONTEXT + previousToken)
    .digest();
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  return JSON.parse(text.toString('utf8')) as IssuedTokens;
}

type RefreshRow = SessionOfficerRow & {
  live: boolean;
  officer_id: string;
  refresh_expires_at: Date;
  previous_refresh_hash: string | null;
  successor_sealed: string | null;
  rotated_at: Date | null;
  successor_used: boolean;
};

const REFRESH_COLUMNS = `${SESSION_OFFICER_COLUMNS}, s.officer_id, s.refresh_expires_at,
  s.previous_refresh_hash, s.successor_sealed, s.rotated_at, s.successor_used,
  (s.revoked_at IS NULL AND o.active AND s.refresh_expires_at > $2) AS live`;

export type RefreshOutcome =
  | { kind: 'refreshed'; officer: AuthenticatedOfficer; tokens: IssuedTokens }
  /** An old refresh token came back: the session was revoked here (audit it, end its streams). */
  | { kind: 'reused'; sessionId: string; officerId: string; deviceId: string }
  | { kind: 'refused' };

export type RefreshPolicy = SessionPolicy & { reuseGraceMs: number };

/**
 * Rotates the refresh token: each refresh answers with a new access token and a new refresh
 * token, and retires the one presented (see decideRefresh for the previous one coming back).
 * One transaction with the session row locked, so two refreshes with one token at once get the
 * same successor.
 */
export async function refreshSession(
  db: Database,
  refreshToken: string,
  now: number,
  policy: RefreshPolicy,
): Promise<RefreshOutcome> {
  const presentedHash = hashToken(refreshToken);
  return db.transaction(async (tx): Promise<RefreshOutcome> => {
    let presented: PresentedToken = 'current';
    let [row] = await tx.query<RefreshRow>(
      `SELECT ${REFRESH_COLUMNS} FROM sessions s JOIN officers o ON o.id = s.officer_id
        WHERE s.refresh_token_hash = $1 FOR UPDATE OF s`,
      [presentedHash, new Date(now)],
    );
    if (!row) {
      [row] = await tx.query<RefreshRow>(
        `SELECT ${REFRESH_COLUMNS} FROM retired_refresh_tokens r
           JOIN sessions s ON s.id = r.session_id JOIN officers o ON o.id = s.officer_id
          WHERE r.token_hash = $1 FOR UPDATE OF s`,
        [presentedHash, new Date(now)],
      );
      if (!row) return { kind: 'refused' };
      presented = row.previous_refresh_hash === presentedHash ? 'previous' : 'older';
    }
    const decision = decideRefresh({
      presented,
      live: row.live,
      rotatedAt: row.rotated_at?.getTime() ?? null,
      successorUsed: row.successor_used,
      now,
      graceMs: policy.reuseGraceMs,
    });
    if (decision === 'refuse') return { kind: 'refused' };
    if (decision === 'reuse') {
      await tx.query(
        `UPDATE sessions SET revoked_at = $2, revoked_reason = 'refresh_token_reused'
          WHERE id = $1 AND revoked_at IS NULL`,
        [row.session_id, new Date(now)],
      );
      return {
        kind: 'reused',
        sessionId: row.session_id,
        officerId: row.officer_id,
        deviceId: row.device_id,
      };
    }
    if (decision === 'repeat' && row.successor_sealed) {
      const tokens = openSuccessor(refreshToken, row.successor_sealed);
      return { kind: 'refreshed', officer: toAuthenticated(row), tokens };
    }
    const tokens: IssuedTokens = {
      accessToken: newToken(),
      accessTokenExpiresAt: now + policy.accessTtlMs,
      refreshToken: newToken(),
      refreshTokenExpiresAt: row.refresh_expires_at.getTime(),
    };
    await tx.query(
      `UPDATE sessions SET previous_access_hash = access_token_hash,
         previous_access_expires_at = access_expires_at,
         access_token_hash = $2, access_expires_at = $3, refresh_token_hash = $4,
         previous_refresh_hash = $5, successor_sealed = $6,
         rotated_at = $7, successor_used = false
       WHERE id = $1`,
      [
        row.session_id,
        hashToken(tokens.accessToken),
        new Date(tokens.accessTokenExpiresAt),
        hashToken(tokens.refreshToken),
        presentedHash,
        sealSuccessor(refreshToken, tokens),
        new Date(now),
      ],
    );
    await tx.query(
      `INSERT INTO retired_refresh_tokens (token_hash, session_id, retired_at)
       VALUES ($1, $2, $3) ON CONFLICT (token_hash) DO NOTHING`,
      [presentedHash, row.session_id, new Date(now)],
    );
    return {
      kind: 'refreshed',
      officer: { ...toAuthenticated(row), accessExpiresAt: tokens.accessTokenExpiresAt },
      tokens,
    };
  });
}

/**
 * Why a refresh token no longer works: `revoked` when its session was ended on the server (the
 * password was reset, the account disabled, or the session signed out), otherwise `expired`.
 */
export async function sessionEndReason(
  db: SqlExecutor,
  refreshToken: string,
): Promise<'revoked' | 'expired'> {
  const rows = await db.query<{ revoked: boolean }>(
    `SELECT (s.revoked_at IS NOT NULL OR NOT o.active) AS revoked
       FROM sessions s JOIN officers o ON o.id = s.officer_id
      WHERE s.refresh_token_hash = $1
         OR s.id = (SELECT session_id FROM retired_refresh_tokens WHERE token_hash = $1)`,
    [hashToken(refreshToken)],
  );
  return rows[0]?.revoked ? 'revoked' : 'expired';
}

/** Ends every session of an officer (password reset, disabled, new role or unit). */
export async function revokeOfficerSessions(
  db: SqlExecutor,
  officerId: string,
  now: number,
): Promise<void> {
  await db.query(
    'UPDATE sessions SET revoked_at = $1 WHERE officer_id = $2 AND revoked_at IS NULL',
    [new Date(now), officerId],
  );
}

export async function revokeSession(
  db: SqlExecutor,
  sessionId: string,
  now: number,
): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [
    new Date(now),
    sessionId,
  ]);
}
