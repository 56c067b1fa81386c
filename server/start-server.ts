import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { runMigrations } from './db/migrations.ts';
import { openDatabase } from './db/open-database.ts';
import { DEFAULT_SEED, seedDemo, type SeedResult } from './seed/seed-demo.ts';
import { createPgNotifyChangeFeed } from './changes/pg-notify-change-feed.ts';
import { recomputeAllRunningDueDates } from './complaints/running-due-dates.ts';
import {
  scheduleEmbeddedTableUpkeep,
  TABLE_UPKEEP_INTERVAL_MS,
} from './maintenance/keep-embedded-tables.ts';

export type RunningServer = {
  app: FastifyInstance;
  db: Database;
  url: string;
  seed: SeedResult | null;
  stop(): Promise<void>;
};

/** Opens the database, migrates, seeds the demo on first run, and listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const db = await openDatabase(config.databaseUrl, config.dataDir, config.databaseTimeouts);
  await runMigrations(db);
  const seed = config.seedDemo
    ? await seedDemo(db, {
        ...DEFAULT_SEED,
        complaintCount: config.demoComplaints,
        spanDays: config.demoSpanDays,
        extraBodyParagraphs: config.demoBodyParagraphs,
        backlog: config.demoBacklog,
        nowMs: Date.now(),
      })
    : null;
  // Due dates stored before a holiday or rule change reached them are brought up to date.
  await recomputeAllRunningDueDates(db);
  // On PostgreSQL several processes may serve one database: live changes fan out through
  // LISTEN/NOTIFY. The embedded PGlite has one process, so the in-process feed suffices.
  const feed = config.databaseUrl ? await createPgNotifyChangeFeed(config.databaseUrl) : undefined;
  const app = await buildApp({
    db,
    ...(feed ? { feed } : {}),
    corsOrigins: config.corsOrigins,
    loginAttemptsPerMinute: config.loginAttemptsPerMinute,
    intakeRequestsPerMinute: config.intakeRequestsPerMinute,
    open311ReadsPerMinute: config.open311ReadsPerMinute,
    maxStreamsPerOfficer: config.maxStreamsPerOfficer,
    refreshReuseGraceSeconds: config.refreshReuseGraceSeconds,
    lockout: config.lockout,
    accessTokenMinutes: config.accessTokenMinutes,
    bodyLimitBytes: config.bodyLimitBytes,
    refusalLimits: config.refusalLimits,
    behindTls: config.behindTls,
    trustProxy: config.trustProxy,
    webRoot: config.webRoot,
    logLevel: config.logLevel,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
  });
  // PGlite has no autovacuum: without it the planner never gets statistics (see decideTableUpkeep).
  const upkeep =
    db.kind === 'pglite'
      ? scheduleEmbeddedTableUpkeep(db, TABLE_UPKEEP_INTERVAL_MS, (error) =>
          app.log.warn({ err: error }, 'embedded database upkeep failed'),
        )
      : null;
  await upkeep?.first;
  const address = await app.listen({ port: config.port, host: config.host });
  return {
    app,
    db,
    url: address.replace('[::1]', 'localhost'),
    seed,
    /**
     * Graceful stop: no new connections, SSE streams ended, requests in flight (pushes)
     * finished or cut at the shutdown timeout, and only then the database closed.
     */
    async stop() {
      await app.close();
      await upkeep?.stop();
      await feed?.close();
      await db.close();
    },
  };
}
