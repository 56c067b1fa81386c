import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { authenticateAccessToken, type AuthenticatedOfficer } from './session-store.ts';
import { sendApiError } from '../http/api-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    officer?: AuthenticatedOfficer;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  return match?.[1] ?? null;
}

/** A preHandler that admits only requests with a valid, unexpired access token. */
export function requireOfficer(db: Database, now: () => number) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(request);
    if (!token) return sendApiError(reply, 401, 'unauthenticated', 'Sesi tidak ada; silakan masuk');
    const officer = await authenticateAccessToken(db, token, now());
    if (!officer) {
      return sendApiError(
        reply,
        401,
        'session_expired',
        'Sesi berakhir atau tidak sah; silakan masuk lagi',
      );
    }
    request.officer = officer;
  };
}

export function officerOf(request: FastifyRequest): AuthenticatedOfficer {
  if (!request.officer) throw new Error('route is missing the requireOfficer preHandler');
  return request.officer;
}
