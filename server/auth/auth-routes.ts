import type { FastifyInstance, FastifyReply } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import {
  loginRequestSchema,
  refreshRequestSchema,
  type SessionResponse,
} from '../../shared/api/contract.ts';
import type { Database } from '../db/database.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import { officerOf, requireOfficer } from './authenticate.ts';
import { appendAudit } from '../audit-log.ts';
import { UNKNOWN_USER_HASH, verifyPassword } from './password-hash.ts';
import { findInstansi, findOfficerByUsername, publicOfficer } from './officer-repository.ts';
import {
  clearFailedLogins,
  describeWait,
  reserveLoginAttempt,
  type LockoutPolicy,
} from './login-throttle.ts';
import {
  createSession,
  refreshSession,
  sessionEndReason,
  revokeSession,
  type RefreshPolicy,
} from './session-store.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';

export type AuthRouteOptions = {
  db: Database;
  now: () => number;
  feed: ChangeFeed;
  sessionPolicy: RefreshPolicy;
  loginAttemptsPerMinute: number;
  lockoutPolicy: LockoutPolicy;
};

/** Login, refresh and logout bodies are a few hundred bytes: anything large is refused early. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

export async function registerAuthRoutes(app: FastifyInstance, options: AuthRouteOptions) {
  const { db, now, feed, sessionPolicy, lockoutPolicy } = options;
  await app.register(rateLimit, { global: false });

  /** 429 with Retry-After and, in Indonesian, how long until the username may try again. */
  function sendLocked(reply: FastifyReply, until: number) {
    const waitMs = until - now();
    reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
    return sendApiError(
      reply,
      429,
      'account_locked',
      `Terlalu banyak percobaan masuk yang gagal untuk akun ini. ` +
        `Akun dikunci sementara; coba lagi dalam ${describeWait(waitMs)}.`,
    );
  }

  app.post(
    '/api/auth/login',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      config: {
        rateLimit: {
          max: options.loginAttemptsPerMinute,
          timeWindow: 60_000,
          errorResponseBuilder: (_request, context) => ({
            statusCode: 429,
            error: 'too_many_attempts',
            message: `Terlalu banyak percobaan masuk; coba lagi dalam ${Math.ceil(context.ttl / 1000)} detik`,
          }),
        },
      },
    },
    async (request, reply) => {
      const input = parseOr400(loginRequestSchema, request.body, reply, 'Permintaan masuk');
      if (!input) return reply;
      const officer = await findOfficerByUsername(db, input.username);
      const audit = (action: string, details: Record<string, unknown>) =>
        appendAudit(
          db,
          { officerId: officer?.id ?? null, deviceId: input.deviceId, action, details },
          now(),
        );

      // A locked username is refused before its password is even checked.
      const attempt = await reserveLoginAttempt(db, input.username, now(), lockoutPolicy);
      if (attempt.locked) {
        await audit('login_failed', { reason: 'locked' });
        return sendLocked(reply, attempt.lockedUntil);
      }

      const passwordOk = await verifyPassword(
        input.password,
        officer?.passwordHash ?? UNKNOWN_USER_HASH,
      );
      if (!officer || !passwordOk || !officer.active) {
        await audit('login_failed', {
          reason: !officer ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'inactive',
          failedAttempts: attempt.failedAttempts,
        });
        if (attempt.lockedUntil !== null) {
          await audit('login_lockout', {
            failedAttempts: attempt.failedAttempts,
            lockedUntil: new Date(attempt.lockedUntil).toISOString(),
          });
          return sendLocked(reply, attempt.lockedUntil);
        }
        return sendApiError(
          reply,
          401,
          'invalid_credentials',
          'Nama pengguna atau kata sandi salah',
        );
      }
      await clearFailedLogins(db, input.username);
      const tokens = await createSession(db, officer.id, input.deviceId, now(), sessionPolicy);
      await audit('login', {});
      const body: SessionResponse = {
        ...tokens,
        officer: publicOfficer(officer),
        instansi: await findInstansi(db, officer.instansiId),
        serverTime: now(),
      };
      return reply.send(body);
    },
  );

  app.post('/api/auth/refresh', { bodyLimit: AUTH_BODY_LIMIT_BYTES }, async (request, reply) => {
    const input = parseOr400(
      refreshRequestSchema,
      request.body,
      reply,
      'Permintaan pembaruan sesi',
    );
    if (!input) return reply;
    const refreshed = await refreshSession(db, input.refreshToken, now(), sessionPolicy);
    if (refreshed.kind === 'reused') {
      // Two parties hold this sign-in's tokens: it ends for both, and the officer signs in again.
      feed.endStreams({ sessionId: refreshed.sessionId });
      await appendAudit(
        db,
        {
          officerId: refreshed.officerId,
          deviceId: refreshed.deviceId,
          action: 'refresh_token_reused',
          details: { sessionId: refreshed.sessionId },
        },
        now(),
      );
      request.log.warn({ sessionId: refreshed.sessionId }, 'refresh token reused; session ended');
    }
    if (refreshed.kind !== 'refreshed') {
      if ((await sessionEndReason(db, input.refreshToken)) === 'revoked') {
        return sendApiError(
          reply,
          401,
          'session_revoked',
          'Sesi dicabut (kata sandi diubah atau akun dinonaktifkan); silakan masuk lagi',
        );
      }
      return sendApiError(reply, 401, 'session_expired', 'Sesi berakhir; silakan masuk lagi');
    }
    const { sessionId: _s, deviceId: _d, accessExpiresAt: _a, ...officer } = refreshed.officer;
    const body: SessionResponse = {
      ...refreshed.tokens,
      officer,
      instansi: await findInstansi(db, officer.instansiId),
      serverTime: now(),
    };
    return reply.send(body);
  });

  app.post(
    '/api/auth/logout',
    { preHandler: requireOfficer(db, now), bodyLimit: AUTH_BODY_LIMIT_BYTES },
    async (request, reply) => {
      const officer = officerOf(request);
      await revokeSession(db, officer.sessionId, now());
      feed.endStreams({ sessionId: officer.sessionId });
      await appendAudit(
        db,
        { officerId: officer.id, deviceId: officer.deviceId, action: 'logout' },
        now(),
      );
      return reply.code(204).send();
    },
  );
}
