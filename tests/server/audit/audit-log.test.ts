import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/api/audit-query.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ complaints: 30 });
});
afterAll(() => server.close());

async function readAudit(query = '', username = 'admin.kaltim') {
  const session = await server.login(username);
  return server.app.inject({
    method: 'GET',
    url: `/api/admin/audit${query}`,
    headers: bearer(session),
  });
}

describe('the audit table is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, even from the server’s own connection', async () => {
    await server.login('admin.kaltim');
    const [before] = await server.db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM audit_log',
    );
    expect(before?.count).toBeGreaterThan(0);
    await expect(server.db.query("UPDATE audit_log SET action = 'tampered'")).rejects.toThrow(
      /append-only/,
    );
    await expect(server.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(server.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const [after] = await server.db.query<{ count: number }>(
      "SELECT count(*)::integer AS count FROM audit_log WHERE action <> 'tampered'",
    );
    expect(after?.count).toBeGreaterThanOrEqual(before?.count ?? 0);
  });
});

describe('what is recorded', () => {
  it('records logins, failed logins, accepted writes and refusals with officer and device', async () => {
    const failed = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'pupr.kaltim', password: 'salah-sandi', deviceId: 'audit-dev' },
    });
    expect(failed.statusCode).toBe(401);
    const admin = await server.login('admin.kaltim', 'audit-admin-device');
    const { documents } = await pullAll<Complaint>(server.app, admin, 'complaints', 500);
    const target = documents.find((doc) =>
      ['belum_diverifikasi', 'ditunda', 'didisposisi', 'ditindaklanjuti'].includes(doc.status),
    );
    if (!target) throw new Error('the seed has no open complaint');
    const accepted = await pushComplaints(server.app, admin, [
      { assumedMasterState: target, newDocumentState: { ...target, priority: 'mendesak' } },
    ]);
    expect(accepted.json()).toEqual([]);
    const koordinator = await server.login('koordinator.kaltim', 'audit-koor-device');
    await pushComplaints(server.app, koordinator, [
      { assumedMasterState: target, newDocumentState: { ...target, priority: 'rendah' } },
    ]);

    const rejections = await pullAll<SyncRejection>(server.app, koordinator, 'sync_rejections');
    const refusal = rejections.documents.find((doc) => doc.documentId === target.id);
    if (!refusal) throw new Error('the refused write left no sync_rejections record');
    const resolve = await server.app.inject({
      method: 'POST',
      url: '/api/replication/sync_rejections/push',
      headers: bearer(koordinator),
      payload: [
        { assumedMasterState: refusal, newDocumentState: { ...refusal, resolvedAt: Date.now() } },
      ],
    });
    expect(resolve.json()).toEqual([]);

    const page = (await readAudit('?limit=500')).json<AuditPage>();
    const has = (action: string, predicate: (entry: AuditPage['entries'][number]) => boolean) =>
      page.entries.some((entry) => entry.action === action && predicate(entry));
    expect(has('login_failed', (entry) => entry.officerId === 'officer-pupr-kaltim')).toBe(true);
    expect(has('login', (entry) => entry.deviceId === 'audit-admin-device')).toBe(true);
    expect(
      has(
        'write_accepted',
        (entry) =>
          entry.documentId === target.id &&
          entry.deviceId === 'audit-admin-device' &&
          entry.officerName.length > 0 &&
          entry.officerUsername === 'admin.kaltim' &&
          entry.trackingNumber === target.trackingNumber,
      ),
    ).toBe(true);
    expect(
      has(
        'write_refused',
        (entry) =>
          entry.documentId === target.id && entry.officerId === 'officer-koordinator-kaltim',
      ),
    ).toBe(true);
    expect(
      has(
        'write_accepted',
        (entry) => entry.collection === 'sync_rejections' && entry.documentId === refusal.id,
      ),
    ).toBe(true);
    expect(JSON.stringify(page)).not.toContain(DEMO_PASSWORD);
  });
});

describe('GET /api/admin/audit', () => {
  it('answers 403 to a penghubung and a koordinator, 401 without a session', async () => {
    expect((await readAudit('', 'pupr.kaltim')).statusCode).toBe(403);
    expect((await readAudit('', 'koordinator.kaltim')).statusCode).toBe(403);
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/admin/audit' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('filters by officer and action kind, newest first', async () => {
    const page = (
      await readAudit('?officer=officer-admin-kaltim&action=login,write_accepted')
    ).json<AuditPage>();
    expect(page.entries.length).toBeGreaterThan(1);
    for (const entry of page.entries) {
      expect(entry.officerId).toBe('officer-admin-kaltim');
      expect(['login', 'write_accepted']).toContain(entry.action);
    }
    const ids = page.entries.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('finds an officer by username, in any case, as by id', async () => {
    const byId = (await readAudit('?officer=officer-admin-kaltim&limit=500')).json<AuditPage>();
    const byUsername = (await readAudit('?officer=Admin.Kaltim&limit=500')).json<AuditPage>();
    expect(byId.entries.length).toBeGreaterThan(0);
    // Reading the log is logged too: compare what both pages hold in common.
    const ids = new Set(byUsername.entries.map((entry) => entry.id));
    expect(byId.entries.filter((entry) => !ids.has(entry.id)).length).toBeLessThanOrEqual(1);
    for (const entry of byUsername.entries) expect(entry.officerId).toBe('officer-admin-kaltim');
  });

  it('filters by date range', async () => {
    const future = (await readAudit('?from=2099-01-01T00:00:00Z')).json<AuditPage>();
    expect(future.entries).toEqual([]);
    const past = (await readAudit('?to=2000-01-01')).json<AuditPage>();
    expect(past.entries).toEqual([]);
    const today = new Date(Date.now() - 3_600_000).toISOString();
    const recent = (await readAudit(`?from=${today}`)).json<AuditPage>();
    expect(recent.entries.length).toBeGreaterThan(0);
  });

  it('pages with before= until every entry was seen exactly once', async () => {
    const all = (await readAudit('?limit=500')).json<AuditPage>();
    const seen: number[] = [];
    let before: number | null = null;
    for (let guard = 0; guard < 100; guard += 1) {
      const page: AuditPage = (
        await readAudit(`?limit=3${before === null ? '' : `&before=${before}`}`)
      ).json<AuditPage>();
      seen.push(...page.entries.map((entry) => entry.id));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    // Each read logs a login, so the walk sees at least what the first listing saw.
    expect(new Set(seen).size).toBe(seen.length);
    for (const entry of all.entries) expect(seen).toContain(entry.id);
  });

  it('shows only entries of the admin’s own instansi', async () => {
    await server.db.query(
      `INSERT INTO instansi (id, name, short_name, utc_offset_minutes) VALUES ('pemkot-lain', 'Pemkot Lain', 'Pemkot Lain', 420)`,
    );
    await server.db.query(
      `INSERT INTO audit_log (at, officer_id, device_id, action, details, instansi_id)
       VALUES (now(), NULL, 'x', 'intake_refused', '{}', 'pemkot-lain')`,
    );
    const page = (await readAudit('?limit=500&action=intake_refused')).json<AuditPage>();
    expect(page.entries).toEqual([]);
  });

  it.each([
    '?limit=0',
    '?limit=100000',
    '?action=DROP%20TABLE',
    '?from=kemarin',
    '?from=2026-02-01&to=2026-01-01',
    '?before=-1',
  ])('answers 400 for %s', async (query) => {
    expect((await readAudit(query)).statusCode).toBe(400);
  });
});
