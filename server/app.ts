import { existsSync } from 'node:fs';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import type { ReplicatedCollection } from '../shared/schemas/rx-schemas.ts';
import type { Database } from './db/database.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { DEFAULT_SESSION_POLICY } from './auth/session-store.ts';
import { sendApiError } from './http/api-error.ts';
import { createInProcessChangeFeed, type ChangeFeed } from './changes/change-feed.ts';
import { registerReplicationRoutes } from './replication/replication-routes.ts';
import { OpenStreams } from './changes/open-streams.ts';
import { DEFAULT_REFUSAL_LIMITS, type RefusalLimits } from './refusals/plan-refusal-record.ts';
import type { ReplicatedStore } from './replicated-store.ts';
import { complaintStore } from './complaints/complaint-store.ts';
import {
  categoryStore,
  holidayStore,
  slaRuleStore,
  unitStore,
} from './directory/directory-stores.ts';
import { complaintEventStore } from './timeline/complaint-event-store.ts';
import { syncRejectionStore } from './refusals/sync-rejection-store.ts';
import { responseTemplateStore } from './templates/response-template-store.ts';
import { reportIdentityStore } from './instansi/report-identity-store.ts';
import { registerSecurityHeaders } from './http/web-security-headers.ts';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  frameworkErrorHandler,
  handleError,
} from './http/error-handler.ts';
import { registerGracefulShutdown } from './http/graceful-shutdown.ts';
import { writeReadinessHeartbeat } from './maintenance/write-readiness-heartbeat.ts';
import { registerJsonBody } from './http/json-body.ts';
import { registerCompression } from './http/compression.ts';
import { loggerOptions } from './http/logging.ts';
import { DEFAULT_LOCKOUT_POLICY, type LockoutPolicy } from './auth/login-throttle.ts';
import { registerRakordaReportRoute } from './reports/rakorda-route.ts';
import { registerRegionRoutes } from './regions/region-routes.ts';
import { registerRegionalBriefingRoute } from './reports/regional-briefing-route.ts';
import { DEFAULT_BODY_LIMIT_BYTES } from './config.ts';
import { registerOpen311Routes } from './open311/open311-routes.ts';
import { registerImportRoutes } from './import/import-routes.ts';
import { registerAuditRoutes } from './audit/audit-routes.ts';
import { registerOfficerAdminRoutes } from './admin/officer-routes.ts';
import { registerAttachmentRoutes } from './attachments/attachment-routes.ts';
import { registerReporterReplyRoute } from './intake/reporter-reply-route.ts';

export type AppOptions = {
  db: Database;
  now?: () => number;
  feed?: ChangeFeed;
  corsOrigins?: string[];
  loginAttemptsPerMinute?: number;
  /** Open311 service requests one API key (or address without a valid key) may post per minute. */
  intakeRequestsPerMinute?: number;
  lockout?: Partial<LockoutPolicy>;
  accessTokenMinutes?: number;
  /** Largest request body accepted (a push); the auth routes accept far less. */
  bodyLimitBytes?: number;
  /** What one refusal keeps and how many unresolved ones an officer may hold. */
  refusalLimits?: Partial<RefusalLimits>;
  /** Clients reach the server over HTTPS: send HSTS (see registerSecurityHeaders). */
  behindTls?: boolean;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe (rate limits per client). */
  trustProxy?: boolean | string;
  /** Folder of the built workstation to serve at `/` (web build); skipped when missing. */
  webRoot?: string;
  logLevel?: string;
  /** Where log lines go; standard output when absent. */
  logStream?: NodeJS.WritableStream;
  heartbeatMs?: number;
  /** Live streams one officer may hold on this process; a new one beyond it ends the oldest. */
  maxStreamsPerOfficer?: number;
  /** Public Open311 reads one address may make per minute. */
  open311ReadsPerMinute?: number;
  /** How long a just-rotated refresh token still gets the same successor (racing windows). */
  refreshReuseGraceSeconds?: number;
  /** How long `app.close()` lets requests in flight finish before cutting connections. */
  shutdownTimeoutMs?: number;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now;
  const feed = options.feed ?? createInProcessChangeFeed();
  const openStreams = new OpenStreams(options.maxStreamsPerOfficer ?? 8);
  const stopEndingStreams = feed.onStreamsEnd((end) => openStreams.end(end));
  const app = Fastify({
    logger: loggerOptions({
      level: options.logLevel ?? 'silent',
      ...(options.logStream ? { stream: options.logStream } : {}),
    }),
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // Node's own default: a client has five minutes to send a whole request (slow bodies).
    requestTimeout: 300_000,
    frameworkErrors: frameworkErrorHandler,
  });

  app.setErrorHandler<FastifyError>((error, request, reply) =>
    handleError(app, error, request, reply),
  );
  // First, so every answer below (including refusals in early hooks) carries the headers.
  await registerSecurityHeaders(app, { behindTls: options.behindTls ?? false });
  registerJsonBody(app);
  await registerCompression(app);

  await app.register(cors, {
    origin: options.corsOrigins ?? [],
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'content-encoding'],
    maxAge: 600,
  });

  registerGracefulShutdown(app, {
    closeStreams: () => openStreams.closeAll(),
    timeoutMs: options.shutdownTimeoutMs ?? 10_000,
  });

  app.addHook('onClose', async () => stopEndingStreams());

  /** Liveness: the process answers. No database call, so a slow database never restarts it. */
  app.get('/healthz', async () => ({ status: 'ok' }));
  /**
   * Readiness: the database answers and can write (a committed one-row heartbeat, so a full
   * disk or a read-only database shows); a load balancer sends traffic only then. Bounded by
   * the database timeouts.
   */
  app.get('/readyz', async (request, reply) => {
    try {
      await writeReadinessHeartbeat(options.db);
      return { status: 'ready', database: options.db.kind };
    } catch (error) {
      request.log.warn({ err: error }, 'not ready');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendApiError(reply, 503, 'not_ready', 'Basis data tidak tersedia');
    }
  });

  await registerAuthRoutes(app, {
    db: options.db,
    now,
    feed,
    sessionPolicy: {
      ...DEFAULT_SESSION_POLICY,
      accessTtlMs: (options.accessTokenMinutes ?? 15) * 60_000,
      reuseGraceMs: (options.refreshReuseGraceSeconds ?? 60) * 1000,
    },
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10,
    lockoutPolicy: { ...DEFAULT_LOCKOUT_POLICY, ...options.lockout },
  });

  const stores: Record<ReplicatedCollection, ReplicatedStore<unknown>> = {
    complaints: complaintStore as ReplicatedStore<unknown>,
    units: unitStore as ReplicatedStore<unknown>,
    categories: categoryStore as ReplicatedStore<unknown>,
    complaint_events: complaintEventStore as ReplicatedStore<unknown>,
    holidays: holidayStore as ReplicatedStore<unknown>,
    sla_rules: slaRuleStore as ReplicatedStore<unknown>,
    sync_rejections: syncRejectionStore as ReplicatedStore<unknown>,
    templates: responseTemplateStore as ReplicatedStore<unknown>,
    report_identity: reportIdentityStore as ReplicatedStore<unknown>,
  };
  registerReplicationRoutes(app, {
    db: options.db,
    now,
    feed,
    stores,
    openStreams,
    heartbeatMs: options.heartbeatMs ?? 20_000,
    refusalLimits: { ...DEFAULT_REFUSAL_LIMITS, ...options.refusalLimits },
  });
  registerRakordaReportRoute(app, { db: options.db, now });
  registerRegionRoutes(app, { db: options.db, now });
  registerRegionalBriefingRoute(app, { db: options.db, now });
  await registerAttachmentRoutes(app, { db: options.db, now });
  registerReporterReplyRoute(app, {
    db: options.db,
    now,
    feed,
    requestsPerMinute: options.intakeRequestsPerMinute ?? 30,
  });
  await registerOpen311Routes(app, {
    db: options.db,
    now,
    feed,
    intakeRequestsPerMinute: options.intakeRequestsPerMinute ?? 30,
    readsPerMinute: options.open311ReadsPerMinute ?? 120,
  });
  registerImportRoutes(app, { db: options.db, now, feed });
  registerAuditRoutes(app, { db: options.db, now });
  registerOfficerAdminRoutes(app, { db: options.db, now, feed });

  if (options.webRoot && existsSync(options.webRoot)) {
    // The build writes .br and .gz beside each file; they are sent to a client that accepts them.
    await app.register(fastifyStatic, {
      root: options.webRoot,
      prefix: '/',
      index: 'index.html',
      preCompressed: true,
    });
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

  return app;
}
