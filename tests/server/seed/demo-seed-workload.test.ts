import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireDocument } from '../../../shared/api/contract.ts';
import { findAutoCloseCandidates } from '../../../shared/domain/find-auto-close-candidates.ts';
import { STATUSES_WITH_CLOCK } from '../../../shared/deadline/sla-rules.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { Holiday } from '../../../shared/schemas/holiday.ts';
import type { SlaRuleSetDocument } from '../../../shared/schemas/sla-rule-set.ts';
import { DEFAULT_SEED } from '../../../server/seed/seed-demo.ts';
import { DEMO_INSTANSI } from '../../../server/seed/demo-instansi.ts';
import { SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

const strip = <T>({ _deleted, ...document }: WireDocument<T>) => document as unknown as T;
const RUNNING: ReadonlySet<string> = new Set(STATUSES_WITH_CLOCK);

/** The demo as `npm start` seeds it: a working instansi, not a neglected one. */
describe('the demo seed as first run seeds it', () => {
  let server: TestServer;
  let complaints: Complaint[] = [];
  let events: ComplaintEvent[] = [];
  let holidays: string[] = [];
  let ruleSets: SlaRuleSetDocument[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      complaints: DEFAULT_SEED.complaintCount,
      spanDays: DEFAULT_SEED.spanDays,
      backlog: false,
    });
    const admin = await server.login('admin.kaltim');
    complaints = (await pullAll<Complaint>(server.app, admin, 'complaints', 1000)).documents.map(
      strip,
    );
    events = (
      await pullAll<ComplaintEvent>(server.app, admin, 'complaint_events', 1000)
    ).documents.map(strip);
    holidays = (await pullAll<Holiday>(server.app, admin, 'holidays', 500)).documents.map(
      (holiday) => holiday.date,
    );
    ruleSets = (await pullAll<SlaRuleSetDocument>(server.app, admin, 'sla_rules')).documents.map(
      strip,
    );
  }, 300_000);
  afterAll(() => server.close());

  it('has 5–15 % of its running complaints overdue at the seed date, and some', () => {
    const running = complaints.filter((complaint) => RUNNING.has(complaint.status));
    const overdue = running.filter((complaint) => complaint.dueAt < SEED_NOW);
    expect(running.length).toBeGreaterThan(30);
    expect(overdue.length).toBeGreaterThan(0);
    const share = overdue.length / running.length;
    expect(share, `${overdue.length} of ${running.length} overdue`).toBeGreaterThanOrEqual(0.05);
    expect(share, `${overdue.length} of ${running.length} overdue`).toBeLessThanOrEqual(0.15);
  });

  it('proposes a few closings, none waiting more than six working weeks', () => {
    const candidates = findAutoCloseCandidates({
      complaints,
      events,
      calendar: {
        utcOffsetMinutes: DEMO_INSTANSI.utcOffsetMinutes,
        holidays: new Set(holidays),
      },
      slaRuleSets: ruleSets,
      now: SEED_NOW,
    });
    const waits = candidates.map((candidate) => candidate.daysWaited);
    expect(candidates.length).toBeGreaterThan(0);
    expect(Math.max(...waits), `waits: ${waits.join(', ')}`).toBeLessThanOrEqual(30);
  });
});
