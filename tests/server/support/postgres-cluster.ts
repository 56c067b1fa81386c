import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type ThrowawayPostgres = {
  url: string;
  port: number;
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

/** Root may not run postgres: commands run as the `postgres` OS user then. */
function asClusterUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['runuser', ['-u', OS_USER, '--', command, ...args]];
}

function ensureOsUser(): void {
  if (process.getuid?.() !== 0) return;
  if (spawnSync('id', ['-u', OS_USER]).status === 0) return;
  const created = spawnSync('useradd', ['--system', '--no-create-home', OS_USER]);
  if (created.status !== 0)
    throw new Error(`cannot create the ${OS_USER} user: ${created.stderr.toString()}`);
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
  ensureOsUser();
  const root = mkdtempSync(join(tmpdir(), 'lapor-pg-'));
  chmodSync(root, 0o777);
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  const [initCommand, initArgs] = asClusterUser(join(binaries, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'lapor',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);

  const port = await freePort();
  const [command, args] = asClusterUser(join(binaries, 'postgres'), [
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
  ]);
  const launch = () =>
    spawn('sh', ['-c', `exec "$0" "$@" >> ${JSON.stringify(logFile)} 2>&1`, command, ...args], {
      stdio: 'ignore',
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
    const [stopCommand, stopArgs] = asClusterUser(join(binaries, 'pg_ctl'), [
      '-D',
      dataDir,
      '-m',
      'fast',
      '-w',
      'stop',
    ]);
    spawnSync(stopCommand, stopArgs);
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
