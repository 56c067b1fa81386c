import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import type { Database } from '../../../server/db/database.ts';
import { openPgliteDatabase } from '../../../server/db/pglite-database.ts';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { openTestDatabase } from '../support/test-server.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const PASSWORD = 'Tanah-Grogot-2026';
const SETUP_ARGS = [
  '--code',
  'pemkab-paser',
  '--name',
  'Pemerintah Kabupaten Paser',
  '--short-name',
  'Pemkab Paser',
  '--time-zone',
  'wita',
  '--region',
  '64.01',
  '--admin',
  'admin.paser',
  '--admin-name',
  'Admin Diskominfo Paser',
];

let folder: string;
let databaseUrl: string | null;
let dropDatabase: () => Promise<void>;
let db: Database;
let app: FastifyInstance;
const runs: SpawnSyncReturns<string>[] = [];

function runSetup(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else {
    delete env.DATABASE_URL;
    env.LAPOR_DATA_DIR = join(folder, 'data');
  }
  return spawnSync(process.execPath, ['server/cli/set-up-instansi.ts', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'lapor-setup-'));
  const passwordFile = join(folder, 'password');
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  const weakFile = join(folder, 'weak');
  writeFileSync(weakFile, 'pendek\n', { mode: 0o600 });
  const fresh = await openTestDatabase();
  databaseUrl = fresh.url;
  if (databaseUrl) dropDatabase = fresh.drop;
  else await fresh.drop(); // PGlite: the command opens a data folder of its own

  // Order matters on PGlite: the command needs the folder while no one else has it open.
  runs.push(runSetup([...SETUP_ARGS, '--password-file', weakFile]));
  runs.push(runSetup([...SETUP_ARGS, '--password-file', passwordFile]));
  runs.push(runSetup([...SETUP_ARGS, '--admin', 'admin2.paser', '--password-file', passwordFile]));
  runs.push(runSetup(SETUP_ARGS)); // no terminal to ask on, no file

  if (databaseUrl) {
    db = fresh.db;
  } else {
    db = await openPgliteDatabase(join(folder, 'data', 'pglite'));
    dropDatabase = () => db.close();
  }
  app = await buildApp({ db, loginAttemptsPerMinute: 1000 });
  await app.ready();
}, 300_000);

afterAll(async () => {
  await app?.close();
  await dropDatabase?.();
  rmSync(folder, { recursive: true, force: true });
});

async function login(password: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin.paser', password, deviceId: 'it-desk' },
  });
}

describe('npm run server:setup on a fresh database', () => {
  it('refuses a password weaker than the reset rule and writes nothing', async () => {
    const [weak] = runs;
    expect(weak?.status).toBe(1);
    expect(weak?.stderr).toContain('Kata sandi minimal 10 karakter');
  });

  it('creates the instansi and its admin, who can then sign in', async () => {
    expect(runs[1]?.status, runs[1]?.stderr).toBe(0);
    expect(runs[1]?.stdout).toContain('Instansi pemkab-paser');
    const response = await login(PASSWORD);
    expect(response.statusCode).toBe(200);
    const session = response.json<SessionResponse>();
    const officers = await app.inject({
      url: '/api/admin/officers',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(officers.statusCode).toBe(200);
    expect(officers.json().officers).toEqual([
      expect.objectContaining({ username: 'admin.paser', role: 'admin_instansi', active: true }),
    ]);
    expect((await login('wrong-password-1')).statusCode).toBe(401);
  });

  it('gives the instansi its zone, region code and the 14 national categories to replicate', async () => {
    const [instansi] = await db.query<{ utc_offset_minutes: number; region_code: string }>(
      'SELECT utc_offset_minutes, region_code FROM instansi WHERE id = $1',
      ['pemkab-paser'],
    );
    expect(instansi).toEqual({ utc_offset_minutes: 480, region_code: '64.01' });
    const session = (await login(PASSWORD)).json<SessionResponse>();
    const pull = await app.inject({
      url: '/api/replication/categories/pull?limit=100',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(pull.statusCode).toBe(200);
    expect(pull.json().documents).toHaveLength(14);
  });

  it('refuses to run twice for the same code and leaves one admin', async () => {
    expect(runs[2]?.status).toBe(1);
    expect(runs[2]?.stderr).toContain('sudah ada');
    const officers = await db.query('SELECT username FROM officers');
    expect(officers).toEqual([{ username: 'admin.paser' }]);
  });

  it('never reads a password from piped input: without a terminal or a file it stops', () => {
    expect(runs[3]?.status).toBe(2);
    expect(runs[3]?.stderr).toContain('--password-file');
  });

  it('is in the audit log, without the password', async () => {
    const rows = await db.query<{ action: string; instansi_id: string; details: unknown }>(
      `SELECT action, instansi_id, details FROM audit_log
        WHERE action IN ('instansi_created', 'officer_created') ORDER BY id`,
    );
    expect(rows.map((row) => [row.action, row.instansi_id])).toEqual([
      ['instansi_created', 'pemkab-paser'],
      ['officer_created', 'pemkab-paser'],
    ]);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });
});
