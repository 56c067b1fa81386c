import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { createIntakeApiKey } from '../../../server/open311/intake-api-keys.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const HOSTILE = [
  "' OR '1'='1",
  "'; DROP TABLE complaints; --",
  '1; SELECT pg_sleep(5)',
  "x' UNION SELECT password_hash FROM officers --",
  '$1',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  'A'.repeat(5000),
  '{"$gt":""}',
];

/** Test names stay readable: long values are named by their length. */
const label = (value: string) =>
  value.length > 60 ? `${value.slice(0, 12)}… (${value.length} characters)` : JSON.stringify(value);

const STACK_OR_SQL =
  /\n\s+at |\.ts:\d+|node_modules|FST_[A-Z_]+|Error:|syntax error|violates|relation "|column "|invalid input syntax|does not exist|duplicate key/i;

let server: TestServer;
let apiKey: string;

async function writtenState() {
  const [row] = await server.db.query<{ complaints: number; counter: number; keys: number }>(
    `SELECT (SELECT count(*)::integer FROM complaints) AS complaints,
            (SELECT value FROM change_counter) AS counter,
            (SELECT count(*)::integer FROM intake_api_keys) AS keys`,
  );
  return row;
}

function expectOpen311Refusal(response: LightMyRequestResponse, format: 'json' | 'xml') {
  expect(response.statusCode, response.body.slice(0, 200)).toBeGreaterThanOrEqual(400);
  expect(response.statusCode).toBeLessThan(500);
  expect(response.body).not.toMatch(STACK_OR_SQL);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  if (format === 'xml') {
    expect(XMLValidator.validate(response.body)).toBe(true);
    expect(response.body).toContain('<errors><error><code>');
  } else {
    const body = response.json<{ code: number; description: string }[]>();
    expect(body).toEqual([{ code: response.statusCode, description: expect.any(String) }]);
  }
}

beforeAll(async () => {
  server = await startTestServer({ complaints: 20, app: { intakeRequestsPerMinute: 100_000 } });
  apiKey = (
    await createIntakeApiKey(
      server.db,
      { instansiId: 'pemprov-kaltim', channel: 'web', label: 'hostile' },
      Date.now(),
    )
  ).key;
});
afterAll(() => server.close());

const VALID = {
  service_code: 'infrastruktur',
  address_id: '64.72.01.1001',
  description: 'Jalan rusak parah di depan kantor kelurahan.',
};

describe('hostile Open311 requests get a clear 4xx in the spec format and write nothing', () => {
  it.each(
    HOSTILE.flatMap((hostile) =>
      [
        'service_code',
        'address_id',
        'jurisdiction_id',
        'api_key',
        'email',
        'lat',
        'attribute[jenis]',
      ].map((field) => [field, label(hostile), hostile] as const),
    ),
  )('POST with %s = %s', async (field, _label, hostile) => {
    const before = await writtenState();
    for (const format of ['json', 'xml'] as const) {
      const response = await server.app.inject({
        method: 'POST',
        url: `/open311/v2/requests.${format}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ api_key: apiKey, ...VALID, [field]: hostile }).toString(),
      });
      expectOpen311Refusal(response, format);
    }
    expect(await writtenState()).toEqual(before);
  });

  it.each(
    HOSTILE.flatMap((hostile) =>
      ['service_request_id', 'service_code', 'start_date', 'status', 'jurisdiction_id'].map(
        (field) => [field, label(hostile), hostile] as const,
      ),
    ),
  )('GET requests with %s = %s', async (field, _label, hostile) => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/open311/v2/requests.xml?${new URLSearchParams({ [field]: hostile }).toString()}`,
    });
    expectOpen311Refusal(response, 'xml');
  });

  it.each(HOSTILE.map((hostile) => [label(hostile), hostile] as const))(
    'GET one request with id %s',
    async (_label, hostile) => {
      const response = await server.app.inject({
        method: 'GET',
        url: `/open311/v2/requests/${encodeURIComponent(hostile)}.json`,
      });
      expectOpen311Refusal(response, 'json');
    },
  );

  it('refuses bodies that are not a form or JSON, too large, or malformed', async () => {
    const before = await writtenState();
    const cases = [
      { type: 'text/plain', payload: 'api_key=x' },
      { type: 'application/json', payload: '{"api_key":' },
      { type: 'application/json', payload: '[1,2,3]' },
      { type: 'application/x-www-form-urlencoded', payload: `description=${'x'.repeat(200_000)}` },
      {
        type: 'application/json',
        payload: JSON.stringify({ ...VALID, api_key: apiKey, attribute: { jenis: ['pengaduan'] } }),
      },
      {
        type: 'application/json',
        payload: JSON.stringify({ ...VALID, api_key: apiKey, description: { $ne: null } }),
      },
    ];
    for (const { type, payload } of cases) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': type },
        payload,
      });
      expectOpen311Refusal(response, 'json');
    }
    expect(await writtenState()).toEqual(before);
  });

  it('stores markup in a description as text and answers it escaped, and stays up', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        ...VALID,
        api_key: apiKey,
        description: 'Lampu mati <script>alert(1)</script> & rusak',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ service_request_id: string }[]>()[0]?.service_request_id;
    const json = await server.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` });
    expect(json.body).not.toContain('<script>');
    expect(json.json()[0].description).toContain('<script>alert(1)</script>');
    const xml = await server.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.xml` });
    expect(XMLValidator.validate(xml.body)).toBe(true);
    expect(xml.body).not.toContain('<script>');
    expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});

describe('Open311 text that is empty once invisible characters and blank lines are removed', () => {
  const ZWSP = '\u200b';
  it.each([
    ['short lines between blank lines', 'description', 'a\n\n\n\n\n\n\n\nb'],
    ['eleven zero-width spaces', 'description', ZWSP.repeat(11)],
    [
      'zero-width spaces around three letters',
      'description',
      `${ZWSP.repeat(10)}abc${ZWSP.repeat(10)}`,
    ],
    ['bidi overrides and soft hyphens', 'description', '\u202e\u00ad'.repeat(12)],
    ['spaces and tabs between two letters', 'description', `a${' \t'.repeat(20)}b`],
  ])('answers 400 naming the field for %s, creating nothing', async (_name, field, value) => {
    const before = await writtenState();
    const response = await server.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { ...VALID, api_key: apiKey, [field]: value },
    });
    expect(response.statusCode, response.body).toBe(400);
    expectOpen311Refusal(response, 'json');
    expect(response.json<{ description: string }[]>()[0]?.description).toContain(field);
    expect(await writtenState()).toEqual(before);
  });

  it('stores the description and names without the invisible characters, blank lines collapsed', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        ...VALID,
        api_key: apiKey,
        description: `\u200bJalan  berlubang\u200b\r\n\r\n\r\n\r\n\u00addi depan pasar   \n`,
        first_name: `\u200b Siti \u200d`,
        last_name: `${'\u200b'.repeat(200)}Rahma`,
        phone: '\u200b0812 555\u200b',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ service_request_id: string }[]>()[0]?.service_request_id;
    const [row] = await server.db.query<{ title: string; body: string; reporter_name: string }>(
      `SELECT title, body, reporter_name, reporter_phone FROM complaints
        WHERE tracking_number = $1`,
      [id],
    );
    expect(row).toEqual({
      title: 'Jalan berlubang',
      body: 'Jalan berlubang\n\ndi depan pasar',
      reporter_name: 'Siti Rahma',
      reporter_phone: '0812 555',
    });
  });
});
