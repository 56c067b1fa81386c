import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Subject } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import type { ReplicationCheckpoint, SessionResponse } from '../../../shared/api/contract.ts';
import { PRIORITIES } from '../../../shared/domain/complaint-status.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { PAGE_SIZE_LIMITS, type PageSizeLimits } from '../../../shared/sync/plan-page-size.ts';
import { openReplicationMeta } from '../../../renderer/src/sync/replicate-with-first-copy.ts';
import { FirstCopyStore } from '../../../renderer/src/sync/first-copy-store.ts';
import { FlakyLink } from '../support/flaky-link.ts';
import { mergeConflictsOf, openTestReplica, type TestReplica } from '../support/test-replica.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';
import { writeFirstCopyPage } from '../../../renderer/src/sync/write-first-copy-page.ts';
import { arrivingStatesOf } from '../../../renderer/src/db/arriving-states.ts';

/**
 * A fresh replica's first copy of complaints is pulled page by page and written once, without
 * RxDB's assumed master states; RxDB's replication takes over from where the copy ended. The
 * copied complaints must then behave as RxDB-pulled ones: edits push and land, concurrent
 * edits merge field by field, refusals come back, and a copy cut short resumes.
 */

/** Pages of a few complaints each, so a first copy spans many. */
const TINY_PAGES: PageSizeLimits = {
  ...PAGE_SIZE_LIMITS,
  targetWireBytes: 2048,
  minWireBytes: 600,
};

let server: TestServer;
let link: FlakyLink;
let admin: SessionResponse;
const open: TestReplica[] = [];

beforeAll(async () => {
  server = await startTestServer({ complaints: 60 });
  link = new FlakyLink();
  await link.start(await server.app.listen({ port: 0, host: '127.0.0.1' }));
  admin = await server.login('admin.kaltim', 'first-copy-checker');
});
// RxDB allows 13 open collections per process: each test closes its replicas.
afterEach(async () => {
  link.decide = () => ({ kind: 'pass' });
  for (const replica of open.splice(0)) await replica.close();
});
afterAll(async () => {
  await link.stop();
  await server.close();
});

const isComplaintPull = (path: string) => path === '/api/replication/complaints/pull';

async function onServer(): Promise<Map<string, Complaint>> {
  const all = await pullAll<Complaint>(server.app, admin, 'complaints', 1000);
  return new Map(
    all.documents
      .filter((document) => !document._deleted)
      .map(({ _deleted, ...complaint }) => {
        void _deleted;
        return [complaint.id, complaint as Complaint];
      }),
  );
}

async function freshReplica(username = 'admin.kaltim', device = 'laptop'): Promise<TestReplica> {
  const replica = await openTestReplica({
    serverUrl: link.url,
    session: await server.login(username, `${device}-${open.length}`),
    pageSizeLimits: TINY_PAGES,
  });
  open.push(replica);
  return replica;
}

/**
 * A fresh replica whose complaint pulls are slowed by `delayMs` (its first copy stays under way
 * a while), and its other requests by `othersDelayMs`, fed live complaint changes by hand; the
 * link is back to normal after the test.
 */
async function replicaFedLive(
  device: string,
  delayMs: number,
  options: {
    copyWriteChunk?: number;
    othersDelayMs?: number;
    pageSizeLimits?: PageSizeLimits;
  } = {},
) {
  const { copyWriteChunk, othersDelayMs = 0, pageSizeLimits } = options;
  link.decide = (request) => ({
    kind: 'pass',
    delayMs: isComplaintPull(request.path) ? delayMs : othersDelayMs,
  });
  const live$ = new Subject<RxReplicationPullStreamItem<Complaint, ReplicationCheckpoint>>();
  const replica = await openTestReplica({
    serverUrl: link.url,
    session: await server.login('admin.kaltim', device),
    complaintStream$: live$,
    ...(copyWriteChunk ? { copyWriteChunk } : {}),
    ...(pageSizeLimits ? { pageSizeLimits } : {}),
  });
  open.push(replica);
  const sendLive = (changed: Complaint) =>
    live$.next({
      documents: [{ ...changed, _deleted: false }],
      checkpoint: { seq: changed.serverSeq },
    });
  return { replica, sendLive };
}

async function assumedMasters(replica: TestReplica, ids: readonly string[]) {
  const meta = await openReplicationMeta(replica.replica.complaints, 'complaints', link.url);
  return meta.idsWithAssumedMaster(ids);
}

const next = (priority: Complaint['priority']) =>
  PRIORITIES[(PRIORITIES.indexOf(priority) + 1) % PRIORITIES.length]!;

describe('a fresh replica’s first copy of complaints', () => {
  it('writes every complaint once, with no assumed master state beside it', async () => {
    const pullsBefore = link.count('/complaints/pull');
    const replica = await freshReplica();
    await replica.sync();
    const expected = await onServer();
    const held = await replica.complaints();
    expect(held.length).toBe(expected.size);
    for (const complaint of held) expect(complaint).toEqual(expected.get(complaint.id));
    // RxDB's replication took over (it has pulled since), but kept nothing of the copied ones.
    expect(await assumedMasters(replica, [...expected.keys()])).toEqual(new Set());
    const meta = await openReplicationMeta(replica.replica.complaints, 'complaints', link.url);
    expect(await meta.hasPulled()).toBe(true);
    // Many pages, none asked for twice; from where the copy ended, RxDB's pulls (one per sync
    // round the test asks for) find nothing new.
    const checkpoints = link.seen
      .slice(pullsBefore)
      .filter((request) => isComplaintPull(request.path))
      .map((request) => new URLSearchParams(request.query).get('checkpoint'));
    const end = checkpoints.at(-1);
    const copy = checkpoints.filter((checkpoint) => checkpoint !== end);
    expect(copy.length).toBeGreaterThan(3);
    expect(new Set(copy).size).toBe(copy.length);
  });

  it('pushes an edit of a copied complaint, which lands on the server', async () => {
    const replica = await freshReplica();
    await replica.sync();
    const [complaint] = (await replica.complaints()).sort((a, b) => (a.id < b.id ? -1 : 1));
    const before = (await onServer()).get(complaint!.id)!;
    await replica.pause();
    await replica.edit(complaint!.id, { priority: next(before.priority) });
    // The state it was edited from is kept as its assumed master, right before the edit.
    expect(await assumedMasters(replica, [complaint!.id])).toEqual(new Set([complaint!.id]));
    await replica.resume();
    await replica.sync();
    expect((await onServer()).get(complaint!.id)).toMatchObject({
      priority: next(before.priority),
      serverSeq: expect.any(Number) as number,
    });
    expect((await onServer()).get(complaint!.id)!.serverSeq).toBeGreaterThan(before.serverSeq);
    expect(await replica.complaint(complaint!.id)).toEqual((await onServer()).get(complaint!.id));
    expect(replica.pending.count$.value).toBe(0);
    expect(await replica.openRejections()).toEqual([]);
  });

  it.each([
    ['the copied replica first', 'copied'],
    ['the other device first', 'other'],
  ] as const)(
    'merges a concurrent edit on another device field by field, %s',
    async (_label, first) => {
      const copied = await freshReplica('admin.kaltim', 'copied');
      const other = await freshReplica('admin.kaltim', 'other');
      await Promise.all([copied.sync(), other.sync()]);
      const ids = (await copied.complaints()).map((complaint) => complaint.id).sort();
      const id = first === 'copied' ? ids[1]! : ids[2]!;
      const base = (await onServer()).get(id)!;
      const categories = [...new Set((await copied.complaints()).map((c) => c.categoryId))];
      const category = categories.find((candidate) => candidate !== base.categoryId)!;
      await copied.pause();
      await other.pause();
      // A field each side alone changed, and one both changed differently.
      await copied.edit(id, { categoryId: category, priority: next(base.priority) });
      await other.edit(id, { rahasia: !base.rahasia, priority: next(next(base.priority)) });
      const [one, two] = first === 'copied' ? [copied, other] : [other, copied];
      await one.resume();
      await one.sync();
      await two.resume();
      await two.sync();
      await one.sync();
      const merged = (await onServer()).get(id)!;
      const firstPriority = first === 'copied' ? next(base.priority) : next(next(base.priority));
      expect(merged).toMatchObject({
        categoryId: category,
        rahasia: !base.rahasia,
        priority: firstPriority,
      });
      for (const replica of [copied, other]) {
        expect(await replica.complaint(id)).toEqual(merged);
        expect(replica.pending.count$.value).toBe(0);
      }
      // The side that came second has its priority waiting for the officer, not dropped.
      const waiting = await mergeConflictsOf(two.replica).list();
      expect(waiting).toEqual([
        expect.objectContaining({
          complaintId: id,
          conflicts: [expect.objectContaining({ fields: ['priority'] })],
        }),
      ]);
    },
  );

  it('brings back the refusal of an edit of a copied complaint', async () => {
    const replica = await freshReplica('koordinator.kaltim', 'koordinator');
    await replica.sync();
    const [complaint] = (await replica.complaints()).sort((a, b) => (a.id < b.id ? -1 : 1));
    // A koordinator may change no complaint field: the server refuses it.
    await replica.edit(complaint!.id, { priority: next(complaint!.priority) });
    await replica.sync();
    const refusals = await replica.openRejections();
    expect(refusals).toEqual([expect.objectContaining({ documentId: complaint!.id })]);
    expect(await replica.complaint(complaint!.id)).toEqual(complaint);
    expect(replica.pending.count$.value).toBe(0);
  });

  it('resumes a copy cut short by closing the app, without duplicates or loss', async () => {
    // Slow pages, so the app can be closed mid-copy.
    link.decide = (request) =>
      isComplaintPull(request.path) ? { kind: 'pass', delayMs: 60 } : { kind: 'pass' };
    try {
      const first = await openTestReplica({
        serverUrl: link.url,
        session: await server.login('admin.kaltim', 'closed-mid-copy'),
        pageSizeLimits: TINY_PAGES,
      });
      const expected = await onServer();
      while ((await first.replica.complaints.count().exec()) === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const kept = await first.shutDown();
      const pullsBefore = link.seen.length;
      const reopened = await openTestReplica({
        serverUrl: link.url,
        session: await server.login('admin.kaltim', 'closed-mid-copy'),
        pageSizeLimits: TINY_PAGES,
        reopen: kept,
      });
      open.push(reopened);
      const progress = await new FirstCopyStore(
        reopened.replica.complaints,
        'complaints',
        link.url,
      ).load();
      expect(progress?.done).toBe(false);
      const heldAtClose = await reopened.replica.complaints.count().exec();
      expect(heldAtClose).toBeGreaterThan(0);
      expect(heldAtClose).toBeLessThan(expected.size);
      await reopened.sync();
      // It went on from its checkpoint, not from the start.
      const resumedFrom = link.seen
        .slice(pullsBefore)
        .find((request) => isComplaintPull(request.path));
      const checkpoint = JSON.parse(
        new URLSearchParams(resumedFrom!.query).get('checkpoint') ?? '{}',
      ) as { seq?: number; open?: unknown };
      expect(checkpoint.seq !== 0 || checkpoint.open !== undefined).toBe(true);
      const held = await reopened.complaints();
      expect(held.map((complaint) => complaint.id).sort()).toEqual([...expected.keys()].sort());
      for (const complaint of held) expect(complaint).toEqual(expected.get(complaint.id));
      expect(await assumedMasters(reopened, [...expected.keys()])).toEqual(new Set());
    } finally {
      link.decide = () => ({ kind: 'pass' });
    }
  });

  it('pushes an edit made while the copy is under way, from the state it was made on', async () => {
    link.decide = (request) =>
      isComplaintPull(request.path) ? { kind: 'pass', delayMs: 60 } : { kind: 'pass' };
    try {
      const replica = await freshReplica('admin.kaltim', 'edits-mid-copy');
      let copiedSoFar: Complaint[] = [];
      while (copiedSoFar.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        copiedSoFar = await replica.complaints();
      }
      const [complaint] = copiedSoFar;
      await replica.edit(complaint!.id, { priority: next(complaint!.priority) });
      const total = (await onServer()).size;
      expect(await replica.replica.complaints.count().exec()).toBeLessThan(total);
      link.decide = () => ({ kind: 'pass' });
      await replica.sync();
      const landed = (await onServer()).get(complaint!.id)!;
      expect(landed.priority).toBe(next(complaint!.priority));
      expect(await replica.complaint(complaint!.id)).toEqual(landed);
      expect((await replica.complaints()).length).toBe(total);
      expect(replica.pending.count$.value).toBe(0);
    } finally {
      link.decide = () => ({ kind: 'pass' });
    }
  });

  /** Changes a complaint on the server as another officer would; answers its new state. */
  async function changedOnServer(complaint: Complaint): Promise<Complaint> {
    const categories = [...new Set([...(await onServer()).values()].map((c) => c.categoryId))];
    const category = categories.find((candidate) => candidate !== complaint.categoryId)!;
    const pushed = await pushComplaints(server.app, admin, [
      {
        assumedMasterState: { ...complaint, _deleted: false },
        newDocumentState: {
          ...complaint,
          categoryId: category,
          updatedAt: complaint.updatedAt + 1000,
          _deleted: false,
        },
      },
    ]);
    expect(pushed.statusCode).toBe(200);
    const changed = (await onServer()).get(complaint.id)!;
    expect(changed.categoryId).toBe(category);
    return changed;
  }

  it('shows a live change that comes while the copy is under way, before the copy ends', async () => {
    link.decide = (request) =>
      isComplaintPull(request.path) ? { kind: 'pass', delayMs: 60 } : { kind: 'pass' };
    try {
      const live$ = new Subject<RxReplicationPullStreamItem<Complaint, ReplicationCheckpoint>>();
      const replica = await openTestReplica({
        serverUrl: link.url,
        session: await server.login('admin.kaltim', 'live-mid-copy'),
        pageSizeLimits: TINY_PAGES,
        complaintStream$: live$,
      });
      open.push(replica);
      let copiedSoFar: Complaint[] = [];
      while (copiedSoFar.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        copiedSoFar = await replica.complaints();
      }
      const changed = await changedOnServer((await onServer()).get(copiedSoFar[0]!.id)!);
      live$.next({
        documents: [{ ...changed, _deleted: false }],
        checkpoint: { seq: changed.serverSeq },
      });
      await vi.waitFor(async () => expect(await replica.complaint(changed.id)).toEqual(changed), {
        timeout: 2000,
        interval: 10,
      });
      const progress = new FirstCopyStore(replica.replica.complaints, 'complaints', link.url);
      expect((await progress.load())?.done).toBe(false);
      link.decide = () => ({ kind: 'pass' });
      await replica.sync();
      const expected = await onServer();
      const held = await replica.complaints();
      expect(held.length).toBe(expected.size);
      for (const complaint of held) expect(complaint).toEqual(expected.get(complaint.id));
      expect(replica.pending.count$.value).toBe(0);
    } finally {
      link.decide = () => ({ kind: 'pass' });
    }
  });

  it('writes a live change that comes mid-page before the rest of that page', async () => {
    const { replica, sendLive } = await replicaFedLive('live-mid-page', 200, {
      copyWriteChunk: 10,
    });
    const storage = replica.replica.complaints.internalStorageInstance;
    const original = storage.bulkWrite.bind(storage);
    const rowsPerWrite: number[] = [];
    const changed = await changedOnServer([...(await onServer()).values()][0]!);
    vi.spyOn(storage, 'bulkWrite').mockImplementation((rows, context) => {
      rowsPerWrite.push(rows.length);
      if (rowsPerWrite.length === 1) sendLive(changed);
      return original(rows, context);
    });
    link.decide = () => ({ kind: 'pass' });
    await replica.sync();
    // The page (all the complaints) is written ten at a time; the live change goes second.
    expect(rowsPerWrite[0]).toBe(10);
    expect(rowsPerWrite[1]).toBe(1);
    expect(rowsPerWrite.slice(2).every((rows) => rows <= 10)).toBe(true);
    expect(await replica.complaint(changed.id)).toEqual(changed);
  });

  it('writes a live change to a complaint the copy wrote in one write', async () => {
    const { replica, sendLive } = await replicaFedLive('live-copied-one-write', 200, {
      copyWriteChunk: 10,
    });
    const storage = replica.replica.complaints.internalStorageInstance;
    const original = storage.bulkWrite.bind(storage);
    const writes: { ids: string[]; context: string }[] = [];
    let changedId = '';
    vi.spyOn(storage, 'bulkWrite').mockImplementation(async (rows, context) => {
      writes.push({ ids: rows.map((row) => row.document.id), context });
      // Once the copy's first part is written, a complaint of it changes on the server.
      if (writes.length === 2) {
        const changed = await changedOnServer((await onServer()).get(writes[0]!.ids[0]!)!);
        changedId = changed.id;
        sendLive(changed);
      }
      return original(rows, context);
    });
    link.decide = () => ({ kind: 'pass' });
    await replica.sync();
    const liveWrites = writes.filter(
      (write) => write.context === 'lapor-first-copy' && write.ids.length === 1,
    );
    // Replaced with the state the copy wrote as the one before it: not tried as new first.
    expect(liveWrites.map((write) => write.ids)).toEqual([[changedId]]);
    expect(await replica.complaint(changedId)).toEqual((await onServer()).get(changedId));
  });

  /** The states told to the complaints' views as arriving, as `id categoryId priority`. */
  function toldOf(replica: TestReplica): string[] {
    const told: string[] = [];
    const subscription = arrivingStatesOf(replica.replica.complaints).states$.subscribe((states) =>
      told.push(...states.map((state) => `${state.id} ${state.categoryId} ${state.priority}`)),
    );
    toldSubscriptions.push(subscription);
    return told;
  }
  const toldSubscriptions: { unsubscribe(): void }[] = [];
  afterEach(() => {
    for (const subscription of toldSubscriptions.splice(0)) subscription.unsubscribe();
  });
  const toldLine = (complaint: Complaint) =>
    `${complaint.id} ${complaint.categoryId} ${complaint.priority}`;
  const liveWritesMeasured = () => performance.getEntriesByName('lapor:live-write').length;

  /** A replica fed live changes, its copy written ten at a time: what it tells, its storage. */
  async function replicaTelling(device: string) {
    const fed = await replicaFedLive(device, 200, { copyWriteChunk: 10 });
    const storage = fed.replica.replica.complaints.internalStorageInstance;
    return {
      ...fed,
      told: toldOf(fed.replica),
      storage,
      original: storage.bulkWrite.bind(storage),
    };
  }

  it('tells a live change of a complaint the copy wrote before writing it', async () => {
    const { replica, sendLive, told, storage, original } = await replicaTelling('live-told-first');
    const order: string[] = [];
    let changed: Complaint | null = null;
    let firstId = '';
    vi.spyOn(storage, 'bulkWrite').mockImplementation(async (rows, context) => {
      if (rows.length === 1 && rows[0]!.document.id === changed?.id) {
        order.push(`written; told: ${told.join(', ')}`);
      } else if (order.length === 0) {
        order.push('first part');
        firstId = rows[0]!.document.id;
      } else if (order.length === 1) {
        // Once the copy's first part is written, a complaint of it changes on the server.
        order.push('second part');
        changed = await changedOnServer((await onServer()).get(firstId)!);
        sendLive(changed);
      }
      return original(rows, context);
    });
    await replica.sync();
    expect(order.slice(0, 3)).toEqual([
      'first part',
      'second part',
      `written; told: ${toldLine(changed!)}`,
    ]);
    // Written as told: nothing told again.
    expect(told).toEqual([toldLine(changed!)]);
    expect(await replica.complaint(changed!.id)).toEqual(changed);
  });

  it('does not tell a live change of a complaint with an edit not yet sent', async () => {
    const { replica, sendLive } = await replicaFedLive('live-over-edit', 60, {
      pageSizeLimits: TINY_PAGES,
    });
    const told = toldOf(replica);
    let copiedSoFar: Complaint[] = [];
    while (copiedSoFar.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      copiedSoFar = await replica.complaints();
    }
    const [complaint] = copiedSoFar;
    const edited = next(complaint!.priority);
    await replica.edit(complaint!.id, { priority: edited });
    const measured = liveWritesMeasured();
    sendLive(await changedOnServer((await onServer()).get(complaint!.id)!));
    await vi.waitFor(() => expect(liveWritesMeasured()).toBe(measured + 1), {
      timeout: 5000,
      interval: 10,
    });
    expect(told).toEqual([]);
    expect((await replica.complaint(complaint!.id))?.priority).toBe(edited);
    link.decide = () => ({ kind: 'pass' });
    await replica.sync();
  });

  it('tells the stored state again when a told live change could not be written', async () => {
    const { replica, sendLive, told, storage, original } =
      await replicaTelling('live-told-unwritten');
    let before: Complaint | null = null;
    let changed: Complaint | null = null;
    let firstId = '';
    let writes = 0;
    let failed = false;
    vi.spyOn(storage, 'bulkWrite').mockImplementation(async (rows, context) => {
      writes += 1;
      if (!failed && rows.length === 1 && rows[0]!.document.id === changed?.id) {
        failed = true;
        throw new Error('the disk is full');
      }
      if (writes === 1) firstId = rows[0]!.document.id;
      if (writes === 2) {
        before = (await onServer()).get(firstId)!;
        changed = await changedOnServer(before);
        sendLive(changed);
      }
      return original(rows, context);
    });
    await vi.waitFor(() => expect(told).toHaveLength(2), { timeout: 5000, interval: 10 });
    expect(told).toEqual([toldLine(changed!), toldLine(before!)]);
    // RxDB's replication, once the copy is done, brings the change all the same.
    link.decide = () => ({ kind: 'pass' });
    await replica.sync();
    expect(await replica.complaint(changed!.id)).toEqual(changed);
  });

  it("writes a live change before the timeline's next part", async () => {
    // The timelines' pulls are slowed a little too, so the spies below are in place first.
    const { replica, sendLive } = await replicaFedLive('live-before-timeline-part', 400, {
      othersDelayMs: 200,
    });
    const order: string[] = [];
    const events = replica.replica.complaint_events.internalStorageInstance;
    const writeEvents = events.bulkWrite.bind(events);
    const target = [...(await onServer()).keys()][0]!;
    let changed: Complaint | null = null;
    vi.spyOn(events, 'bulkWrite').mockImplementation(async (rows, context) => {
      order.push('timeline part');
      // The complaints' first copy is still under way (its pulls are slow): a live change comes.
      if (order.length === 1) {
        changed = await changedOnServer((await onServer()).get(target)!);
        sendLive(changed);
      }
      return writeEvents(rows, context);
    });
    const complaints = replica.replica.complaints.internalStorageInstance;
    const writeComplaints = complaints.bulkWrite.bind(complaints);
    vi.spyOn(complaints, 'bulkWrite').mockImplementation(async (rows, context) => {
      const live = rows.length === 1 && rows[0]!.document.id === target;
      // Slow, so the next timeline part would start meanwhile if it did not wait.
      if (live) await new Promise((resolve) => setTimeout(resolve, 150));
      const result = await writeComplaints(rows, context);
      if (live) order.push('live change');
      return result;
    });
    await replica.sync();
    expect(order.slice(0, 3)).toEqual(['timeline part', 'live change', 'timeline part']);
    expect(await replica.complaint(target)).toEqual(changed);
  });

  it('keeps a live change when a page fetched before it is written after it', async () => {
    const replica = await freshReplica('admin.kaltim', 'page-after-live');
    await replica.sync();
    const [held] = await replica.complaints();
    const before = (await onServer()).get(held!.id)!;
    const changed = await changedOnServer(before);
    const meta = await openReplicationMeta(replica.replica.complaints, 'complaints', link.url);
    await writeFirstCopyPage(
      replica.replica.complaints,
      [{ ...changed, _deleted: false }],
      meta.originHash,
    );
    expect(await replica.complaint(changed.id)).toEqual(changed);
    await writeFirstCopyPage(
      replica.replica.complaints,
      [{ ...before, _deleted: false }],
      meta.originHash,
    );
    expect(await replica.complaint(changed.id)).toEqual(changed);
  });

  it('replaces a complaint whose stored state is at hand in one write, a stale one in two', async () => {
    const replica = await freshReplica('admin.kaltim', 'live-held-at-hand');
    await replica.sync();
    // Only this test's writes reach the storage (RxDB's replication would write too).
    await replica.pause();
    const collection = replica.replica.complaints;
    const [held] = await replica.complaints();
    await collection.findOne(held!.id).exec();
    const meta = await openReplicationMeta(collection, 'complaints', link.url);
    const storage = collection.internalStorageInstance;
    const write = vi.spyOn(storage, 'bulkWrite');
    const copyWrites = () =>
      write.mock.calls.filter(([, context]) => context === 'lapor-first-copy').length;
    try {
      const atHand = collection._docCache.getLatestDocumentDataIfExists(held!.id);
      expect(atHand).toBeDefined();
      const first = await changedOnServer((await onServer()).get(held!.id)!);
      await writeFirstCopyPage(collection, [{ ...first, _deleted: false }], meta.originHash, () =>
        collection._docCache.getLatestDocumentDataIfExists(held!.id),
      );
      expect(copyWrites()).toBe(1);
      expect(await replica.complaint(held!.id)).toEqual(first);
      // The state at hand from before that write is stale now: the write is refused and redone.
      write.mockClear();
      const second = await changedOnServer(first);
      await writeFirstCopyPage(
        collection,
        [{ ...second, _deleted: false }],
        meta.originHash,
        () => atHand,
      );
      expect(copyWrites()).toBe(2);
      expect(await replica.complaint(held!.id)).toEqual(second);
    } finally {
      write.mockRestore();
    }
  });
});
