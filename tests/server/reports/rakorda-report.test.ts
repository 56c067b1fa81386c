import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import {
  planTriageAction,
  type TriageActionInput,
} from '../../../shared/domain/plan-triage-action.ts';
import type { ComplaintStatus } from '../../../shared/domain/complaint-status.ts';
import {
  computeRakordaReport,
  type RakordaReport,
} from '../../../shared/reports/compute-rakorda-figures.ts';
import type { ReportPeriod } from '../../../shared/reports/report-period.ts';
import type { RegionDirectory } from '../../../shared/regions/region-directory.ts';
import type { Category } from '../../../shared/schemas/category.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { Holiday } from '../../../shared/schemas/holiday.ts';
import type { SlaRuleSetDocument } from '../../../shared/schemas/sla-rule-set.ts';
import type { Unit } from '../../../shared/schemas/unit.ts';
import { eventDrivingTransition } from '../../../shared/domain/lifecycle.ts';
import { bearer, SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';

/** Friday 20 November 2026, 13:00 WITA: the server's clock for this file. */
const NOW = SEED_NOW + 2 * 3_600_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The seed spreads complaints over the 120 days before SEED_NOW: July to November 2026. */
const WHOLE_SEED = { from: '2026-07-01', to: '2026-11-30' };

let server: TestServer;
let admin: SessionResponse;
let koordinator: SessionResponse;
let penghubungPupr: SessionResponse;
let activeUnitIds: Set<string>;
/** What the admin did through the replication API before the tests. */
const pushed = { verifications: 0, reopened: 0, spam: 0 };
/** From the seeded timelines, before the tests pushed anything. */
const seededTimeline = { verified: 0, archiveReasons: new Map<string, number>() };

function documents<T>(all: WireDocument<T>[]): T[] {
  return all.filter((doc) => !doc._deleted);
}

async function complaintsOf(session: SessionResponse): Promise<Complaint[]> {
  return documents((await pullAll<Complaint>(server.app, session, 'complaints', 1000)).documents);
}

async function pushEvents(session: SessionResponse, events: ComplaintEvent[]) {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/replication/complaint_events/push',
    payload: events.map((event) => ({ newDocumentState: { ...event, _deleted: false } })),
    headers: bearer(session),
  });
  if (response.statusCode !== 200 || response.json<unknown[]>().length > 0)
    throw new Error(`events refused: ${response.body}`);
}

/** A triage action as the admin's workstation does it: the complaint change and its events. */
async function triage(id: string, input: TriageActionInput, deviceTime: (c: Complaint) => number) {
  const master = (await complaintsOf(admin)).find((doc) => doc.id === id);
  if (!master) throw new Error(`complaint ${id} is missing`);
  const plan = planTriageAction(
    master,
    input,
    { officer: admin.officer, now: Math.min(NOW - 60_000, deviceTime(master)), newId: randomUUID },
    { activeUnitIds },
  );
  if (!plan.ok) throw new Error(`cannot ${input.kind} ${id}: ${plan.error}`);
  // A reopening is the event's move alone: the server makes it when it accepts the event.
  if (plan.patch.status && eventDrivingTransition(master.status, plan.patch.status)) {
    await pushEvents(admin, plan.events);
    return;
  }
  const response = await pushComplaints(server.app, admin, [
    {
      assumedMasterState: { ...master, _deleted: false },
      newDocumentState: { ...master, ...plan.patch, _deleted: false },
    },
  ]);
  if (response.json<unknown[]>().length > 0) throw new Error(`refused: ${response.body}`);
  await pushEvents(admin, plan.events);
}

function pick(all: Complaint[], status: ComplaintStatus, count: number, taken: Set<string>) {
  const found = all.filter((doc) => doc.status === status && !taken.has(doc.id)).slice(0, count);
  if (found.length < count)
    throw new Error(`the seed has ${found.length} unused complaints in ${status}, need ${count}`);
  for (const doc of found) taken.add(doc.id);
  return found;
}

beforeAll(async () => {
  server = await startTestServer({ complaints: 300, app: { now: () => NOW } });
  admin = await server.login('admin.kaltim');
  koordinator = await server.login('koordinator.kaltim');
  penghubungPupr = await server.login('pupr.kaltim');
  const units = documents((await pullAll<Unit>(server.app, admin, 'units')).documents);
  activeUnitIds = new Set(units.filter((unit) => unit.active).map((unit) => unit.id));

  const seeded = await complaintsOf(admin);
  const [verified] = await server.db.query<{ count: number }>(
    `SELECT count(DISTINCT complaint_id)::integer AS count FROM complaint_events
      WHERE from_status IN ('belum_diverifikasi', 'ditunda')
        AND to_status IN ('didisposisi', 'diarsipkan', 'bukan_wewenang')`,
  );
  seededTimeline.verified = verified?.count ?? 0;
  const reasons = await server.db.query<{ reason_code: string; count: number }>(
    `SELECT reason_code, count(*)::integer AS count FROM complaint_events
      WHERE to_status = 'diarsipkan' GROUP BY reason_code`,
  );
  for (const row of reasons) seededTimeline.archiveReasons.set(row.reason_code, row.count);
  const taken = new Set<string>();
  const unverified = pick(seeded, 'belum_diverifikasi', 6, taken);
  const onHold = pick(seeded, 'ditunda', 1, taken);
  const dispose = (unitId: string): TriageActionInput => ({
    kind: 'verify_dispose',
    unitId,
    instruction: 'Mohon ditindaklanjuti sesuai SOP.',
    privacyConfirmed: true,
    anonim: false,
    rahasia: false,
  });
  // Verified after one day, two days, six hours; one held first, then disposed.
  const [a, b, c, d, e, f] = unverified;
  if (!a || !b || !c || !d || !e || !f || !onHold[0]) throw new Error('fixture');
  await triage(a.id, dispose('unit-pupr'), (doc) => doc.receivedAt + DAY);
  await triage(b.id, dispose('unit-dinkes'), (doc) => doc.receivedAt + 2 * DAY);
  await triage(c.id, dispose('unit-pupr'), (doc) => doc.receivedAt + 6 * HOUR);
  await triage(
    d.id,
    { kind: 'hold', missingDetails: 'Mohon lengkapi lokasi kejadian.' },
    (doc) => doc.receivedAt + HOUR,
  );
  await triage(d.id, dispose('unit-pupr'), (doc) => doc.receivedAt + 3 * DAY);
  await triage(
    e.id,
    { kind: 'archive', reasonCode: 'spam', note: '' },
    (doc) => doc.receivedAt + DAY,
  );
  await triage(
    f.id,
    { kind: 'not_authority', reason: 'Kewenangan pemerintah kota.' },
    (doc) => doc.receivedAt + DAY,
  );
  await triage(
    onHold[0].id,
    { kind: 'mark_duplicate', duplicateOfId: a.id, note: 'Sama dengan laporan lain.' },
    (doc) => doc.receivedAt + DAY,
  );
  pushed.verifications = 7;
  pushed.spam = 1;

  const [closed] = pick(seeded, 'ditindaklanjuti', 1, taken);
  const [reopened] = pick(seeded, 'selesai', 1, taken);
  if (!closed || !reopened) throw new Error('fixture');
  await triage(closed.id, { kind: 'close', note: 'Sudah diperbaiki.' }, () => NOW - HOUR);
  await triage(
    reopened.id,
    { kind: 'reopen', reason: 'Pelapor menyatakan belum diperbaiki.' },
    () => NOW - HOUR,
  );
  pushed.reopened = 1;

  // A bare status move without its public follow-up is refused: the complaint stays in process
  // and is not counted as resolved (every resolved complaint has its follow-up on record).
  const [unanswered] = pick(seeded, 'didisposisi', 1, taken);
  if (!unanswered) throw new Error('fixture');
  const moved = await pushComplaints(server.app, admin, [
    {
      assumedMasterState: { ...unanswered, _deleted: false },
      newDocumentState: { ...unanswered, status: 'ditindaklanjuti', _deleted: false },
    },
  ]);
  if (moved.json<Complaint[]>()[0]?.status !== 'didisposisi')
    throw new Error(`a bare follow-up move was not refused: ${moved.body}`);
});
afterAll(() => server.close());

function report(session: SessionResponse | null, query: Record<string, string | string[]>) {
  return server.app.inject({
    method: 'GET',
    url: '/api/reports/rakorda',
    query,
    headers: session ? bearer(session) : {},
  });
}

/** The same report computed the way the workstation does: from its replica, pulled as `session`. */
async function reportOnDevice(
  session: SessionResponse,
  period: ReportPeriod,
): Promise<RakordaReport> {
  const pullDocs = async <T>(collection: string) =>
    documents((await pullAll<T>(server.app, session, collection, 1000)).documents);
  const holidays = await pullDocs<Holiday>('holidays');
  // The place names a device keeps: the kabupaten/kota of the instansi's region.
  const places = await server.app.inject({
    method: 'GET',
    url: '/api/regions/directory',
    headers: bearer(session),
  });
  const report = computeRakordaReport({
    complaints: await pullDocs<Complaint>('complaints'),
    events: await pullDocs<ComplaintEvent>('complaint_events'),
    period,
    calendar: {
      utcOffsetMinutes: session.instansi.utcOffsetMinutes,
      holidays: new Set(holidays.map((holiday) => holiday.date)),
    },
    slaRuleSets: await pullDocs<SlaRuleSetDocument>('sla_rules'),
    units: await pullDocs<Unit>('units'),
    categories: await pullDocs<Category>('categories'),
    regencies: places.json<RegionDirectory>().regencies,
    now: NOW,
    dataAsOf: NOW,
  });
  return JSON.parse(JSON.stringify(report)) as RakordaReport;
}

describe('GET /api/reports/rakorda returns the figures the device computes', () => {
  it('for the koordinator over the whole instansi', async () => {
    const response = await report(koordinator, WHOLE_SEED);
    expect(response.statusCode).toBe(200);
    const figures = response.json<RakordaReport>();
    expect(figures).toEqual(await reportOnDevice(koordinator, { ...WHOLE_SEED, unitIds: [] }));

    // Known answers: every seeded complaint arrived in the period, none before it.
    expect(figures.current.received.total).toBe(300);
    expect(figures.current.scope).toEqual({ wholeInstansi: true, unitIds: [] });
    expect(figures.previous.period).toEqual({ from: '2026-02-01', to: '2026-06-30', unitIds: [] });
    expect(figures.previous.received.total).toBe(0);
    // The seed recorded a verification outcome for every complaint it verified, and the tests
    // pushed seven more (4 dispositions, archive, bukan wewenang, duplicate): none is missing.
    const current = figures.current;
    const pastVerification =
      current.received.total -
      current.status.byStatus.belum_diverifikasi -
      current.status.byStatus.ditunda;
    expect(current.timeToVerify.count).toBe(seededTimeline.verified + pushed.verifications);
    expect(current.timeToVerify.count).toBe(pastVerification);
    expect(current.timeToVerify.missingTimeline).toBe(0);
    expect(current.timeToVerify.median).not.toBeNull();
    expect(current.status.reopened).toBe(pushed.reopened);
    const archived = (reason: string, added: number) => ({
      reason,
      count: (seededTimeline.archiveReasons.get(reason) ?? 0) + added,
    });
    expect(current.archivedReasons).toContainEqual(archived('spam', pushed.spam));
    expect(current.archivedReasons).toContainEqual(archived('duplikat', 1));
    expect(current.archivedReasons.map((row) => row.reason)).not.toContain('tidak_tercatat');
    // Every resolved complaint has its first follow-up on record: a bare status move is refused.
    expect(current.timeToFirstFollowUp.count).toBe(current.status.resolved);
    expect(current.timeToFirstFollowUp.missingTimeline).toBe(0);
    expect(current.units).toHaveLength(13);
  });

  it('for the admin over chosen units', async () => {
    const query = { ...WHOLE_SEED, unit: ['unit-pupr', 'unit-dinkes'] };
    const response = await report(admin, query);
    expect(response.statusCode).toBe(200);
    const figures = response.json<RakordaReport>();
    expect(figures).toEqual(
      await reportOnDevice(admin, { ...WHOLE_SEED, unitIds: ['unit-pupr', 'unit-dinkes'] }),
    );
    expect(figures.current.units.map((unit) => unit.unitId).sort()).toEqual([
      'unit-dinkes',
      'unit-pupr',
    ]);
    expect(figures.current.status.notYetProcessed).toBe(0);
  });

  it('for a penghubung, limited to its own unit', async () => {
    const response = await report(penghubungPupr, { from: '2026-11-01', to: '2026-11-30' });
    expect(response.statusCode).toBe(200);
    const figures = response.json<RakordaReport>();
    const own = { from: '2026-11-01', to: '2026-11-30', unitIds: ['unit-pupr'] };
    expect(figures).toEqual(await reportOnDevice(penghubungPupr, own));
    expect(figures.current.scope).toEqual({ wholeInstansi: false, unitIds: ['unit-pupr'] });
    expect(figures.previous.period).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      unitIds: ['unit-pupr'],
    });
    const named = await report(penghubungPupr, { ...WHOLE_SEED, unit: 'unit-pupr' });
    expect(named.json<RakordaReport>()).toEqual(
      await reportOnDevice(penghubungPupr, { ...WHOLE_SEED, unitIds: ['unit-pupr'] }),
    );
  });

  it('never sends reporter identity', async () => {
    const response = await report(admin, WHOLE_SEED);
    const withIdentity = await complaintsOf(admin);
    for (const complaint of withIdentity.slice(0, 50)) {
      expect(response.body).not.toContain(complaint.reporter?.phone ?? '(none)');
      expect(response.body).not.toContain(complaint.reporter?.email ?? '(none)');
    }
  });
});

describe('GET /api/reports/rakorda refuses', () => {
  it('a request without a session (401)', async () => {
    const response = await report(null, WHOLE_SEED);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it("a penghubung asking for another OPD's figures (403)", async () => {
    for (const unit of ['unit-dinkes', ['unit-pupr', 'unit-dinkes']]) {
      const response = await report(penghubungPupr, { ...WHOLE_SEED, unit });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: 'forbidden' });
    }
  });

  it.each([
    ['an impossible date', { from: '2026-13-01', to: '2026-12-31' }, 'from'],
    ['a malformed date', { from: '1/11/2026', to: '2026-11-30' }, 'from'],
    ['an end before the start', { from: '2026-11-30', to: '2026-11-01' }, 'to'],
    ['a missing end', { from: '2026-11-01' }, 'to'],
    ['more than three years', { from: '2020-01-01', to: '2026-11-30' }, 'to'],
    ['an unknown unit', { ...WHOLE_SEED, unit: 'unit-tidak-ada' }, 'unit'],
  ])('%s (400, naming the parameter)', async (_label, query, path) => {
    const response = await report(koordinator, query);
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: string; details: { path: string }[] }>();
    expect(body.error).toBe('invalid_request');
    expect(body.details.map((detail) => detail.path)).toContain(path);
  });
});
