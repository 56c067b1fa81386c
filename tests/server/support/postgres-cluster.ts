import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type ThrowawayPostgres = {
  url: string;
  port: number;
  /** The cluster's folder: every process of the cluster names it. */
  root: string;
  /** The postmaster's process id (it changes with a restart). */
  postmasterPid(): number;
  /** Stops the server (fast: sessions are ended) and starts it again on the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

const BINARY_DIRS = [
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
];
const OS_USER = 'postgres';

export function findPostgresBinaries(): string | null {
  return (
    BINARY_DIRS.find(
      (dir) => existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb')),
    ) ?? null
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The OS user the cluster runs as: root may not run postgres, so `postgres` then. */
type ClusterUser = { uid: number; gid: number } | Record<string, never>;

/**
 * Run as that user by the spawn's own uid/gid, not through `runuser`: runuser stays as a
 * watching parent, and when the postmaster is stopped (SIGSTOP, as the frozen-database test
 * does) it stops itself and never resumes, so it neither reaps the postmaster nor exits.
 */
function clusterUser(): ClusterUser {
  if (process.getuid?.() !== 0) return {};
  ensureOsUser();
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, OS_USER], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

function ensureOsUser(): void {
  if (spawnSync('id', ['-u', OS_USER]).status === 0) return;
  const created = spawnSync('useradd', ['--system', '--no-create-home', OS_USER]);
  if (created.status !== 0)
    throw new Error(`cannot create the ${OS_USER} user: ${created.stderr.toString()}`);
}

/** Folders of the clusters a test run starts are named after the run (see global-database). */
const rootPrefix = () => `lapor-pg-${process.env.LAPOR_TEST_RUN_ID ?? 'run'}-`;

/**
 * Processes still running (or stopped, or unreaped) whose command line names `marker`: a
 * cluster's folder names it in every process the cluster's start spawned.
 */
export function processesNaming(marker: string): { pid: number; state: string; command: string }[] {
  if (!existsSync('/proc')) return [];
  const found: { pid: number; state: string; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (!command.includes(marker)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? '?';
      found.push({ pid: Number(entry), state, command });
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}

/** Every process of this test run's clusters (their folders carry the run's id). */
export function processesOfThisRun(): { pid: number; state: string; command: string }[] {
  return processesNaming(join(tmpdir(), rootPrefix()));
}

async function waitForConnections(
  url: string,
  server: ChildProcess,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.exitCode !== null) break;
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const log = existsSync(logFile)
    ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')
    : '(no log)';
  throw new Error(`PostgreSQL did not accept connections within ${timeoutMs} ms:\n${log}`);
}

/** A PostgreSQL cluster in a temp folder on a free loopback port, for one test run. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const binaries = findPostgresBinaries();
  if (!binaries) throw new Error('PostgreSQL server binaries not found');
  const user = clusterUser();
  const root = mkdtempSync(join(tmpdir(), rootPrefix()));
  chmodSync(root, 0o777);
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  const init = spawnSync(
    join(binaries, 'initdb'),
    ['-D', dataDir, '-U', 'lapor', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    { encoding: 'utf8', ...user },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);

  const port = await freePort();
  const command = join(binaries, 'postgres');
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    root,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=100',
    '-c',
    `logging_collector=off`,
  ];
  // `exec`: the child is the postmaster itself, which this process waits for.
  const launch = () =>
    spawn('sh', ['-c', `exec "$0" "$@" >> ${JSON.stringify(logFile)} 2>&1`, command, ...args], {
      stdio: 'ignore',
      ...user,
    });
  let server = launch();
  const url = `postgres://lapor@127.0.0.1:${port}/postgres`;
  await waitForConnections(url, server, logFile, 30_000);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE DATABASE lapor_test');
  await admin.end();

  const fastStop = async () => {
    const exited = new Promise<void>((resolve) => {
      if (server.exitCode !== null) resolve();
      else server.once('exit', () => resolve());
    });
    // Fast shutdown: in-flight sessions are ended, nothing waits for clients.
    spawnSync(join(binaries, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], user);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      exited,
      new Promise((resolve) => {
        timer = setTimeout(resolve, 10_000);
      }),
    ]);
    clearTimeout(timer);
  };

  return {
    url: `postgres://lapor@127.0.0.1:${port}/lapor_test`,
    port,
    root,
    postmasterPid: () => server.pid ?? 0,
    async restart() {
      await fastStop();
      server = launch();
      await waitForConnections(url, server, logFile, 30_000);
    },
    async stop() {
      await fastStop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
