import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { complaintSchema } from '../../../shared/schemas/complaint.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';
import type { LightMyRequestResponse } from 'fastify';
import { createIntakeApiKey } from '../../../server/open311/intake-api-keys.ts';
import { formatTrackingNumber } from '../../../shared/domain/tracking-number.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');

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
      expect.objectContaining({ row: 4, trackingNumber: 'KALTIM-2401-00001' }),
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
    const imported = documents.filter((doc) => /^KALTIM-240[12]-/.test(doc.trackingNumber));
    expect(imported).toHaveLength(3);
    for (const doc of imported) expect(complaintSchema.safeParse(doc).success).toBe(true);
    const first = imported.find((doc) => doc.trackingNumber === 'KALTIM-2401-00001');
    expect(first?.reporter?.name).toBe('Budi Impor Santoso');
    expect(first?.status).toBe('belum_diverifikasi');
    expect(first?.dueAt).toBeGreaterThan(first?.receivedAt ?? 0);

    const dinkes = await server.login('dinkes.kaltim');
    const opd = await pullAll<Complaint>(server.app, dinkes, 'complaints', 500);
    const disposed = opd.documents.find((doc) => doc.trackingNumber === 'KALTIM-2401-00002');
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
    expect(report.create).toEqual([{ row: 1, trackingNumber: 'KALTIM-2402-00010' }]);
    expect(report.reject.map((each: { row: number }) => each.row)).toEqual([2, 3]);
  });

  it('refuses a file with a village code not in the official list, naming it and its row', async () => {
    const before = await countComplaints();
    const rows = JSON.parse(fixture('complaints.json')) as Record<string, unknown>[];
    rows[1] = { ...rows[1], trackingNumber: 'KALTIM-2402-00077', regionCode: '64.72.01.9999' };
    for (const dryRun of [true, false]) {
      const response = await postImport('admin.kaltim', dryRun, { format: 'json', data: rows });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        error: 'unknown_region_code',
        message: 'Kode wilayah tidak dikenal: 64.72.01.9999',
        details: [
          { path: 'baris 2.regionCode', message: expect.stringContaining('64.72.01.9999') },
        ],
      });
    }
    expect(await countComplaints()).toBe(before);
  });

  it('refuses officers other than the Admin Instansi with 403, writing nothing', async () => {
    const before = await countComplaints();
    for (const username of ['pupr.kaltim', 'koordinator.kaltim']) {
      const response = await postImport(username, false, {
        format: 'json',
        data: [{ trackingNumber: 'KALTIM-9999-00001' }],
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

describe('an imported tracking number cannot break intake', () => {
  const row = {
    title: 'Jalan berlubang di depan pasar',
    body: 'Jalan berlubang.',
    type: 'pengaduan',
    channel: 'web',
    category: 'infrastruktur',
    status: 'belum_diverifikasi',
    regionCode: '64.72.01.1001',
    receivedAt: '2026-11-10T09:00:00+08:00',
  };

  async function intake(): Promise<LightMyRequestResponse> {
    return server.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        api_key: apiKey,
        service_code: 'infrastruktur',
        address_id: '64.72.01.1001',
        description: 'Lampu jalan mati sejak seminggu lalu.',
      },
    });
  }

  let apiKey: string;
  beforeAll(async () => {
    apiKey = (
      await createIntakeApiKey(
        server.db,
        { instansiId: 'pemprov-kaltim', channel: 'web', label: 'import' },
        Date.now(),
      )
    ).key;
  });

  it('refuses a serial past seven digits, naming the row, and writes nothing', async () => {
    const before = await countComplaints();
    const response = await postImport('admin.kaltim', false, {
      format: 'json',
      data: [
        { ...row, trackingNumber: 'KALTIM-2611-00001' },
        { ...row, trackingNumber: 'KALTIM-2611-99999999999999999999' },
      ],
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.reject).toEqual([
      {
        row: 2,
        trackingNumber: 'KALTIM-2611-99999999999999999999',
        reason: expect.stringMatching(/nomor urut/),
      },
    ]);
    expect(report.create).toEqual([{ row: 1, trackingNumber: 'KALTIM-2611-00001' }]);
    expect(await countComplaints()).toBe(before + 1);
  });

  it('counts on from the stored numbers of its own form, whatever else the column holds', async () => {
    const month = formatTrackingNumber('KALTIM', Date.now(), 0, 480).replace(/0+$/, '');
    // What an import before the format check could store, beside the number intake issued last.
    for (const [suffix, id] of [
      ['99999999999999999999', 'odd-1'],
      ['12345678', 'odd-2'],
      ['00777', 'odd-3'],
    ] as const) {
      await server.db.query(
        `INSERT INTO complaints (id, instansi_id, tracking_number, title, body, type, channel,
           category_id, status, priority, anonim, rahasia, berkadar_pengawasan, region_code,
           location_text, received_at, status_changed_at, updated_at, updated_by, seq)
         SELECT $1, instansi_id, $2, title, body, type, channel, category_id,
           'belum_diverifikasi', priority, anonim, rahasia, berkadar_pengawasan, region_code,
           location_text, received_at, status_changed_at, updated_at, updated_by, seq
           FROM complaints WHERE instansi_id = 'pemprov-kaltim' LIMIT 1`,
        [id, `${month}${suffix}`],
      );
    }
    const response = await intake();
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()[0].service_request_id).toBe(`${month}00778`);
  });

  it('takes the lowest free serial once the highest of the month is the last one', async () => {
    const month = formatTrackingNumber('KALTIM', Date.now(), 0, 480).replace(/0+$/, '');
    await server.db.query('UPDATE complaints SET tracking_number = $1 WHERE id = $2', [
      `${month}9999999`,
      'odd-2',
    ]);
    const first = await intake();
    expect(first.statusCode, first.body).toBe(201);
    const second = await intake();
    expect(second.statusCode, second.body).toBe(201);
    const issued = [first, second].map((each) => each.json()[0].service_request_id);
    expect(new Set(issued).size).toBe(2);
    for (const number of issued) expect(number).toMatch(new RegExp(`^${month}\\d{5}$`));
  });
});
