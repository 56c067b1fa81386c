import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplicationCheckpoint, SessionResponse } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import { isOpenStatus } from '../../../shared/sync/plan-first-sync-phase.ts';
import { PAGE_SIZE_LIMITS } from '../../../shared/sync/plan-page-size.ts';
import { FlakyLink } from '../support/flaky-link.ts';
import { openTestReplica } from '../support/test-replica.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';

let server: TestServer;
let link: FlakyLink;
let admin: SessionResponse;

beforeAll(async () => {
  server = await startTestServer({ complaints: 150 });
  link = new FlakyLink();
  await link.start(await server.app.listen({ port: 0, host: '127.0.0.1' }));
  admin = await server.login('admin.kaltim');
});
afterAll(async () => {
  await link.stop();
  await server.close();
});

const isEventPull = (path: string) => path === '/api/replication/complaint_events/pull';
const isComplaintPull = (path: string) => path === '/api/replication/complaints/pull';
const checkpointOf = (query: string) =>
  JSON.parse(new URLSearchParams(query).get('checkpoint') ?? '{}') as ReplicationCheckpoint;

async function until(condition: () => boolean, timeoutMs = 30_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a first sync of timelines over a cut link, closed and reopened mid-way', () => {
  it('writes every event exactly once, the open complaints’ timelines first, resuming where it stopped', async () => {
    const complaints = new Map(
      (await pullAll<Complaint>(server.app, admin, 'complaints', 1000)).documents.map((doc) => [
        doc.id,
        doc,
      ]),
    );
    const onServer = (await pullAll<ComplaintEvent>(server.app, admin, 'complaint_events', 1000))
      .documents;
    const ofOpen = new Set(
      onServer
        .filter((event) => isOpenStatus(complaints.get(event.complaintId)!.status))
        .map((event) => event.id),
    );
    expect(ofOpen.size).toBeGreaterThan(100);

    let eventPulls = 0;
    let closed = false;
    link.decide = (request) => {
      if (!isEventPull(request.path)) return { kind: 'pass' };
      eventPulls += 1;
      // The link goes down after four pages: the officer closes the app.
      if (closed || eventPulls > 6) return { kind: 'cut-before' };
      // One page in three cut mid-body, in the open phase and after.
      return eventPulls % 3 === 0 ? { kind: 'cut-mid-body', fraction: 0.6 } : { kind: 'pass' };
    };
    const replica = await openTestReplica({
      serverUrl: link.url,
      session: admin,
      prioritiseOpen: true,
      eventPageSize: 20,
    });
    const writes: { id: string; operation: string }[] = [];
    const watching = replica.replica.complaint_events.$.subscribe((change) =>
      writes.push({ id: change.documentId, operation: change.operation }),
    );
    try {
      await until(() => eventPulls > 7);
      closed = true;
      await replica.pause();
      const heldAtClose = writes.length;
      expect(heldAtClose).toBeGreaterThan(0);
      expect(heldAtClose).toBeLessThan(ofOpen.size);

      const reopenedAt = link.seen.length;
      closed = false;
      link.decide = (request) => {
        if (!isEventPull(request.path)) return { kind: 'pass' };
        eventPulls += 1;
        return eventPulls % 5 === 0 ? { kind: 'cut-mid-body', fraction: 0.5 } : { kind: 'pass' };
      };
      await replica.resume();
      await replica.sync();

      // Resumed in the open phase from the stored checkpoint, not from the start.
      const firstAfter = link.seen.slice(reopenedAt).find((request) => isEventPull(request.path))!;
      const resumedFrom = checkpointOf(firstAfter.query);
      expect(resumedFrom.open?.done).toBe(false);
      expect(resumedFrom.open?.after).not.toBeNull();

      // Every event written once: one insert each, never rewritten, none missing.
      expect(writes.every((write) => write.operation === 'INSERT')).toBe(true);
      expect(writes.map((write) => write.id).sort()).toEqual(
        onServer.map((event) => event.id).sort(),
      );
      // The open complaints' timelines all came before any closed complaint's event.
      const firstClosed = writes.findIndex((write) => !ofOpen.has(write.id));
      expect(firstClosed).toBe(ofOpen.size);
    } finally {
      watching.unsubscribe();
      await replica.close();
    }
  });
});

describe('a first sync of complaints closed mid-way through its open phase', () => {
  it('ends with every complaint written once after a close mid-way', async () => {
    const onServer = (await pullAll<Complaint>(server.app, admin, 'complaints', 1000)).documents;
    const open = new Set(onServer.filter((doc) => isOpenStatus(doc.status)).map((doc) => doc.id));
    let complaintPulls = 0;
    let closed = false;
    link.decide = (request) => {
      if (!isComplaintPull(request.path)) return { kind: 'pass' };
      complaintPulls += 1;
      return closed || complaintPulls > 3 ? { kind: 'cut-before' } : { kind: 'pass' };
    };
    const replica = await openTestReplica({
      serverUrl: link.url,
      session: admin,
      prioritiseOpen: true,
      // Pages of a few complaints, so the open phase spans several.
      pageSizeLimits: { ...PAGE_SIZE_LIMITS, targetWireBytes: 2048, minWireBytes: 600 },
    });
    const writes: { id: string; operation: string }[] = [];
    const watching = replica.replica.complaints.$.subscribe((change) =>
      writes.push({ id: change.documentId, operation: change.operation }),
    );
    try {
      await until(() => complaintPulls > 5);
      closed = true;
      await replica.pause();
      const reopenedAt = link.seen.length;
      link.decide = () => ({ kind: 'pass' });
      await replica.resume();
      await replica.sync();

      // RxDB stores the complaints' checkpoint once per batch of 1,000 gathered documents, so
      // this instansi's first sync starts again; what was written stays written once.
      expect(link.seen.slice(reopenedAt).some((request) => isComplaintPull(request.path))).toBe(
        true,
      );
      const held = (await replica.complaints()).map((doc) => doc.id);
      expect(held.sort()).toEqual(onServer.map((doc) => doc.id).sort());
      const inserted = writes.filter((write) => write.operation === 'INSERT').map((w) => w.id);
      expect(new Set(inserted).size).toBe(inserted.length);
      // Open complaints came first over the link, but RxDB writes its gathered batch (here the
      // whole instansi) in one bulk, so the order of writes does not show it.
      expect(inserted.filter((id) => open.has(id)).length).toBe(open.size);
    } finally {
      watching.unsubscribe();
      await replica.close();
    }
  });
});
