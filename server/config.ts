import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_REFUSAL_LIMITS, type RefusalLimits } from './refusals/plan-refusal-record.ts';
import { issueMessageInIndonesian } from '../shared/errors/error-texts-id.ts';

const booleanText = z.enum(['true', 'false']);

/**
 * A push of 500 rows carries up to 1000 documents (assumed master and new state each). A demo
 * complaint is about 1.3 KB on the wire; 8 MiB leaves some 8 KB per document, so a full push of
 * complaints with long bodies still fits while a runaway body is cut off early.
 */
export const DEFAULT_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  LAPOR_DATA_DIR: z.string().default('.data'),
  /** Unset: seed the demo on the embedded database only, never on a configured PostgreSQL. */
  LAPOR_SEED_DEMO: booleanText.optional(),
  LAPOR_DEMO_COMPLAINTS: z.coerce.number().int().min(0).max(200_000).default(2000),
  LAPOR_DEMO_SPAN_DAYS: z.coerce.number().int().min(1).max(3650).default(548),
  /** Further paragraphs per demo report, for measuring with reports of a realistic 2–3 KB. */
  LAPOR_DEMO_BODY_PARAGRAPHS: z.coerce.number().int().min(0).max(20).default(0),
  /** Seed the demo as a queue that has fallen behind (late reports left where they are). */
  LAPOR_DEMO_BACKLOG: booleanText.default('false'),
  LAPOR_CORS_ORIGINS: z.string().default('app://workstation,http://localhost:5173'),
  LAPOR_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LAPOR_INTAKE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  LAPOR_OPEN311_READS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  LAPOR_MAX_STREAMS_PER_OFFICER: z.coerce.number().int().min(1).max(1000).default(8),
  LAPOR_REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
  LAPOR_LOCKOUT_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LAPOR_LOCKOUT_FIRST_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(60),
  LAPOR_LOCKOUT_MAX_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  LAPOR_ACCESS_TOKEN_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LAPOR_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(256 * 1024 * 1024)
    .default(DEFAULT_BODY_LIMIT_BYTES),
  /** Largest refused document one refusal keeps; a larger one is kept cut to this size. */
  LAPOR_REFUSAL_DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024)
    .default(DEFAULT_REFUSAL_LIMITS.documentMaxBytes),
  /** Unresolved refusals one officer may hold; a push that would add one more is answered 429. */
  LAPOR_OPEN_REFUSALS_PER_OFFICER: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(DEFAULT_REFUSAL_LIMITS.openPerOfficer),
  LAPOR_BEHIND_TLS: booleanText.default('false'),
  LAPOR_TRUST_PROXY: z.string().default('false'),
  LAPOR_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).max(600).default(10),
  LAPOR_WEB_ROOT: z.string().default('out/renderer'),
  /** How long to wait for a PostgreSQL connection before answering 503. */
  LAPOR_DB_CONNECT_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(300).default(5),
  /** Longest one SQL statement may run (statement_timeout; also the client's own limit). */
  LAPOR_DB_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type ServerConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  seedDemo: boolean;
  demoComplaints: number;
  demoSpanDays: number;
  demoBodyParagraphs: number;
  demoBacklog: boolean;
  corsOrigins: string[];
  loginAttemptsPerMinute: number;
  intakeRequestsPerMinute: number;
  open311ReadsPerMinute: number;
  maxStreamsPerOfficer: number;
  refreshReuseGraceSeconds: number;
  lockout: { afterFailures: number; firstLockMs: number; maxLockMs: number };
  accessTokenMinutes: number;
  bodyLimitBytes: number;
  refusalLimits: RefusalLimits;
  behindTls: boolean;
  trustProxy: boolean | string;
  shutdownTimeoutMs: number;
  webRoot: string;
  logLevel: string;
  databaseTimeouts: { connectMs: number; statementMs: number };
};

/** `false`, `true` (trust every proxy), or a comma-separated list of proxy addresses/CIDRs. */
function parseTrustProxy(value: string): boolean | string {
  const text = value.trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  return text;
}

/** Reads configuration from the environment only; a bad value stops the start with its name. */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issueMessageInIndonesian(issue.message)}`,
    );
    throw new Error(`Invalid server configuration:\n  ${problems.join('\n  ')}`);
  }
  const value = parsed.data;
  return {
    port: value.PORT,
    host: value.HOST,
    databaseUrl: value.DATABASE_URL,
    dataDir: resolve(value.LAPOR_DATA_DIR),
    // Demo officers share a published password: never seeded into a real database by default.
    seedDemo: (value.LAPOR_SEED_DEMO ?? (value.DATABASE_URL ? 'false' : 'true')) === 'true',
    demoComplaints: value.LAPOR_DEMO_COMPLAINTS,
    demoSpanDays: value.LAPOR_DEMO_SPAN_DAYS,
    demoBodyParagraphs: value.LAPOR_DEMO_BODY_PARAGRAPHS,
    demoBacklog: value.LAPOR_DEMO_BACKLOG === 'true',
    corsOrigins: value.LAPOR_CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    loginAttemptsPerMinute: value.LAPOR_LOGIN_ATTEMPTS_PER_MINUTE,
    intakeRequestsPerMinute: value.LAPOR_INTAKE_REQUESTS_PER_MINUTE,
    open311ReadsPerMinute: value.LAPOR_OPEN311_READS_PER_MINUTE,
    maxStreamsPerOfficer: value.LAPOR_MAX_STREAMS_PER_OFFICER,
    refreshReuseGraceSeconds: value.LAPOR_REFRESH_REUSE_GRACE_SECONDS,
    lockout: {
      afterFailures: value.LAPOR_LOCKOUT_AFTER_FAILURES,
      firstLockMs: value.LAPOR_LOCKOUT_FIRST_SECONDS * 1000,
      maxLockMs: value.LAPOR_LOCKOUT_MAX_MINUTES * 60_000,
    },
    accessTokenMinutes: value.LAPOR_ACCESS_TOKEN_MINUTES,
    bodyLimitBytes: value.LAPOR_BODY_LIMIT_BYTES,
    refusalLimits: {
      documentMaxBytes: value.LAPOR_REFUSAL_DOCUMENT_MAX_BYTES,
      openPerOfficer: value.LAPOR_OPEN_REFUSALS_PER_OFFICER,
    },
    behindTls: value.LAPOR_BEHIND_TLS === 'true',
    trustProxy: parseTrustProxy(value.LAPOR_TRUST_PROXY),
    shutdownTimeoutMs: Math.round(value.LAPOR_SHUTDOWN_TIMEOUT_SECONDS * 1000),
    webRoot: resolve(value.LAPOR_WEB_ROOT),
    logLevel: value.LOG_LEVEL,
    databaseTimeouts: {
      connectMs: Math.round(value.LAPOR_DB_CONNECT_TIMEOUT_SECONDS * 1000),
      statementMs: Math.round(value.LAPOR_DB_STATEMENT_TIMEOUT_SECONDS * 1000),
    },
  };
}
