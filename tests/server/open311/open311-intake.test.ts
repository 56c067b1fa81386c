import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { complaintSchema } from '../../../shared/schemas/complaint.ts';
import { createIntakeApiKey } from '../../../server/open311/intake-api-keys.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

let server: TestServer;
let apiKey: string;
let apiKeyId: string;

const REPORTER = {
  first_name: 'Siti',
  last_name: 'Rahmawati Intake',
  email: 'siti.intake@contoh.id',
  phone: '081299887766',
};

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

function postRequest(fields: Record<string, string>, format: 'json' | 'xml' = 'json') {
  return server.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
}

function validRequest(extra: Record<string, string> = {}): Record<string, string> {
  return {
    api_key: apiKey,
    service_code: 'infrastruktur',
    address_id: '64.72.01.1001',
    address_string: 'Jl. Juanda, Samarinda',
    lat: '-0.4948',
    long: '117.1436',
    description: 'Lampu penerangan jalan di Jl. Juanda mati sejak dua minggu.\nMohon diperbaiki.',
    ...REPORTER,
    ...extra,
  };
}

beforeAll(async () => {
  server = await startTestServer({ complaints: 40, app: { intakeRequestsPerMinute: 1000 } });
  const created = await createIntakeApiKey(
    server.db,
    { instansiId: 'pemprov-kaltim', channel: 'aplikasi_daerah', label: 'Lapor Etam' },
    Date.now(),
  );
  apiKey = created.key;
  apiKeyId = created.id;
});
afterAll(() => server.close());

describe('POST /open311/v2/requests', () => {
  it('creates a belum_diverifikasi complaint with a tracking number and answers as the spec says', async () => {
    const response = await postRequest(validRequest());
    expect(response.statusCode).toBe(201);
    const body = response.json<{ service_request_id: string; service_notice: string }[]>();
    expect(body).toHaveLength(1);
    const id = body[0]?.service_request_id ?? '';
    expect(id).toMatch(/^KALTIM-\d{4}-\d{5}$/);
    const [row] = await server.db.query<Record<string, unknown>>(
      'SELECT * FROM complaints WHERE tracking_number = $1',
      [id],
    );
    expect(row).toMatchObject({
      status: 'belum_diverifikasi',
      channel: 'aplikasi_daerah',
      category_id: 'cat-infrastruktur',
      unit_id: null,
      region_code: '64.72.01.1001',
      reporter_name: 'Siti Rahmawati Intake',
      reporter_email: 'siti.intake@contoh.id',
      reporter_phone: '081299887766',
      rahasia: false,
      anonim: false,
      title: 'Lampu penerangan jalan di Jl. Juanda mati sejak dua minggu.',
    });
    expect(row?.due_at).not.toBeNull();
  });

  it('numbers reports after the highest serial of the month, never reusing one', async () => {
    const first = (await postRequest(validRequest())).json<{ service_request_id: string }[]>();
    const second = (await postRequest(validRequest())).json<{ service_request_id: string }[]>();
    const serial = (id: string | undefined) => Number(id?.split('-')[2]);
    expect(serial(second[0]?.service_request_id)).toBe(serial(first[0]?.service_request_id) + 1);
    const prefix = first[0]?.service_request_id.slice(0, 12) ?? '';
    const [{ max } = { max: 0 }] = await server.db.query<{ max: number }>(
      `SELECT max(substring(tracking_number from '-([0-9]+)$')::integer) AS max FROM complaints
        WHERE tracking_number LIKE $1`,
      [`${prefix}%`],
    );
    expect(serial(second[0]?.service_request_id)).toBe(Number(max));
  });

  it('accepts JSON bodies and nested attributes (jenis, anonim, rahasia)', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { ...validRequest(), attribute: { jenis: 'aspirasi', anonim: 'true' } },
    });
    expect(response.statusCode).toBe(201);
    const id = response.json<{ service_request_id: string }[]>()[0]?.service_request_id;
    const [row] = await server.db.query<{ type: string; anonim: boolean }>(
      'SELECT type, anonim FROM complaints WHERE tracking_number = $1',
      [id],
    );
    expect(row).toEqual({ type: 'aspirasi', anonim: true });
  });

  it('answers in well-formed XML on the .xml path', async () => {
    const response = await postRequest(validRequest(), 'xml');
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(XMLValidator.validate(response.body)).toBe(true);
    const parsed = new XMLParser().parse(response.body);
    expect(parsed.service_requests.request.service_request_id).toMatch(/^KALTIM-/);
  });

  it('refuses a missing or wrong api_key with 403 in the spec error format, writing nothing', async () => {
    const before = await server.db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM complaints',
    );
    const missing = await postRequest({ ...validRequest(), api_key: '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    const wrong = await postRequest(validRequest({ api_key: 'lapor_not-a-real-key' }), 'xml');
    expect(wrong.statusCode).toBe(403);
    expect(XMLValidator.validate(wrong.body)).toBe(true);
    expect(new XMLParser().parse(wrong.body).errors.error.code).toBe(403);
    const after = await server.db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM complaints',
    );
    expect(after).toEqual(before);
  });

  it('refuses a revoked key', async () => {
    const revoked = await createIntakeApiKey(
      server.db,
      { instansiId: 'pemprov-kaltim', channel: 'sms', label: 'lama' },
      Date.now(),
    );
    await server.db.query('UPDATE intake_api_keys SET revoked_at = now() WHERE id = $1', [
      revoked.id,
    ]);
    expect((await postRequest(validRequest({ api_key: revoked.key }))).statusCode).toBe(403);
  });

  it.each([
    ['no service_code', { service_code: '' }],
    ['an unknown service_code', { service_code: 'tidak_ada' }],
    ['no location (address_id)', { address_id: '' }],
    ['a malformed region code', { address_id: '64-72-01' }],
    ['a village code not in the official list', { address_id: '64.72.01.9999' }],
    ['a too short description', { description: 'rusak' }],
    ['an invalid email', { email: 'bukan-email' }],
    ['latitude out of range', { lat: '123' }],
    ['an unknown jenis', { 'attribute[jenis]': 'gosip' }],
    ['another jurisdiction', { jurisdiction_id: 'pemkot-lain' }],
    ['an injection string as service_code', { service_code: "x' OR '1'='1" }],
  ])('answers 400 for %s and writes nothing', async (_name, change) => {
    const before = await server.db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM complaints',
    );
    const response = await postRequest(validRequest(change));
    expect(response.statusCode).toBe(400);
    const [error] = response.json<{ code: number; description: string }[]>();
    expect(error?.code).toBe(400);
    expect(error?.description.length).toBeGreaterThan(0);
    const after = await server.db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM complaints',
    );
    expect(after).toEqual(before);
  });

  it('names the unknown village code it refuses', async () => {
    const response = await postRequest(validRequest({ address_id: '64.72.01.9999' }));
    expect(response.statusCode).toBe(400);
    expect(response.json<{ description: string }[]>()[0]?.description).toBe(
      'address_id tidak dikenal: 64.72.01.9999',
    );
  });

  it('records accepted and refused intake in the audit log without reporter identity', async () => {
    const rows = await server.db.query<{ action: string; details: unknown; instansi_id: string }>(
      "SELECT action, details, instansi_id FROM audit_log WHERE action LIKE 'intake_%'",
    );
    expect(rows.some((row) => row.action === 'intake_accepted')).toBe(true);
    expect(rows.some((row) => row.action === 'intake_refused')).toBe(true);
    expect(
      rows.filter((row) => row.action === 'intake_accepted').every((row) => row.instansi_id),
    ).toBe(true);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(REPORTER.phone);
    expect(text).not.toContain(REPORTER.email);
    expect(text).not.toContain(apiKey);
    expect(text).toContain(apiKeyId);
  });

  it('stores only a hash of the API key', async () => {
    const rows = await server.db.query<{ key_hash: string }>(
      'SELECT key_hash FROM intake_api_keys',
    );
    expect(JSON.stringify(rows)).not.toContain(apiKey);
  });
});

describe('intake replicates like any other change', () => {
  it("reaches an admin's pull with the reporter, and a penghubung or koordinator never sees the identity", async () => {
    const created = await postRequest(validRequest({ service_code: 'kesehatan' }));
    const id = created.json<{ service_request_id: string }[]>()[0]?.service_request_id;

    const admin = await server.login('admin.kaltim');
    const adminPull = await pullAll<Complaint>(server.app, admin, 'complaints', 500);
    const seen = adminPull.documents.find((doc) => doc.trackingNumber === id);
    expect(seen).toBeDefined();
    expect(complaintSchema.safeParse(seen).success).toBe(true);
    expect(seen?.reporter).toEqual({
      name: 'Siti Rahmawati Intake',
      phone: REPORTER.phone,
      email: REPORTER.email,
    });

    // Dispose it to Dinkes so the penghubung receives it, then check what reaches that device.
    await server.db.query(
      "UPDATE complaints SET unit_id = 'unit-dinkes', status = 'didisposisi', seq = (SELECT value FROM change_counter) WHERE tracking_number = $1",
      [id],
    );
    for (const username of ['dinkes.kaltim', 'koordinator.kaltim']) {
      const session = await server.login(username);
      const { documents } = await pullAll<Complaint>(server.app, session, 'complaints', 500);
      const doc = documents.find((each) => each.trackingNumber === id);
      expect(doc, username).toBeDefined();
      expect(doc).not.toHaveProperty('reporter');
      const raw = JSON.stringify(documents);
      expect(raw).not.toContain(REPORTER.phone);
      expect(raw).not.toContain(REPORTER.email);
      expect(raw).not.toContain('Rahmawati Intake');
    }
  });
});

describe('intake rate limit', () => {
  it('answers 429 with Retry-After once a key has posted its quota in a minute', async () => {
    const limited = await startTestServer({ complaints: 0, app: { intakeRequestsPerMinute: 2 } });
    try {
      const { key } = await createIntakeApiKey(
        limited.db,
        { instansiId: 'pemprov-kaltim', channel: 'web', label: 'web' },
        Date.now(),
      );
      const post = () =>
        limited.app.inject({
          method: 'POST',
          url: '/open311/v2/requests.json',
          payload: { ...validRequest(), api_key: key },
        });
      expect((await post()).statusCode).toBe(201);
      expect((await post()).statusCode).toBe(201);
      const third = await post();
      expect(third.statusCode).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect(third.json()[0].code).toBe(429);
      const [{ count } = { count: -1 }] = await limited.db.query<{ count: number }>(
        'SELECT count(*)::integer AS count FROM complaints',
      );
      expect(count).toBe(2);
    } finally {
      await limited.close();
    }
  });
});
