import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;

type Record311 = Record<string, unknown> & { service_request_id: string; status: string };

const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
].sort();

async function get(url: string) {
  return server.app.inject({ method: 'GET', url });
}

/** Every request of the seed: its 120 days lie inside one wide date range. */
const ALL = 'start_date=2020-01-01T00:00:00Z&end_date=2030-01-01T00:00:00Z';

beforeAll(async () => {
  server = await startTestServer({ complaints: 160 });
});
afterAll(() => server.close());

describe('GET /open311/v2/services', () => {
  it('lists the active categories as services with the spec fields', async () => {
    const response = await get('/open311/v2/services.json');
    expect(response.statusCode).toBe(200);
    const services = response.json<Record<string, unknown>[]>();
    expect(services).toHaveLength(14);
    for (const service of services) {
      expect(Object.keys(service).sort()).toEqual(
        [
          'description',
          'group',
          'keywords',
          'metadata',
          'service_code',
          'service_name',
          'type',
        ].sort(),
      );
      expect(service.type).toBe('realtime');
    }
    expect(services.map((service) => service.service_code)).toContain('administrasi_kependudukan');
  });

  it('leaves out a category the admin deactivated', async () => {
    await server.db.query("UPDATE categories SET active = false WHERE code = 'pariwisata'");
    try {
      const services = (await get('/open311/v2/services.json')).json<{ service_code: string }[]>();
      expect(services.map((service) => service.service_code)).not.toContain('pariwisata');
    } finally {
      await server.db.query("UPDATE categories SET active = true WHERE code = 'pariwisata'");
    }
  });

  it('answers the same list as well-formed XML', async () => {
    const response = await get('/open311/v2/services.xml');
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(XMLValidator.validate(response.body)).toBe(true);
    const parsed = new XMLParser().parse(response.body);
    expect(parsed.services.service).toHaveLength(14);
  });

  it('gives a service definition with its optional attributes', async () => {
    const definition = (await get('/open311/v2/services/kesehatan.json')).json<{
      service_code: string;
      attributes: { code: string; values: { key: string }[] }[];
    }>();
    expect(definition.service_code).toBe('kesehatan');
    expect(definition.attributes.map((attribute) => attribute.code)).toEqual([
      'jenis',
      'anonim',
      'rahasia',
    ]);
    const xml = await get('/open311/v2/services/kesehatan.xml');
    expect(XMLValidator.validate(xml.body)).toBe(true);
    expect((await get('/open311/v2/services/tidak_ada.json')).statusCode).toBe(404);
  });

  it('answers 404 for an unknown jurisdiction', async () => {
    const response = await get('/open311/v2/services.json?jurisdiction_id=pemkot-lain');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual([{ code: 404, description: expect.any(String) }]);
  });
});

describe('GET /open311/v2/requests', () => {
  it('lists public requests with exactly the spec fields, times with the WITA offset', async () => {
    const requests = (await get(`/open311/v2/requests.json?${ALL}`)).json<Record311[]>();
    expect(requests.length).toBeGreaterThan(100);
    for (const request of requests) {
      expect(Object.keys(request).sort()).toEqual(REQUEST_FIELDS);
      expect(request.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(['open', 'closed']).toContain(request.status);
    }
  });

  it('never lists a rahasia complaint and never carries reporter identity', async () => {
    const rahasia = await server.db.query<{ tracking_number: string }>(
      'SELECT tracking_number FROM complaints WHERE rahasia',
    );
    expect(rahasia.length).toBeGreaterThan(0);
    const publicCount = await server.db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM complaints WHERE NOT rahasia',
    );
    const response = await get(`/open311/v2/requests.json?${ALL}`);
    const requests = response.json<Record311[]>();
    expect(requests).toHaveLength(publicCount[0]?.count ?? -1);
    const ids = new Set(requests.map((request) => request.service_request_id));
    for (const { tracking_number } of rahasia) expect(ids.has(tracking_number)).toBe(false);

    const reporters = await server.db.query<{
      reporter_name: string;
      reporter_phone: string;
      reporter_email: string;
    }>('SELECT reporter_name, reporter_phone, reporter_email FROM complaints');
    const xml = (await get(`/open311/v2/requests.xml?${ALL}`)).body;
    for (const reporter of reporters) {
      for (const text of [response.body, xml]) {
        expect(text).not.toContain(reporter.reporter_phone);
        expect(text).not.toContain(reporter.reporter_email);
      }
    }
  });

  it('maps statuses: selesai, diarsipkan and bukan wewenang are closed, the rest open', async () => {
    const requests = (await get(`/open311/v2/requests.json?${ALL}`)).json<Record311[]>();
    const rows = await server.db.query<{ tracking_number: string; status: string }>(
      'SELECT tracking_number, status FROM complaints WHERE NOT rahasia',
    );
    const statusById = new Map(rows.map((row) => [row.tracking_number, row.status]));
    const seen = new Set<string>();
    for (const request of requests) {
      const status = statusById.get(request.service_request_id) ?? '';
      seen.add(status);
      expect(request.status).toBe(
        ['selesai', 'diarsipkan', 'bukan_wewenang'].includes(status) ? 'closed' : 'open',
      );
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });

  it('filters by status, service_code and comma lists of both', async () => {
    const all = (await get(`/open311/v2/requests.json?${ALL}`)).json<Record311[]>();
    const open = (await get(`/open311/v2/requests.json?${ALL}&status=open`)).json<Record311[]>();
    const closed = (await get(`/open311/v2/requests.json?${ALL}&status=closed`)).json<
      Record311[]
    >();
    expect(open.every((request) => request.status === 'open')).toBe(true);
    expect(closed.every((request) => request.status === 'closed')).toBe(true);
    expect(open.length + closed.length).toBe(all.length);
    const both = (await get(`/open311/v2/requests.json?${ALL}&status=open,closed`)).json<
      Record311[]
    >();
    expect(both).toHaveLength(all.length);

    const health = (
      await get(`/open311/v2/requests.json?${ALL}&service_code=kesehatan,pendidikan`)
    ).json<Record311[]>();
    expect(health.length).toBeGreaterThan(0);
    expect(
      health.every((request) => ['kesehatan', 'pendidikan'].includes(String(request.service_code))),
    ).toBe(true);
    expect(health).toHaveLength(
      all.filter((request) => ['kesehatan', 'pendidikan'].includes(String(request.service_code)))
        .length,
    );
  });

  it('filters by service_request_id (a comma list), whatever the dates', async () => {
    const all = (await get(`/open311/v2/requests.json?${ALL}`)).json<Record311[]>();
    const oldest = all.slice(-2).map((request) => request.service_request_id);
    const found = (
      await get(`/open311/v2/requests.json?service_request_id=${oldest.join(',')}`)
    ).json<Record311[]>();
    expect(found.map((request) => request.service_request_id).sort()).toEqual(oldest.sort());
  });

  it('filters by start_date and end_date on the arrival time', async () => {
    const start = new Date(SEED_NOW - 30 * 86_400_000).toISOString();
    const end = new Date(SEED_NOW - 10 * 86_400_000).toISOString();
    const inRange = (
      await get(`/open311/v2/requests.json?start_date=${start}&end_date=${end}`)
    ).json<Record311[]>();
    const [{ count } = { count: -1 }] = await server.db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM complaints
        WHERE NOT rahasia AND received_at >= $1 AND received_at <= $2`,
      [new Date(start), new Date(end)],
    );
    expect(count).toBeGreaterThan(0);
    expect(inRange).toHaveLength(count);
    for (const request of inRange) {
      const at = Date.parse(String(request.requested_datetime));
      expect(at).toBeGreaterThanOrEqual(Date.parse(start) - 1000);
      expect(at).toBeLessThanOrEqual(Date.parse(end));
    }
  });

  it.each([
    ['status=pending', 'an unknown status'],
    ['start_date=kemarin', 'a date that is not ISO 8601'],
    ['start_date=2026-02-01&end_date=2026-01-01', 'start after end'],
    ["service_code=x'%20OR%201=1", 'an injection string'],
    [`service_request_id=${'A'.repeat(40)}`, 'an over-long id'],
  ])('answers 400 for %s (%s)', async (query) => {
    const response = await get(`/open311/v2/requests.json?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()[0].code).toBe(400);
    const xml = await get(`/open311/v2/requests.xml?${query}`);
    expect(xml.statusCode).toBe(400);
    expect(XMLValidator.validate(xml.body)).toBe(true);
    expect(new XMLParser().parse(xml.body).errors.error.code).toBe(400);
  });

  it('answers a well-formed XML listing, with & and < in descriptions escaped', async () => {
    const [row] = await server.db.query<{ tracking_number: string }>(
      'SELECT tracking_number FROM complaints WHERE NOT rahasia LIMIT 1',
    );
    await server.db.query(
      'UPDATE complaints SET body = body || \' <script>alert(1)</script> & "kutip"\' WHERE tracking_number = $1',
      [row?.tracking_number],
    );
    const response = await get(`/open311/v2/requests.xml?${ALL}`);
    expect(response.statusCode).toBe(200);
    expect(XMLValidator.validate(response.body)).toBe(true);
    expect(response.body).not.toContain('<script>');
    const parsed = new XMLParser().parse(response.body);
    expect(parsed.service_requests.request.length).toBeGreaterThan(100);
  });
});

describe('GET /open311/v2/requests/{id}', () => {
  it('returns one public request as a one-element list, in JSON and XML', async () => {
    const [row] = await server.db.query<{ tracking_number: string; status: string }>(
      "SELECT tracking_number, status FROM complaints WHERE NOT rahasia AND status = 'selesai' LIMIT 1",
    );
    const id = row?.tracking_number ?? '';
    const response = await get(`/open311/v2/requests/${id}.json`);
    expect(response.statusCode).toBe(200);
    const body = response.json<Record311[]>();
    expect(body).toHaveLength(1);
    expect(body[0]?.service_request_id).toBe(id);
    expect(body[0]?.status).toBe('closed');
    expect(Object.keys(body[0] ?? {}).sort()).toEqual(REQUEST_FIELDS);
    const xml = await get(`/open311/v2/requests/${id}.xml`);
    expect(XMLValidator.validate(xml.body)).toBe(true);
    expect(new XMLParser().parse(xml.body).service_requests.request.service_request_id).toBe(id);
  });

  it('answers 404 for a rahasia complaint exactly as for a missing one', async () => {
    const [row] = await server.db.query<{ tracking_number: string }>(
      'SELECT tracking_number FROM complaints WHERE rahasia LIMIT 1',
    );
    const hidden = await get(`/open311/v2/requests/${row?.tracking_number}.json`);
    const missing = await get('/open311/v2/requests/KALTIM-0001-99999.json');
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    expect(hidden.json()).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it('answers 404 in the spec format for unknown paths and odd ids', async () => {
    for (const url of [
      '/open311/v2/requests/..%2F..%2Fetc%2Fpasswd.json',
      '/open311/v2/requests/abc.html',
      '/open311/v2/nothing.json',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json()[0].code).toBe(404);
    }
    const xml = await get('/open311/v2/nothing.xml');
    expect(XMLValidator.validate(xml.body)).toBe(true);
  });
});
