import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { openTestReplica, type TestReplica } from '../support/test-replica.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';

/** Two OPD workstations (real replicas over HTTP) while the admin moves a complaint between them. */
let server: TestServer;
let admin: SessionResponse;
let pupr: TestReplica;
let dinkes: TestReplica;

beforeAll(async () => {
  server = await startTestServer({ complaints: 120 });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  admin = await server.login('admin.kaltim');
  pupr = await openTestReplica({
    serverUrl: url,
    session: await server.login('pupr.kaltim', 'p1'),
  });
  dinkes = await openTestReplica({
    serverUrl: url,
    session: await server.login('dinkes.kaltim', 'd1'),
  });
  await Promise.all([pupr.sync(), dinkes.sync()]);
});
afterAll(async () => {
  await pupr?.close();
  await dinkes?.close();
  await server?.close();
});

async function adminView(id: string) {
  const all = await pullAll<Complaint>(server.app, admin, 'complaints', 500);
  return all.documents.find((document) => document.id === id)!;
}

describe('a replica when its complaint is re-disposed to another OPD', () => {
  it('drops the complaint and its timeline, keeps the unsynced edit as a refusal, and the other OPD receives it', async () => {
    const mine = (await pupr.complaints()).find((complaint) => complaint.status === 'didisposisi')!;
    const dinkesUnit = (await dinkes.complaints())[0]!.unitId;
    const eventsBefore = await pupr.replica.complaint_events
      .find({ selector: { complaintId: mine.id } })
      .exec();
    expect(eventsBefore.length).toBeGreaterThan(0);

    // Offline, the PUPR officer edits it; meanwhile the admin moves it to Dinkes.
    await pupr.pause();
    await pupr.edit(mine.id, { priority: mine.priority === 'mendesak' ? 'rendah' : 'mendesak' });
    const master = await adminView(mine.id);
    const moved = await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: { ...master, unitId: dinkesUnit } },
    ]);
    expect(moved.json()).toEqual([]);

    await pupr.resume();
    await pupr.sync();
    await dinkes.sync();

    expect(await pupr.complaint(mine.id)).toBeNull();
    expect(
      await pupr.replica.complaint_events.find({ selector: { complaintId: mine.id } }).exec(),
    ).toEqual([]);
    const refusals = await pupr.openRejections();
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ documentId: mine.id, targetCollection: 'complaints' });
    expect(JSON.parse(refusals[0]!.refusedDocument)).toMatchObject({
      id: mine.id,
      priority: mine.priority === 'mendesak' ? 'rendah' : 'mendesak',
    });
    expect(pupr.pending.count$.value).toBe(0);

    expect(await dinkes.complaint(mine.id)).toMatchObject({ unitId: dinkesUnit });
    const dinkesEvents = await dinkes.replica.complaint_events
      .find({ selector: { complaintId: mine.id } })
      .exec();
    expect(dinkesEvents.map((event) => event.id).sort()).toEqual(
      eventsBefore.map((event) => event.id).sort(),
    );

    // Every other complaint of each OPD is exactly what the server holds for that OPD.
    const serverAll = (await pullAll<Complaint>(server.app, admin, 'complaints', 500)).documents;
    const puprUnit = mine.unitId;
    for (const [replica, unit] of [
      [pupr, puprUnit],
      [dinkes, dinkesUnit],
    ] as const) {
      const ids = (await replica.complaints()).map((complaint) => complaint.id).sort();
      expect(ids).toEqual(
        serverAll
          .filter((complaint) => complaint.unitId === unit)
          .map((complaint) => complaint.id)
          .sort(),
      );
    }
  });

  it('keeps only bare tombstones of the moved complaint and its timeline, and nothing written after the exit', async () => {
    const mine = (await pupr.complaints()).find((complaint) => complaint.status === 'didisposisi')!;
    const dinkesUnit = (await dinkes.complaints())[0]!.unitId;
    const held = await pupr.replica.complaint_events
      .find({ selector: { complaintId: mine.id } })
      .exec();
    expect(held.length).toBeGreaterThan(0);
    const master = await adminView(mine.id);
    await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: { ...master, unitId: dinkesUnit } },
    ]);
    const laterNote = {
      ...held[0]!.toJSON(),
      id: randomUUID(),
      kind: 'catatan_internal' as const,
      reason: 'Catatan sesudah disposisi ulang',
      officerId: admin.officer.id,
      officerRole: admin.officer.role,
      serverSeq: 0,
      serverTime: 0,
      attachments: [],
      _deleted: false,
    };
    const noted = await server.app.inject({
      method: 'POST',
      url: '/api/replication/complaint_events/push',
      payload: [{ newDocumentState: laterNote }],
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(noted.json()).toEqual([]);

    await pupr.sync();

    // What the storage keeps of each (deleted documents included): the id and RxDB's own fields.
    const storedComplaint = await pupr.replica.complaints.storageInstance.findDocumentsById(
      [mine.id],
      true,
    );
    expect(storedComplaint.map(contentOf)).toEqual([{ id: mine.id, _deleted: true }]);
    const storedEvents = await pupr.replica.complaint_events.storageInstance.findDocumentsById(
      [...held.map((event) => event.id), laterNote.id],
      true,
    );
    expect(storedEvents.map(contentOf).sort(byId)).toEqual(
      held.map((event) => ({ id: event.id, _deleted: true })).sort(byId),
    );
    expect(JSON.stringify(storedEvents)).not.toContain(laterNote.reason);
  });

  it('keeps a stored timeline entry whose local edit the server refused, and shows the refusal', async () => {
    const [event] = await pupr.replica.complaint_events.find().exec();
    if (!event) throw new Error('the PUPR replica holds no event');
    const stored = event.toJSON();
    const refusalsBefore = (await pupr.openRejections()).length;
    // An edit the server cannot even read as an event (here: text over the 4,000-character limit).
    await pupr.pending.track('complaint_events', [event.id], () =>
      event.incrementalPatch({ reason: 'x'.repeat(4001) }),
    );
    await pupr.sync();

    expect(
      contentOf((await pupr.replica.complaint_events.findOne(event.id).exec())!.toJSON()),
    ).toEqual(contentOf(stored));
    const refusals = await pupr.openRejections();
    expect(refusals).toHaveLength(refusalsBefore + 1);
    expect(refusals.find((refusal) => refusal.documentId === event.id)).toMatchObject({
      targetCollection: 'complaint_events',
      reasonCode: 'validation',
    });
    expect(pupr.pending.count$.value).toBe(0);
  });
});

/** A stored document without RxDB's storage fields. */
function contentOf(document: object): Record<string, unknown> {
  const { _meta, _rev, _attachments, ...content } = document as Record<string, unknown>;
  void _meta;
  void _rev;
  void _attachments;
  return content;
}

function byId(a: { id?: unknown }, b: { id?: unknown }): number {
  return String(a.id).localeCompare(String(b.id));
}
