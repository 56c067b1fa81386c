import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Complaint } from '../../shared/schemas/complaint.ts';
import { complaintSchema } from '../../shared/schemas/complaint.ts';
import { bearer, startTestServer, type TestServer } from './support/test-server.ts';
import { pullAll } from './support/replication-client.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url), 'utf8');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ complaints: 30 });
});
afterAll(() => server.close());

async function countComplaints(): Promise<number> {
  const [row] = await server.db.query<{ count: number }>(
    'SELECT count(*)::integer AS count FROM complaints',
  );
  return row?.count ?? -1;
}

async function postImport(username: string, dryRun: boolean, body: unknown) {
  const session = await server.login(username);
  return server.app.inject({
    method: 'POST',
    url: `/api/admin/import?dryRun=${dryRun}`,
    headers: bearer(session),
    payload: body as Record<string, unknown>,
  });
}

describe('POST /api/admin/import', () => {
  it('reports a dry run of the CSV export and writes nothing', async () => {
    const before = await countComplaints();
    const counter = await server.db.query('SELECT value FROM change_counter');
    const response = await postImport('admin.kaltim', true, {
      format: 'csv',
      data: fixture('complaints.csv'),
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.dryRun).toBe(true);
    expect(report.rows).toBe(7);
    expect(report.create.map((each: { row: number }) => each.row)).toEqual([2, 3, 8]);
    expect(report.skip).toEqual([
      expect.objectContaining({ row: 4, trackingNumber: 'IMPOR-2401-00001' }),
    ]);
    expect(report.reject.map((each: { row: number }) => each.row)).toEqual([5, 6, 7]);
    expect(await countComplaints()).toBe(before);
    expect(await server.db.query('SELECT value FROM change_counter')).toEqual(counter);
  });

  it('creates the planned complaints, which replicate with identity only to the admin', async () => {
    const before = await countComplaints();
    const response = await postImport('admin.kaltim', false, {
      format: 'csv',
      data: fixture('complaints.csv'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().create).toHaveLength(3);
    expect(await countComplaints()).toBe(before + 3);

    const admin = await server.login('admin.kaltim');
    const { documents } = await pullAll<Complaint>(server.app, admin, 'complaints', 500);
    const imported = documents.filter((doc) => doc.trackingNumber.startsWith('IMPOR-'));
    expect(imported).toHaveLength(3);
    for (const doc of imported) expect(complaintSchema.safeParse(doc).success).toBe(true);
    const first = imported.find((doc) => doc.trackingNumber === 'IMPOR-2401-00001');
    expect(first?.reporter?.name).toBe('Budi Impor Santoso');
    expect(first?.status).toBe('belum_diverifikasi');
    expect(first?.dueAt).toBeGreaterThan(first?.receivedAt ?? 0);

    const dinkes = await server.login('dinkes.kaltim');
    const opd = await pullAll<Complaint>(server.app, dinkes, 'complaints', 500);
    const disposed = opd.documents.find((doc) => doc.trackingNumber === 'IMPOR-2401-00002');
    expect(disposed?.unitId).toBe('unit-dinkes');
    expect(disposed).not.toHaveProperty('reporter');
    expect(JSON.stringify(opd.documents)).not.toContain('Ani Impor');

    const audit = await server.db.query<{ action: string; details: { created: number } }>(
      "SELECT action, details FROM audit_log WHERE action = 'import_applied'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details.created).toBe(3);
  });

  it('skips everything already imported when the same file comes again', async () => {
    const before = await countComplaints();
    const response = await postImport('admin.kaltim', false, {
      format: 'csv',
      data: fixture('complaints.csv'),
    });
    const report = response.json();
    expect(report.create).toEqual([]);
    expect(report.skip.map((each: { row: number }) => each.row)).toEqual([2, 3, 4, 8]);
    expect(await countComplaints()).toBe(before);
  });

  it('imports the JSON export the same way', async () => {
    const response = await postImport('admin.kaltim', false, {
      format: 'json',
      data: JSON.parse(fixture('complaints.json')),
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.create).toEqual([{ row: 1, trackingNumber: 'IMPOR-2402-00010' }]);
    expect(report.reject.map((each: { row: number }) => each.row)).toEqual([2, 3]);
  });

  it('refuses officers other than the Admin Instansi with 403, writing nothing', async () => {
    const before = await countComplaints();
    for (const username of ['pupr.kaltim', 'koordinator.kaltim']) {
      const response = await postImport(username, false, {
        format: 'json',
        data: [{ trackingNumber: 'IMPOR-9999-00001' }],
      });
      expect(response.statusCode, username).toBe(403);
    }
    expect(await countComplaints()).toBe(before);
  });

  it('answers 400 for a malformed body or query and 401 without a session', async () => {
    expect((await postImport('admin.kaltim', true, { format: 'xlsx', data: 'x' })).statusCode).toBe(
      400,
    );
    const session = await server.login('admin.kaltim');
    const badQuery = await server.app.inject({
      method: 'POST',
      url: '/api/admin/import?dryRun=maybe',
      headers: bearer(session),
      payload: { format: 'json', data: [] },
    });
    expect(badQuery.statusCode).toBe(400);
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/admin/import',
      payload: { format: 'json', data: [] },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
