import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { ComplaintStatus } from '../../../shared/domain/complaint-status.ts';
import { canTransition } from '../../../shared/domain/lifecycle.ts';
import {
  planTriageAction,
  triageActionInputSchema,
} from '../../../shared/domain/plan-triage-action.ts';
import { computeComplaintDueAt, DEFAULT_SLA_RULES } from '../../../shared/deadline/sla-rules.ts';
import type { RakordaReport } from '../../../shared/reports/compute-rakorda-figures.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import {
  complaintEventSchema,
  type ComplaintEvent,
} from '../../../shared/schemas/complaint-event.ts';
import type { Holiday } from '../../../shared/schemas/holiday.ts';
import type { Unit } from '../../../shared/schemas/unit.ts';
import { bearer, SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { changeCounter, pullAll } from '../support/replication-client.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The server's clock in this file: an hour after the seed's now. */
const NOW = SEED_NOW + HOUR;

/** The triage action whose input would have produced the event (see planTriageAction). */
function actionInput(event: ComplaintEvent): unknown {
  switch (event.kind) {
    case 'verifikasi_disposisi':
      return {
        kind: 'verify_dispose',
        unitId: event.targetUnitId,
        instruction: event.reason,
        privacyConfirmed: true,
        anonim: event.anonim,
        rahasia: event.rahasia,
      };
    case 'tunda':
      return { kind: 'hold', missingDetails: event.reason };
    case 'arsip':
      return { kind: 'archive', reasonCode: event.reasonCode, note: event.reason };
    case 'duplikat':
      return {
        kind: 'mark_duplicate',
        duplicateOfId: event.relatedComplaintId,
        note: event.reason,
      };
    case 'bukan_wewenang':
      return { kind: 'not_authority', reason: event.reason };
    case 'selesai':
      return { kind: 'close', note: event.reason };
    default:
      return { kind: `the seed writes no ${event.kind} event` };
  }
}

/** The status a complaint reaches through its events. */
function walk(
  events: readonly ComplaintEvent[],
  onEvent: (event: ComplaintEvent, statusBefore: ComplaintStatus) => void,
): ComplaintStatus {
  let status: ComplaintStatus = 'belum_diverifikasi';
  for (const event of events) {
    onEvent(event, status);
    if (event.toStatus) status = event.toStatus;
  }
  return status;
}

describe.each([
  { complaints: 400, spanDays: 120, label: '400 complaints over 120 days' },
  // As the e2e suite seeds: mostly young complaints whose timelines are pressed before now.
  { complaints: 300, spanDays: 21, label: '300 complaints over 21 days' },
])('the demo seed, $label', ({ complaints: count, spanDays }) => {
  let server: TestServer;
  let admin: SessionResponse;
  let koordinator: SessionResponse;
  let complaints: Complaint[] = [];
  let events: ComplaintEvent[] = [];
  /** Each complaint's events in change-number order, the order the seed appended them. */
  const timelines = new Map<string, ComplaintEvent[]>();
  let activeUnitIds: Set<string>;
  let holidays: Set<string>;
  const penghubungByUnitId = new Map<string, SessionResponse['officer']>();

  const strip = <T>({ _deleted, ...document }: WireDocument<T>) => document as unknown as T;

  beforeAll(async () => {
    server = await startTestServer({ complaints: count, spanDays, app: { now: () => NOW } });
    admin = await server.login('admin.kaltim');
    koordinator = await server.login('koordinator.kaltim');
    for (const username of ['pupr.kaltim', 'dinkes.kaltim']) {
      const { officer } = await server.login(username);
      penghubungByUnitId.set(officer.unitId, officer);
    }
    complaints = (await pullAll<Complaint>(server.app, admin, 'complaints', 1000)).documents.map(
      strip,
    );
    events = (
      await pullAll<ComplaintEvent>(server.app, admin, 'complaint_events', 1000)
    ).documents.map(strip);
    for (const event of [...events].sort((a, b) => a.serverSeq - b.serverSeq)) {
      timelines.set(event.complaintId, [...(timelines.get(event.complaintId) ?? []), event]);
    }
    const units = (await pullAll<Unit>(server.app, admin, 'units')).documents;
    activeUnitIds = new Set(units.filter((unit) => unit.active).map((unit) => unit.id));
    holidays = new Set(
      (await pullAll<Holiday>(server.app, admin, 'holidays', 500)).documents.map((h) => h.date),
    );
  });
  afterAll(() => server.close());

  it('seeds complaints in every status, each with the timeline it implies', () => {
    expect(complaints).toHaveLength(count);
    expect(new Set(complaints.map((complaint) => complaint.status)).size).toBeGreaterThanOrEqual(
      spanDays > 30 ? 7 : 4,
    );
    const unknown = events.filter((event) => !complaints.some((c) => c.id === event.complaintId));
    expect(unknown).toEqual([]);
    for (const event of events) expect(complaintEventSchema.parse(event)).toEqual(event);
  });

  it('gives every complaint past belum_diverifikasi a timeline whose moves lead to its status', () => {
    const problems: string[] = [];
    for (const complaint of complaints) {
      const timeline = timelines.get(complaint.id) ?? [];
      const name = `${complaint.trackingNumber} (${complaint.status})`;
      if (complaint.status === 'belum_diverifikasi') {
        if (timeline.length > 0) problems.push(`${name}: has events`);
        continue;
      }
      if (timeline.length === 0) problems.push(`${name}: no timeline`);
      const status = walk(timeline, (event, before) => {
        if (event.fromStatus !== before)
          problems.push(`${name}: ${event.kind} starts from ${event.fromStatus}, not ${before}`);
        if (!event.toStatus || !canTransition(before, event.toStatus))
          problems.push(`${name}: ${event.kind} moves ${before} → ${event.toStatus}`);
      });
      if (status !== complaint.status) problems.push(`${name}: the timeline ends at ${status}`);

      // The server stamps statusChangedAt when it accepts the move, as it stamps the event.
      const last = timeline[timeline.length - 1];
      if (last && complaint.statusChangedAt !== last.serverTime)
        problems.push(`${name}: statusChangedAt is not the last move's server time`);
      if (complaint.updatedAt !== complaint.statusChangedAt)
        problems.push(`${name}: updatedAt is not statusChangedAt`);
      const dueAt = computeComplaintDueAt(complaint, DEFAULT_SLA_RULES, {
        utcOffsetMinutes: admin.instansi.utcOffsetMinutes,
        holidays,
      });
      if (complaint.dueAt !== dueAt) problems.push(`${name}: dueAt does not follow its timeline`);
    }
    expect(problems).toEqual([]);
  });

  it('records every event as the admin’s triage action would have planned it', () => {
    const byId = new Map(complaints.map((complaint) => [complaint.id, complaint]));
    const problems: string[] = [];
    for (const complaint of complaints) {
      const name = complaint.trackingNumber;
      let state: Complaint = { ...complaint, status: 'belum_diverifikasi', unitId: '' };
      state.duplicateOf = '';
      walk(timelines.get(complaint.id) ?? [], (event, before) => {
        if (event.kind === 'tindak_lanjut') {
          // Posted by the OPD's penghubung (the admin for an OPD without one); no triage action.
          const poster = penghubungByUnitId.get(state.unitId) ?? admin.officer;
          if (before !== 'didisposisi' || event.toStatus !== 'ditindaklanjuti')
            problems.push(`${name}: a follow-up moves ${before} → ${event.toStatus}`);
          if (event.officerId !== poster.id || event.officerRole !== poster.role)
            problems.push(`${name}: followed up by ${event.officerId}`);
          if (event.reason.length < 10 || event.targetUnitId || event.reasonCode)
            problems.push(`${name}: an incomplete follow-up`);
          state = { ...state, status: 'ditindaklanjuti' };
          return;
        }
        const input = triageActionInputSchema.safeParse(actionInput(event));
        if (!input.success) {
          problems.push(`${name}: ${event.kind} is no valid action: ${input.error.message}`);
          return;
        }
        const plan = planTriageAction(
          { ...state, status: before },
          input.data,
          { officer: admin.officer, now: event.deviceTime, newId: () => event.id },
          { activeUnitIds },
        );
        if (!plan.ok) {
          problems.push(`${name}: ${event.kind} refused: ${plan.error}`);
          return;
        }
        // The server stamps its time, change number and whether it trusts the device's time.
        const { deviceTimeTrusted: _trusted, ...planned } = event;
        expect(plan.events).toEqual([{ ...planned, serverTime: 0, serverSeq: 0 }]);
        state = { ...state, ...plan.patch, status: event.toStatus || before };
      });
      for (const field of ['unitId', 'duplicateOf', 'anonim', 'rahasia'] as const) {
        if (complaint.status !== 'belum_diverifikasi' && state[field] !== complaint[field])
          problems.push(`${name}: ${field} differs from what its timeline set`);
      }
      const original = complaint.duplicateOf ? byId.get(complaint.duplicateOf) : undefined;
      if (complaint.duplicateOf && !(original && original.receivedAt <= complaint.receivedAt))
        problems.push(`${name}: a duplicate of a later or unknown complaint`);
    }
    expect(problems).toEqual([]);
    const triage = events.filter((event) => event.kind !== 'tindak_lanjut');
    expect(triage.every((event) => event.officerId === admin.officer.id)).toBe(true);
  });

  it('orders every timeline in time, after the arrival and before the seed’s now', () => {
    const problems: string[] = [];
    for (const complaint of complaints) {
      let previous: ComplaintEvent | undefined;
      for (const event of timelines.get(complaint.id) ?? []) {
        const name = `${complaint.trackingNumber} ${event.kind}`;
        if (event.deviceTime < complaint.receivedAt) problems.push(`${name}: before arrival`);
        if (event.serverTime > SEED_NOW) problems.push(`${name}: after now`);
        const syncDelay = event.serverTime - event.deviceTime;
        if (syncDelay < 0 || syncDelay > 9 * HOUR)
          problems.push(`${name}: reached the server after ${syncDelay} ms`);
        if (
          previous &&
          (event.deviceTime < previous.deviceTime || event.serverTime < previous.serverTime)
        )
          problems.push(`${name}: before the event appended ahead of it`);
        previous = event;
      }
    }
    expect(problems).toEqual([]);
    // Mostly synced at once; a device that was offline sends a little later.
    const delays = events.map((event) => event.serverTime - event.deviceTime).sort((a, b) => a - b);
    expect(delays[Math.floor(delays.length / 2)]).toBeLessThan(2 * MINUTE);
  });

  it('numbers every seeded change once, within the change counter', async () => {
    const seqs = [...complaints, ...events].map((document) => document.serverSeq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(Math.max(...seqs)).toBeLessThanOrEqual(await changeCounter(server.db));
    const [row] = await server.db.query<{ device_id: string; count: number }>(
      'SELECT min(device_id) AS device_id, count(DISTINCT device_id)::integer AS count FROM complaint_events',
    );
    expect(row).toEqual({ device_id: 'demo-seed', count: 1 });
  });

  it('gives the RAKORDA report its times to verify and to follow up, and their shares within the deadline', async () => {
    const from = new Date(SEED_NOW - (spanDays + 1) * DAY).toISOString().slice(0, 10);
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/reports/rakorda',
      query: { from, to: '2026-11-30' },
      headers: bearer(koordinator),
    });
    expect(response.statusCode).toBe(200);
    const { current } = response.json<RakordaReport>();
    expect(current.received.total).toBe(count);
    const pastVerification =
      count - current.status.byStatus.belum_diverifikasi - current.status.byStatus.ditunda;
    expect(current.timeToVerify).toMatchObject({ count: pastVerification, missingTimeline: 0 });
    expect(current.timeToVerify.median).toBeLessThanOrEqual(3);
    expect(current.timeToVerify.p90).toBeGreaterThan(3);
    // Most complaints are verified within the 3 working days, a realistic share is late.
    expect(current.withinDeadline.verification.percent).toBeGreaterThan(60);
    expect(current.withinDeadline.verification.percent).toBeLessThan(95);
    expect(current.archivedReasons.map((row) => row.reason)).not.toContain('tidak_tercatat');
    expect(current.timeToFirstFollowUp).toMatchObject({
      count: current.status.resolved,
      missingTimeline: 0,
    });
    // Most OPDs follow up within the 5 working days, a realistic share is late.
    expect(current.timeToFirstFollowUp.median).toBeLessThanOrEqual(5);
    expect(current.timeToFirstFollowUp.p90).toBeGreaterThan(5);
    expect(current.withinDeadline.firstFollowUp.percent).toBeLessThan(95);
  });
});
