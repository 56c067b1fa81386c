import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import type { OfficerSummary } from '../../../shared/api/officer-admin.ts';
import { hashPassword } from '../../../server/auth/password-hash.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';

const OTHER = { instansi: 'pemkot-lain', officer: 'officer-lain', username: 'petugas.lain' };
const NEW_PASSWORD = 'Sandi-Baru-2026!';

let server: TestServer;
let admin: SessionResponse;
let penghubung: SessionResponse;
let koordinator: SessionResponse;
let puprUnitId: string;

beforeAll(async () => {
  server = await startTestServer({ complaints: 2 });
  await server.db.query(
    `INSERT INTO instansi (id, name, short_name, utc_offset_minutes) VALUES ($1, 'Kota Lain', 'Lain', 420)`,
    [OTHER.instansi],
  );
  await server.db.query(
    `INSERT INTO officers (id, instansi_id, username, display_name, role, unit_id, password_hash)
     VALUES ($1, $2, $3, 'Petugas Kota Lain', 'koordinator', NULL, $4)`,
    [OTHER.officer, OTHER.instansi, OTHER.username, await hashPassword(DEMO_PASSWORD)],
  );
  [admin, penghubung, koordinator] = await Promise.all([
    server.login('admin.kaltim'),
    server.login('pupr.kaltim'),
    server.login('koordinator.kaltim'),
  ]);
  puprUnitId = penghubung.officer.unitId;
});
afterAll(() => server.close());

function call(
  session: SessionResponse,
  method: 'GET' | 'POST',
  url: string,
  payload?: Record<string, unknown>,
) {
  return server.app.inject({
    method,
    url,
    headers: bearer(session),
    ...(payload ? { payload } : {}),
  });
}

function login(username: string, password: string) {
  return server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, deviceId: 'device-test' },
  });
}

async function auditOf(documentId: string) {
  return server.db.query<{ action: string; officer_id: string; details: unknown }>(
    `SELECT action, officer_id, details FROM audit_log WHERE collection = 'officers' AND document_id = $1 ORDER BY id`,
    [documentId],
  );
}

const newOfficer = {
  username: 'dinsos.kaltim',
  displayName: 'Rina Wulandari',
  role: 'penghubung',
  password: 'Sandi-Awal-2026!',
};

describe('officer administration', () => {
  it('is for the Admin Instansi only', async () => {
    for (const session of [penghubung, koordinator]) {
      expect((await call(session, 'GET', '/api/admin/officers')).statusCode).toBe(403);
      const response = await call(session, 'POST', '/api/admin/officers', {
        ...newOfficer,
        username: `oleh.${session.officer.role}`,
        unitId: puprUnitId,
      });
      expect(response.statusCode).toBe(403);
      for (const path of ['reset-password', 'disable', 'enable', 'assignment']) {
        const change = await call(
          session,
          'POST',
          `/api/admin/officers/${admin.officer.id}/${path}`,
          {
            password: NEW_PASSWORD,
            role: 'koordinator',
            unitId: '',
          },
        );
        expect(change.statusCode, path).toBe(403);
      }
    }
    expect((await login('admin.kaltim', DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await server.db.query("SELECT 1 FROM officers WHERE username LIKE 'oleh.%'")).toEqual(
      [],
    );
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/admin/officers' });
    expect(anonymous.statusCode).toBe(401);
  });

  it("lists the instansi's officers without password hashes or another instansi's officers", async () => {
    const response = await call(admin, 'GET', '/api/admin/officers');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(/scrypt|password|hash/i);
    const { officers } = response.json<{ officers: OfficerSummary[] }>();
    const usernames = officers.map((officer) => officer.username);
    expect(usernames).toEqual(expect.arrayContaining(['admin.kaltim', 'pupr.kaltim']));
    expect(usernames).not.toContain(OTHER.username);
  });

  it('creates a penghubung who can then sign in; audited without the password', async () => {
    const response = await call(admin, 'POST', '/api/admin/officers', {
      ...newOfficer,
      unitId: puprUnitId,
    });
    expect(response.statusCode).toBe(201);
    expect(response.body).not.toContain(newOfficer.password);
    const created = response.json<OfficerSummary>();
    expect(created).toMatchObject({
      username: newOfficer.username,
      role: 'penghubung',
      active: true,
    });
    const signIn = await login(newOfficer.username, newOfficer.password);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json<SessionResponse>().officer.unitId).toBe(puprUnitId);
    const audit = await auditOf(created.id);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'officer_created', officer_id: admin.officer.id }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(newOfficer.password);
  });

  it('refuses invalid input, a taken username, a unit of another instansi, and a penghubung without unit', async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ ...newOfficer, username: 'x', unitId: puprUnitId }, 400],
      [{ ...newOfficer, username: 'pendek', password: 'pendek', unitId: puprUnitId }, 400],
      [{ ...newOfficer, username: 'tanpa.unit', unitId: '' }, 400],
      [{ ...newOfficer, username: 'koord.unit', role: 'koordinator', unitId: puprUnitId }, 400],
      [{ ...newOfficer, username: 'unit.asing', unitId: 'unit-tidak-ada' }, 400],
      [{ ...newOfficer, username: OTHER.username.toUpperCase(), unitId: puprUnitId }, 409],
      [{ ...newOfficer, username: 'peran.aneh', role: 'superadmin', unitId: '' }, 400],
    ];
    for (const [payload, status] of cases) {
      const response = await call(admin, 'POST', '/api/admin/officers', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
    }
  });

  it('resets a password: the old one stops working and open sessions end', async () => {
    const officer = await login(newOfficer.username, newOfficer.password);
    const session = officer.json<SessionResponse>();
    const response = await call(
      admin,
      'POST',
      `/api/admin/officers/${session.officer.id}/reset-password`,
      {
        password: NEW_PASSWORD,
      },
    );
    expect(response.statusCode).toBe(200);
    expect((await login(newOfficer.username, newOfficer.password)).statusCode).toBe(401);
    expect((await login(newOfficer.username, NEW_PASSWORD)).statusCode).toBe(200);
    const pull = await server.app.inject({
      method: 'GET',
      url: '/api/replication/units/pull?seq=0&limit=1',
      headers: bearer(session),
    });
    expect(pull.statusCode).toBe(401);
    expect((await auditOf(session.officer.id)).map((row) => row.action)).toContain(
      'officer_password_reset',
    );
  });

  it('changes role and unit, and disables: the officer can no longer sign in and its sessions end', async () => {
    const session = (await login(newOfficer.username, NEW_PASSWORD)).json<SessionResponse>();
    const id = session.officer.id;
    const assignment = await call(admin, 'POST', `/api/admin/officers/${id}/assignment`, {
      role: 'koordinator',
      unitId: '',
    });
    expect(assignment.statusCode).toBe(200);
    expect(assignment.json<OfficerSummary>()).toMatchObject({ role: 'koordinator', unitId: '' });
    const again = (await login(newOfficer.username, NEW_PASSWORD)).json<SessionResponse>();
    expect(again.officer.role).toBe('koordinator');

    const disabled = await call(admin, 'POST', `/api/admin/officers/${id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json<OfficerSummary>().active).toBe(false);
    expect((await login(newOfficer.username, NEW_PASSWORD)).statusCode).toBe(401);
    const pull = await server.app.inject({
      method: 'GET',
      url: '/api/replication/units/pull?seq=0&limit=1',
      headers: bearer(again),
    });
    expect(pull.statusCode).toBe(401);
    const [stored] = await server.db.query<{ revoked: number }>(
      'SELECT count(*)::integer AS revoked FROM sessions WHERE officer_id = $1 AND revoked_at IS NULL',
      [id],
    );
    expect(stored?.revoked).toBe(0);
    expect((await auditOf(id)).map((row) => row.action)).toEqual([
      'officer_created',
      'officer_password_reset',
      'officer_assignment_changed',
      'officer_disabled',
    ]);

    expect((await call(admin, 'POST', `/api/admin/officers/${id}/enable`)).statusCode).toBe(200);
    expect((await login(newOfficer.username, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it("answers 404 for another instansi's officer and refuses changes to the admin's own account", async () => {
    for (const path of ['disable', 'enable', 'reset-password', 'assignment']) {
      const response = await call(admin, 'POST', `/api/admin/officers/${OTHER.officer}/${path}`, {
        password: NEW_PASSWORD,
        role: 'koordinator',
        unitId: '',
      });
      expect(response.statusCode, path).toBe(404);
    }
    expect((await login(OTHER.username, DEMO_PASSWORD)).statusCode).toBe(200);
    const own = await call(admin, 'POST', `/api/admin/officers/${admin.officer.id}/disable`);
    expect(own.statusCode).toBe(409);
    const ownRole = await call(
      admin,
      'POST',
      `/api/admin/officers/${admin.officer.id}/assignment`,
      {
        role: 'koordinator',
        unitId: '',
      },
    );
    expect(ownRole.statusCode).toBe(409);
  });
});
