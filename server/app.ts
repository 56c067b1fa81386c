import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import type { ReplicatedCollection } from '../shared/schemas/rx-schemas.ts';
import type { Database } from './db/database.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { DEFAULT_SESSION_POLICY } from './auth/session-store.ts';
import { sendApiError } from './http/api-error.ts';
import { createInProcessChangeFeed, type ChangeFeed } from './replication/change-feed.ts';
import { registerReplicationRoutes } from './replication/replication-routes.ts';
import type { OpenStreams } from './replication/change-stream.ts';
import type { ReplicatedStore } from './replication/replicated-store.ts';
import { complaintStore } from './replication/complaint-store.ts';
import {
  categoryStore,
  holidayStore,
  slaRuleStore,
  unitStore,
} from './replication/directory-stores.ts';
import { complaintEventStore } from './replication/complaint-event-store.ts';
import { syncRejectionStore } from './replication/sync-rejection-store.ts';
import { WEB_CONTENT_SECURITY_POLICY } from './http/web-security-headers.ts';
import { registerRakordaReportRoute } from './reports/rakorda-route.ts';

export type AppOptions = {
  db: Database;
  now?: () => number;
  feed?: ChangeFeed;
  corsOrigins?: string[];
  loginAttemptsPerMinute?: number;
  accessTokenMinutes?: number;
  /** Folder of the built workstation to serve at `/` (web build); skipped when missing. */
  webRoot?: string;
  logLevel?: string;
  heartbeatMs?: number;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now;
  const feed = options.feed ?? createInProcessChangeFeed();
  const openStreams: OpenStreams = new Set();
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'silent',
      // Request logs carry method, path and status only: never bodies, tokens or identities.
      redact: ['req.headers.authorization'],
    },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.code(429).send(error);
    if (status >= 400 && status < 500) {
      const message =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'Isi permintaan bukan JSON yang sah'
          : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 'Isi permintaan terlalu besar'
            : error.message;
      return sendApiError(reply, status, error.code ?? 'bad_request', message);
    }
    app.log.error({ err: error }, 'request failed');
    return sendApiError(reply, 500, 'internal_error', 'Terjadi kesalahan di server');
  });

  await app.register(cors, {
    origin: options.corsOrigins ?? [],
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', WEB_CONTENT_SECURITY_POLICY);
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await options.db.query('SELECT 1');
      return { status: 'ready', database: options.db.kind };
    } catch {
      return sendApiError(reply, 503, 'not_ready', 'Basis data tidak tersedia');
    }
  });

  await registerAuthRoutes(app, {
    db: options.db,
    now,
    sessionPolicy: {
      ...DEFAULT_SESSION_POLICY,
      accessTtlMs: (options.accessTokenMinutes ?? 15) * 60_000,
    },
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10,
  });

  const stores: Record<ReplicatedCollection, ReplicatedStore<unknown>> = {
    complaints: complaintStore as ReplicatedStore<unknown>,
    units: unitStore as ReplicatedStore<unknown>,
    categories: categoryStore as ReplicatedStore<unknown>,
    complaint_events: complaintEventStore as ReplicatedStore<unknown>,
    holidays: holidayStore as ReplicatedStore<unknown>,
    sla_rules: slaRuleStore as ReplicatedStore<unknown>,
    sync_rejections: syncRejectionStore as ReplicatedStore<unknown>,
  };
  registerReplicationRoutes(app, {
    db: options.db,
    now,
    feed,
    stores,
    openStreams,
    heartbeatMs: options.heartbeatMs ?? 20_000,
  });
  registerRakordaReportRoute(app, { db: options.db, now });

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, { root: options.webRoot, prefix: '/', index: 'index.html' });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.sendFile('index.html');
      }
      return sendApiError(reply, 404, 'not_found', 'Alamat tidak ditemukan');
    });
  } else {
    app.setNotFoundHandler((_request, reply) =>
      sendApiError(reply, 404, 'not_found', 'Alamat tidak ditemukan'),
    );
  }

  app.addHook('onClose', async () => {
    for (const close of [...openStreams]) close();
  });
  return app;
}
