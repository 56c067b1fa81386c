import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RxJsonSchema } from 'rxdb';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { PRIORITIES } from '../../../shared/domain/complaint-status.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { complaintRxSchema } from '../../../renderer/src/db/replica-schemas.ts';
import { FirstCopyStore } from '../../../renderer/src/sync/first-copy-store.ts';
import { FlakyLink } from '../support/flaky-link.ts';
import { mergeConflictsOf, openTestReplica, type TestReplica } from '../support/test-replica.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll } from '../support/replication-client.ts';
import { complaintRxSchemaVersion2 } from '../../support/version-2-complaint-schema.ts';
import { openedComplaintSchema } from '../../support/opened-complaint-schema.ts';

/**
 * A replica stored by the version before the complaint schema dropped its unused indexes
 * (complaint schema version 2) is upgraded when the new version opens it. What the device had
 * not pushed yet must survive the upgrade: the edit still goes up, RxDB's assumed master state
 * of it is still there for the field-by-field merge, and the first copy is not done again.
 */

vi.mock('../../../renderer/src/db/replica-schemas.ts', async (importOriginal) =>
  (await import('../../support/opened-complaint-schema.ts')).replicaSchemasWithOpenedComplaints(
    importOriginal,
  ),
);

let server: TestServer;
let link: FlakyLink;
let admin: SessionResponse;
const open: TestReplica[] = [];
const fetchCalls = vi.spyOn(globalThis, 'fetch');

beforeAll(async () => {
  server = await startTestServer({ complaints: 30 });
  link = new FlakyLink();
  await link.start(await server.app.listen({ port: 0, host: '127.0.0.1' }));
  admin = await server.login('admin.kaltim', 'upgrade-checker');
});
// RxDB allows 13 open collections per process: each test closes its replicas.
afterEach(async () => {
  openedComplaintSchema.complaints = undefined;
  for (const replica of open.splice(0)) await replica.close();
});
afterAll(async () => {
  await link.stop();
  await server.close();
});

async function onServer(id: string): Promise<Complaint> {
  const all = await pullAll<Complaint>(server.app, admin, 'complaints', 1000);
  const found = all.documents.find((document) => document.id === id);
  if (!found) throw new Error(`${id} is not on the server`);
  const { _deleted, ...complaint } = found;
  void _deleted;
  return complaint as Complaint;
}

/** The complaint ids of each push of complaints sent through `fetch` since `since` calls. */
async function pushedComplaintIds(since: number): Promise<string[][]> {
  const pushes = fetchCalls.mock.calls
    .slice(since)
    .filter(([url]) => String(url).endsWith('/api/replication/complaints/push'));
  return Promise.all(
    pushes.map(async ([, init]) => {
      const body = init?.body;
      const text =
        typeof body === 'string'
          ? body
          : await new Response(
              (body as Blob).stream().pipeThrough(new DecompressionStream('gzip')),
            ).text();
      const rows = JSON.parse(text) as { newDocumentState: { id: string } }[];
      return rows.map((row) => row.newDocumentState.id);
    }),
  );
}

const next = (priority: Complaint['priority']) =>
  PRIORITIES[(PRIORITIES.indexOf(priority) + 1) % PRIORITIES.length]!;

describe('a version 2 replica with an edit not yet pushed, opened by the current version', () => {
  it('is upgraded to the current schema and pushes the edit, merged with another device’s', async () => {
    openedComplaintSchema.complaints = complaintRxSchemaVersion2 as RxJsonSchema<unknown>;
    const laptop = await openTestReplica({
      serverUrl: link.url,
      session: await server.login('admin.kaltim', 'upgraded-laptop'),
    });
    const other = await openTestReplica({
      serverUrl: link.url,
      session: await server.login('admin.kaltim', 'other-desk'),
    });
    open.push(other);
    await Promise.all([laptop.sync(), other.sync()]);
    expect(laptop.replica.complaints.schema.version).toBe(2);

    const held = await laptop.complaints();
    const id = held.map((complaint) => complaint.id).sort()[0]!;
    const base = await onServer(id);
    const category = held.map((c) => c.categoryId).find((c) => c !== base.categoryId)!;
    // Offline: a field only the laptop changes, and one both change differently.
    await laptop.pause();
    await laptop.edit(id, { categoryId: category, priority: next(base.priority) });
    expect(laptop.pending.count$.value).toBe(1);
    await other.edit(id, { rahasia: !base.rahasia, priority: next(next(base.priority)) });
    await other.sync();
    const kept = await laptop.shutDown();

    openedComplaintSchema.complaints = undefined;
    const pullsBefore = link.seen.length;
    const fetchesBefore = fetchCalls.mock.calls.length;
    const upgraded = await openTestReplica({
      serverUrl: link.url,
      session: await server.login('admin.kaltim', 'upgraded-laptop'),
      reopen: kept,
    });
    open.push(upgraded);
    expect(upgraded.replica.complaints.schema.version).toBe(complaintRxSchema.version);
    expect(upgraded.replica.complaints.schema.jsonSchema.indexes).toEqual(
      complaintRxSchema
        .indexes!.map((index) => ['_deleted', ...index, 'id'])
        .concat([['_meta.lwt', 'id']]),
    );
    expect(
      await new FirstCopyStore(upgraded.replica.complaints, 'complaints', link.url).load(),
    ).toMatchObject({ done: true });
    await upgraded.sync();
    await other.sync();

    // The edit, then its merged state: the upgrade's rewrite of every complaint pushes nothing.
    const pushes = await pushedComplaintIds(fetchesBefore);
    expect(pushes.length).toBeGreaterThan(0);
    expect(new Set(pushes.flat())).toEqual(new Set([id]));
    const merged = await onServer(id);
    expect(merged).toMatchObject({
      categoryId: category,
      rahasia: !base.rahasia,
      priority: next(next(base.priority)),
    });
    expect(merged.serverSeq).toBeGreaterThan(base.serverSeq);
    for (const replica of [upgraded, other]) {
      expect(await replica.complaint(id)).toEqual(merged);
      expect(replica.pending.count$.value).toBe(0);
      expect(await replica.openRejections()).toEqual([]);
    }
    // The laptop's priority waits for the officer instead of being dropped.
    expect(await mergeConflictsOf(upgraded.replica).list()).toEqual([
      expect.objectContaining({
        complaintId: id,
        conflicts: [expect.objectContaining({ fields: ['priority'] })],
      }),
    ]);
    // RxDB's pull went on from its stored checkpoint: no complaint pull started over.
    const complaintPulls = link.seen
      .slice(pullsBefore)
      .filter((request) => request.path === '/api/replication/complaints/pull')
      .map((request) => JSON.parse(new URLSearchParams(request.query).get('checkpoint') ?? '{}'));
    expect(complaintPulls.length).toBeGreaterThan(0);
    expect(complaintPulls).not.toContainEqual({ seq: 0 });
  });
});
