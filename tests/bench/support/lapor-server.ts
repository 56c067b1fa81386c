import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Further paragraphs per demo report: about 2.3 KB a complaint on the wire, as real reports. */
export const BENCH_BODY_PARAGRAPHS = 5;
export const BENCH_USER = { username: 'admin.kaltim', password: 'Kaltim#2026' };
/** A penghubung of the demo instansi (PUPR), for the figures of an OPD's own queue. */
export const BENCH_PENGHUBUNG = { username: 'pupr.kaltim', password: 'Kaltim#2026' };

export type LaporServer = {
  url: string;
  complaints: number;
  stop(): Promise<void>;
};

/**
 * Starts the central server on an embedded database holding `complaints` generated demo
 * reports. The database is kept under .data/bench between runs (seeding 100,000 takes minutes).
 */
export async function startLaporServer(options: {
  port: number;
  complaints: number;
  corsOrigins: string[];
  webRoot: string;
  /** A PostgreSQL database to seed and serve instead of the embedded one (seeded each run). */
  databaseUrl?: string;
}): Promise<LaporServer> {
  const dataDir = resolve(`.data/bench/complaints-${options.complaints}`);
  const url = `http://127.0.0.1:${options.port}`;
  if (options.databaseUrl)
    console.log(`  seeding ${options.complaints.toLocaleString('en')} complaints in PostgreSQL`);
  else if (!existsSync(dataDir))
    console.log(
      `  seeding ${options.complaints.toLocaleString('en')} complaints (once, kept in ${dataDir})`,
    );
  const child: ChildProcess = spawn(process.execPath, ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      ...(options.databaseUrl
        ? { DATABASE_URL: options.databaseUrl }
        : { LAPOR_DATA_DIR: dataDir }),
      LAPOR_SEED_DEMO: 'true',
      LAPOR_DEMO_COMPLAINTS: String(options.complaints),
      LAPOR_DEMO_BODY_PARAGRAPHS: String(BENCH_BODY_PARAGRAPHS),
      LAPOR_WEB_ROOT: options.webRoot,
      LAPOR_CORS_ORIGINS: options.corsOrigins.join(','),
      LAPOR_LOGIN_ATTEMPTS_PER_MINUTE: '10000',
      LAPOR_LOCKOUT_AFTER_FAILURES: '1000',
      LAPOR_ACCESS_TOKEN_MINUTES: '240',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server on ${url} exited (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server on ${url} not ready after 20 minutes:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  return {
    url,
    complaints: options.complaints,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Logs the bench officer (or `officer`) in over HTTP, as a device would; answers the token. */
export async function login(
  serverUrl: string,
  deviceId: string,
  officer: { username: string; password: string } = BENCH_USER,
): Promise<string> {
  const response = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...officer, deviceId }),
  });
  if (!response.ok) throw new Error(`login on ${serverUrl}: HTTP ${response.status}`);
  const body = (await response.json()) as { accessToken?: string };
  if (!body.accessToken) throw new Error(`login on ${serverUrl}: no access token`);
  return body.accessToken;
}
