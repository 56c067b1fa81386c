import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import {
  loginRequestSchema,
  refreshRequestSchema,
  type SessionResponse,
} from '../../shared/api/contract.ts';
import type { Database } from '../db/database.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import { officerOf, requireOfficer } from '../http/authenticate.ts';
import { appendAudit } from '../audit-log.ts';
import { UNKNOWN_USER_HASH, verifyPassword } from './password-hash.ts';
import { findInstansi, findOfficerByUsername, publicOfficer } from './officer-repository.ts';
import {
  createSession,
  refreshSession,
  revokeSession,
  type SessionPolicy,
} from './session-store.ts';

export type AuthRouteOptions = {
  db: Database;
  now: () => number;
  sessionPolicy: SessionPolicy;
  loginAttemptsPerMinute: number;
};

export async function registerAuthRoutes(app: FastifyInstance, options: AuthRouteOptions) {
  const { db, now, sessionPolicy } = options;
  await app.register(rateLimit, { global: false });

  app.post(
    '/api/auth/login',
    {
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
      const passwordOk = await verifyPassword(
        input.password,
        officer?.passwordHash ?? UNKNOWN_USER_HASH,
      );
      if (!officer || !passwordOk || !officer.active) {
        await appendAudit(
          db,
          { officerId: officer?.id ?? null, deviceId: input.deviceId, action: 'login_failed' },
          now(),
        );
        return sendApiError(
          reply,
          401,
          'invalid_credentials',
          'Nama pengguna atau kata sandi salah',
        );
      }
      const tokens = await createSession(db, officer.id, input.deviceId, now(), sessionPolicy);
      await appendAudit(
        db,
        { officerId: officer.id, deviceId: input.deviceId, action: 'login' },
        now(),
      );
      const body: SessionResponse = {
        ...tokens,
        officer: publicOfficer(officer),
        instansi: await findInstansi(db, officer.instansiId),
        serverTime: now(),
      };
      return reply.send(body);
    },
  );

  app.post('/api/auth/refresh', async (request, reply) => {
    const input = parseOr400(
      refreshRequestSchema,
      request.body,
      reply,
      'Permintaan pembaruan sesi',
    );
    if (!input) return reply;
    const refreshed = await refreshSession(db, input.refreshToken, now(), sessionPolicy);
    if (!refreshed) {
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

  app.post('/api/auth/logout', { preHandler: requireOfficer(db, now) }, async (request, reply) => {
    const officer = officerOf(request);
    await revokeSession(db, officer.sessionId, now());
    await appendAudit(
      db,
      { officerId: officer.id, deviceId: officer.deviceId, action: 'logout' },
      now(),
    );
    return reply.code(204).send();
  });
}
