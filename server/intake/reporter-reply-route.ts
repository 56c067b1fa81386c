import type { FastifyInstance } from 'fastify';
import { reporterReplyRequestSchema } from '../../shared/intake/reporter-reply.ts';
import type { Database } from '../db/database.ts';
import { parseOr400, sendApiError } from '../http/api-error.ts';
import { createFixedWindowLimiter } from '../http/fixed-window-limiter.ts';
import { findIntakeApiKey } from '../open311/intake-api-keys.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { recordReporterReply } from './record-reporter-reply.ts';

export type ReporterReplyRouteOptions = {
  db: Database;
  now: () => number;
  feed: ChangeFeed;
  requestsPerMinute: number;
};

/** Reporter replies and ratings delivered by an intake channel, with that channel's API key. */
export function registerReporterReplyRoute(
  app: FastifyInstance,
  options: ReporterReplyRouteOptions,
): void {
  const { db, now, feed } = options;
  const limiter = createFixedWindowLimiter({
    max: options.requestsPerMinute,
    windowMs: 60_000,
    now,
  });
  app.post('/api/intake/replies', async (request, reply) => {
    const body = parseOr400(reporterReplyRequestSchema, request.body, reply, 'Balasan pelapor');
    if (!body) return reply;
    const key = await findIntakeApiKey(db, body.api_key);
    const quota = limiter.take(key ? `key:${key.id}` : `address:${request.ip}`);
    if (!quota.allowed) {
      reply.header('retry-after', String(quota.retryAfterSeconds));
      return sendApiError(reply, 429, 'rate_limited', 'Terlalu banyak permintaan; coba lagi nanti');
    }
    if (!key) return sendApiError(reply, 401, 'invalid_api_key', 'api_key tidak sah');
    const outcome = await recordReporterReply(db, key, body, now());
    if (outcome.kind === 'not_found') {
      return sendApiError(reply, 404, 'not_found', 'Nomor pengaduan tidak ditemukan');
    }
    if (outcome.kind === 'not_replyable') {
      return sendApiError(
        reply,
        409,
        'not_replyable',
        `Pengaduan berstatus ${outcome.status} belum dapat dibalas pelapor`,
      );
    }
    feed.publish('complaint_events');
    return reply.code(201).send({ eventIds: outcome.eventIds });
  });
}
