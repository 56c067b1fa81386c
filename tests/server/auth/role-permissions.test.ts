import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICERS } from '../../../server/seed/demo-instansi.ts';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  PRIORITIES,
  type ComplaintStatus,
} from '../../../shared/domain/complaint-status.ts';
import { canTransition, eventDrivingTransition } from '../../../shared/domain/lifecycle.ts';
import {
  availableTriageActions,
  planTriageAction,
  type TriageActionInput,
} from '../../../shared/domain/plan-triage-action.ts';
import {
  EDITABLE_COMPLAINT_FIELDS,
  ROLES,
  roleSeesReporterIdentity,
  type Role,
} from '../../../shared/domain/roles.ts';
import {
  TRIAGE_ACTION_RULES,
  TRIAGE_ACTIONS,
  type TriageActionKind,
} from '../../../shared/domain/triage.ts';
import {
  complaintSchema,
  SERVER_CONTROLLED_COMPLAINT_FIELDS,
  type Complaint,
} from '../../../shared/schemas/complaint.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { pull, pullAll, pushComplaints } from '../support/replication-client.ts';

const NOW = SEED_NOW + 3 * 3_600_000;

type ClientField = Exclude<keyof Complaint, (typeof SERVER_CONTROLLED_COMPLAINT_FIELDS)[number]>;
type EditField = Exclude<ClientField, 'status'>;
const SERVER_FIELDS: readonly string[] = SERVER_CONTROLLED_COMPLAINT_FIELDS;
/** Every field a device may send a value for, except status (which follows the lifecycle). */
const EDIT_FIELDS = Object.keys(complaintSchema.shape).filter(
  (field): field is EditField => !SERVER_FIELDS.includes(field) && field !== 'status',
);

/** How the server answers a write a role may not make, when the complaint is in its scope. */
const REFUSAL_IN_SCOPE: Record<Role, SyncRejection['reasonCode']> = {
  admin_instansi: 'permission',
  penghubung: 'permission',
  koordinator: 'read_only',
};

const USERNAME: Record<Role, string> = Object.fromEntries(
  ROLES.map((role) => {
    const officer = DEMO_OFFICERS.find((candidate) => candidate.role === role);
    if (!officer) throw new Error(`the demo data has no ${role}`);
    return [role, officer.username];
  }),
) as Record<Role, string>;

let server: TestServer;
const sessions = {} as Record<Role, SessionResponse>;
/** Each role's view of the seeded complaints, as pulled before any test wrote anything. */
const views = {} as Record<Role, Map<string, WireDocument<Complaint>>>;
let adminDocs: WireDocument<Complaint>[] = [];
let original: WireDocument<Complaint>;
const taken = new Set<string>();
const rejectionCheckpoints = new Map<Role, { seq: number }>();
let activeUnitIds: Set<string>;

beforeAll(async () => {
  server = await startTestServer({ complaints: 150, app: { now: () => NOW } });
  for (const role of ROLES) {
    sessions[role] = await server.login(USERNAME[role]);
    const docs = (await pullAll<Complaint>(server.app, sessions[role], 'complaints', 500))
      .documents;
    views[role] = new Map(docs.map((doc) => [doc.id, doc]));
    rejectionCheckpoints.set(role, { seq: 0 });
  }
  adminDocs = [...views.admin_instansi.values()];
  original = take((doc) => doc.status === 'selesai');
  const units = await pullAll<{ id: string; active: boolean }>(
    server.app,
    sessions.admin_instansi,
    'units',
  );
  activeUnitIds = new Set(units.documents.filter((unit) => unit.active).map((unit) => unit.id));
});
afterAll(() => server.close());

function inScope(role: Role, doc: Complaint): boolean {
  return views[role].has(doc.id);
}

/**
 * A seeded complaint (admin view) that no other test of this file writes to, from the status
 * with the most such complaints left, so scarce statuses last for every test.
 */
function take(predicate: (doc: WireDocument<Complaint>) => boolean): WireDocument<Complaint> {
  const byStatus = new Map<ComplaintStatus, WireDocument<Complaint>[]>();
  for (const doc of adminDocs) {
    if (taken.has(doc.id) || !predicate(doc)) continue;
    byStatus.set(doc.status, [...(byStatus.get(doc.status) ?? []), doc]);
  }
  const largest = [...byStatus.values()].sort((a, b) => b.length - a.length)[0];
  const found = largest?.[0];
  if (!found) throw new Error('the fixture has no unused complaint that fits');
  taken.add(found.id);
  return found;
}

/** One untouched complaint per key, shared by tests that expect a refusal (it never changes). */
const refusalFixtures = new Map<string, WireDocument<Complaint>>();
function refusalFixture(
  key: string,
  predicate: (doc: WireDocument<Complaint>) => boolean,
): WireDocument<Complaint> {
  const cached = refusalFixtures.get(key);
  if (cached) return cached;
  const doc = take(predicate);
  refusalFixtures.set(key, doc);
  return doc;
}

/** The complaint as `role` received it. */
function viewOf(role: Role, doc: Complaint): WireDocument<Complaint> {
  const seen = views[role].get(doc.id);
  if (seen) return seen;
  // Outside the role's scope: what a tampered device could make up without the identity.
  const { reporter: _identity, ...rest } = doc;
  return { ...rest, _deleted: false };
}

function other<T>(values: readonly T[], current: T): T {
  const found = values.find((value) => value !== current);
  if (found === undefined) throw new Error('no other value');
  return found;
}

/** A different, valid value for each field a device may send. */
const CHANGE: { [F in EditField]: (doc: Complaint) => Complaint[F] } = {
  title: (doc) => `${doc.title} (diubah)`,
  body: (doc) => `${doc.body} Isi diubah oleh perangkat.`,
  type: (doc) => other(COMPLAINT_TYPES, doc.type),
  channel: (doc) => other(CHANNELS, doc.channel),
  categoryId: (doc) => (doc.categoryId === 'cat-sosial' ? 'cat-kesehatan' : 'cat-sosial'),
  unitId: (doc) => (doc.unitId === 'unit-dinkes' ? 'unit-dishub' : 'unit-dinkes'),
  duplicateOf: () => original.id,
  priority: (doc) => other(PRIORITIES, doc.priority),
  anonim: (doc) => !doc.anonim,
  rahasia: (doc) => !doc.rahasia,
  berkadarPengawasan: (doc) => !doc.berkadarPengawasan,
  regionCode: (doc) => (doc.regionCode === '64.72.01.1001' ? '64.72.01.1002' : '64.72.01.1001'),
  locationText: (doc) => `${doc.locationText} (dekat pasar)`,
};

/** The lifecycle a permitted edit of a field belongs to, where it cannot be made on its own. */
const ACCEPTED_EDIT_CONTEXT: Partial<
  Record<EditField, { from: ComplaintStatus; with?: Partial<Complaint> }>
> = {
  unitId: { from: 'didisposisi' },
  duplicateOf: { from: 'belum_diverifikasi', with: { status: 'diarsipkan' } },
};

/** What an officer fills in for each triage action; a disposition goes to the PUPR OPD. */
const ACTION_INPUT: Record<TriageActionKind, (doc: Complaint) => TriageActionInput> = {
  verify_dispose: (doc) => ({
    kind: 'verify_dispose',
    unitId: 'unit-pupr',
    instruction: 'Mohon ditindaklanjuti dan dilaporkan dalam lima hari kerja.',
    privacyConfirmed: true,
    anonim: doc.anonim,
    rahasia: doc.rahasia,
  }),
  redispose: (doc) => ({
    kind: 'redispose',
    unitId: doc.unitId === 'unit-dinkes' ? 'unit-dishub' : 'unit-dinkes',
    instruction: 'Bukan kewenangan OPD sebelumnya, mohon ditangani.',
  }),
  hold: () => ({ kind: 'hold', missingDetails: 'Mohon lengkapi alamat dan waktu kejadian.' }),
  archive: () => ({ kind: 'archive', reasonCode: 'spam', note: '' }),
  not_authority: () => ({ kind: 'not_authority', reason: 'Jalan nasional, kewenangan BPJN.' }),
  mark_duplicate: () => ({ kind: 'mark_duplicate', duplicateOfId: original.id, note: '' }),
  close: () => ({ kind: 'close', note: 'Perbaikan selesai.' }),
  reopen: () => ({ kind: 'reopen', reason: 'Pelapor menyatakan kerusakan muncul lagi.' }),
};

/** Every column of the complaint's row. */
async function stored(id: string): Promise<Record<string, unknown>> {
  const [found] = await server.db.query<{ row: Record<string, unknown> }>(
    'SELECT to_jsonb(c) AS row FROM complaints c WHERE id = $1',
    [id],
  );
  if (!found) throw new Error(`complaint ${id} is missing`);
  return found.row;
}

/** Refusals of this role's officer that arrived since the last call, through their own pull. */
async function newRejections(role: Role): Promise<WireDocument<SyncRejection>[]> {
  const checkpoint = rejectionCheckpoints.get(role) ?? { seq: 0 };
  const page = await pull<SyncRejection>(
    server.app,
    sessions[role],
    'sync_rejections',
    checkpoint,
    200,
  );
  rejectionCheckpoints.set(role, page.checkpoint ?? checkpoint);
  return page.documents;
}

async function currentAsAdmin(id: string): Promise<WireDocument<Complaint>> {
  const all = (await pullAll<Complaint>(server.app, sessions.admin_instansi, 'complaints', 500))
    .documents;
  const doc = all.find((candidate) => candidate.id === id);
  if (!doc) throw new Error(`complaint ${id} is not visible to the admin`);
  return doc;
}

/**
 * Pushes `proposed` as `role` and checks the refusal: the master comes back unchanged when the
 * complaint is in the role's scope (nothing when it is not), the database is untouched, and the
 * officer receives a refusal with the expected code.
 */
async function expectRefused(
  role: Role,
  master: WireDocument<Complaint>,
  proposed: WireDocument<Complaint>,
  code: SyncRejection['reasonCode'],
): Promise<WireDocument<SyncRejection>> {
  const before = await stored(master.id);
  const response = await pushComplaints(server.app, sessions[role], [
    { assumedMasterState: master, newDocumentState: proposed },
  ]);
  expect(response.statusCode).toBe(200);
  const conflicts = response.json<WireDocument<Complaint>[]>();
  if (inScope(role, master)) {
    expect(conflicts).toEqual([master]);
  } else {
    expect(conflicts).toEqual([]);
  }
  for (const conflict of conflicts) {
    expect('reporter' in conflict).toBe(roleSeesReporterIdentity(role));
  }
  expect(await stored(master.id)).toEqual(before);
  const refusals = await newRejections(role);
  expect(refusals).toHaveLength(1);
  expect(refusals[0]).toMatchObject({
    documentId: master.id,
    officerId: sessions[role].officer.id,
    reasonCode: code,
  });
  expect(refusals[0]?.reason.length).toBeGreaterThan(0);
  return refusals[0] as WireDocument<SyncRejection>;
}

describe('reporter identity per role', () => {
  it.each(ROLES)('%s receives the reporter identity only if its role may see it', async (role) => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/replication/complaints/pull',
      query: { checkpoint: '{"seq":0}', limit: '1000' },
      headers: { authorization: `Bearer ${sessions[role].accessToken}` },
    });
    const documents = response.json<{ documents: WireDocument<Complaint>[] }>().documents;
    expect(documents.length).toBeGreaterThan(0);
    const reporters = await server.db.query<{
      id: string;
      reporter_name: string;
      reporter_phone: string;
      reporter_email: string;
    }>('SELECT id, reporter_name, reporter_phone, reporter_email FROM complaints');
    const byId = new Map(reporters.map((row) => [row.id, row]));
    for (const doc of documents) {
      const row = byId.get(doc.id);
      if (roleSeesReporterIdentity(role)) {
        expect(doc.reporter).toEqual({
          name: row?.reporter_name,
          phone: row?.reporter_phone,
          email: row?.reporter_email,
        });
      } else {
        expect(doc).not.toHaveProperty('reporter');
        expect(response.body).not.toContain(row?.reporter_phone);
        expect(response.body).not.toContain(row?.reporter_email);
      }
    }
  });

  it('gives a penghubung exactly the complaints of its own OPD', async () => {
    const officer = sessions.penghubung.officer;
    const [{ count } = { count: -1 }] = await server.db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM complaints WHERE unit_id = $1',
      [officer.unitId],
    );
    expect(count).toBeGreaterThan(0);
    expect(views.penghubung.size).toBe(count);
    for (const doc of views.penghubung.values()) expect(doc.unitId).toBe(officer.unitId);
  });
});

const FIELD_CASES = ROLES.flatMap((role) =>
  EDIT_FIELDS.map((field) => ({
    role,
    field,
    allowed: EDITABLE_COMPLAINT_FIELDS[role].includes(field),
  })),
);

describe('complaint fields each role may change (EDITABLE_COMPLAINT_FIELDS)', () => {
  it('lists only fields a device may send', () => {
    for (const role of ROLES) {
      for (const field of EDITABLE_COMPLAINT_FIELDS[role]) {
        expect(EDIT_FIELDS).toContain(field);
      }
    }
  });

  it.each(FIELD_CASES.filter((c) => !c.allowed))(
    'refuses a change to $field by $role',
    async ({ role, field }) => {
      const doc = refusalFixture(
        `field:${role}`,
        (candidate) => inScope(role, candidate) && candidate.status === 'ditindaklanjuti',
      );
      const master = viewOf(role, doc);
      const proposed = { ...master, [field]: CHANGE[field](master) };
      const refusal = await expectRefused(role, master, proposed, REFUSAL_IN_SCOPE[role]);
      if (refusal.reasonCode === 'permission') expect(refusal.reason).toContain(field);
    },
  );

  it.each(FIELD_CASES.filter((c) => c.allowed))(
    'accepts a change to $field by $role',
    async ({ role, field }) => {
      const context = ACCEPTED_EDIT_CONTEXT[field];
      const from = context?.from ?? 'ditindaklanjuti';
      const doc = take((candidate) => inScope(role, candidate) && candidate.status === from);
      const master = viewOf(role, doc);
      const proposed = { ...master, ...context?.with, [field]: CHANGE[field](master) };
      const response = await pushComplaints(server.app, sessions[role], [
        { assumedMasterState: master, newDocumentState: proposed },
      ]);
      expect(response.json()).toEqual([]);
      const after = await currentAsAdmin(doc.id);
      expect(after[field]).toEqual(proposed[field]);
      expect(after).toMatchObject({ updatedBy: sessions[role].officer.id, updatedAt: NOW });
      expect(await newRejections(role)).toEqual([]);
    },
  );
});

const ACTION_CASES = ROLES.flatMap((role) => TRIAGE_ACTIONS.map((kind) => ({ role, kind })));

describe('triage actions each role may take (availableTriageActions)', () => {
  it.each(ACTION_CASES)('$role: $kind', async ({ role, kind }) => {
    const rule = TRIAGE_ACTION_RULES[kind];
    const fits = (doc: Complaint) => rule.from.includes(doc.status);
    const officer = sessions[role].officer;
    const roleMayAct = (doc: Complaint) => availableTriageActions(doc, officer).includes(kind);
    const anyInScope = adminDocs.some(
      (doc) => !taken.has(doc.id) && fits(doc) && inScope(role, doc),
    );
    // The action's effect, planned the way the admin's workstation plans it; a tampered device
    // of another role could push the same change.
    const planFor = (doc: Complaint) => {
      const plan = planTriageAction(
        doc,
        ACTION_INPUT[kind](doc),
        { officer: sessions.admin_instansi.officer, now: NOW, newId: randomUUID },
        { activeUnitIds },
      );
      if (!plan.ok) throw new Error(`cannot plan ${kind}: ${plan.error}`);
      return plan.patch;
    };

    const probe = adminDocs.find((doc) => fits(doc));
    if (!probe) throw new Error(`no complaint where ${kind} applies`);
    if (roleMayAct(probe)) {
      const doc = take((candidate) => fits(candidate) && inScope(role, candidate));
      const master = viewOf(role, doc);
      const proposed = { ...master, ...planFor(doc) };
      if (eventDrivingTransition(doc.status, rule.to)) {
        // Reopening: the complaint write alone is refused; the action's event moves the status.
        await expectRefused(role, master, proposed, 'lifecycle');
        return;
      }
      const response = await pushComplaints(server.app, sessions[role], [
        { assumedMasterState: master, newDocumentState: proposed },
      ]);
      expect(response.json()).toEqual([]);
      const after = await currentAsAdmin(doc.id);
      expect(after).toMatchObject({ ...planFor(doc), status: rule.to, updatedAt: NOW });
      expect(await newRejections(role)).toEqual([]);
      return;
    }
    // Refused: on a complaint of its own scope when one fits, else on one outside it.
    const doc = refusalFixture(
      `action:${role}:${rule.from.join(',')}:${anyInScope}`,
      (candidate) => fits(candidate) && inScope(role, candidate) === anyInScope,
    );
    const master = viewOf(role, doc);
    await expectRefused(
      role,
      master,
      { ...master, ...planFor(doc) },
      anyInScope ? REFUSAL_IN_SCOPE[role] : 'not_found',
    );
  });
});

describe('a penghubung and the lifecycle and scope', () => {
  const moves = COMPLAINT_STATUSES.flatMap((from) =>
    COMPLAINT_STATUSES.filter((to) => to !== from && canTransition(from, to)).map((to) => ({
      from,
      to,
    })),
  );

  it.each(moves)(
    'may not move a complaint $from → $to, in its OPD or out of its reach',
    async ({ from, to }) => {
      const inUnit = adminDocs.filter(
        (doc) => doc.status === from && inScope('penghubung', doc) && !taken.has(doc.id),
      );
      const doc = inUnit[0];
      if (!doc) {
        // Complaints in this status are never in a penghubung's scope: out of reach entirely.
        const outside = refusalFixture(`move:${from}`, (candidate) => candidate.status === from);
        const master = viewOf('penghubung', outside);
        await expectRefused('penghubung', master, { ...master, status: to }, 'not_found');
        return;
      }
      const master = viewOf('penghubung', doc);
      if (from === 'didisposisi' && to === 'ditindaklanjuti') {
        // The device's own copy of the move its public follow-up makes: only the follow-up
        // event moves the status; without it the write is refused (and that refusal is
        // settled if the follow-up arrives later).
        taken.add(doc.id);
        await expectRefused('penghubung', master, { ...master, status: to }, 'lifecycle');
        return;
      }
      const refusal = await expectRefused(
        'penghubung',
        master,
        { ...master, status: to, unitId: to === 'didisposisi' ? 'unit-dinkes' : master.unitId },
        'permission',
      );
      expect(refusal.reason).toMatch(/status|unitId/);
    },
  );

  it('may not push to complaints of another OPD or not yet disposed, and learns nothing of them', async () => {
    const officer = sessions.penghubung.officer;
    const foreign = [
      refusalFixture(
        'foreign:disposed',
        (doc) => doc.unitId !== '' && doc.unitId !== officer.unitId,
      ),
      refusalFixture('foreign:undisposed', (doc) => doc.unitId === ''),
    ];
    for (const doc of foreign) {
      expect(inScope('penghubung', doc)).toBe(false);
      const master = viewOf('penghubung', doc);
      // Neither a harmless edit nor taking the complaint into its own OPD reaches it.
      await expectRefused('penghubung', master, { ...master, priority: 'mendesak' }, 'not_found');
      await expectRefused('penghubung', master, { ...master, unitId: officer.unitId }, 'not_found');
    }
  });
});
