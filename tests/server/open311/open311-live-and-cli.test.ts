import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createParser } from 'eventsource-parser';
import type { PullResponse } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { createIntakeApiKey } from '../../../server/open311/intake-api-keys.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startTestServer({ complaints: 20 });
  baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

const ROOT = new URL('../../../', import.meta.url).pathname;

function runCli(script: string, args: string[]) {
  return spawnSync(process.execPath, [`server/cli/${script}`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: server.databaseUrl ?? '', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('an Open311 report reaches open workstations live', () => {
  it("appears on the admin's event stream with the reporter, and on a koordinator's without", async () => {
    const streams = await Promise.all(
      ['admin.kaltim', 'koordinator.kaltim'].map(async (username) => {
        const session = await server.login(username);
        const controller = new AbortController();
        const batches: PullResponse<Complaint>[] = [];
        const response = await fetch(`${baseUrl}/api/replication/stream`, {
          headers: { authorization: `Bearer ${session.accessToken}` },
          signal: controller.signal,
        });
        expect(response.status).toBe(200);
        const parser = createParser({
          onEvent: (event) => {
            if (event.event === 'complaints') batches.push(JSON.parse(event.data));
          },
        });
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        void (async () => {
          try {
            for (;;) {
              const { value, done } = await reader.read();
              if (done) return;
              parser.feed(value);
            }
          } catch {
            // aborted at the end of the test
          }
        })();
        return { username, batches, close: () => controller.abort() };
      }),
    );
    try {
      const { key } = await createIntakeApiKey(
        server.db,
        { instansiId: 'pemprov-kaltim', channel: 'sms', label: 'SMS 1708' },
        Date.now(),
      );
      const created = await fetch(`${baseUrl}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          api_key: key,
          service_code: 'transportasi',
          address_id: '64.71.03.1002',
          description: 'Angkutan kota trayek 3 tidak beroperasi sejak seminggu.',
          first_name: 'Rudi',
          last_name: 'Pelapor Langsung',
          phone: '081355554444',
        }),
      });
      expect(created.status).toBe(201);
      const [{ service_request_id: id } = { service_request_id: '' }] = (await created.json()) as {
        service_request_id: string;
      }[];
      const find = (batches: PullResponse<Complaint>[]) =>
        batches.flatMap((batch) => batch.documents).find((doc) => doc.trackingNumber === id);
      await expect.poll(() => find(streams[0]!.batches), { timeout: 10_000 }).toBeDefined();
      expect(find(streams[0]!.batches)?.reporter?.phone).toBe('081355554444');
      expect(find(streams[0]!.batches)?.channel).toBe('sms');
      await expect.poll(() => find(streams[1]!.batches), { timeout: 10_000 }).toBeDefined();
      expect(find(streams[1]!.batches)).not.toHaveProperty('reporter');
      expect(JSON.stringify(streams[1]!.batches)).not.toContain('081355554444');
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});

// The command-line tools open the database from the environment: a PGlite test database lives
// in this process's memory only, so they are exercised against PostgreSQL.
describe.skipIf(inject('databaseKind') === 'pglite')('command-line tools', () => {
  it('create-api-key prints a key once, which the intake then accepts', async () => {
    const result = runCli('create-api-key.ts', ['aplikasi_mobile', '--label', 'Aplikasi']);
    expect(result.status, result.stderr).toBe(0);
    const key = /^(lapor_[A-Za-z0-9_-]{40,})$/m.exec(result.stdout)?.[1];
    expect(key).toBeDefined();
    const created = await server.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        api_key: key,
        service_code: 'kesehatan',
        address_id: '64.72.01.1001',
        description: 'Antrean puskesmas sangat panjang setiap pagi.',
      },
    });
    expect(created.statusCode).toBe(201);
    const [row] = await server.db.query<{ channel: string }>(
      'SELECT channel FROM complaints WHERE tracking_number = $1',
      [created.json()[0].service_request_id],
    );
    expect(row?.channel).toBe('aplikasi_mobile');
    expect(runCli('create-api-key.ts', ['fax']).status).toBe(2);
  });

  it('import is a dry run unless --apply, and reports rejected rows', async () => {
    const count = async () =>
      (await server.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM complaints'))[0]?.n;
    const before = await count();
    const dry = runCli('import-complaints.ts', ['tests/server/fixtures/import/complaints.csv']);
    expect(dry.stdout).toContain('7 rows: would create 3, skipped 1, rejected 3');
    expect(dry.stdout).toContain('reject row 5 KALTIM-2401-00003');
    expect(dry.status).toBe(1);
    expect(await count()).toBe(before);
    const applied = runCli('import-complaints.ts', [
      'tests/server/fixtures/import/complaints.json',
      '--apply',
    ]);
    expect(applied.stdout).toContain('3 rows: created 1, skipped 0, rejected 2');
    expect(await count()).toBe((before ?? 0) + 1);
  });
});
