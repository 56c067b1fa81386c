import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { Category } from '../../../shared/schemas/category.ts';
import type { Holiday } from '../../../shared/schemas/holiday.ts';
import type { SlaRuleSetDocument } from '../../../shared/schemas/sla-rule-set.ts';
import type { Unit } from '../../../shared/schemas/unit.ts';
import { hashPassword } from '../../../server/auth/password-hash.ts';
import { nextChangeSeq } from '../../../server/changes/change-counter.ts';
import { loadWorkingCalendar } from '../../../server/calendar/working-calendar-repository.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

const INSTANSI = 'pemprov-kaltim';
const OTHER = { instansi: 'pemkot-lain', unit: 'unit-kota-lain', admin: 'admin.lain' };
const DAY = 24 * 3_600_000;

let server: TestServer;
let admin: SessionResponse;
let penghubung: SessionResponse;
let koordinator: SessionResponse;

beforeAll(async () => {
  server = await startTestServer({ complaints: 5 });
  await server.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO instansi (id, name, short_name, utc_offset_minutes) VALUES ($1, 'Kota Lain', 'Lain', 420)`,
      [OTHER.instansi],
    );
    await tx.query(
      `INSERT INTO units (id, instansi_id, code, name, short_name, active, updated_at, seq)
       VALUES ($1, $2, 'RAHASIA', 'Dinas Kota Lain', 'DKL', true, now(), $3)`,
      [OTHER.unit, OTHER.instansi, await nextChangeSeq(tx)],
    );
    await tx.query(
      `INSERT INTO officers (id, instansi_id, username, display_name, role, unit_id, password_hash)
       VALUES ('officer-admin-lain', $1, $2, 'Admin Kota Lain', 'admin_instansi', NULL, $3)`,
      [OTHER.instansi, OTHER.admin, await hashPassword(DEMO_PASSWORD)],
    );
  });
  [admin, penghubung, koordinator] = await Promise.all([
    server.login('admin.kaltim'),
    server.login('pupr.kaltim'),
    server.login('koordinator.kaltim'),
  ]);
});
afterAll(() => server.close());

type Collection = 'units' | 'categories' | 'holidays' | 'sla_rules';

async function pulled<T>(session: SessionResponse, collection: Collection) {
  return (await pullAll<T & { _deleted: boolean }>(server.app, session, collection, 50)).documents;
}

async function push<T>(
  session: SessionResponse,
  collection: Collection,
  rows: { assumedMasterState?: WireDocument<T>; newDocumentState: WireDocument<T> }[],
) {
  const response = await server.app.inject({
    method: 'POST',
    url: `/api/replication/${collection}/push`,
    payload: rows,
    headers: bearer(session),
  });
  expect(response.statusCode).toBe(200);
  return response.json<WireDocument<T>[]>();
}

async function rejections(documentId: string) {
  return server.db.query<{ reason_code: string; officer_id: string; collection: string }>(
    'SELECT reason_code, officer_id, collection FROM sync_rejections WHERE document_id = $1 ORDER BY created_at',
    [documentId],
  );
}

async function accepted(documentId: string) {
  return server.db.query<{ officer_id: string; details: unknown }>(
    `SELECT officer_id, details FROM audit_log WHERE action = 'write_accepted' AND document_id = $1 ORDER BY id`,
    [documentId],
  );
}

const unit = (id: string, change: Partial<Unit> = {}): WireDocument<Unit> => ({
  id,
  instansiId: INSTANSI,
  code: 'BPBD',
  name: 'Badan Penanggulangan Bencana Daerah',
  shortName: 'BPBD',
  active: true,
  updatedAt: 0,
  serverSeq: 0,
  _deleted: false,
  ...change,
});

const holiday = (date: string, change: Partial<Holiday> = {}): WireDocument<Holiday> => ({
  id: `${INSTANSI}:${date}`,
  instansiId: INSTANSI,
  date,
  name: 'Cuti bersama Natal',
  kind: 'cuti_bersama',
  updatedAt: 0,
  serverSeq: 0,
  _deleted: false,
  ...change,
});

const ruleSet = (
  id: string,
  change: Partial<SlaRuleSetDocument> = {},
): WireDocument<SlaRuleSetDocument> => ({
  id,
  instansiId: INSTANSI,
  version: 'Permen 2027',
  counting: 'working',
  verifyDays: 3,
  firstFollowUpDays: 5,
  resolutionDays: 14,
  resolutionSupervisedDays: 60,
  resolutionAspirationDays: 30,
  autoCloseDays: 10,
  activeFrom: Date.now() + 30 * DAY,
  updatedAt: 0,
  serverSeq: 0,
  _deleted: false,
  ...change,
});

describe('units', () => {
  it('refuses a new unit from a penghubung and a koordinator, each recorded as a refusal', async () => {
    for (const [session, id] of [
      [penghubung, 'unit-by-penghubung'],
      [koordinator, 'unit-by-koordinator'],
    ] as const) {
      const conflicts = await push(session, 'units', [
        { newDocumentState: unit(id, { code: id }) },
      ]);
      expect(conflicts).toEqual([expect.objectContaining({ id, _deleted: true })]);
      expect(await rejections(id)).toEqual([
        { reason_code: 'permission', officer_id: session.officer.id, collection: 'units' },
      ]);
      expect((await pulled<Unit>(admin, 'units')).some((doc) => doc.id === id)).toBe(false);
    }
  });

  it('accepts a new unit from the admin, audits it, and the penghubung pulls it', async () => {
    expect(await push(admin, 'units', [{ newDocumentState: unit('unit-bpbd') }])).toEqual([]);
    const seen = (await pulled<Unit>(penghubung, 'units')).find((doc) => doc.id === 'unit-bpbd');
    expect(seen).toMatchObject({ code: 'BPBD', active: true, _deleted: false });
    expect(seen?.serverSeq).toBeGreaterThan(0);
    expect(await accepted('unit-bpbd')).toEqual([
      { officer_id: admin.officer.id, details: expect.objectContaining({ created: true }) },
    ]);
  });

  it('accepts an edit and a deactivation, but never a deletion', async () => {
    const master = (await pulled<Unit>(admin, 'units')).find((doc) => doc.id === 'unit-bpbd');
    if (!master) throw new Error('unit missing');
    const edited = { ...master, name: 'BPBD Provinsi', active: false };
    expect(
      await push(admin, 'units', [{ assumedMasterState: master, newDocumentState: edited }]),
    ).toEqual([]);
    const after = (await pulled<Unit>(koordinator, 'units')).find((doc) => doc.id === master.id);
    expect(after).toMatchObject({ name: 'BPBD Provinsi', active: false });
    if (!after) throw new Error('unit missing');
    const conflicts = await push(admin, 'units', [
      { assumedMasterState: after, newDocumentState: { ...after, _deleted: true } },
    ]);
    expect(conflicts).toEqual([expect.objectContaining({ id: master.id, _deleted: false })]);
    expect((await rejections(master.id)).map((row) => row.reason_code)).toEqual(['permission']);
  });

  it('refuses a code already used by another unit of the instansi', async () => {
    const conflicts = await push(admin, 'units', [
      { newDocumentState: unit('unit-dup', { code: 'PUPR' }) },
    ]);
    expect(conflicts).toEqual([expect.objectContaining({ id: 'unit-dup', _deleted: true })]);
    expect((await rejections('unit-dup')).map((row) => row.reason_code)).toEqual(['validation']);
  });

  it("refuses a write to another instansi's unit without disclosing it", async () => {
    const conflicts = await push(admin, 'units', [
      { newDocumentState: unit(OTHER.unit, { code: 'RAHASIA2', name: 'Diambil alih' }) },
    ]);
    expect(conflicts).toEqual([
      expect.objectContaining({ id: OTHER.unit, _deleted: true, name: 'Diambil alih' }),
    ]);
    expect((await rejections(OTHER.unit)).map((row) => row.reason_code)).toEqual(['not_found']);
    const [stored] = await server.db.query<{ name: string }>(
      'SELECT name FROM units WHERE id = $1',
      [OTHER.unit],
    );
    expect(stored?.name).toBe('Dinas Kota Lain');
    // Nor may a unit be created for another instansi.
    await push(admin, 'units', [
      { newDocumentState: unit('unit-for-other', { instansiId: OTHER.instansi, code: 'X' }) },
    ]);
    expect((await rejections('unit-for-other')).map((row) => row.reason_code)).toEqual([
      'permission',
    ]);
  });

  it('refuses invalid input', async () => {
    await push(admin, 'units', [
      { newDocumentState: unit('unit-blank', { code: '   ', name: 'Tanpa kode' }) },
    ]);
    expect((await rejections('unit-blank')).map((row) => row.reason_code)).toEqual(['validation']);
  });
});

describe('categories', () => {
  it('accepts the admin, refuses the penghubung, refuses a duplicate code', async () => {
    const category: WireDocument<Category> = {
      id: 'cat-bencana',
      instansiId: INSTANSI,
      code: 'bencana',
      name: 'Kebencanaan',
      active: true,
      updatedAt: 0,
      serverSeq: 0,
      _deleted: false,
    };
    expect(await push(admin, 'categories', [{ newDocumentState: category }])).toEqual([]);
    expect(
      (await pulled<Category>(penghubung, 'categories')).find((doc) => doc.id === category.id),
    ).toMatchObject({ name: 'Kebencanaan' });
    await push(penghubung, 'categories', [
      { newDocumentState: { ...category, id: 'cat-p', code: 'p' } },
    ]);
    expect((await rejections('cat-p')).map((row) => row.reason_code)).toEqual(['permission']);
    await push(admin, 'categories', [
      { newDocumentState: { ...category, id: 'cat-dup', code: 'kesehatan' } },
    ]);
    expect((await rejections('cat-dup')).map((row) => row.reason_code)).toEqual(['validation']);
  });
});

describe('holidays', () => {
  it('accepts a cuti bersama from the admin; deadlines on the server count it; the penghubung pulls it', async () => {
    expect(await push(admin, 'holidays', [{ newDocumentState: holiday('2027-12-24') }])).toEqual(
      [],
    );
    const seen = (await pulled<Holiday>(penghubung, 'holidays')).find(
      (doc) => doc.date === '2027-12-24',
    );
    expect(seen).toMatchObject({ kind: 'cuti_bersama', _deleted: false });
    expect((await loadWorkingCalendar(server.db, INSTANSI)).holidays.has('2027-12-24')).toBe(true);
  });

  it('marks the seeded cuti bersama days as such', async () => {
    const seeded = await pulled<Holiday>(admin, 'holidays');
    expect(seeded.find((doc) => doc.date === '2025-04-02')?.kind).toBe('cuti_bersama');
    expect(seeded.find((doc) => doc.date === '2025-08-17')?.kind).toBe('libur_nasional');
  });

  it('removes a holiday by a tombstone that reaches the devices, and lets it be entered again', async () => {
    const master = (await pulled<Holiday>(admin, 'holidays')).find(
      (doc) => doc.date === '2027-12-24',
    );
    if (!master) throw new Error('holiday missing');
    expect(
      await push(admin, 'holidays', [
        { assumedMasterState: master, newDocumentState: { ...master, _deleted: true } },
      ]),
    ).toEqual([]);
    const tombstone = (await pulled<Holiday>(penghubung, 'holidays')).find(
      (doc) => doc.id === master.id,
    );
    expect(tombstone?._deleted).toBe(true);
    expect((await loadWorkingCalendar(server.db, INSTANSI)).holidays.has('2027-12-24')).toBe(false);
    expect((await accepted(master.id)).map((row) => row.details)).toEqual([
      expect.objectContaining({ created: true }),
      expect.objectContaining({ removed: true }),
    ]);
    if (!tombstone) throw new Error('tombstone missing');
    expect(
      await push(admin, 'holidays', [
        {
          assumedMasterState: tombstone,
          newDocumentState: {
            ...tombstone,
            name: 'Cuti bersama Natal (ditetapkan lagi)',
            _deleted: false,
          },
        },
      ]),
    ).toEqual([]);
    expect(
      (await pulled<Holiday>(penghubung, 'holidays')).find((doc) => doc.id === master.id),
    ).toMatchObject({ _deleted: false, name: 'Cuti bersama Natal (ditetapkan lagi)' });
  });

  it('refuses an impossible date, a date outside the kept years, and an id that does not match the date', async () => {
    for (const [id, date] of [
      [`${INSTANSI}:2027-02-30`, '2027-02-30'],
      [`${INSTANSI}:1999-01-01`, '1999-01-01'],
      [`${INSTANSI}:2027-03-01`, '2027-03-02'],
    ] as const) {
      await push(admin, 'holidays', [{ newDocumentState: holiday(date, { id }) }]);
      expect((await rejections(id)).map((row) => row.reason_code)).toEqual(['validation']);
    }
  });

  it('refuses holidays from a koordinator and a holiday for another instansi', async () => {
    await push(koordinator, 'holidays', [{ newDocumentState: holiday('2027-01-02') }]);
    expect((await rejections(`${INSTANSI}:2027-01-02`)).map((row) => row.reason_code)).toEqual([
      'permission',
    ]);
    const foreign = holiday('2027-01-03', {
      id: `${OTHER.instansi}:2027-01-03`,
      instansiId: OTHER.instansi,
    });
    await push(admin, 'holidays', [{ newDocumentState: foreign }]);
    expect((await rejections(foreign.id)).map((row) => row.reason_code)).toEqual(['permission']);
  });
});

describe('SLA rule sets', () => {
  it('accepts a new future version from the admin and everyone pulls it', async () => {
    expect(await push(admin, 'sla_rules', [{ newDocumentState: ruleSet('sla-2027') }])).toEqual([]);
    expect(
      (await pulled<SlaRuleSetDocument>(penghubung, 'sla_rules')).find(
        (doc) => doc.id === 'sla-2027',
      ),
    ).toMatchObject({ version: 'Permen 2027', resolutionDays: 14 });
  });

  it('refuses an edit to the rule set in force, and a version starting in the past', async () => {
    const inForce = (await pulled<SlaRuleSetDocument>(admin, 'sla_rules')).find(
      (doc) => doc.activeFrom <= Date.now(),
    );
    if (!inForce) throw new Error('seeded rule set missing');
    const conflicts = await push(admin, 'sla_rules', [
      { assumedMasterState: inForce, newDocumentState: { ...inForce, resolutionDays: 99 } },
    ]);
    expect(conflicts).toEqual([
      expect.objectContaining({ id: inForce.id, resolutionDays: inForce.resolutionDays }),
    ]);
    expect((await rejections(inForce.id)).map((row) => row.reason_code)).toEqual(['lifecycle']);

    await push(admin, 'sla_rules', [
      {
        newDocumentState: ruleSet('sla-backdated', {
          version: 'Mundur',
          activeFrom: Date.now() - DAY,
        }),
      },
    ]);
    expect((await rejections('sla-backdated')).map((row) => row.reason_code)).toEqual([
      'lifecycle',
    ]);
  });

  it('lets a version not yet in force be corrected, keeping it in the future', async () => {
    const future = (await pulled<SlaRuleSetDocument>(admin, 'sla_rules')).find(
      (doc) => doc.id === 'sla-2027',
    );
    if (!future) throw new Error('future rule set missing');
    expect(
      await push(admin, 'sla_rules', [
        { assumedMasterState: future, newDocumentState: { ...future, counting: 'calendar' } },
      ]),
    ).toEqual([]);
    expect(
      (await pulled<SlaRuleSetDocument>(admin, 'sla_rules')).find((doc) => doc.id === future.id)
        ?.counting,
    ).toBe('calendar');
  });

  it('refuses zero or negative day counts, a duplicate version, and a penghubung', async () => {
    await push(admin, 'sla_rules', [
      { newDocumentState: ruleSet('sla-zero', { version: 'Nol', verifyDays: 0 }) },
    ]);
    expect((await rejections('sla-zero')).map((row) => row.reason_code)).toEqual(['validation']);
    await push(admin, 'sla_rules', [
      { newDocumentState: ruleSet('sla-negative', { version: 'Negatif', resolutionDays: -3 }) },
    ]);
    expect((await rejections('sla-negative')).map((row) => row.reason_code)).toEqual([
      'validation',
    ]);
    await push(admin, 'sla_rules', [{ newDocumentState: ruleSet('sla-dup') }]);
    expect((await rejections('sla-dup')).map((row) => row.reason_code)).toEqual(['validation']);
    await push(penghubung, 'sla_rules', [{ newDocumentState: ruleSet('sla-p', { version: 'P' }) }]);
    expect((await rejections('sla-p')).map((row) => row.reason_code)).toEqual(['permission']);
  });
});
