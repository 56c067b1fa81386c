import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PullResponse,
  ReplicationCheckpoint,
  SessionResponse,
  WireDocument,
} from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import { isOpenStatus } from '../../../shared/sync/plan-first-sync-phase.ts';
import { bearer, SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ complaints: 150, app: { now: () => SEED_NOW } });
});
afterAll(() => server.close());

async function pullEventsPriority(
  session: SessionResponse,
  checkpoint: ReplicationCheckpoint,
  limit: number,
) {
  const response = await server.app.inject({
    method: 'GET',
    url: '/api/replication/complaint_events/pull',
    query: { checkpoint: JSON.stringify(checkpoint), limit: String(limit), priority: '1' },
    headers: bearer(session),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PullResponse<ComplaintEvent>>();
}

/** A first timeline pull with priority, in small pages: the open phase's events, then the rest. */
async function firstEventSync(
  session: SessionResponse,
  between?: (open: WireDocument<ComplaintEvent>[]) => Promise<void>,
  limit = 7,
) {
  const open: WireDocument<ComplaintEvent>[] = [];
  const rest: WireDocument<ComplaintEvent>[] = [];
  let checkpoint: ReplicationCheckpoint = { seq: 0 };
  for (let pages = 0; pages < 2000; pages += 1) {
    const inOpenPhase = !checkpoint.open?.done;
    const page = await pullEventsPriority(session, checkpoint, limit);
    (inOpenPhase ? open : rest).push(...page.documents);
    checkpoint = page.checkpoint!;
    if (pages === 2) await between?.(open);
    if (!(page.more ?? page.documents.length === limit)) return { open, rest };
  }
  throw new Error('first timeline sync did not end');
}

/** The open phase's order: the complaint's (overdue, then newest), then the event's id. */
function openOrderKey(complaint: Complaint) {
  return [complaint.dueAt > 0 && complaint.dueAt < SEED_NOW ? 1 : 0, complaint.receivedAt];
}

function expectedOpenOrder(events: ComplaintEvent[], complaints: Map<string, Complaint>) {
  return [...events].sort((a, b) => {
    const ca = complaints.get(a.complaintId)!;
    const cb = complaints.get(b.complaintId)!;
    const [ao, ar] = openOrderKey(ca) as [number, number];
    const [bo, br] = openOrderKey(cb) as [number, number];
    if (ao !== bo) return bo - ao;
    if (ar !== br) return br - ar;
    if (ca.id !== cb.id) return ca.id < cb.id ? 1 : -1;
    return a.id < b.id ? 1 : -1;
  });
}

async function everything(session: SessionResponse) {
  const complaints = (await pullAll<Complaint>(server.app, session, 'complaints', 1000)).documents;
  const events = (await pullAll<ComplaintEvent>(server.app, session, 'complaint_events', 1000))
    .documents;
  return { complaints: new Map(complaints.map((doc) => [doc.id, doc])), events };
}

describe('a first sync brings the timelines of open complaints first', () => {
  it('sends the events of every open complaint first, in the complaints’ order, then the rest, each once', async () => {
    const admin = await server.login('admin.kaltim');
    const { complaints, events } = await everything(admin);
    const { open, rest } = await firstEventSync(admin);
    const ofOpen = events.filter((event) =>
      isOpenStatus(complaints.get(event.complaintId)!.status),
    );
    expect(ofOpen.length).toBeGreaterThan(20);
    expect(ofOpen.length).toBeLessThan(events.length);
    expect(open.map((event) => event.id)).toEqual(
      expectedOpenOrder(ofOpen, complaints).map((event) => event.id),
    );
    expect(rest.every((event) => !isOpenStatus(complaints.get(event.complaintId)!.status))).toBe(
      true,
    );
    const received = [...open, ...rest].map((event) => event.id);
    expect(new Set(received).size).toBe(received.length);
    expect(received.sort()).toEqual(events.map((event) => event.id).sort());
  });

  it('sends again in the history the timeline of an open complaint changed after its events came', async () => {
    const admin = await server.login('admin.kaltim');
    const { complaints, events } = await everything(admin);
    let changed = '';
    const { open, rest } = await firstEventSync(admin, async (sent) => {
      const complaint = complaints.get(sent[0]!.complaintId)!;
      changed = complaint.id;
      const response = await pushComplaints(server.app, admin, [
        {
          assumedMasterState: complaint,
          newDocumentState: {
            ...complaint,
            priority: complaint.priority === 'mendesak' ? 'rendah' : 'mendesak',
          },
        },
      ]);
      expect(response.json()).toEqual([]);
    });
    const timeline = events.filter((event) => event.complaintId === changed).map((e) => e.id);
    expect(open.filter((event) => event.complaintId === changed).length).toBeGreaterThan(0);
    expect(
      rest
        .filter((event) => event.complaintId === changed)
        .map((e) => e.id)
        .sort(),
    ).toEqual(timeline.sort());
    const received = new Set([...open, ...rest].map((event) => event.id));
    expect([...received].sort()).toEqual(events.map((event) => event.id).sort());
  });

  it('keeps a penghubung’s open timelines to its own OPD and hides admin-only events', async () => {
    const penghubung = await server.login('pupr.kaltim');
    const { complaints, events } = await everything(penghubung);
    const { open, rest } = await firstEventSync(penghubung);
    expect(open.length).toBeGreaterThan(0);
    const received = [...open, ...rest];
    expect(
      received.every((event) => complaints.get(event.complaintId)?.unitId === 'unit-pupr'),
    ).toBe(true);
    expect(received.map((event) => event.id).sort()).toEqual(events.map((e) => e.id).sort());
    const forged = await pullEventsPriority(
      penghubung,
      { seq: 0, firstPullHead: 1_000_000, open: { asOf: SEED_NOW, after: null, done: false } },
      1000,
    );
    expect(forged.documents.every((event) => complaints.has(event.complaintId))).toBe(true);
  });
});
