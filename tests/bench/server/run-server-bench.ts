/**
 * `npm run bench:server`: a bounded loopback load test of the central server.
 *
 * Starts a throwaway PostgreSQL (PGlite when PostgreSQL is not installed), starts the server as
 * its own process on it with the demo seed, then drives it with autocannon: login, pull and push,
 * and finally holds 500 Server-Sent Events streams open and times how long one accepted push
 * takes to reach all of them. Figures go to bench/server-results.json and a table on stdout.
 * Any failed request, timeout, refused push or missed stream event fails the run (exit 1):
 * a broken run never produces a number.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import {
  findPostgresBinaries,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../server/support/postgres-cluster.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
/** A free loopback port, so a run never collides with a server or test already listening. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const PORT = Number(process.env.LAPOR_BENCH_SERVER_PORT ?? (await freePort()));
const BASE = `http://127.0.0.1:${PORT}`;
const COMPLAINTS = 2000;
const STREAMS = 500;
const SECONDS = { login: 8, pull: 10, push: 10 };
const CONNECTIONS = { login: 8, pull: 16, push: 16 };

type LoadFigures = {
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: { mean: number; p50: number };
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};

class BenchFailure extends Error {}

function fail(message: string): never {
  throw new BenchFailure(message);
}

async function json<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) fail(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const login = (username: string, deviceId: string) =>
  json<SessionResponse>('POST', '/api/auth/login', undefined, {
    username,
    password: DEMO_PASSWORD,
    deviceId,
  });

async function waitForReady(server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) fail(`the server stopped while starting:\n${output()}`);
    try {
      const response = await fetch(`${BASE}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  fail(`the server was not ready within 120 s:\n${output()}`);
}

function figuresOf(result: autocannon.Result, seconds: number, connections: number): LoadFigures {
  return {
    seconds,
    connections,
    requests: result.requests.total,
    requestsPerSecond: { mean: result.requests.average, p50: result.requests.p50 },
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

function checkRun(name: string, figures: LoadFigures): void {
  if (figures.requests === 0) fail(`${name}: no request completed`);
  if (figures.errors > 0 || figures.timeouts > 0 || figures.non2xx > 0)
    fail(
      `${name}: ${figures.errors} errors, ${figures.timeouts} timeouts, ${figures.non2xx} answers other than 2xx`,
    );
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ ...options, timeout: 30 }, (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
  });
}

async function benchLogin(): Promise<LoadFigures> {
  const result = await run({
    url: `${BASE}/api/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'pupr.kaltim',
      password: DEMO_PASSWORD,
      deviceId: 'bench-login',
    }),
    connections: CONNECTIONS.login,
    duration: SECONDS.login,
  });
  return figuresOf(result, SECONDS.login, CONNECTIONS.login);
}

async function benchPull(token: string): Promise<LoadFigures> {
  const query = new URLSearchParams({ checkpoint: JSON.stringify({ seq: 0 }), limit: '100' });
  const result = await run({
    url: `${BASE}/api/replication/complaints/pull?${query}`,
    headers: { authorization: `Bearer ${token}` },
    connections: CONNECTIONS.pull,
    duration: SECONDS.pull,
  });
  return figuresOf(result, SECONDS.pull, CONNECTIONS.pull);
}

type WireComplaint = Complaint & { _deleted: boolean };
type PushContext = { doc?: WireComplaint; next?: Complaint['priority'] };

/**
 * Pushes that flip a complaint's priority, each assuming the master state it knows: a real
 * accepted write (row lock, checks, change number, audit entry). autocannon keeps a context only
 * for one request, so complaints live in two shared lists: `fresh` (master state known) and
 * `stale` (just written; its new change number is unknown). A stale push comes back as a
 * conflict carrying the master state, which makes the complaint fresh again, as on a device.
 * Conflicts are counted apart; the figure that matters is accepted writes per second.
 */
async function benchPush(
  token: string,
  docs: WireComplaint[],
): Promise<LoadFigures & { accepted: number; conflicts: number; acceptedPerSecond: number }> {
  const fresh = [...docs];
  const stale: WireComplaint[] = [];
  let accepted = 0;
  let conflicts = 0;
  const result = await run({
    url: `${BASE}/api/replication/complaints/push`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    connections: CONNECTIONS.push,
    duration: SECONDS.push,
    requests: [
      {
        setupRequest: (request, context: PushContext) => {
          const doc = fresh.shift() ?? stale.shift();
          if (!doc) throw new Error('no complaint left to push');
          context.doc = doc;
          context.next = doc.priority === 'tinggi' ? 'rendah' : 'tinggi';
          return {
            ...request,
            body: JSON.stringify([
              { assumedMasterState: doc, newDocumentState: { ...doc, priority: context.next } },
            ]),
          };
        },
        onResponse: (status, body, context: PushContext) => {
          if (status !== 200 || !context.doc || !context.next) return;
          const conflictList = JSON.parse(body) as WireComplaint[];
          const master = conflictList[0];
          if (master) {
            conflicts += 1;
            fresh.push(master);
          } else {
            accepted += 1;
            stale.push({ ...context.doc, priority: context.next });
          }
        },
      },
    ],
  });
  const figures = figuresOf(result, SECONDS.push, CONNECTIONS.push);
  return {
    ...figures,
    accepted,
    conflicts,
    acceptedPerSecond: Math.round(accepted / SECONDS.push),
  };
}

type StreamFigures = {
  streams: number;
  allOpenMs: number;
  fanOutMs: { p50: number; p95: number; max: number };
  serverRssMbBefore: number;
  serverRssMbWithStreams: number;
};

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

/**
 * Opens STREAMS event streams (their own sockets, no keep-alive pool), then pushes one change
 * and times its arrival on every stream, measured from just before the push was sent.
 */
async function benchStreams(
  token: string,
  doc: WireComplaint,
  serverPid: number,
): Promise<StreamFigures> {
  const rssBefore = rssMb(serverPid);
  const requests: ClientRequest[] = [];
  const arrivals: number[] = [];
  let pushSentAt = 0;
  let resolveAll: () => void = () => undefined;
  const allArrived = new Promise<void>((resolve) => {
    resolveAll = resolve;
  });
  const openStarted = performance.now();
  const opened = Array.from(
    { length: STREAMS },
    () =>
      new Promise<void>((resolve, reject) => {
        const request = httpRequest(
          `${BASE}/api/replication/stream`,
          { agent: false, headers: { authorization: `Bearer ${token}` } },
          (response) => {
            if (response.statusCode !== 200) {
              reject(new Error(`stream answered ${response.statusCode}`));
              return;
            }
            let buffer = '';
            let seen = false;
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
              buffer += chunk;
              if (buffer.includes(': connected')) resolve();
              if (!seen && pushSentAt > 0 && buffer.includes(`"id":"${doc.id}"`)) {
                seen = true;
                arrivals.push(performance.now() - pushSentAt);
                if (arrivals.length === STREAMS) resolveAll();
              }
              // Keep only the tail: a marker split across chunks is still found.
              if (buffer.length > 4096) buffer = buffer.slice(-512);
            });
          },
        );
        request.on('error', reject);
        request.end();
        requests.push(request);
      }),
  );
  try {
    await Promise.all(opened);
    const allOpenMs = Math.round(performance.now() - openStarted);
    const rssWithStreams = rssMb(serverPid);
    pushSentAt = performance.now();
    const conflictList = await json<unknown[]>('POST', '/api/replication/complaints/push', token, [
      {
        assumedMasterState: doc,
        newDocumentState: { ...doc, priority: doc.priority === 'tinggi' ? 'rendah' : 'tinggi' },
      },
    ]);
    if (conflictList.length > 0) fail('streams: the timed push was not accepted');
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), 30_000),
    );
    if ((await Promise.race([allArrived, timeout])) === 'timeout')
      fail(`streams: the change reached ${arrivals.length} of ${STREAMS} streams within 30 s`);
    const sorted = [...arrivals].sort((a, b) => a - b);
    return {
      streams: STREAMS,
      allOpenMs,
      fanOutMs: {
        p50: Math.round(percentile(sorted, 0.5)),
        p95: Math.round(percentile(sorted, 0.95)),
        max: Math.round(sorted[sorted.length - 1] ?? Number.NaN),
      },
      serverRssMbBefore: rssBefore,
      serverRssMbWithStreams: rssWithStreams,
    };
  } finally {
    for (const request of requests) request.destroy();
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_cell, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows
    .map((row) => row.map((cell, column) => cell.padEnd(widths?.[column] ?? 0)).join('  '))
    .join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const load = () => loadavg().map((value) => Math.round(value * 100) / 100);
  const machine = {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAtStart: load(),
  };
  let postgres: ThrowawayPostgres | null = null;
  let dataDir: string | null = null;
  let server: ChildProcess | null = null;
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LAPOR_SEED_DEMO: 'true',
      LAPOR_DEMO_COMPLAINTS: String(COMPLAINTS),
      LAPOR_LOGIN_ATTEMPTS_PER_MINUTE: '1000000',
      LAPOR_LOCKOUT_AFTER_FAILURES: '1000',
      // The fan-out figure holds STREAMS streams of one officer; the default cap is 8.
      LAPOR_MAX_STREAMS_PER_OFFICER: String(STREAMS),
      LOG_LEVEL: 'error',
    };
    if (findPostgresBinaries() && process.env.LAPOR_TEST_DATABASE !== 'pglite') {
      postgres = await startThrowawayPostgres();
      env.DATABASE_URL = postgres.url;
    } else {
      delete env.DATABASE_URL;
      dataDir = mkdtempSync(join(tmpdir(), 'lapor-bench-'));
      env.LAPOR_DATA_DIR = dataDir;
    }
    const database = postgres ? 'postgresql' : 'pglite';
    let output = '';
    server = spawn(process.execPath, [join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForReady(server, () => output);
    const serverPid = server.pid ?? fail('the server process has no pid');
    console.log(`server ready on ${database} with ${COMPLAINTS} demo complaints`);

    const admin = await login('admin.kaltim', 'bench-admin');
    const documents: WireComplaint[] = [];
    for (let checkpoint = { seq: 0 }; ;) {
      const page = await json<{ documents: WireComplaint[]; checkpoint: { seq: number } }>(
        'GET',
        `/api/replication/complaints/pull?${new URLSearchParams({ checkpoint: JSON.stringify(checkpoint), limit: '1000' })}`,
        admin.accessToken,
      );
      documents.push(...page.documents);
      checkpoint = page.checkpoint;
      if (page.documents.length < 1000) break;
    }
    const editable = documents.filter((doc) =>
      ['belum_diverifikasi', 'ditunda', 'didisposisi', 'ditindaklanjuti'].includes(doc.status),
    );
    if (editable.length < CONNECTIONS.push + 1) fail('too few open complaints to push to');

    console.log(`login: ${SECONDS.login} s with ${CONNECTIONS.login} connections…`);
    const loginFigures = await benchLogin();
    checkRun('login', loginFigures);
    console.log(`pull: ${SECONDS.pull} s with ${CONNECTIONS.pull} connections…`);
    const pullFigures = await benchPull(admin.accessToken);
    checkRun('pull', pullFigures);
    console.log(`push: ${SECONDS.push} s with ${CONNECTIONS.push} connections…`);
    const pushFigures = await benchPush(admin.accessToken, editable.slice(1));
    checkRun('push', pushFigures);
    // Half of all pushes at most may be the conflict that refreshes a just-written complaint.
    if (pushFigures.accepted === 0 || pushFigures.conflicts > pushFigures.accepted)
      fail(`push: ${pushFigures.accepted} accepted, ${pushFigures.conflicts} conflicts`);
    console.log(`streams: ${STREAMS} open, then one change…`);
    const streamFigures = await benchStreams(
      admin.accessToken,
      editable[0] ?? fail('no complaint for the stream test'),
      serverPid,
    );

    const results = {
      measuredAt: new Date().toISOString(),
      machine: { ...machine, loadAtEnd: load() },
      database,
      complaints: COMPLAINTS,
      login: loginFigures,
      pull: { ...pullFigures, pageSize: 100 },
      push: pushFigures,
      streams: streamFigures,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/server-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const row = (name: string, figures: LoadFigures, note = '') => [
      name,
      String(Math.round(figures.requestsPerSecond.mean)),
      `${figures.latencyMs.p50} / ${figures.latencyMs.p90} / ${figures.latencyMs.p99}`,
      String(figures.requests),
      note,
    ];
    console.log(
      `\n${machine.cpu} × ${machine.cores}, ${machine.memoryGb} GB, Node ${machine.node}, ${database}, load ${machine.loadAtStart.join(' ')} → ${results.machine.loadAtEnd.join(' ')}\n`,
    );
    console.log(
      table([
        ['run', 'req/s', 'latency ms p50 / p90 / p99', 'requests', 'note'],
        row('login', loginFigures, `${CONNECTIONS.login} connections (scrypt per login)`),
        row('pull', pullFigures, `${CONNECTIONS.pull} connections, 100 complaints per page`),
        row(
          'push',
          pushFigures,
          `${CONNECTIONS.push} connections; ${pushFigures.acceptedPerSecond} accepted writes/s (${pushFigures.accepted} accepted, ${pushFigures.conflicts} refresh conflicts)`,
        ),
        [
          'streams',
          '—',
          `fan-out ${streamFigures.fanOutMs.p50} / ${streamFigures.fanOutMs.p95} (p95) / ${streamFigures.fanOutMs.max} (max)`,
          String(streamFigures.streams),
          `all open in ${streamFigures.allOpenMs} ms; server RSS ${streamFigures.serverRssMbBefore} → ${streamFigures.serverRssMbWithStreams} MB`,
        ],
      ]),
    );
    console.log(`\nwritten to bench/server-results.json in ${results.durationSeconds} s`);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    }
    await postgres?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(
    `\nbench:server FAILED: ${error instanceof BenchFailure ? error.message : String(error)}`,
  );
  if (!(error instanceof BenchFailure) && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
