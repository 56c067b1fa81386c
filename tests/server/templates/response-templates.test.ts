import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { ResponseTemplate } from '../../../shared/schemas/response-template.ts';
import { hashPassword } from '../../../server/auth/password-hash.ts';
import { nextChangeSeq } from '../../../server/changes/change-counter.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

const OTHER = {
  instansi: 'pemkot-lain',
  officer: 'officer-admin-lain',
  username: 'admin.lain',
  template: 'tpl-lain-rahasia',
  title: 'Templat rahasia kota lain',
};

let server: TestServer;
let admin: SessionResponse;
let penghubung: SessionResponse;
let koordinator: SessionResponse;
let otherAdmin: SessionResponse;

beforeAll(async () => {
  server = await startTestServer({ complaints: 10 });
  await server.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO instansi (id, name, short_name, utc_offset_minutes) VALUES ($1, 'Pemerintah Kota Lain', 'Kota Lain', 420)`,
      [OTHER.instansi],
    );
    await tx.query(
      `INSERT INTO officers (id, instansi_id, username, display_name, role, unit_id, password_hash)
       VALUES ($1, $2, $3, 'Admin Kota Lain', 'admin_instansi', NULL, $4)`,
      [OTHER.officer, OTHER.instansi, OTHER.username, await hashPassword(DEMO_PASSWORD)],
    );
    await tx.query(
      `INSERT INTO response_templates (id, instansi_id, title, body, kind, active, updated_at,
         updated_by, seq)
       VALUES ($1, $2, $3, 'Isi templat milik kota lain.', 'tindak_lanjut', true, now(), $4, $5)`,
      [OTHER.template, OTHER.instansi, OTHER.title, OTHER.officer, await nextChangeSeq(tx)],
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

async function templatesOf(session: SessionResponse) {
  return (await pullAll<ResponseTemplate>(server.app, session, 'templates', 2)).documents;
}

async function push(
  session: SessionResponse,
  rows: {
    assumedMasterState?: WireDocument<ResponseTemplate>;
    newDocumentState: WireDocument<ResponseTemplate>;
  }[],
) {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/replication/templates/push',
    payload: rows,
    headers: bearer(session),
  });
  expect(response.statusCode).toBe(200);
  return response.json<WireDocument<ResponseTemplate>[]>();
}

async function rejections(documentId: string) {
  return server.db.query<{ reason_code: string; officer_id: string; collection: string }>(
    'SELECT reason_code, officer_id, collection FROM sync_rejections WHERE document_id = $1 ORDER BY created_at',
    [documentId],
  );
}

async function storedRow(id: string) {
  const rows = await server.db.query<{ title: string; active: boolean; updated_by: string }>(
    'SELECT title, active, updated_by FROM response_templates WHERE id = $1',
    [id],
  );
  return rows[0];
}

function newTemplate(id: string, change: Partial<ResponseTemplate> = {}) {
  return {
    id,
    instansiId: 'pemprov-kaltim',
    title: 'Pemberitahuan jadwal perbaikan',
    body: 'Yth. {nama_pelapor}, perbaikan atas laporan {nomor_tiket} dijadwalkan minggu depan.',
    kind: 'tindak_lanjut' as const,
    active: true,
    updatedAt: 0,
    updatedBy: '',
    serverSeq: 0,
    _deleted: false,
    ...change,
  };
}

describe('templates pull', () => {
  it('gives every officer of the instansi the seeded templates, and nothing of another instansi', async () => {
    for (const session of [admin, penghubung, koordinator]) {
      const documents = await templatesOf(session);
      expect(documents.map((doc) => doc.title)).toEqual(
        expect.arrayContaining(['Tanggapan awal', 'Permintaan data tambahan', 'Penyelesaian']),
      );
      expect(documents.every((doc) => doc.instansiId === 'pemprov-kaltim')).toBe(true);
      expect(documents.some((doc) => doc.id === OTHER.template)).toBe(false);
    }
    const theirs = await templatesOf(otherAdmin);
    expect(theirs.map((doc) => doc.id)).toEqual([OTHER.template]);
  });

  it('seeds templates that use placeholders', async () => {
    const seeded = await templatesOf(admin);
    const first = seeded.find((doc) => doc.title === 'Tanggapan awal');
    expect(first?.body).toContain('{nomor_tiket}');
    expect(first?.body).toContain('{nama_pelapor}');
  });
});

describe('templates push', () => {
  it('refuses a new template from a penghubung, records the refusal and withdraws it from the device', async () => {
    const proposed = newTemplate('tpl-by-penghubung');
    const conflicts = await push(penghubung, [{ newDocumentState: proposed }]);
    expect(conflicts).toEqual([expect.objectContaining({ id: proposed.id, _deleted: true })]);
    expect(await storedRow(proposed.id)).toBeUndefined();
    expect(await rejections(proposed.id)).toEqual([
      { reason_code: 'permission', officer_id: penghubung.officer.id, collection: 'templates' },
    ]);
    const pulledRejections = await pullAll<{ documentId: string }>(
      server.app,
      penghubung,
      'sync_rejections',
    );
    expect(pulledRejections.documents.map((doc) => doc.documentId)).toContain(proposed.id);
  });

  it('refuses an edit from a koordinator and returns the master state', async () => {
    const master = (await templatesOf(koordinator)).find((doc) => doc.title === 'Penyelesaian');
    if (!master) throw new Error('seeded template missing');
    const conflicts = await push(koordinator, [
      { assumedMasterState: master, newDocumentState: { ...master, title: 'Diubah koordinator' } },
    ]);
    expect(conflicts).toEqual([expect.objectContaining({ id: master.id, title: 'Penyelesaian' })]);
    expect((await storedRow(master.id))?.title).toBe('Penyelesaian');
    expect(await rejections(master.id)).toEqual([
      { reason_code: 'permission', officer_id: koordinator.officer.id, collection: 'templates' },
    ]);
  });

  it('accepts a new template from the admin, stamps author and change number, audits it, and everyone pulls it', async () => {
    const proposed = newTemplate('tpl-jadwal', { updatedBy: 'someone-else', serverSeq: 999_999 });
    expect(await push(admin, [{ newDocumentState: proposed }])).toEqual([]);
    const pulled = (await templatesOf(penghubung)).find((doc) => doc.id === proposed.id);
    expect(pulled).toMatchObject({
      title: proposed.title,
      body: proposed.body,
      updatedBy: admin.officer.id,
      active: true,
    });
    expect(pulled?.serverSeq).toBeGreaterThan(0);
    expect(pulled?.serverSeq).not.toBe(999_999);
    const audit = await server.db.query<{ action: string; officer_id: string }>(
      `SELECT action, officer_id FROM audit_log WHERE collection = 'templates' AND document_id = $1`,
      [proposed.id],
    );
    expect(audit).toEqual([{ action: 'write_accepted', officer_id: admin.officer.id }]);
    // The same push again (RxDB re-sends after a lost answer) changes nothing.
    expect(await push(admin, [{ newDocumentState: proposed }])).toEqual([]);
    expect((await templatesOf(admin)).filter((doc) => doc.id === proposed.id)).toHaveLength(1);
  });

  it('accepts an edit and a deactivation from the admin; the inactive template is still pulled', async () => {
    const master = (await templatesOf(admin)).find(
      (doc) => doc.title === 'Permintaan data tambahan',
    );
    if (!master) throw new Error('seeded template missing');
    const edited = { ...master, title: 'Permintaan data tambahan (revisi)' };
    expect(await push(admin, [{ assumedMasterState: master, newDocumentState: edited }])).toEqual(
      [],
    );
    const afterEdit = (await templatesOf(admin)).find((doc) => doc.id === master.id);
    if (!afterEdit) throw new Error('edited template missing');
    expect(afterEdit.title).toBe(edited.title);
    expect(
      await push(admin, [
        { assumedMasterState: afterEdit, newDocumentState: { ...afterEdit, active: false } },
      ]),
    ).toEqual([]);
    const seenByPenghubung = (await templatesOf(penghubung)).find((doc) => doc.id === master.id);
    expect(seenByPenghubung).toMatchObject({ active: false, title: edited.title });
  });

  it('returns the master state when an admin edit was based on a stale revision', async () => {
    const master = (await templatesOf(admin)).find((doc) => doc.title === 'Tanggapan awal');
    if (!master) throw new Error('seeded template missing');
    const first = { ...master, title: 'Tanggapan awal (versi 2)' };
    expect(await push(admin, [{ assumedMasterState: master, newDocumentState: first }])).toEqual(
      [],
    );
    const conflicts = await push(admin, [
      {
        assumedMasterState: master,
        newDocumentState: { ...master, title: 'Tanggapan awal (basi)' },
      },
    ]);
    expect(conflicts).toEqual([expect.objectContaining({ title: 'Tanggapan awal (versi 2)' })]);
    expect((await storedRow(master.id))?.title).toBe('Tanggapan awal (versi 2)');
  });

  it('refuses to delete a template, even from the admin, and keeps it', async () => {
    const master = (await templatesOf(admin)).find((doc) => doc.title === 'Penyelesaian');
    if (!master) throw new Error('seeded template missing');
    const conflicts = await push(admin, [
      { assumedMasterState: master, newDocumentState: { ...master, _deleted: true } },
    ]);
    expect(conflicts).toEqual([expect.objectContaining({ id: master.id, _deleted: false })]);
    expect(await storedRow(master.id)).toMatchObject({ title: 'Penyelesaian', active: true });
    expect((await rejections(master.id)).at(-1)).toEqual({
      reason_code: 'permission',
      officer_id: admin.officer.id,
      collection: 'templates',
    });
  });

  it('refuses an invalid template with a validation refusal', async () => {
    const proposed = newTemplate('tpl-pendek', { title: 'ok', body: 'pendek' });
    const conflicts = await push(admin, [{ newDocumentState: proposed }]);
    expect(conflicts).toEqual([expect.objectContaining({ id: proposed.id, _deleted: true })]);
    expect(await storedRow(proposed.id)).toBeUndefined();
    expect(await rejections(proposed.id)).toEqual([
      { reason_code: 'validation', officer_id: admin.officer.id, collection: 'templates' },
    ]);
  });

  it('never lets an admin write another instansi’s template or a template for another instansi', async () => {
    const overwrite = newTemplate(OTHER.template, { title: 'Diambil alih' });
    await push(admin, [{ newDocumentState: overwrite }]);
    expect((await storedRow(OTHER.template))?.title).toBe(OTHER.title);
    expect((await rejections(OTHER.template)).at(-1)?.reason_code).toBe('not_found');

    const foreign = newTemplate('tpl-untuk-kaltim', { title: 'Sisipan dari kota lain' });
    await push(otherAdmin, [{ newDocumentState: foreign }]);
    expect(await storedRow(foreign.id)).toBeUndefined();
    expect((await rejections(foreign.id)).at(-1)?.reason_code).toBe('permission');
  });
});
