import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { authenticateAccessToken, type AuthenticatedOfficer } from './session-store.ts';
import { sendCodedApiError } from '../http/api-error.ts';
import { appError } from '../../shared/errors/error-codes.ts';

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
    if (!token)
      return sendCodedApiError(reply, 401, 'unauthenticated', appError('session_missing'));
    const officer = await authenticateAccessToken(db, token, now());
    if (!officer) {
      return sendCodedApiError(reply, 401, 'session_expired', appError('session_invalid'));
    }
    request.officer = officer;
  };
}

export function officerOf(request: FastifyRequest): AuthenticatedOfficer {
  if (!request.officer) throw new Error('route is missing the requireOfficer preHandler');
  return request.officer;
}
