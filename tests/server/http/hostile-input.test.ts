/**
 * A corpus of malformed and hostile requests against every route. Each must get the right
 * 4xx (or, for the replication protocol's own refusals, a 200 that writes nothing but the
 * officer's own refusal record), write nothing else, leak nothing (no stack, no SQL, no other
 * instansi's data), and leave the server answering.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/auth/password-hash.ts';
import { nextChangeSeq } from '../../../server/changes/change-counter.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import { MAX_PUSH_ROWS, type SessionResponse } from '../../../shared/api/contract.ts';
import { planTriageAction } from '../../../shared/domain/plan-triage-action.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { planFollowUp } from '../../../shared/domain/follow-up.ts';
import type { RakordaReport } from '../../../shared/reports/compute-rakorda-figures.ts';
import { REPLICATED_COLLECTIONS } from '../../../shared/schemas/rx-schemas.ts';
import { SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { pull, pullAll } from '../support/replication-client.ts';
import { openLiveStream } from '../support/live-stream.ts';

const BASE_TIME = SEED_NOW + 3_600_000;
let clock = BASE_TIME;

/** Strings that must stay inert data wherever they are put. */
const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "admin.kaltim' --",
  "'; DROP TABLE complaints; --",
  '1; SELECT pg_sleep(5)',
  "x' UNION SELECT password_hash FROM officers --",
  '$1',
  "\\'; DELETE FROM audit_log; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '{"$gt":""}',
  '${process.env.DATABASE_URL}',
];

const OTHER = {
  instansi: 'pemkot-lain',
  unit: 'unit-lain',
  category: 'cat-lain',
  officer: 'officer-lain',
  username: 'admin.lain',
  complaint: 'cmp-lain-1',
  event: 'evt-lain-1',
  rejection: 'rej-lain-1',
  secretTitle: 'Rahasia Kota Lain Jangan Bocor',
  secretReporter: 'Pelapor Kota Lain',
};

const SCRIPT_TITLE = '<script>alert("judul")</script><img src=x onerror=alert(2)>';

type Who =
  | 'none'
  | 'admin'
  | 'penghubung'
  | 'expired'
  | 'revoked'
  | 'forged'
  | 'tampered'
  | 'refresh-as-access'
  | 'basic'
  | 'bearer-injection'
  | 'bearer-huge';

type Case = {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  who?: Who;
  body?: unknown;
  /** A body that needs the sessions, built when the case runs. */
  lazyBody?: () => unknown;
  raw?: string;
  contentType?: string | null;
  status: number;
  error?: string;
  /** Tables this request may write (login failures are audited; refusals are recorded). */
  writes?: readonly string[];
  /** For envelope-valid pushes: the id every returned document must carry. */
  onlyId?: string;
};

const TABLES = [
  'instansi',
  'units',
  'categories',
  'officers',
  'sessions',
  'retired_refresh_tokens',
  'holidays',
  'sla_rules',
  'complaints',
  'complaint_events',
  'complaint_scope_exits',
  'complaint_event_scope_exits',
  'sync_rejections',
  'audit_log',
  'login_throttle',
  'change_counter',
  'schema_migrations',
] as const;

const LOGIN_WRITES = ['audit_log', 'login_throttle'] as const;
const REFUSAL_WRITES = ['sync_rejections', 'audit_log', 'change_counter'] as const;

let server: TestServer;
const sessions = {} as Record<'admin' | 'penghubung' | 'expired' | 'revoked', SessionResponse>;
let webRoot: string;
let otherSession: SessionResponse;

/** Table names come from the constant list above, never from input. */
const FINGERPRINT_SQL = `SELECT ${TABLES.map(
  (table) =>
    `(SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')
        FROM ${table} t) AS ${table}`,
).join(',\n')}`;

/** Row count and a digest of every row of every table: any write shows. */
async function fingerprint(): Promise<Record<string, string>> {
  const [row] = await server.db.query<Record<string, string>>(FINGERPRINT_SQL);
  return row ?? {};
}

function authorization(who: Who | undefined): Record<string, string> {
  switch (who) {
    case undefined:
    case 'none':
      return {};
    case 'admin':
    case 'penghubung':
    case 'expired':
    case 'revoked':
      return { authorization: `Bearer ${sessions[who].accessToken}` };
    case 'forged':
      return { authorization: `Bearer ${randomBytes(32).toString('base64url')}` };
    case 'tampered': {
      const token = sessions.admin.accessToken;
      const last = token.endsWith('A') ? 'B' : 'A';
      return { authorization: `Bearer ${token.slice(0, -1)}${last}` };
    }
    case 'refresh-as-access':
      return { authorization: `Bearer ${sessions.admin.refreshToken}` };
    case 'basic':
      return {
        authorization: `Basic ${Buffer.from(`admin.kaltim:${DEMO_PASSWORD}`).toString('base64')}`,
      };
    case 'bearer-injection':
      return { authorization: "Bearer ' OR '1'='1' --AAAAAAAAAAAAAAAAAAAA" };
    case 'bearer-huge':
      return { authorization: `Bearer ${'A'.repeat(8000)}` };
  }
}

async function send(test: Case): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...authorization(test.who) };
  let payload: string | undefined;
  if (test.raw !== undefined) payload = test.raw;
  else if (test.lazyBody) payload = JSON.stringify(test.lazyBody());
  else if (test.body !== undefined) payload = JSON.stringify(test.body);
  if (payload !== undefined && test.contentType !== null) {
    headers['content-type'] = test.contentType ?? 'application/json';
  }
  return server.app.inject({
    method: test.method,
    url: test.url,
    headers,
    ...(payload !== undefined ? { payload } : {}),
  });
}

const STACK_OR_SQL =
  /\n\s+at |\.ts:\d+|node_modules|FST_[A-Z_]+|Error:|syntax error|violates|relation "|column "|invalid input syntax|invalid byte sequence|does not exist|duplicate key|scrypt\$/i;

/** Whatever the status: no stack, no SQL error, no secret, nothing of the other instansi. */
function expectNothingLeaked(response: LightMyRequestResponse) {
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.body).not.toMatch(STACK_OR_SQL);
  expect(response.body).not.toContain(OTHER.secretTitle);
  expect(response.body).not.toContain(OTHER.secretReporter);
  expect(response.body).not.toContain(DEMO_PASSWORD);
  if (response.statusCode >= 400) {
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.json<Record<string, unknown>>();
    const documentedKeys = ['error', 'message', 'details', 'code', 'params'];
    expect(Object.keys(body).every((key) => documentedKeys.includes(key))).toBe(true);
    expect(body.error).toMatch(/^[a-z_]+$/);
    expect(typeof body.message).toBe('string');
  }
}

function writeWebRoot(): string {
  const parent = mkdtempSync(join(tmpdir(), 'lapor-hostile-'));
  writeFileSync(join(parent, 'secret.txt'), 'SECRET-OUTSIDE-THE-WEB-ROOT');
  const root = join(parent, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};\n');
  return root;
}

/** A second instansi, whose ids the Kaltim officers may guess but never reach. */
async function seedOtherInstansi() {
  const db = server.db;
  const at = new Date(BASE_TIME - 86_400_000);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO instansi (id, name, short_name, utc_offset_minutes) VALUES ($1, $2, $3, 420)`,
      [OTHER.instansi, 'Pemerintah Kota Lain', 'Kota Lain'],
    );
    await tx.query(
      `INSERT INTO units (id, instansi_id, code, name, short_name, active, updated_at, seq)
       VALUES ($1, $2, 'LAIN', 'Dinas Lain', 'Lain', true, $3, $4)`,
      [OTHER.unit, OTHER.instansi, at, await nextChangeSeq(tx)],
    );
    await tx.query(
      `INSERT INTO categories (id, instansi_id, code, name, active, updated_at, seq)
       VALUES ($1, $2, 'LAIN', 'Kategori Lain', true, $3, $4)`,
      [OTHER.category, OTHER.instansi, at, await nextChangeSeq(tx)],
    );
    await tx.query(
      `INSERT INTO officers (id, instansi_id, username, display_name, role, unit_id, password_hash)
       VALUES ($1, $2, $3, 'Admin Kota Lain', 'admin_instansi', NULL, $4)`,
      [OTHER.officer, OTHER.instansi, OTHER.username, await hashPassword(DEMO_PASSWORD)],
    );
    await tx.query(
      `INSERT INTO complaints (id, instansi_id, tracking_number, title, body, type, channel,
         category_id, unit_id, status, priority, anonim, rahasia, berkadar_pengawasan, region_code,
         location_text, received_at, status_changed_at, due_at, updated_at, updated_by, seq,
         reporter_name, reporter_phone, reporter_email)
       VALUES ($1, $2, 'LAIN-0001', $3, 'Isi pengaduan kota lain', 'pengaduan', 'web', $4, $5,
         'didisposisi', 'sedang', false, false, false, '64.71.01.1001', 'Jl. Lain', $6, $6, NULL,
         $6, $7, $8, $9, '081200000000', 'lain@contoh.id')`,
      [
        OTHER.complaint,
        OTHER.instansi,
        OTHER.secretTitle,
        OTHER.category,
        OTHER.unit,
        at,
        OTHER.officer,
        await nextChangeSeq(tx),
        OTHER.secretReporter,
      ],
    );
    await tx.query(
      `INSERT INTO complaint_events (id, complaint_id, instansi_id, kind, from_status, to_status,
         target_unit_id, reason_code, reason, related_complaint_id, anonim, rahasia, officer_id,
         officer_name, officer_role, device_time, server_time, device_id, seq)
       VALUES ($1, $2, $3, 'verifikasi_disposisi', 'belum_diverifikasi', 'didisposisi', $4, '',
         $5, NULL, false, false, $6, 'Admin Kota Lain', 'admin_instansi', $7, $7, 'dev', $8)`,
      [
        OTHER.event,
        OTHER.complaint,
        OTHER.instansi,
        OTHER.unit,
        OTHER.secretTitle,
        OTHER.officer,
        at,
        await nextChangeSeq(tx),
      ],
    );
    await tx.query(
      `INSERT INTO sync_rejections (id, officer_id, device_id, collection, document_id,
         reason_code, reason, refused_document, created_at, seq)
       VALUES ($1, $2, 'dev', 'complaints', $3, 'validation', $4, '{}', $5, $6)`,
      [
        OTHER.rejection,
        OTHER.officer,
        OTHER.complaint,
        OTHER.secretTitle,
        at,
        await nextChangeSeq(tx),
      ],
    );
  });
}

beforeAll(async () => {
  webRoot = writeWebRoot();
  server = await startTestServer({
    complaints: 60,
    app: {
      now: () => clock,
      webRoot,
      bodyLimitBytes: 512 * 1024,
      // The corpus fails many logins on purpose; lockout has its own tests.
      lockout: { afterFailures: 10_000 },
    },
  });
  await seedOtherInstansi();
  clock = BASE_TIME - 20 * 60_000;
  sessions.expired = await server.login('koordinator.kaltim', 'expired-device');
  clock = BASE_TIME;
  sessions.admin = await server.login('admin.kaltim', 'hostile-device');
  sessions.penghubung = await server.login('pupr.kaltim', 'hostile-device');
  sessions.revoked = await server.login('koordinator.kaltim', 'revoked-device');
  await server.app.inject({
    method: 'POST',
    url: '/api/auth/logout',
    headers: { authorization: `Bearer ${sessions.revoked.accessToken}` },
  });
  otherSession = await server.login(OTHER.username, 'other-device');
});
afterAll(async () => {
  await server.close();
  rmSync(join(webRoot, '..'), { recursive: true, force: true });
});

const UNAUTHENTICATED: Who[] = [
  'none',
  'expired',
  'revoked',
  'forged',
  'tampered',
  'refresh-as-access',
  'basic',
  'bearer-injection',
  'bearer-huge',
];

function login(body: unknown): Pick<Case, 'method' | 'url' | 'body'> {
  return { method: 'POST', url: '/api/auth/login', body };
}

const authCases: Case[] = [
  ...(
    [
      ['a number as username', { username: 1, password: 'x', deviceId: 'd' }],
      ['a list as password', { username: 'admin.kaltim', password: ['x'], deviceId: 'd' }],
      ['an object as deviceId', { username: 'admin.kaltim', password: 'x', deviceId: {} }],
      ['a boolean as username', { username: true, password: 'x', deviceId: 'd' }],
      ['no fields', {}],
      ['no password', { username: 'admin.kaltim', deviceId: 'd' }],
      ['null', null],
      ['a list', [{ username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'd' }]],
      ['a string', 'admin.kaltim'],
      ['a number', 42],
      ['an over-long username', { username: 'a'.repeat(61), password: 'x', deviceId: 'd' }],
      [
        'an over-long password',
        { username: 'admin.kaltim', password: 'x'.repeat(201), deviceId: 'd' },
      ],
      [
        'an over-long deviceId',
        { username: 'admin.kaltim', password: 'x', deviceId: 'd'.repeat(65) },
      ],
    ] as const
  ).map(([name, body]) => ({
    name: `login with ${name}`,
    ...login(body),
    status: 400,
    error: 'invalid_request',
  })),
  ...HOSTILE_STRINGS.flatMap((hostile): Case[] => [
    {
      name: `login with username ${hostile}`,
      ...login({ username: hostile, password: 'salah', deviceId: 'd' }),
      status: 401,
      error: 'invalid_credentials',
      writes: LOGIN_WRITES,
    },
    {
      name: `login with password ${hostile}`,
      ...login({ username: 'koordinator.kaltim', password: hostile, deviceId: 'd' }),
      status: 401,
      error: 'invalid_credentials',
      writes: LOGIN_WRITES,
    },
    {
      name: `login with deviceId ${hostile}`,
      ...login({ username: 'tidak.ada', password: 'salah', deviceId: hostile }),
      status: 401,
      error: 'invalid_credentials',
      writes: LOGIN_WRITES,
    },
    {
      name: `refresh with token ${hostile}`,
      method: 'POST',
      url: '/api/auth/refresh',
      body: { refreshToken: hostile.padEnd(20, 'A') },
      status: 401,
      error: 'session_expired',
    },
  ]),
  {
    name: 'login with JSON cut short',
    method: 'POST',
    url: '/api/auth/login',
    raw: '{"username":"admin.kaltim","password":',
    status: 400,
    error: 'invalid_json',
  },
  {
    name: 'login with an empty JSON body',
    method: 'POST',
    url: '/api/auth/login',
    raw: '',
    status: 400,
    error: 'invalid_json',
  },
  {
    name: 'login with __proto__ pollution',
    method: 'POST',
    url: '/api/auth/login',
    raw: '{"username":"a","password":"b","deviceId":"c","__proto__":{"isAdmin":true}}',
    status: 400,
    error: 'invalid_json',
  },
  {
    name: 'login with constructor.prototype pollution',
    method: 'POST',
    url: '/api/auth/login',
    raw: '{"username":"a","password":"b","deviceId":"c","constructor":{"prototype":{"x":1}}}',
    status: 400,
    error: 'invalid_json',
  },
  {
    name: 'login nested 10,000 deep',
    method: 'POST',
    url: '/api/auth/login',
    raw: '['.repeat(5000) + ']'.repeat(5000),
    status: 400,
    error: 'invalid_json',
  },
  {
    name: 'login with a NUL in the username',
    method: 'POST',
    url: '/api/auth/login',
    raw: '{"username":"admin.kaltim\\u0000","password":"x","deviceId":"d"}',
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'login with an unpaired surrogate',
    method: 'POST',
    url: '/api/auth/login',
    raw: '{"username":"admin\\ud800","password":"x","deviceId":"d"}',
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'login as text/plain',
    method: 'POST',
    url: '/api/auth/login',
    raw: 'username=admin.kaltim',
    contentType: 'text/plain',
    status: 415,
    error: 'unsupported_media_type',
  },
  {
    name: 'login as a form',
    method: 'POST',
    url: '/api/auth/login',
    raw: `username=admin.kaltim&password=${DEMO_PASSWORD}&deviceId=d`,
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    error: 'unsupported_media_type',
  },
  {
    name: 'login as XML',
    method: 'POST',
    url: '/api/auth/login',
    raw: '<login><username>admin.kaltim</username></login>',
    contentType: 'application/xml',
    status: 415,
    error: 'unsupported_media_type',
  },
  {
    name: 'login with a 40 KB body',
    method: 'POST',
    url: '/api/auth/login',
    body: { username: 'admin.kaltim', password: 'x'.repeat(40_000), deviceId: 'd' },
    status: 413,
    error: 'payload_too_large',
  },
  {
    name: 'refresh with a number',
    method: 'POST',
    url: '/api/auth/refresh',
    body: { refreshToken: 1234567890123 },
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'refresh with nothing',
    method: 'POST',
    url: '/api/auth/refresh',
    body: {},
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'refresh with an access token',
    method: 'POST',
    url: '/api/auth/refresh',
    lazyBody: () => ({ refreshToken: sessions.admin.accessToken }),
    status: 401,
    error: 'session_expired',
  },
  {
    name: 'refresh with a huge body',
    method: 'POST',
    url: '/api/auth/refresh',
    body: { refreshToken: 'A'.repeat(100_000) },
    status: 413,
    error: 'payload_too_large',
  },
  ...UNAUTHENTICATED.map((who): Case => ({
    name: `logout as ${who}`,
    method: 'POST',
    url: '/api/auth/logout',
    who,
    status: 401,
  })),
];

const BAD_CHECKPOINTS = [
  ...HOSTILE_STRINGS,
  '{"seq":-1}',
  '{"seq":1.5}',
  '{"seq":"5"}',
  '{"seq":1e400}',
  '{"seq":9007199254740993}',
  '{"seq":null}',
  '{}',
  '[]',
  'null',
  `{"seq":${'1'.repeat(250)}}`,
];
const BAD_LIMITS = ['abc', '-1', '0', '1001', '1e9', '1.5', 'Infinity', ...HOSTILE_STRINGS];

function replicationCases(collection: string): Case[] {
  const base = `/api/replication/${collection}`;
  const push = (name: string, body: unknown, extra: Partial<Case> = {}): Case => ({
    name: `push to ${collection}: ${name}`,
    method: 'POST',
    url: `${base}/push`,
    who: 'admin',
    body,
    status: 400,
    error: 'invalid_request',
    ...extra,
  });
  return [
    ...UNAUTHENTICATED.flatMap((who): Case[] => [
      {
        name: `pull ${collection} as ${who}`,
        method: 'GET',
        url: `${base}/pull`,
        who,
        status: 401,
      },
      {
        name: `push ${collection} as ${who}`,
        method: 'POST',
        url: `${base}/push`,
        who,
        body: [],
        status: 401,
      },
      {
        name: `stream ${collection} as ${who}`,
        method: 'GET',
        url: `${base}/stream`,
        who,
        status: 401,
      },
    ]),
    ...BAD_CHECKPOINTS.map((checkpoint): Case => ({
      name: `pull ${collection} with checkpoint ${checkpoint.slice(0, 40)}`,
      method: 'GET',
      url: `${base}/pull?checkpoint=${encodeURIComponent(checkpoint)}`,
      who: 'admin',
      status: 400,
      error: 'invalid_request',
    })),
    ...BAD_LIMITS.map((limit): Case => ({
      name: `pull ${collection} with limit ${limit}`,
      method: 'GET',
      url: `${base}/pull?limit=${encodeURIComponent(limit)}`,
      who: 'admin',
      status: 400,
      error: 'invalid_request',
    })),
    {
      name: `pull ${collection} with count=yes`,
      method: 'GET',
      url: `${base}/pull?count=yes`,
      who: 'admin',
      status: 400,
      error: 'invalid_request',
    },
    {
      name: `pull ${collection} with a NUL in the query`,
      method: 'GET',
      url: `${base}/pull?checkpoint=%00`,
      who: 'admin',
      status: 400,
      error: 'invalid_request',
    },
    push('an object instead of a list', { newDocumentState: { id: 'x', _deleted: false } }),
    push('a string', 'rows'),
    push('a list of numbers', [1, 2, 3]),
    push('a row whose document is a string', [{ newDocumentState: 'x' }]),
    push('a numeric id', [{ newDocumentState: { id: 5, _deleted: false } }]),
    push('an empty id', [{ newDocumentState: { id: '', _deleted: false } }]),
    push('an over-long id', [{ newDocumentState: { id: 'x'.repeat(41), _deleted: false } }]),
    push('a string _deleted', [{ newDocumentState: { id: 'x', _deleted: 'false' } }]),
    push('a string as assumed master', [
      { assumedMasterState: 'x', newDocumentState: { id: 'x', _deleted: false } },
    ]),
    push(
      `${MAX_PUSH_ROWS + 1} rows`,
      Array.from({ length: MAX_PUSH_ROWS + 1 }, (_unused, index) => ({
        newDocumentState: { id: `x${index}`, _deleted: false },
      })),
    ),
    push('JSON cut short', undefined, { raw: '[{"newDocumentState":', error: 'invalid_json' }),
    push('nesting 100 deep inside a document', undefined, {
      raw: `[{"newDocumentState":{"id":"x","_deleted":false,"title":${'['.repeat(100)}${']'.repeat(100)}}}]`,
      error: 'invalid_json',
    }),
    push('a NUL in a field', undefined, {
      raw: '[{"newDocumentState":{"id":"x\\u0000","_deleted":false}}]',
    }),
    push('an unpaired surrogate in a field', undefined, {
      raw: '[{"newDocumentState":{"id":"x","_deleted":false,"title":"\\udfff"}}]',
    }),
    push('text/plain', undefined, {
      raw: '[]',
      contentType: 'text/plain',
      status: 415,
      error: 'unsupported_media_type',
    }),
    push('a body over the limit', undefined, {
      raw: JSON.stringify([
        { newDocumentState: { id: 'x', _deleted: false, body: 'a'.repeat(600_000) } },
      ]),
      status: 413,
      error: 'payload_too_large',
    }),
    // Envelope-valid documents with hostile ids: the replication protocol answers 200 (RxDB
    // retries anything else for ever) with at most the pushed document as a conflict, and
    // records the refusal for the officer. No replicated data changes.
    ...HOSTILE_STRINGS.filter((hostile) => hostile.length <= 40).map((hostile): Case => ({
      name: `push to ${collection} a document with id ${hostile}`,
      method: 'POST',
      url: `${base}/push`,
      who: 'admin',
      body: [{ newDocumentState: { id: hostile, _deleted: false, title: hostile } }],
      status: 200,
      writes: REFUSAL_WRITES,
      onlyId: hostile,
    })),
  ];
}

const HOSTILE_COLLECTIONS = [
  'officers',
  'audit_log',
  'sessions',
  'schema_migrations',
  ...HOSTILE_STRINGS,
  'complaints/../officers',
];

const routingCases: Case[] = [
  ...UNAUTHENTICATED.map((who): Case => ({
    name: `the combined stream as ${who}`,
    method: 'GET',
    url: '/api/replication/stream',
    who,
    status: 401,
  })),
  ...HOSTILE_COLLECTIONS.flatMap((collection): Case[] =>
    (['pull', 'push', 'stream'] as const).map((action) => ({
      name: `${action} of collection ${collection}`,
      method: action === 'push' ? 'POST' : 'GET',
      url: `/api/replication/${encodeURIComponent(collection)}/${action}`,
      who: 'admin',
      ...(action === 'push' ? { body: [] } : {}),
      status: 404,
    })),
  ),
  ...(['PUT', 'DELETE', 'PATCH'] as const).flatMap((method): Case[] => [
    {
      name: `${method} on a push route`,
      method,
      url: '/api/replication/complaints/push',
      who: 'admin',
      body: [],
      status: 404,
      error: 'not_found',
    },
    {
      name: `${method} on the login route`,
      method,
      url: '/api/auth/login',
      body: {},
      status: 404,
      error: 'not_found',
    },
  ]),
  {
    name: 'a malformed percent-encoding in the path',
    method: 'GET',
    url: '/api/replication/%E0%A4%A/pull',
    who: 'admin',
    status: 400,
    error: 'invalid_request',
  },
];

const report = (query: string, who: Who = 'admin'): Pick<Case, 'method' | 'url' | 'who'> => ({
  method: 'GET',
  url: `/api/reports/rakorda?${query}`,
  who,
});

const reportCases: Case[] = [
  ...UNAUTHENTICATED.map((who): Case => ({
    name: `report as ${who}`,
    ...report('from=2026-10-01&to=2026-10-31', who),
    status: 401,
  })),
  { name: 'report without dates', ...report(''), status: 400, error: 'invalid_request' },
  {
    name: 'report on 30 February',
    ...report('from=2026-02-30&to=2026-03-31'),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'report ending before it starts',
    ...report('from=2026-10-31&to=2026-10-01'),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'report over ten years',
    ...report('from=2016-01-01&to=2026-10-01'),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'report with dates as lists',
    ...report('from=2026-10-01&from=2026-10-02&to=2026-10-31'),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: `report with 201 units`,
    ...report(
      `from=2026-10-01&to=2026-10-31&${Array.from({ length: 201 }, (_u, i) => `unit=u${i}`).join('&')}`,
    ),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'report on the other instansi’s unit',
    ...report(`from=2026-10-01&to=2026-10-31&unit=${OTHER.unit}`),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'report of a penghubung on another OPD',
    ...report('from=2026-10-01&to=2026-10-31&unit=unit-dinkes', 'penghubung'),
    status: 403,
    error: 'forbidden',
  },
  {
    name: 'report of a penghubung on the other instansi’s unit',
    ...report(`from=2026-10-01&to=2026-10-31&unit=${OTHER.unit}`, 'penghubung'),
    status: 403,
    error: 'forbidden',
  },
  {
    name: 'report with a NUL in a unit',
    ...report('from=2026-10-01&to=2026-10-31&unit=unit-pupr%00'),
    status: 400,
    error: 'invalid_request',
  },
  ...HOSTILE_STRINGS.flatMap((hostile): Case[] => [
    {
      name: `report from ${hostile}`,
      ...report(`from=${encodeURIComponent(hostile)}&to=2026-10-31`),
      status: 400,
      error: 'invalid_request',
    },
    {
      name: `report on unit ${hostile}`,
      ...report(`from=2026-10-01&to=2026-10-31&unit=${encodeURIComponent(hostile)}`),
      status: 400,
      error: 'invalid_request',
    },
  ]),
];

const adminCases: Case[] = [
  ...UNAUTHENTICATED.flatMap((who): Case[] => [
    {
      name: `audit log as ${who}`,
      method: 'GET',
      url: '/api/admin/audit',
      who,
      status: 401,
    },
    {
      name: `import as ${who}`,
      method: 'POST',
      url: '/api/admin/import?dryRun=false',
      who,
      body: { format: 'json', data: [] },
      status: 401,
    },
  ]),
  {
    name: 'audit log as a penghubung',
    method: 'GET',
    url: '/api/admin/audit',
    who: 'penghubung',
    status: 403,
    error: 'forbidden',
  },
  {
    name: 'import as a penghubung',
    method: 'POST',
    url: '/api/admin/import?dryRun=false',
    who: 'penghubung',
    body: { format: 'json', data: [{ trackingNumber: 'X-0001-00001' }] },
    status: 403,
    error: 'forbidden',
    writes: ['audit_log'],
  },
  {
    name: 'import of a number instead of rows',
    method: 'POST',
    url: '/api/admin/import?dryRun=false',
    who: 'admin',
    body: { format: 'json', data: 42 },
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'import with an unknown format',
    method: 'POST',
    url: '/api/admin/import?dryRun=false',
    who: 'admin',
    body: { format: 'xml', data: '<a/>' },
    status: 400,
    error: 'invalid_request',
  },
  ...HOSTILE_STRINGS.flatMap((hostile): Case[] => [
    {
      name: `audit log of action ${hostile}`,
      method: 'GET',
      url: `/api/admin/audit?action=${encodeURIComponent(hostile)}`,
      who: 'admin',
      status: 400,
      error: 'invalid_request',
    },
    {
      name: `audit log from ${hostile}`,
      method: 'GET',
      url: `/api/admin/audit?from=${encodeURIComponent(hostile)}`,
      who: 'admin',
      status: 400,
      error: 'invalid_request',
    },
    {
      name: `import dry run ${hostile}`,
      method: 'POST',
      url: `/api/admin/import?dryRun=${encodeURIComponent(hostile)}`,
      who: 'admin',
      body: { format: 'json', data: [] },
      status: 400,
      error: 'invalid_request',
    },
  ]),
  {
    name: 'import dry run of hostile rows writes nothing and echoes no markup',
    method: 'POST',
    url: '/api/admin/import?dryRun=true',
    who: 'admin',
    body: {
      format: 'json',
      data: HOSTILE_STRINGS.map((hostile) => ({ trackingNumber: hostile, title: hostile })),
    },
    status: 200,
  },
];

const CORPUS: Case[] = [
  ...authCases,
  ...REPLICATED_COLLECTIONS.flatMap((collection) => replicationCases(collection)),
  ...routingCases,
  ...reportCases,
  ...adminCases,
];

describe('hostile and malformed requests', () => {
  it('the corpus covers every route', () => {
    const routes = new Set(CORPUS.map((test) => test.url.split('?')[0]));
    for (const collection of REPLICATED_COLLECTIONS) {
      for (const action of ['pull', 'push', 'stream']) {
        expect(routes).toContain(`/api/replication/${collection}/${action}`);
      }
    }
    for (const route of [
      '/api/auth/login',
      '/api/auth/refresh',
      '/api/auth/logout',
      '/api/replication/stream',
      '/api/reports/rakorda',
      '/api/admin/audit',
      '/api/admin/import',
    ]) {
      expect(routes).toContain(route);
    }
    expect(CORPUS.length).toBeGreaterThan(400);
  });

  it.each(CORPUS.map((test) => [test.name, test] as const))('%s', async (_name, test) => {
    const before = await fingerprint();
    const response = await send(test);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(test.status);
    if (test.error) expect(response.json().error).toBe(test.error);
    expectNothingLeaked(response);
    if (test.onlyId !== undefined) {
      const conflicts = response.json<{ id: string }[]>();
      expect(Array.isArray(conflicts)).toBe(true);
      for (const conflict of conflicts) expect(conflict.id).toBe(test.onlyId);
    }
    const after = await fingerprint();
    for (const table of TABLES) {
      if (test.writes?.includes(table)) continue;
      expect(after[table], `${table} changed`).toBe(before[table]);
    }
  });

  it('never serves a file from outside the web root', async () => {
    for (const url of [
      '/../secret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/../../secret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/%252e%252e/secret.txt',
    ]) {
      const response = await server.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body, url).not.toContain('SECRET-OUTSIDE-THE-WEB-ROOT');
      expectNothingLeaked(response);
    }
  });
});

describe('the other instansi’s ids', () => {
  it('never reach a Kaltim officer through any pull', async () => {
    for (const collection of REPLICATED_COLLECTIONS) {
      const all = await pullAll<{ id: string; instansiId?: string }>(
        server.app,
        sessions.admin,
        collection,
        1000,
      );
      const text = JSON.stringify(all.documents);
      expect(text, collection).not.toContain(OTHER.instansi);
      expect(text, collection).not.toContain(OTHER.secretTitle);
      for (const id of [
        OTHER.complaint,
        OTHER.event,
        OTHER.unit,
        OTHER.category,
        OTHER.rejection,
      ]) {
        expect(all.documents.map((doc) => doc.id)).not.toContain(id);
      }
    }
  });

  it('and pushes naming them change nothing of theirs and reveal nothing', async () => {
    const [stolen] = (await pullAll<Complaint>(server.app, otherSession, 'complaints')).documents;
    if (!stolen) throw new Error('the other instansi has no complaint');
    const [theirEvent] = (
      await pullAll<ComplaintEvent>(server.app, otherSession, 'complaint_events')
    ).documents;
    if (!theirEvent) throw new Error('the other instansi has no event');
    const before = await fingerprint();
    const pushes: [string, unknown][] = [
      [
        'complaints',
        [{ assumedMasterState: stolen, newDocumentState: { ...stolen, priority: 'mendesak' } }],
      ],
      [
        'complaint_events',
        [{ newDocumentState: { ...theirEvent, reason: 'ditimpa', _deleted: false } }],
      ],
      [
        'complaint_events',
        [{ newDocumentState: { ...theirEvent, reason: 'dihapus', _deleted: true } }],
      ],
      ['units', [{ newDocumentState: { id: OTHER.unit, name: 'Diambil alih', _deleted: false } }]],
      ['categories', [{ newDocumentState: { id: OTHER.category, _deleted: true } }]],
      [
        'sync_rejections',
        [{ newDocumentState: { id: OTHER.rejection, resolvedAt: clock, _deleted: false } }],
      ],
    ];
    for (const [collection, body] of pushes) {
      const response = await server.app.inject({
        method: 'POST',
        url: `/api/replication/${collection}/push`,
        headers: { authorization: `Bearer ${sessions.admin.accessToken}` },
        payload: body as object,
      });
      expect(response.statusCode, collection).toBe(200);
      expectNothingLeaked(response);
      for (const conflict of response.json<{ instansiId?: string }[]>()) {
        // At most the pushed document itself comes back (as a tombstone), never theirs.
        expect(JSON.stringify(conflict)).not.toContain(OTHER.secretTitle);
      }
    }
    const after = await fingerprint();
    for (const table of TABLES) {
      if ((REFUSAL_WRITES as readonly string[]).includes(table)) continue;
      expect(after[table], table).toBe(before[table]);
    }
    const [theirs] = await server.db.query<{ priority: string; seq: number }>(
      'SELECT priority, seq FROM complaints WHERE id = $1',
      [OTHER.complaint],
    );
    expect(theirs).toMatchObject({ priority: 'sedang', seq: stolen.serverSeq });
    const [rejection] = await server.db.query<{ resolved_at: Date | null }>(
      'SELECT resolved_at FROM sync_rejections WHERE id = $1',
      [OTHER.rejection],
    );
    expect(rejection?.resolved_at).toBeNull();
  });
});

describe('script in stored text', () => {
  it('comes back as escaped JSON text, byte for byte the same string', async () => {
    const target = (
      await pullAll<Complaint>(server.app, sessions.admin, 'complaints', 200)
    ).documents.find((doc) => doc.status !== 'belum_diverifikasi');
    if (!target) throw new Error('no complaint');
    // As an intake channel could store it.
    await server.db.transaction(async (tx) => {
      await tx.query('UPDATE complaints SET title = $1, seq = $2 WHERE id = $3', [
        SCRIPT_TITLE,
        await nextChangeSeq(tx),
        target.id,
      ]);
    });
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/replication/complaints/pull?checkpoint=${encodeURIComponent(JSON.stringify({ seq: target.serverSeq }))}`,
      headers: { authorization: `Bearer ${sessions.admin.accessToken}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body).not.toMatch(/<script|<img/i);
    expect(response.body).toContain('\\u003cscript\\u003e');
    const doc = response
      .json<{ documents: Complaint[] }>()
      .documents.find((d) => d.id === target.id);
    expect(doc?.title).toBe(SCRIPT_TITLE);
  });

  it('in a refused push and in an accepted timeline note is stored as text and returned escaped', async () => {
    const admin = sessions.admin;
    const complaints = (await pullAll<Complaint>(server.app, admin, 'complaints', 200)).documents;
    const pending = complaints.find((doc) => doc.status === 'belum_diverifikasi');
    if (!pending) throw new Error('no unverified complaint');

    const refused = await server.app.inject({
      method: 'POST',
      url: '/api/replication/complaints/push',
      headers: { authorization: `Bearer ${admin.accessToken}` },
      payload: [
        { assumedMasterState: pending, newDocumentState: { ...pending, title: SCRIPT_TITLE } },
      ],
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.body).not.toMatch(/<script/i);

    const plan = planTriageAction(
      pending,
      { kind: 'hold', missingDetails: SCRIPT_TITLE },
      { officer: admin.officer, now: clock - 60_000, newId: randomUUID },
      { activeUnitIds: new Set(['unit-pupr']) },
    );
    if (!plan.ok) throw new Error(plan.error.code);
    const events = await server.app.inject({
      method: 'POST',
      url: '/api/replication/complaint_events/push',
      headers: { authorization: `Bearer ${admin.accessToken}` },
      payload: plan.events.map((event) => ({ newDocumentState: { ...event, _deleted: false } })),
    });
    expect(events.statusCode).toBe(200);
    expect(events.json()).toEqual([]);

    const stored = {
      sync_rejections: (doc: Record<string, unknown>) =>
        typeof doc.refusedDocument === 'string' &&
        (JSON.parse(doc.refusedDocument) as { title?: unknown }).title === SCRIPT_TITLE,
      complaint_events: (doc: Record<string, unknown>) => doc.reason === SCRIPT_TITLE,
    };
    for (const [collection, holdsScript] of Object.entries(stored)) {
      const response = await server.app.inject({
        method: 'GET',
        url: `/api/replication/${collection}/pull?limit=1000`,
        headers: { authorization: `Bearer ${admin.accessToken}` },
      });
      expect(response.body, collection).not.toMatch(/<script|<img/i);
      expect(response.body, collection).toContain('\\u003cscript\\u003e');
      const documents = response.json<{ documents: Record<string, unknown>[] }>().documents;
      expect(documents.some(holdsScript), collection).toBe(true);
    }
  });
});

describe('replayed pushes', () => {
  it('of a complaint change: the second delivery is accepted and writes nothing', async () => {
    const complaints = (await pullAll<Complaint>(server.app, sessions.admin, 'complaints', 200))
      .documents;
    const master = complaints.find((doc) => doc.status === 'didisposisi');
    if (!master) throw new Error('no disposed complaint');
    const payload = [
      {
        assumedMasterState: master,
        newDocumentState: {
          ...master,
          priority: master.priority === 'tinggi' ? 'rendah' : 'tinggi',
        },
      },
    ];
    const push = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/replication/complaints/push',
        headers: { authorization: `Bearer ${sessions.admin.accessToken}` },
        payload,
      });
    expect((await push()).json()).toEqual([]);
    const before = await fingerprint();
    for (let replay = 0; replay < 3; replay += 1) {
      const again = await push();
      expect(again.statusCode).toBe(200);
      // Writes nothing, and answers with the stored state (its newer change number).
      expect(again.json()).toEqual([
        expect.objectContaining({ id: master.id, priority: payload[0]!.newDocumentState.priority }),
      ]);
    }
    expect(await fingerprint()).toEqual(before);
    const audit = await server.db.query(
      "SELECT 1 FROM audit_log WHERE document_id = $1 AND action = 'write_accepted'",
      [master.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('of a timeline event: one row, one audit entry, whatever the number of deliveries', async () => {
    const admin = sessions.admin;
    const complaints = (await pullAll<Complaint>(server.app, admin, 'complaints', 200)).documents;
    const pending = complaints.filter((doc) => doc.status === 'belum_diverifikasi')[1];
    if (!pending) throw new Error('no second unverified complaint');
    const plan = planTriageAction(
      pending,
      { kind: 'hold', missingDetails: 'Mohon lengkapi lokasi.' },
      { officer: admin.officer, now: clock - 60_000, newId: randomUUID },
      { activeUnitIds: new Set(['unit-pupr']) },
    );
    if (!plan.ok) throw new Error(plan.error.code);
    const payload = plan.events.map((event) => ({
      newDocumentState: { ...event, _deleted: false },
    }));
    const push = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/replication/complaint_events/push',
        headers: { authorization: `Bearer ${admin.accessToken}` },
        payload,
      });
    expect((await push()).json()).toEqual([]);
    const before = await fingerprint();
    const replays = await Promise.all([push(), push(), push()]);
    for (const replay of replays) {
      expect(replay.statusCode).toBe(200);
      // Writes nothing, and answers with the stamped events.
      expect(replay.json<{ id: string }[]>().map((event) => event.id)).toEqual(
        plan.events.map((event) => event.id),
      );
    }
    expect(await fingerprint()).toEqual(before);
    for (const event of plan.events) {
      const rows = await server.db.query('SELECT 1 FROM complaint_events WHERE id = $1', [
        event.id,
      ]);
      expect(rows).toHaveLength(1);
    }
  });
});

/** A note as the device writes it (the server stamps officer, time and change number). */
function noteOn(
  session: SessionResponse,
  complaint: Pick<Complaint, 'id' | 'instansiId' | 'status'>,
  reason: string,
): ComplaintEvent & { _deleted: false } {
  return {
    id: randomUUID(),
    complaintId: complaint.id,
    instansiId: complaint.instansiId,
    kind: 'catatan_internal',
    fromStatus: complaint.status,
    toStatus: complaint.status,
    targetUnitId: '',
    reasonCode: '',
    reason,
    relatedComplaintId: '',
    anonim: false,
    rahasia: false,
    officerId: session.officer.id,
    officerName: session.officer.displayName,
    officerRole: session.officer.role,
    deviceTime: clock - 1000,
    serverTime: 0,
    serverSeq: 0,
    attachments: [],
    _deleted: false,
  };
}

function pushTo(session: SessionResponse, collection: string, payload: unknown[]) {
  return server.app.inject({
    method: 'POST',
    url: `/api/replication/${collection}/push`,
    headers: { authorization: `Bearer ${session.accessToken}` },
    payload,
  });
}

/** Everything after `checkpoint`, page by page (small pages, so the order across pages counts). */
async function pullAfter<T>(session: SessionResponse, collection: string, checkpoint: object) {
  const documents: (T & { id: string; _deleted: boolean })[] = [];
  let at = checkpoint as { seq: number };
  for (;;) {
    const page = await pull<T & { id: string }>(server.app, session, collection, at, 3);
    documents.push(...page.documents);
    at = page.checkpoint ?? at;
    if (page.documents.length < 3) return { documents, checkpoint: at };
  }
}

async function adminMaster(id: string) {
  const all = await pullAll<Complaint>(server.app, sessions.admin, 'complaints', 1000);
  const found = all.documents.find((doc) => doc.id === id);
  if (!found) throw new Error(`no complaint ${id}`);
  return found;
}

async function redispose(id: string, unitId: string) {
  const master = await adminMaster(id);
  const response = await pushTo(sessions.admin, 'complaints', [
    { assumedMasterState: master, newDocumentState: { ...master, unitId } },
  ]);
  expect(response.json()).toEqual([]);
}

async function unitOf(username: string): Promise<string> {
  const [row] = await server.db.query<{ unit_id: string }>(
    'SELECT unit_id FROM officers WHERE username = $1',
    [username],
  );
  return row!.unit_id;
}

describe('scope exits and tombstones', () => {
  it('a complaint re-disposed away reaches its former OPD as its id and _deleted only, and nothing written after the exit follows', async () => {
    const pupr = sessions.penghubung;
    const puprUnit = await unitOf('pupr.kaltim');
    const dinkesUnit = await unitOf('dinkes.kaltim');
    const [third] = await server.db.query<{ id: string }>(
      'SELECT id FROM units WHERE active AND instansi_id = $1 AND id <> ALL($2::text[]) ORDER BY id',
      [pupr.instansi.id, [puprUnit, dinkesUnit]],
    );
    const complaints = await pullAll<Complaint>(server.app, pupr, 'complaints', 1000);
    const events = await pullAll<ComplaintEvent>(server.app, pupr, 'complaint_events', 1000);
    // The newest disposition: the oldest ones are what the device-time tests judge late.
    const moving = complaints.documents
      .filter(
        (doc) =>
          doc.status === 'didisposisi' &&
          events.documents.some((event) => event.complaintId === doc.id),
      )
      .sort((a, b) => b.statusChangedAt - a.statusChangedAt)[0];
    if (!moving || !third) throw new Error('fixture lacks a disposed PUPR complaint with events');
    const held = events.documents.filter((event) => event.complaintId === moving.id);

    await redispose(moving.id, dinkesUnit);
    const afterExit = 'Catatan Dinkes setelah disposisi ulang, bukan untuk PUPR';
    expect(
      (
        await pushTo(sessions.admin, 'complaint_events', [
          { newDocumentState: noteOn(sessions.admin, moving, afterExit) },
        ])
      ).json(),
    ).toEqual([]);
    // A second re-disposition, between two other OPDs, renumbers the timeline: still nothing new for PUPR.
    await redispose(moving.id, third.id);

    const puprComplaints = await pullAfter<Complaint>(pupr, 'complaints', complaints.checkpoint);
    const puprEvents = await pullAfter<ComplaintEvent>(pupr, 'complaint_events', events.checkpoint);
    expect(puprComplaints.documents.filter((doc) => doc.id === moving.id)).toEqual([
      { id: moving.id, _deleted: true },
    ]);
    const tombstones = puprEvents.documents.filter((doc) => doc._deleted);
    expect(tombstones).toEqual(
      expect.arrayContaining(held.map((event) => ({ id: event.id, _deleted: true }))),
    );
    expect(tombstones).toHaveLength(held.length);
    const text = JSON.stringify([puprComplaints.documents, puprEvents.documents]);
    for (const secret of [moving.title, moving.body, afterExit, dinkesUnit, third.id]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(sessions.admin.officer.id);

    // Later writes on the complaint, wherever it is now, never reach PUPR again.
    await pushTo(sessions.admin, 'complaint_events', [
      { newDocumentState: noteOn(sessions.admin, moving, afterExit) },
    ]);
    const later = await pullAfter<ComplaintEvent>(pupr, 'complaint_events', puprEvents.checkpoint);
    expect(later.documents.filter((doc) => doc._deleted)).toEqual([]);
    const laterComplaints = await pullAfter<Complaint>(
      pupr,
      'complaints',
      puprComplaints.checkpoint,
    );
    expect(laterComplaints.documents.map((doc) => doc.id)).not.toContain(moving.id);

    // A late write of the complaint and a late note on it are answered with bare tombstones.
    const edit = await pushTo(pupr, 'complaints', [
      { assumedMasterState: moving, newDocumentState: { ...moving, priority: 'mendesak' } },
    ]);
    expect(edit.json()).toEqual([{ id: moving.id, _deleted: true }]);
    const note = noteOn(pupr, moving, 'Catatan PUPR yang ditulis luring');
    const refusedNote = await pushTo(pupr, 'complaint_events', [{ newDocumentState: note }]);
    expect(refusedNote.json()).toEqual([{ id: note.id, _deleted: true }]);
    const kept = await server.db.query<{ refused_document: { reason: string } }>(
      'SELECT refused_document FROM sync_rejections WHERE document_id = $1 AND officer_id = $2',
      [note.id, pupr.officer.id],
    );
    expect(kept.map((row) => row.refused_document.reason)).toEqual([note.reason]);
  });

  it('a first pull of a new officer of the former OPD carries no tombstone of what left before, page after page', async () => {
    const puprUnit = await unitOf('pupr.kaltim');
    const dinkesUnit = await unitOf('dinkes.kaltim');
    const exits = await server.db.query('SELECT 1 FROM complaint_scope_exits WHERE unit_id = $1', [
      puprUnit,
    ]);
    expect(exits.length).toBeGreaterThan(0);
    await server.db.query(
      `INSERT INTO officers (id, instansi_id, username, display_name, role, unit_id, password_hash)
       VALUES ('officer-pupr-baru', $1, 'pupr.baru', 'Penghubung PUPR Baru', 'penghubung', $2, $3)`,
      [sessions.penghubung.instansi.id, puprUnit, await hashPassword(DEMO_PASSWORD)],
    );
    const newcomer = await server.login('pupr.baru', 'laptop-baru');
    const complaints = await pullAfter<Complaint>(newcomer, 'complaints', { seq: 0 });
    const events = await pullAfter<ComplaintEvent>(newcomer, 'complaint_events', { seq: 0 });
    expect(complaints.documents.length).toBeGreaterThan(3);
    expect(events.documents.length).toBeGreaterThan(3);
    expect(complaints.documents.filter((doc) => doc._deleted)).toEqual([]);
    expect(events.documents.filter((doc) => doc._deleted)).toEqual([]);
    // The progress count of the first page agrees.
    const counted = await server.app.inject({
      method: 'GET',
      url: '/api/replication/complaints/pull',
      query: { checkpoint: '{"seq":0}', limit: '3', count: '1' },
      headers: { authorization: `Bearer ${newcomer.accessToken}` },
    });
    expect(counted.json<{ remaining: number }>().remaining).toBe(complaints.documents.length - 3);

    // What leaves after the first pull began, it may hold: that tombstone is sent.
    const leaving = complaints.documents.find((doc) => doc.status === 'didisposisi');
    if (!leaving) throw new Error('no disposed PUPR complaint left');
    await redispose(leaving.id, dinkesUnit);
    const after = await pullAfter<Complaint>(newcomer, 'complaints', complaints.checkpoint);
    expect(after.documents).toEqual([{ id: leaving.id, _deleted: true }]);
  });

  it('an invalid edit of a stored timeline event is answered with the stored event, and the refusal is kept', async () => {
    const pupr = sessions.penghubung;
    const events = await pullAll<ComplaintEvent>(server.app, pupr, 'complaint_events', 1000);
    const stored = events.documents.find((event) => !event._deleted);
    if (!stored) throw new Error('PUPR holds no event');
    const invalid = { ...stored, kind: 'bukan_jenis', reason: 'ditimpa', _deleted: false };
    const response = await pushTo(pupr, 'complaint_events', [{ newDocumentState: invalid }]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([{ ...stored, _deleted: false }]);
    const refusals = await server.db.query<{ reason_code: string; refused_document: object }>(
      'SELECT reason_code, refused_document FROM sync_rejections WHERE document_id = $1',
      [stored.id],
    );
    expect(refusals).toEqual([{ reason_code: 'validation', refused_document: invalid }]);
    const [row] = await server.db.query<{ reason: string }>(
      'SELECT reason FROM complaint_events WHERE id = $1',
      [stored.id],
    );
    expect(row?.reason).toBe(stored.reason);

    // The same edit naming an event outside the officer's scope reveals nothing of it.
    const [foreign] = await server.db.query<{ id: string }>(
      `SELECT e.id FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id
        WHERE c.unit_id IS DISTINCT FROM $1 ORDER BY e.id LIMIT 1`,
      [await unitOf('pupr.kaltim')],
    );
    for (const id of [foreign!.id, OTHER.event]) {
      const probe = await pushTo(pupr, 'complaint_events', [
        { newDocumentState: { ...invalid, id } },
      ]);
      expect(probe.json()).toEqual([{ id, _deleted: true }]);
    }
  });

  it('a push of timeline events whose later row fails stores none of them; the resend stores each once', async () => {
    const admin = sessions.admin;
    const complaints = (await pullAll<Complaint>(server.app, admin, 'complaints', 1000)).documents;
    const notes = Array.from({ length: 12 }, (_unused, index) =>
      noteOn(admin, complaints[index % complaints.length]!, `Catatan berurutan nomor ${index}`),
    );
    const failing = 'Catatan yang gagal disimpan di tengah';
    notes[9] = { ...notes[9]!, reason: failing };
    const ids = notes.map((note) => note.id);
    const payload = notes.map((note) => ({ newDocumentState: note }));
    // The storage fails on the tenth row, after nine rows were written.
    await server.db.query(`CREATE FUNCTION fail_marked_event() RETURNS trigger AS $$
      BEGIN
        IF NEW.reason = 'Catatan yang gagal disimpan di tengah' THEN
          RAISE EXCEPTION 'disk full';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await server.db.query(`CREATE TRIGGER fail_marked_event BEFORE INSERT ON complaint_events
      FOR EACH ROW EXECUTE FUNCTION fail_marked_event()`);
    const stored = async () =>
      (
        await server.db.query<{ id: string }>(
          'SELECT id FROM complaint_events WHERE id = ANY($1::text[])',
          [ids],
        )
      ).map((row) => row.id);
    try {
      const before = await fingerprint();
      const cut = await pushTo(admin, 'complaint_events', payload);
      expect(cut.statusCode).toBe(500);
      expectNothingLeaked(cut);
      expect(await stored()).toEqual([]);
      expect(await fingerprint()).toEqual(before);
    } finally {
      await server.db.query('DROP TRIGGER fail_marked_event ON complaint_events');
      await server.db.query('DROP FUNCTION fail_marked_event()');
    }
    for (let resend = 0; resend < 2; resend += 1) {
      const again = await pushTo(admin, 'complaint_events', payload);
      expect(again.statusCode).toBe(200);
    }
    expect((await stored()).sort()).toEqual([...ids].sort());
    const audited = await server.db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM audit_log
        WHERE action = 'event_appended' AND document_id = ANY($1::text[])`,
      [ids],
    );
    expect(audited[0]?.count).toBe(ids.length);
  });
});

const REPORT_PERIOD = { from: '2026-07-01', to: '2026-11-30' };

async function rakordaFigures(session: SessionResponse): Promise<RakordaReport['current']> {
  const response = await server.app.inject({
    method: 'GET',
    url: '/api/reports/rakorda',
    query: REPORT_PERIOD,
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  expect(response.statusCode).toBe(200);
  return response.json<RakordaReport>().current;
}

describe('moves only an event makes', () => {
  it('an admin’s bare didisposisi → ditindaklanjuti is refused and recorded, and RAKORDA does not count it resolved', async () => {
    const admin = sessions.admin;
    const complaints = (await pullAll<Complaint>(server.app, admin, 'complaints', 200)).documents;
    const master = complaints.find((doc) => doc.status === 'didisposisi');
    if (!master) throw new Error('no disposed complaint');
    const before = await rakordaFigures(admin);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/replication/complaints/push',
      headers: { authorization: `Bearer ${admin.accessToken}` },
      payload: [
        { assumedMasterState: master, newDocumentState: { ...master, status: 'ditindaklanjuti' } },
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([master]);
    const [stored] = await server.db.query<{ status: string }>(
      'SELECT status FROM complaints WHERE id = $1',
      [master.id],
    );
    expect(stored?.status).toBe('didisposisi');
    const refusals = await server.db.query<{ reason_code: string }>(
      `SELECT reason_code FROM sync_rejections WHERE document_id = $1 AND resolved_at IS NULL`,
      [master.id],
    );
    expect(refusals).toEqual([{ reason_code: 'lifecycle' }]);
    const after = await rakordaFigures(admin);
    expect(after.status.resolved).toBe(before.status.resolved);
    expect(after.status.inProcess).toBe(before.status.inProcess);
  });
});

describe('a refusal of a write carrying the reporter identity', () => {
  it('keeps no identity, says so, and the officer demoted to koordinator pulls none', async () => {
    const id = 'officer-admin-kedua';
    await server.db.query(
      `INSERT INTO officers (id, instansi_id, username, display_name, role, unit_id, password_hash)
       VALUES ($1, 'pemprov-kaltim', 'admin2.kaltim', 'Admin Kedua', 'admin_instansi', NULL, $2)`,
      [id, await hashPassword(DEMO_PASSWORD)],
    );
    const second = await server.login('admin2.kaltim', 'second-admin-device');
    const complaints = (await pullAll<Complaint>(server.app, second, 'complaints', 200)).documents;
    const master = complaints.find((doc) => doc.status === 'belum_diverifikasi' && doc.reporter);
    if (!master?.reporter) throw new Error('no unverified complaint with its reporter');
    const identity = Object.values(master.reporter).filter((value) => value.length > 3);
    expect(identity.length).toBeGreaterThan(0);
    // An illegal move, refused with the whole document the admin's device holds.
    const refused = await server.app.inject({
      method: 'POST',
      url: '/api/replication/complaints/push',
      headers: { authorization: `Bearer ${second.accessToken}` },
      payload: [{ assumedMasterState: master, newDocumentState: { ...master, status: 'selesai' } }],
    });
    expect(refused.json()).toEqual([master]);
    const rows = await server.db.query<{ refused_document: unknown }>(
      'SELECT refused_document FROM sync_rejections WHERE officer_id = $1',
      [id],
    );
    expect(rows).toHaveLength(1);
    for (const value of identity) expect(JSON.stringify(rows)).not.toContain(value);
    const [pulled] = (await pullAll<SyncRejection>(server.app, second, 'sync_rejections'))
      .documents;
    expect(pulled).toMatchObject({ identityRemoved: true, documentTruncated: false });
    expect(JSON.parse(pulled?.refusedDocument ?? '{}')).toMatchObject({
      id: master.id,
      status: 'selesai',
    });

    const demoted = await server.app.inject({
      method: 'POST',
      url: `/api/admin/officers/${id}/assignment`,
      headers: { authorization: `Bearer ${sessions.admin.accessToken}` },
      payload: { role: 'koordinator', unitId: '' },
    });
    expect(demoted.statusCode).toBe(200);
    const asKoordinator = await server.login('admin2.kaltim', 'second-admin-device');
    expect(asKoordinator.officer.role).toBe('koordinator');
    const after = await pullAll<SyncRejection>(server.app, asKoordinator, 'sync_rejections');
    expect(after.documents).toHaveLength(1);
    for (const value of identity) expect(JSON.stringify(after.documents)).not.toContain(value);
  });
});

/** The admin verifies and disposes a complaint to PUPR, as the workstation would, at a time. */
async function disposeToPupr(complaint: Complaint, at: number): Promise<void> {
  const puprUnit = await unitOf('pupr.kaltim');
  const plan = planTriageAction(
    complaint,
    {
      kind: 'verify_dispose',
      unitId: puprUnit,
      instruction: 'Mohon ditindaklanjuti sesuai kewenangan OPD.',
      privacyConfirmed: true,
      anonim: complaint.anonim,
      rahasia: complaint.rahasia,
    },
    { officer: sessions.admin.officer, now: at, newId: randomUUID },
    { activeUnitIds: new Set([puprUnit]) },
  );
  if (!plan.ok) throw new Error(plan.error.code);
  const master = await adminMaster(complaint.id);
  const serverNow = clock;
  clock = at;
  try {
    const pushed = await pushTo(sessions.admin, 'complaints', [
      { assumedMasterState: master, newDocumentState: { ...master, ...plan.patch } },
    ]);
    expect(pushed.json()).toEqual([]);
    const events = await pushTo(
      sessions.admin,
      'complaint_events',
      plan.events.map((event) => ({ newDocumentState: { ...event, _deleted: false } })),
    );
    expect(events.json()).toEqual([]);
  } finally {
    clock = serverNow;
  }
}

describe('device time of an event', () => {
  it('a penghubung cannot backdate a late follow-up into on time: RAKORDA counts its server time', async () => {
    const pupr = sessions.penghubung;
    // Its own two complaints, whatever earlier tests did to PUPR's: the oldest unverified one
    // disposed to PUPR an hour after it arrived (its follow-up long late), another two hours ago.
    const unverified = (
      await pullAll<Complaint>(server.app, sessions.admin, 'complaints', 1000)
    ).documents
      .filter((doc) => !doc._deleted && doc.status === 'belum_diverifikasi')
      .sort((a, b) => a.receivedAt - b.receivedAt);
    const [oldest, another] = unverified;
    if (!oldest || !another || oldest.receivedAt > clock - 14 * 24 * 3_600_000)
      throw new Error('no unverified complaint older than two weeks');
    await disposeToPupr(oldest, oldest.receivedAt + 3_600_000);
    await disposeToPupr(another, clock - 2 * 3_600_000);
    const complaints = (await pullAll<Complaint>(server.app, pupr, 'complaints', 1000)).documents;
    const late = complaints.find((doc) => doc.id === oldest.id);
    const recent = complaints.find((doc) => doc.id === another.id);
    if (!late || !recent) throw new Error('the disposed complaints did not reach PUPR');
    const before = (await rakordaFigures(sessions.admin)).withinDeadline.firstFollowUp;

    const answer = (complaint: Complaint, deviceTime: number) => {
      const plan = planFollowUp(
        complaint,
        {
          kind: 'tindak_lanjut',
          content: 'Tim telah meninjau lokasi dan perbaikan dijadwalkan pekan depan.',
          attachments: [],
        },
        { officer: pupr.officer, now: deviceTime, eventId: randomUUID() },
      );
      if (!plan.ok) throw new Error(plan.error.code);
      return plan.event;
    };
    // Claimed written at 1 ms after the epoch: before the complaint could have reached the OPD.
    const backdated = answer(late, 1);
    // Written offline an hour ago, after its disposition: its real time is kept.
    const offline = answer(recent, clock - 3_600_000);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/replication/complaint_events/push',
      headers: { authorization: `Bearer ${pupr.accessToken}` },
      payload: [backdated, offline].map((event) => ({
        newDocumentState: { ...event, _deleted: false },
      })),
    });
    expect(response.json()).toEqual([]);

    const pulled = (await pullAll<ComplaintEvent>(server.app, pupr, 'complaint_events', 1000))
      .documents;
    expect(pulled.find((event) => event.id === backdated.id)).toMatchObject({
      deviceTime: 1,
      serverTime: clock,
      deviceTimeTrusted: false,
    });
    expect(pulled.find((event) => event.id === offline.id)).toMatchObject({
      deviceTime: clock - 3_600_000,
      deviceTimeTrusted: true,
    });
    // Judged already (late and still waiting): the backdated answer leaves it late.
    const after = (await rakordaFigures(sessions.admin)).withinDeadline.firstFollowUp;
    // The late one adds to neither side; the offline one, judged now, adds to both or neither.
    // Trusting the backdated time would count the late one on time (numerator + 1 alone).
    expect(after.numerator).toBe(before.numerator + (after.denominator - before.denominator));
  });
});

describe('after the corpus', () => {
  it('the server is still up and ready, and sessions still work', async () => {
    const live = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(live.statusCode).toBe(200);
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    const page = await pull(server.app, sessions.admin, 'units', { seq: 0 }, 10);
    expect(page.documents.length).toBeGreaterThan(0);
  });

  it('the audit log is append-only through the API: no route reads or changes it', async () => {
    const [{ count: before } = { count: 0 }] = await server.db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM audit_log',
    );
    const [{ first } = { first: '' }] = await server.db.query<{ first: string }>(
      "SELECT md5(string_agg(t::text, '|' ORDER BY id)) AS first FROM audit_log t",
    );
    for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      for (const url of [
        '/api/audit',
        '/api/audit_log',
        '/api/replication/audit_log/pull',
        '/api/replication/audit_log/push',
      ]) {
        const response = await server.app.inject({
          method,
          url,
          headers: { authorization: `Bearer ${sessions.admin.accessToken}` },
          ...(method === 'GET' ? {} : { payload: [] }),
        });
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    const [after] = await server.db.query<{ count: number; first: string }>(
      `SELECT count(*)::integer AS count,
              md5(string_agg(t::text, '|' ORDER BY id)) AS first FROM audit_log t`,
    );
    expect(after?.count).toBe(before);
    expect(after?.first).toBe(first);
  });
});

describe('live streams end with their session', () => {
  let baseUrl: string;
  beforeAll(async () => {
    baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });

  async function createOfficer(
    username: string,
    role: 'admin_instansi' | 'penghubung' | 'koordinator',
  ) {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/admin/officers',
      headers: { authorization: `Bearer ${sessions.admin.accessToken}` },
      payload: {
        username,
        displayName: username,
        role,
        unitId: role === 'penghubung' ? 'unit-pupr' : '',
        password: DEMO_PASSWORD,
      },
    });
    expect(created.statusCode).toBe(201);
    return created.json<{ id: string }>().id;
  }

  async function adminPost(path: string, payload: unknown = {}) {
    const response = await server.app.inject({
      method: 'POST',
      url: path,
      headers: { authorization: `Bearer ${sessions.admin.accessToken}` },
      payload: payload as Record<string, unknown>,
    });
    expect(response.statusCode, response.body).toBe(200);
  }

  it('on logout: that session’s streams end, the officer’s other session keeps its own', async () => {
    const leaving = await server.login('dinkes.kaltim', 'logout-device');
    const staying = await server.login('dinkes.kaltim', 'other-window-device');
    const ending = await openLiveStream(baseUrl, leaving.accessToken);
    const kept = await openLiveStream(baseUrl, staying.accessToken);
    try {
      const at = Date.now();
      const out = await server.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { authorization: `Bearer ${leaving.accessToken}` },
      });
      expect(out.statusCode).toBe(204);
      await ending.ended(at);
      expect(kept.open).toBe(true);
    } finally {
      ending.close();
      kept.close();
    }
  });

  it('when the admin disables the officer, resets the password, or changes role or unit', async () => {
    const target = await createOfficer('stream.target', 'admin_instansi');
    const changes: [string, string, unknown][] = [
      // An admin made koordinator must stop receiving reporter identity at once.
      [
        'reassigned',
        `/api/admin/officers/${target}/assignment`,
        { role: 'koordinator', unitId: '' },
      ],
      [
        'moved unit',
        `/api/admin/officers/${target}/assignment`,
        { role: 'penghubung', unitId: 'unit-pupr' },
      ],
      [
        'password reset',
        `/api/admin/officers/${target}/reset-password`,
        { password: `${DEMO_PASSWORD}!` },
      ],
      ['disabled', `/api/admin/officers/${target}/disable`, {}],
    ];
    let password = DEMO_PASSWORD;
    for (const [what, path, payload] of changes) {
      const login = await server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'stream.target', password, deviceId: `target-${what}` },
      });
      expect(login.statusCode, what).toBe(200);
      const session = login.json<SessionResponse>();
      const streams = [
        await openLiveStream(baseUrl, session.accessToken),
        await openLiveStream(baseUrl, session.accessToken),
      ];
      try {
        const at = Date.now();
        await adminPost(path, payload);
        for (const stream of streams)
          console.log(`${what}: stream ended after ${await stream.ended(at)} ms`);
      } finally {
        for (const stream of streams) stream.close();
      }
      if (what === 'password reset') password = `${DEMO_PASSWORD}!`;
    }
  });

  it('a stream whose session was ended without a notice (another path, a lost notice) delivers nothing more', async () => {
    const admin = await server.login('admin.kaltim', 'silently-revoked-device');
    const stream = await openLiveStream(baseUrl, admin.accessToken);
    try {
      // Straight in the database: no feed notice reaches the stream.
      await server.db.query('UPDATE sessions SET revoked_at = now() WHERE device_id = $1', [
        'silently-revoked-device',
      ]);
      const [complaint] = (
        await pull<Complaint>(server.app, sessions.admin, 'complaints', { seq: 0 }, 1)
      ).documents;
      const pushed = await server.app.inject({
        method: 'POST',
        url: '/api/replication/complaints/push',
        headers: { authorization: `Bearer ${sessions.admin.accessToken}` },
        payload: [
          {
            assumedMasterState: complaint,
            newDocumentState: {
              ...complaint,
              priority: complaint!.priority === 'mendesak' ? 'rendah' : 'mendesak',
            },
          },
        ],
      });
      expect(pushed.json()).toEqual([]);
      await stream.ended(Date.now());
      expect(stream.events).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('one officer holds at most 8 streams on a process: a ninth ends the oldest', async () => {
    const session = await server.login('koordinator.kaltim', 'many-streams-device');
    const streams = [];
    try {
      for (let index = 0; index < 9; index += 1)
        streams.push(await openLiveStream(baseUrl, session.accessToken));
      await streams[0]!.ended(Date.now());
      expect(streams.slice(1).every((stream) => stream.open)).toBe(true);
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});

describe('refresh tokens', () => {
  async function refresh(refreshToken: string) {
    return server.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken },
    });
  }
  async function reuseAudits(session: SessionResponse, deviceId: string) {
    return server.db.query(
      `SELECT 1 FROM audit_log
        WHERE action = 'refresh_token_reused' AND officer_id = $1 AND device_id = $2`,
      [session.officer.id, deviceId],
    );
  }

  it('rotate on each refresh: the answer carries a new refresh token that works in turn', async () => {
    const first = await server.login('dinkes.kaltim', 'rotating-device');
    const second = (await refresh(first.refreshToken)).json<SessionResponse>();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = await refresh(second.refreshToken);
    expect(third.statusCode).toBe(200);
    expect(third.json<SessionResponse>().refreshToken).not.toBe(second.refreshToken);
  });

  it('leave the access token just replaced working until its own expiry, so no window cuts off another', async () => {
    const signIn = await server.login('dinkes.kaltim', 'two-access-device');
    const renewed = (await refresh(signIn.refreshToken)).json<SessionResponse>();
    const pullWith = (session: SessionResponse) =>
      server.app.inject({
        method: 'GET',
        url: '/api/replication/units/pull?limit=1',
        headers: { authorization: `Bearer ${session.accessToken}` },
      });
    expect((await pullWith(signIn)).statusCode).toBe(200);
    expect((await pullWith(renewed)).statusCode).toBe(200);
    clock = signIn.accessTokenExpiresAt + 1000;
    try {
      expect((await pullWith(signIn)).statusCode).toBe(401);
      // The one before it is dead for good once a second refresh replaced it.
      const again = (await refresh(renewed.refreshToken)).json<SessionResponse>();
      expect((await pullWith(again)).statusCode).toBe(200);
      expect((await pullWith(signIn)).statusCode).toBe(401);
    } finally {
      clock = BASE_TIME;
    }
  });

  it('a stolen token replayed after the device moved on ends the whole sign-in, its streams too, audited', async () => {
    const baseUrl = server.app.server.listening
      ? `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`
      : await server.app.listen({ port: 0, host: '127.0.0.1' });
    const signIn = await server.login('pupr.kaltim', 'stolen-device');
    const stolen = signIn.refreshToken;
    // The device refreshes and uses its new tokens; later it refreshes again.
    const renewed = (await refresh(stolen)).json<SessionResponse>();
    const stream = await openLiveStream(baseUrl, renewed.accessToken);
    try {
      clock += 5 * 60_000;
      const latest = (await refresh(renewed.refreshToken)).json<SessionResponse>();
      // The thief replays the copied token.
      const at = Date.now();
      const replay = await refresh(stolen);
      expect(replay.statusCode).toBe(401);
      expect(replay.json()).toMatchObject({ error: 'session_revoked' });
      await stream.ended(at);
      // Every token of that sign-in is dead: the device signs in again.
      expect((await refresh(latest.refreshToken)).json()).toMatchObject({
        error: 'session_revoked',
      });
      const pullWithLatest = await server.app.inject({
        method: 'GET',
        url: '/api/replication/units/pull?limit=1',
        headers: { authorization: `Bearer ${latest.accessToken}` },
      });
      expect(pullWithLatest.statusCode).toBe(401);
      expect(await reuseAudits(signIn, 'stolen-device')).toHaveLength(1);
    } finally {
      stream.close();
      clock = BASE_TIME;
    }
  });

  it('the immediately previous token replayed past the grace, once its successor was used, is reuse', async () => {
    const signIn = await server.login('koordinator.kaltim', 'replay-previous-device');
    const next = (await refresh(signIn.refreshToken)).json<SessionResponse>();
    const used = await server.app.inject({
      method: 'GET',
      url: '/api/replication/units/pull?limit=1',
      headers: { authorization: `Bearer ${next.accessToken}` },
    });
    expect(used.statusCode).toBe(200);
    clock += 61_000;
    try {
      expect((await refresh(signIn.refreshToken)).json()).toMatchObject({
        error: 'session_revoked',
      });
      expect((await refresh(next.refreshToken)).statusCode).toBe(401);
    } finally {
      clock = BASE_TIME;
    }
  });

  it('two windows refreshing with one token at the same moment get the same successor', async () => {
    const signIn = await server.login('dinkes.kaltim', 'two-windows-device');
    const answers = await Promise.all([refresh(signIn.refreshToken), refresh(signIn.refreshToken)]);
    const [one, two] = answers.map((answer) => answer.json<SessionResponse>());
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    expect(two!.refreshToken).toBe(one!.refreshToken);
    expect(two!.accessToken).toBe(one!.accessToken);
    // A window a little late, the successor already in use, still within the grace.
    await server.app.inject({
      method: 'GET',
      url: '/api/replication/units/pull?limit=1',
      headers: { authorization: `Bearer ${one!.accessToken}` },
    });
    const late = await refresh(signIn.refreshToken);
    expect(late.json<SessionResponse>().refreshToken).toBe(one!.refreshToken);
    expect((await refresh(one!.refreshToken)).statusCode).toBe(200);
    expect(await reuseAudits(signIn, 'two-windows-device')).toHaveLength(0);
  });

  it('an answer lost on a cut link: the device retries with the old token, even much later', async () => {
    const signIn = await server.login('pupr.kaltim', 'cut-link-device');
    const lost = (await refresh(signIn.refreshToken)).json<SessionResponse>();
    clock += 3 * 3_600_000;
    try {
      const retried = await refresh(signIn.refreshToken);
      expect(retried.statusCode).toBe(200);
      expect(retried.json<SessionResponse>().refreshToken).toBe(lost.refreshToken);
      const onward = await refresh(lost.refreshToken);
      expect(onward.statusCode).toBe(200);
      expect(await reuseAudits(signIn, 'cut-link-device')).toHaveLength(0);
    } finally {
      clock = BASE_TIME;
    }
  });
});

describe('public Open311 reads', () => {
  it('are limited per address, with Retry-After, in the GeoReport error format; others are still served', async () => {
    const read = (remoteAddress: string) =>
      server.app.inject({
        method: 'GET',
        url: '/open311/v2/requests.json?jurisdiction_id=pemprov-kaltim',
        remoteAddress,
      });
    let refused: LightMyRequestResponse | null = null;
    for (let count = 0; count < 200 && !refused; count += 1) {
      const answer = await read('203.0.113.7');
      if (answer.statusCode === 429) refused = answer;
    }
    expect(refused).not.toBeNull();
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused!.json()).toEqual([
      { code: 429, description: expect.stringContaining('Terlalu banyak') },
    ]);
    expect((await read('203.0.113.8')).statusCode).toBe(200);
  });
});
