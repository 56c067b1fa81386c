import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Officer } from '../../shared/schemas/officer.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { SqlExecutor } from '../db/database.ts';

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
  const rows = await db.query<SessionOfficerRow>(
    `SELECT ${SESSION_OFFICER_COLUMNS}
       FROM sessions s JOIN officers o ON o.id = s.officer_id
      WHERE s.access_token_hash = $1 AND s.revoked_at IS NULL AND s.access_expires_at > $2
        AND o.active`,
    [hashToken(token), new Date(now)],
  );
  return rows[0] ? toAuthenticated(rows[0]) : null;
}

/** Issues a new access token for a valid refresh token; the refresh token stays the same. */
export async function refreshSession(
  db: SqlExecutor,
  refreshToken: string,
  now: number,
  policy: SessionPolicy,
): Promise<{ officer: AuthenticatedOfficer; tokens: IssuedTokens } | null> {
  const accessToken = newToken();
  const accessExpiresAt = now + policy.accessTtlMs;
  const updated = await db.query<{ id: string; refresh_expires_at: Date }>(
    `UPDATE sessions s SET access_token_hash = $1, access_expires_at = $2
      FROM officers o
      WHERE o.id = s.officer_id AND o.active AND s.refresh_token_hash = $3
        AND s.revoked_at IS NULL AND s.refresh_expires_at > $4
      RETURNING s.id, s.refresh_expires_at`,
    [hashToken(accessToken), new Date(accessExpiresAt), hashToken(refreshToken), new Date(now)],
  );
  const session = updated[0];
  if (!session) return null;
  const officer = await authenticateAccessToken(db, accessToken, now);
  if (!officer) return null;
  return {
    officer,
    tokens: {
      accessToken,
      accessTokenExpiresAt: accessExpiresAt,
      refreshToken,
      refreshTokenExpiresAt: session.refresh_expires_at.getTime(),
    },
  };
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
      WHERE s.refresh_token_hash = $1`,
    [hashToken(refreshToken)],
  );
  return rows[0]?.revoked ? 'revoked' : 'expired';
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
