import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import {
  COMPLAINT_STATUSES,
  type ComplaintStatus,
} from '../../../shared/domain/complaint-status.ts';
import { canTransition, eventDrivingTransition } from '../../../shared/domain/lifecycle.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { planFollowUp } from '../../../shared/domain/follow-up.ts';
import { planTriageAction } from '../../../shared/domain/plan-triage-action.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { changeCounter, pull, pullAll, pushComplaints } from '../support/replication-client.ts';

/** The server's clock during this file, so accepted writes carry a time we can check. */
const NOW = SEED_NOW + 2 * 3_600_000;

type Pair = { from: ComplaintStatus; to: ComplaintStatus };
const PAIRS: Pair[] = COMPLAINT_STATUSES.flatMap((from) =>
  COMPLAINT_STATUSES.map((to) => ({ from, to })),
);
/** Every move the lifecycle table does not list. Keeping the same status is no move at all. */
const ILLEGAL = PAIRS.filter(({ from, to }) => from !== to && !canTransition(from, to));
/** Moves a status write makes; those DOMAIN.md ties to an event only that event makes. */
const ALLOWED = PAIRS.filter(
  ({ from, to }) => canTransition(from, to) && !eventDrivingTransition(from, to),
);
const EVENT_DRIVEN = PAIRS.filter(({ from, to }) => eventDrivingTransition(from, to) !== null);

let server: TestServer;
let admin: SessionResponse;
let seeded: WireDocument<Complaint>[];
const taken = new Set<string>();
let rejectionCheckpoint = { seq: 0 };

beforeAll(async () => {
  server = await startTestServer({ complaints: 100, app: { now: () => NOW } });
  admin = await server.login('admin.kaltim');
  seeded = (await pullAll<Complaint>(server.app, admin, 'complaints', 200)).documents;
  rejectionCheckpoint = (await pullAll(server.app, admin, 'sync_rejections')).checkpoint;
});
afterAll(() => server.close());

/** A seeded complaint in `status` that no other test of this file uses. */
function take(status: ComplaintStatus): WireDocument<Complaint> {
  const found = seeded.find((doc) => doc.status === status && !taken.has(doc.id));
  if (!found) throw new Error(`the fixture has no unused complaint in status ${status}`);
  taken.add(found.id);
  return found;
}

/** One untouched complaint per status, shared by the refusals (a refusal changes nothing). */
const refusalFixture = new Map<ComplaintStatus, WireDocument<Complaint>>();
function fixtureFor(status: ComplaintStatus): WireDocument<Complaint> {
  const existing = refusalFixture.get(status);
  if (existing) return existing;
  const doc = take(status);
  refusalFixture.set(status, doc);
  return doc;
}

/** The complaint moved to `to`; a disposition names an OPD other than the current one. */
function movedTo(master: WireDocument<Complaint>, to: ComplaintStatus): WireDocument<Complaint> {
  if (to !== 'didisposisi') return { ...master, status: to };
  return {
    ...master,
    status: to,
    unitId: master.unitId === 'unit-dinkes' ? 'unit-pupr' : 'unit-dinkes',
  };
}

type StoredRow = { status: string; seq: number } & Record<string, unknown>;
/** Every column of the complaint's row. */
async function stored(id: string): Promise<StoredRow> {
  const [found] = await server.db.query<{ row: StoredRow }>(
    'SELECT to_jsonb(c) AS row FROM complaints c WHERE id = $1',
    [id],
  );
  if (!found) throw new Error(`complaint ${id} is missing`);
  return found.row;
}

async function currentAsAdmin(id: string): Promise<WireDocument<Complaint>> {
  const all = (await pullAll<Complaint>(server.app, admin, 'complaints', 200)).documents;
  const doc = all.find((candidate) => candidate.id === id);
  if (!doc) throw new Error(`complaint ${id} is not visible to the admin`);
  return doc;
}

/** Refusals of the admin's writes that arrived since the last call, through the pull. */
async function newRejections(): Promise<WireDocument<SyncRejection>[]> {
  const page = await pull<SyncRejection>(
    server.app,
    admin,
    'sync_rejections',
    rejectionCheckpoint,
    200,
  );
  rejectionCheckpoint = page.checkpoint ?? rejectionCheckpoint;
  return page.documents;
}

describe('the transition table', () => {
  it('gives both refused and allowed moves to test', () => {
    expect(ILLEGAL.length).toBeGreaterThan(0);
    expect(ALLOWED.length).toBeGreaterThan(0);
  });
});

describe('illegal lifecycle transitions pushed by the admin instansi', () => {
  it.each(ILLEGAL)(
    'refuses $from → $to, returns the master unchanged and records why',
    async ({ from, to }) => {
      const master = fixtureFor(from);
      const before = await stored(master.id);

      const response = await pushComplaints(server.app, admin, [
        { assumedMasterState: master, newDocumentState: movedTo(master, to) },
      ]);

      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([master]);
      expect(await stored(master.id)).toEqual(before);
      expect(before).toMatchObject({ status: from, seq: master.serverSeq });

      const refusals = await newRejections();
      expect(refusals).toHaveLength(1);
      const [refusal] = refusals;
      expect(refusal).toMatchObject({
        officerId: admin.officer.id,
        targetCollection: 'complaints',
        documentId: master.id,
        reasonCode: 'lifecycle',
        resolvedAt: 0,
        createdAt: NOW,
      });
      expect(refusal?.reason).toContain(`${from} → ${to}`);
      expect(JSON.parse(refusal?.refusedDocument ?? '{}')).toMatchObject({
        id: master.id,
        status: to,
      });
    },
  );

  it.each(COMPLAINT_STATUSES)(
    'treats a push that keeps %s and changes nothing as no transition: nothing is written',
    async (status) => {
      const master = fixtureFor(status);
      const counterBefore = await changeCounter(server.db);
      const response = await pushComplaints(server.app, admin, [
        { assumedMasterState: master, newDocumentState: { ...master } },
      ]);
      expect(response.json()).toEqual([]);
      expect(await changeCounter(server.db)).toBe(counterBefore);
      expect(await newRejections()).toEqual([]);
    },
  );
});

describe('moves only an event makes, pushed as a bare status by the admin instansi', () => {
  it.each(EVENT_DRIVEN)(
    'refuses $from → $to without its event, records why, and writes nothing',
    async ({ from, to }) => {
      const master = take(from);
      const before = await stored(master.id);
      const response = await pushComplaints(server.app, admin, [
        { assumedMasterState: master, newDocumentState: movedTo(master, to) },
      ]);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([master]);
      expect(await stored(master.id)).toEqual(before);
      const refusals = await newRejections();
      expect(refusals).toMatchObject([
        { documentId: master.id, reasonCode: 'lifecycle', resolvedAt: 0 },
      ]);
    },
  );
});

describe('allowed lifecycle transitions pushed by the admin instansi', () => {
  it.each(ALLOWED)('accepts $from → $to with the server time', async ({ from, to }) => {
    const master = take(from);
    const proposed = movedTo(master, to);
    const response = await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: proposed },
    ]);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    const after = await currentAsAdmin(master.id);
    expect(after).toMatchObject({
      status: to,
      unitId: proposed.unitId,
      updatedAt: NOW,
      updatedBy: admin.officer.id,
      // A re-disposition (didisposisi → didisposisi) restarts the new OPD's clock too.
      statusChangedAt: NOW,
    });
    expect(after.serverSeq).toBeGreaterThan(master.serverSeq);
    expect(await newRejections()).toEqual([]);
    const audit = await server.db.query<{ details: { fields: string[] } }>(
      "SELECT details FROM audit_log WHERE document_id = $1 AND action = 'write_accepted'",
      [master.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details.fields).toContain(from === to ? 'unitId' : 'status');
  });

  /** Closing needs a public follow-up on record; the admin posts one. */
  async function answerPublicly(complaint: Complaint): Promise<void> {
    const plan = planFollowUp(
      complaint,
      {
        kind: 'tindak_lanjut',
        content: 'Perbaikan telah dilaksanakan dan diperiksa di lapangan oleh petugas.',
        attachments: [],
      },
      { officer: admin.officer, now: NOW, eventId: crypto.randomUUID() },
    );
    if (!plan.ok) throw new Error(plan.error.code);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/replication/complaint_events/push',
      payload: [{ newDocumentState: { ...plan.event, _deleted: false } }],
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(response.json()).toEqual([]);
    await newRejections();
  }

  /** Reopening is the admin's event with its reason; the server moves the status with it. */
  async function reopenWithReason(complaint: Complaint): Promise<void> {
    const plan = planTriageAction(
      complaint,
      { kind: 'reopen', reason: 'Pelapor menyampaikan perbaikan belum dilakukan.' },
      { officer: admin.officer, now: NOW, newId: () => crypto.randomUUID() },
      { activeUnitIds: new Set() },
    );
    if (!plan.ok) throw new Error(plan.error.code);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/replication/complaint_events/push',
      payload: plan.events.map((event) => ({ newDocumentState: { ...event, _deleted: false } })),
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(response.json()).toEqual([]);
    expect(await newRejections()).toEqual([]);
  }

  it('walks one complaint through the whole lifecycle and refuses a skip from every state reached', async () => {
    const path: ComplaintStatus[] = [
      'ditunda',
      'didisposisi',
      'ditindaklanjuti',
      'selesai',
      'ditindaklanjuti',
      'didisposisi',
      'didisposisi',
    ];
    let master = take('belum_diverifikasi');
    for (const to of path) {
      // A move the table forbids from here is refused first, and changes nothing.
      const skip = COMPLAINT_STATUSES.find(
        (status) => status !== master.status && !canTransition(master.status, status),
      );
      if (!skip) throw new Error(`every move from ${master.status} is allowed`);
      const refused = await pushComplaints(server.app, admin, [
        { assumedMasterState: master, newDocumentState: movedTo(master, skip) },
      ]);
      expect(refused.json()).toEqual([master]);
      expect((await newRejections()).map((row) => row.reasonCode)).toEqual(['lifecycle']);

      expect(canTransition(master.status, to)).toBe(true);
      if (to === 'selesai') await answerPublicly(master);
      if (eventDrivingTransition(master.status, to) === 'tindak_lanjut') {
        await answerPublicly(master);
      } else if (eventDrivingTransition(master.status, to) === 'buka_kembali') {
        await reopenWithReason(master);
      } else {
        const accepted = await pushComplaints(server.app, admin, [
          { assumedMasterState: master, newDocumentState: movedTo(master, to) },
        ]);
        expect(accepted.json()).toEqual([]);
      }
      const next = await currentAsAdmin(master.id);
      expect(next.status).toBe(to);
      expect(next.serverSeq).toBeGreaterThan(master.serverSeq);
      master = next;
    }
  });
});

/** Disposition and duplicate links follow the lifecycle too, not free editing. */
const LINKED_FIELD_CASES: {
  name: string;
  from: ComplaintStatus;
  change: (doc: Complaint) => Partial<Complaint>;
}[] = [
  {
    name: 'disposes without naming an OPD',
    from: 'belum_diverifikasi',
    change: () => ({ status: 'didisposisi', unitId: '' }),
  },
  {
    name: 'moves a followed-up complaint to another OPD without disposing it',
    from: 'ditindaklanjuti',
    change: (doc) => ({ unitId: doc.unitId === 'unit-dinkes' ? 'unit-pupr' : 'unit-dinkes' }),
  },
  {
    name: 'names an OPD while archiving',
    from: 'belum_diverifikasi',
    change: () => ({ status: 'diarsipkan', unitId: 'unit-pupr' }),
  },
  {
    name: 'marks a duplicate without archiving',
    from: 'didisposisi',
    change: () => ({ duplicateOf: fixtureFor('selesai').id }),
  },
  {
    name: 'archives a complaint as a duplicate of itself',
    from: 'belum_diverifikasi',
    change: (doc) => ({ status: 'diarsipkan', duplicateOf: doc.id }),
  },
];

describe('unit and duplicate links outside their lifecycle step', () => {
  it.each(LINKED_FIELD_CASES)('refuses a push that $name', async ({ from, change }) => {
    const master = fixtureFor(from);
    const before = await stored(master.id);
    const response = await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: { ...master, ...change(master) } },
    ]);
    expect(response.json()).toEqual([master]);
    expect(await stored(master.id)).toEqual(before);
    expect((await newRejections()).map((row) => [row.documentId, row.reasonCode])).toEqual([
      [master.id, 'lifecycle'],
    ]);
  });
});
