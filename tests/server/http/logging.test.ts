import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';

const lines: string[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

const WRONG_PASSWORD = 'Salah#Sekali-7781';
const TAMPERED_REPORTER = {
  name: 'Pelapor Palsu Sekali',
  phone: '+62 811 0000 4242',
  email: 'palsu.sekali@contoh.id',
};

let server: TestServer;
let admin: SessionResponse;
let complaints: Complaint[];

beforeAll(async () => {
  server = await startTestServer({
    complaints: 40,
    app: { logLevel: 'trace', logStream: capture },
  });
  await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin.kaltim', password: WRONG_PASSWORD, deviceId: 'log-device' },
  });
  admin = await server.login('admin.kaltim', 'log-device');
  complaints = (await pullAll<Complaint>(server.app, admin, 'complaints', 100)).documents;
  const master = complaints.find((doc) => doc.status === 'didisposisi') ?? complaints[0];
  if (!master) throw new Error('no complaint seeded');
  await pushComplaints(server.app, admin, [
    {
      assumedMasterState: { ...master, _deleted: false },
      newDocumentState: {
        ...master,
        priority: master.priority === 'tinggi' ? 'rendah' : 'tinggi',
        reporter: TAMPERED_REPORTER,
        _deleted: false,
      },
    },
  ]);
  await server.app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    payload: { refreshToken: admin.refreshToken },
  });
  // A malformed body holding a password, and a report query.
  await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: `{"username":"admin.kaltim","password":"${WRONG_PASSWORD}"`,
  });
  await server.app.inject({
    method: 'GET',
    url: '/api/reports/rakorda?from=2026-10-01&to=2026-10-31',
    headers: bearer(admin),
  });
  await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(admin) });
});
afterAll(() => server.close());

describe('server logs', () => {
  it('are structured, one JSON object per line, with a request log per request', () => {
    expect(lines.length).toBeGreaterThan(10);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const urls = entries.map((entry) => (entry.req as { url?: string } | undefined)?.url);
    expect(urls).toContain('/api/auth/login');
    expect(urls).toContain('/api/replication/complaints/push');
    expect(
      entries.some((entry) => (entry.res as { statusCode?: number })?.statusCode === 401),
    ).toBe(true);
  });

  it('hold no password, token or authorization header', () => {
    const text = lines.join('\n');
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toContain(WRONG_PASSWORD);
    expect(text).not.toContain(admin.accessToken);
    expect(text).not.toContain(admin.refreshToken);
    expect(text).not.toMatch(/bearer/i);
    expect(text).not.toMatch(/"authorization"/i);
  });

  it('hold no reporter identity, neither stored nor sent, and no request bodies or queries', () => {
    const text = lines.join('\n');
    const identities = complaints.flatMap((doc) =>
      doc.reporter ? [doc.reporter.name, doc.reporter.phone, doc.reporter.email] : [],
    );
    expect(identities.filter((value) => value.length >= 6).length).toBeGreaterThan(10);
    for (const value of identities.filter((field) => field.length >= 6)) {
      expect(text).not.toContain(value);
    }
    for (const value of Object.values(TAMPERED_REPORTER)) expect(text).not.toContain(value);
    for (const doc of complaints) expect(text).not.toContain(doc.title);
    expect(text).not.toContain('checkpoint');
    expect(text).not.toContain('2026-10-01');
  });
});
