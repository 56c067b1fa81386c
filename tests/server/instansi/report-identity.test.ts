import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { ReportIdentity } from '../../../shared/schemas/report-identity.ts';
import { hashPassword } from '../../../server/auth/password-hash.ts';
import { MIGRATIONS, runMigrations } from '../../../server/db/migrations.ts';
import { insertDefaultReportIdentity } from '../../../server/instansi/report-identity-store.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import { setUpInstansi } from '../../../server/setup/set-up-instansi.ts';
import {
  bearer,
  openTestDatabase,
  SEED_NOW,
  startTestServer,
  type TestServer,
} from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

const OTHER = {
  instansi: 'pemkot-lain',
  officer: 'officer-admin-lain',
  username: 'admin.lain',
  name: 'Pemerintah Kota Lain',
};

let server: TestServer;
let admin: SessionResponse;
let penghubung: SessionResponse;
let koordinator: SessionResponse;
let otherAdmin: SessionResponse;

beforeAll(async () => {
  server = await startTestServer({ complaints: 5 });
  await server.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO instansi (id, name, short_name, utc_offset_minutes) VALUES ($1, $2, 'Kota Lain', 420)`,
      [OTHER.instansi, OTHER.name],
    );
    await insertDefaultReportIdentity(
      tx,
      { id: OTHER.instansi, name: OTHER.name, address: 'Jl. Rahasia 1' },
      new Date(SEED_NOW),
    );
    await tx.query(
      `INSERT INTO officers (id, instansi_id, username, display_name, role, unit_id, password_hash)
       VALUES ($1, $2, $3, 'Admin Kota Lain', 'admin_instansi', NULL, $4)`,
      [OTHER.officer, OTHER.instansi, OTHER.username, await hashPassword(DEMO_PASSWORD)],
    );
  });
  [admin, penghubung, koordinator, otherAdmin] = await Promise.all([
    server.login('admin.kaltim'),
    server.login('pupr.kaltim'),
    server.login('koordinator.kaltim'),
    server.login(OTHER.username),
  ]);
});
afterAll(() => server.close());

async function identityOf(session: SessionResponse) {
  return (await pullAll<ReportIdentity>(server.app, session, 'report_identity')).documents;
}

async function kaltimIdentity(): Promise<WireDocument<ReportIdentity>> {
  const [document] = await identityOf(admin);
  if (!document) throw new Error('the demo instansi has no letterhead');
  return document;
}

async function push(
  session: SessionResponse,
  rows: { assumedMasterState?: unknown; newDocumentState: unknown }[],
) {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/replication/report_identity/push',
    payload: rows,
    headers: bearer(session),
  });
  expect(response.statusCode).toBe(200);
  return response.json<WireDocument<ReportIdentity>[]>();
}

async function stored(instansiId: string) {
  const rows = await server.db.query<{ signer_name: string; address: string; updated_by: string }>(
    'SELECT signer_name, address, updated_by FROM instansi_report_identity WHERE instansi_id = $1',
    [instansiId],
  );
  return rows[0];
}

async function lastRefusal(officerId: string) {
  const rows = await server.db.query<{ reason_code: string; document_id: string }>(
    `SELECT reason_code, document_id FROM sync_rejections
      WHERE officer_id = $1 AND collection = 'report_identity' ORDER BY created_at DESC, seq DESC
      LIMIT 1`,
    [officerId],
  );
  return rows[0];
}

describe('report identity pull', () => {
  it("gives every officer of the instansi its letterhead (the instansi's name by default), none of another instansi", async () => {
    for (const session of [admin, penghubung, koordinator]) {
      const documents = await identityOf(session);
      expect(documents).toEqual([
        expect.objectContaining({
          id: 'pemprov-kaltim',
          instansiId: 'pemprov-kaltim',
          letterheadName: 'PEMERINTAH PROVINSI KALIMANTAN TIMUR',
          updatedBy: '',
          _deleted: false,
        }),
      ]);
    }
    expect((await identityOf(otherAdmin)).map((doc) => doc.id)).toEqual([OTHER.instansi]);
  });
});

describe('report identity push', () => {
  it('accepts the admin’s letterhead, stamps author and change number, audits it, and the koordinator pulls it', async () => {
    const master = await kaltimIdentity();
    const edited = {
      ...master,
      address: 'Jl. Gajah Mada No. 2, Samarinda 75121 (Gedung B)',
      contact: 'Telp. (0541) 733333 · diskominfo@kaltimprov.go.id',
      signerTitle: 'Kepala Dinas Komunikasi dan Informatika',
      signerName: 'Dr. Siti Rahmawati, M.Si.',
      signerNip: '19750312 200003 2 004',
      signingCity: 'Samarinda',
      updatedBy: 'forged',
      serverSeq: 999_999,
    };
    expect(await push(admin, [{ assumedMasterState: master, newDocumentState: edited }])).toEqual(
      [],
    );
    const [seen] = await identityOf(koordinator);
    expect(seen).toMatchObject({
      signerName: 'Dr. Siti Rahmawati, M.Si.',
      signingCity: 'Samarinda',
      updatedBy: admin.officer.id,
    });
    expect(seen?.serverSeq).toBeGreaterThan(master.serverSeq);
    expect(seen?.serverSeq).not.toBe(999_999);
    const audit = await server.db.query<{ officer_id: string; details: Record<string, unknown> }>(
      `SELECT officer_id, details FROM audit_log
        WHERE action = 'write_accepted' AND collection = 'report_identity' AND document_id = $1`,
      ['pemprov-kaltim'],
    );
    expect(audit).toEqual([
      {
        officer_id: admin.officer.id,
        details: expect.objectContaining({
          fields: ['address', 'contact', 'signerTitle', 'signerName', 'signerNip', 'signingCity'],
          previous: expect.objectContaining({ signerName: '', address: master.address }),
        }),
      },
    ]);
    // RxDB re-sends a push whose answer was lost: nothing changes, nothing more is audited.
    expect(await push(admin, [{ assumedMasterState: master, newDocumentState: edited }])).toEqual(
      [],
    );
    const again = await server.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'write_accepted' AND collection = 'report_identity'`,
    );
    expect(again).toHaveLength(1);
  });

  it('refuses a koordinator and a penghubung, records the refusal and returns the master state', async () => {
    const master = await kaltimIdentity();
    for (const session of [koordinator, penghubung]) {
      const conflicts = await push(session, [
        { assumedMasterState: master, newDocumentState: { ...master, signerName: 'Bukan admin' } },
      ]);
      expect(conflicts).toEqual([
        expect.objectContaining({ id: 'pemprov-kaltim', signerName: master.signerName }),
      ]);
      expect(await lastRefusal(session.officer.id)).toEqual({
        reason_code: 'permission',
        document_id: 'pemprov-kaltim',
      });
    }
    expect((await stored('pemprov-kaltim'))?.signer_name).toBe(master.signerName);
  });

  it("refuses another instansi's admin, whether it names our letterhead or forges our instansi id", async () => {
    const ours = await kaltimIdentity();
    // Names our document: treated as absent (its existence is not disclosed).
    const overwrite = await push(otherAdmin, [
      { newDocumentState: { ...ours, signerName: 'Diambil alih' } },
    ]);
    expect(overwrite).toEqual([expect.objectContaining({ id: 'pemprov-kaltim', _deleted: true })]);
    expect(overwrite[0]?.address).not.toBe(undefined);
    expect(await lastRefusal(OTHER.officer)).toEqual({
      reason_code: 'not_found',
      document_id: 'pemprov-kaltim',
    });
    // Its own document carrying our instansi id.
    const [theirs] = await identityOf(otherAdmin);
    if (!theirs) throw new Error('the other instansi has no letterhead');
    await push(otherAdmin, [
      {
        assumedMasterState: theirs,
        newDocumentState: { ...theirs, instansiId: 'pemprov-kaltim', signerName: 'Sisipan' },
      },
    ]);
    expect(await lastRefusal(OTHER.officer)).toEqual({
      reason_code: 'permission',
      document_id: OTHER.instansi,
    });
    expect((await stored('pemprov-kaltim'))?.signer_name).toBe(ours.signerName);
    expect((await stored(OTHER.instansi))?.signer_name).toBe('');
    // Our admin cannot write theirs either.
    await push(admin, [{ newDocumentState: { ...theirs, signerName: 'Dari Kaltim' } }]);
    expect(await lastRefusal(admin.officer.id)).toEqual({
      reason_code: 'not_found',
      document_id: OTHER.instansi,
    });
    expect((await stored(OTHER.instansi))?.signer_name).toBe('');
  });

  it('refuses oversized or odd fields with a validation refusal and keeps the stored letterhead', async () => {
    const master = await kaltimIdentity();
    for (const change of [
      { address: 'A'.repeat(301) },
      { logoDataUrl: `data:image/png;base64,${'A'.repeat(300_000)}` },
      { logoDataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' },
      { signerNip: 'bukan-nip' },
      { letterheadName: 42 },
    ]) {
      const conflicts = await push(admin, [
        { assumedMasterState: master, newDocumentState: { ...master, ...change } },
      ]);
      expect(conflicts).toEqual([expect.objectContaining({ address: master.address })]);
      expect(await lastRefusal(admin.officer.id)).toMatchObject({ reason_code: 'validation' });
    }
    expect((await stored('pemprov-kaltim'))?.address).toBe(master.address);
  });

  it('refuses to remove the letterhead', async () => {
    const master = await kaltimIdentity();
    const conflicts = await push(admin, [
      { assumedMasterState: master, newDocumentState: { ...master, _deleted: true } },
    ]);
    expect(conflicts).toEqual([expect.objectContaining({ id: 'pemprov-kaltim', _deleted: false })]);
    expect(await stored('pemprov-kaltim')).toBeDefined();
  });

  it('merges two admins’ offline edits per field: untouched fields keep the other admin’s change', async () => {
    const base = await kaltimIdentity();
    const deviceA = { ...base, contact: 'Telp. (0541) 111111' };
    const deviceB = { ...base, signerName: 'Ir. Andi Pratama' };
    expect(await push(admin, [{ assumedMasterState: base, newDocumentState: deviceA }])).toEqual(
      [],
    );
    expect(await push(admin, [{ assumedMasterState: base, newDocumentState: deviceB }])).toEqual(
      [],
    );
    const [merged] = await identityOf(koordinator);
    expect(merged).toMatchObject({
      contact: 'Telp. (0541) 111111',
      signerName: 'Ir. Andi Pratama',
    });
  });
});

describe('report identity of a new or existing instansi', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('migration 27 gives every existing instansi a letterhead from its name and address', async () => {
    const database = await openTestDatabase();
    cleanups.push(() => database.drop());
    await runMigrations(
      database.db,
      MIGRATIONS.filter((migration) => migration.id < 27),
    );
    await database.db.query(
      `INSERT INTO instansi (id, name, short_name, utc_offset_minutes, address)
       VALUES ('pemkab-kutai', 'Pemerintah Kabupaten Kutai Kartanegara', 'KUKAR', 480,
               'Jl. Wolter Monginsidi No. 1, Tenggarong')`,
    );
    const before = await database.db.query<{ value: string }>('SELECT value FROM change_counter');
    await runMigrations(database.db);
    const rows = await database.db.query<{ letterhead_name: string; address: string; seq: string }>(
      'SELECT letterhead_name, address, seq FROM instansi_report_identity',
    );
    expect(rows).toEqual([
      {
        letterhead_name: 'PEMERINTAH KABUPATEN KUTAI KARTANEGARA',
        address: 'Jl. Wolter Monginsidi No. 1, Tenggarong',
        seq: expect.anything(),
      },
    ]);
    const after = await database.db.query<{ value: string }>('SELECT value FROM change_counter');
    expect(Number(rows[0]?.seq)).toBe(Number(before[0]?.value) + 1);
    expect(Number(after[0]?.value)).toBe(Number(before[0]?.value) + 1);
  });

  it('the set-up takes the letterhead’s name from the instansi’s name', async () => {
    const database = await openTestDatabase();
    cleanups.push(() => database.drop());
    await runMigrations(database.db);
    const decision = await setUpInstansi(
      database.db,
      {
        code: 'pemkot-bontang',
        name: 'Pemerintah Kota Bontang',
        shortName: 'BONTANG',
        timeZone: 'WITA',
        regionCode: '64.74',
        adminUsername: 'admin.bontang',
        adminDisplayName: 'Admin Bontang',
        password: 'Bontang-Taman-2026',
      },
      SEED_NOW,
    );
    expect(decision.ok).toBe(true);
    const rows = await database.db.query<{ letterhead_name: string }>(
      "SELECT letterhead_name FROM instansi_report_identity WHERE instansi_id = 'pemkot-bontang'",
    );
    expect(rows).toEqual([{ letterhead_name: 'PEMERINTAH KOTA BONTANG' }]);
  });
});
