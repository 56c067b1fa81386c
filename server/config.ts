import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  LAPOR_DATA_DIR: z.string().default('.data'),
  LAPOR_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  LAPOR_DEMO_COMPLAINTS: z.coerce.number().int().min(0).max(200_000).default(2000),
  LAPOR_DEMO_SPAN_DAYS: z.coerce.number().int().min(1).max(3650).default(548),
  LAPOR_CORS_ORIGINS: z.string().default('app://workstation,http://localhost:5173'),
  LAPOR_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LAPOR_ACCESS_TOKEN_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LAPOR_WEB_ROOT: z.string().default('out/renderer'),
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
  corsOrigins: string[];
  loginAttemptsPerMinute: number;
  accessTokenMinutes: number;
  webRoot: string;
  logLevel: string;
};

/** Reads configuration from the environment only; a bad value stops the start with its name. */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid server configuration:\n  ${problems.join('\n  ')}`);
  }
  const value = parsed.data;
  return {
    port: value.PORT,
    host: value.HOST,
    databaseUrl: value.DATABASE_URL,
    dataDir: resolve(value.LAPOR_DATA_DIR),
    seedDemo: value.LAPOR_SEED_DEMO === 'true',
    demoComplaints: value.LAPOR_DEMO_COMPLAINTS,
    demoSpanDays: value.LAPOR_DEMO_SPAN_DAYS,
    corsOrigins: value.LAPOR_CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    loginAttemptsPerMinute: value.LAPOR_LOGIN_ATTEMPTS_PER_MINUTE,
    accessTokenMinutes: value.LAPOR_ACCESS_TOKEN_MINUTES,
    webRoot: resolve(value.LAPOR_WEB_ROOT),
    logLevel: value.LOG_LEVEL,
  };
}
