import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';
import { pull, pullAll, pushComplaints } from '../support/replication-client.ts';

let server: TestServer;
let admin: SessionResponse;
let pupr: SessionResponse;
let dinkes: SessionResponse;

beforeAll(async () => {
  server = await startTestServer({ complaints: 80 });
  admin = await server.login('admin.kaltim');
  pupr = await server.login('pupr.kaltim', 'pupr-laptop');
  dinkes = await server.login('dinkes.kaltim', 'dinkes-laptop');
});
afterAll(() => server.close());

/** Pulls everything after `checkpoint` and returns the documents by id (last state wins). */
async function pullSince<T extends { id: string }>(
  session: SessionResponse,
  collection: string,
  checkpoint: { seq: number },
) {
  const byId = new Map<string, WireDocument<T>>();
  let at = checkpoint;
  for (;;) {
    const page = await pull<T>(server.app, session, collection, at, 7);
    for (const document of page.documents) byId.set(document.id, document);
    at = page.checkpoint ?? at;
    if (page.documents.length < 7) return { byId, checkpoint: at };
  }
}

async function redispose(complaint: WireDocument<Complaint>, unitId: string) {
  const response = await pushComplaints(server.app, admin, [
    { assumedMasterState: complaint, newDocumentState: { ...complaint, unitId } },
  ]);
  expect(response.json()).toEqual([]);
  const all = await pullAll<Complaint>(server.app, admin, 'complaints', 200);
  return all.documents.find((document) => document.id === complaint.id)!;
}

async function pushEvent(session: SessionResponse, event: WireDocument<ComplaintEvent>) {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/replication/complaint_events/push',
    payload: [{ newDocumentState: event }],
    headers: bearer(session),
  });
  expect(response.statusCode).toBe(200);
  return response.json<WireDocument<ComplaintEvent>[]>();
}

describe('a complaint re-disposed from one OPD to another', () => {
  it('leaves the first OPD as tombstones (complaint and events) and arrives whole at the second', async () => {
    const puprComplaints = await pullAll<Complaint>(server.app, pupr, 'complaints', 200);
    const puprEvents = await pullAll<ComplaintEvent>(server.app, pupr, 'complaint_events', 500);
    const dinkesComplaints = await pullAll<Complaint>(server.app, dinkes, 'complaints', 200);
    const dinkesEvents = await pullAll<ComplaintEvent>(server.app, dinkes, 'complaint_events', 500);
    const moving = puprComplaints.documents.find((document) => document.status === 'didisposisi')!;
    const dinkesUnit = dinkesComplaints.documents[0]!.unitId;
    const movingEvents = puprEvents.documents.filter((event) => event.complaintId === moving.id);
    expect(movingEvents.length).toBeGreaterThan(0);

    // The PUPR officer, offline, wrote a note on it before the re-disposition reached them.
    const offlineNote: WireDocument<ComplaintEvent> = {
      ...movingEvents[0]!,
      id: randomUUID(),
      reason: 'Sudah dicek ke lapangan, menunggu alat berat',
      serverSeq: 0,
      serverTime: 0,
      _deleted: false,
    };

    const moved = await redispose(moving, dinkesUnit);

    const puprAfter = await pullSince<Complaint>(pupr, 'complaints', puprComplaints.checkpoint);
    expect(puprAfter.byId.get(moving.id)).toEqual({ id: moving.id, _deleted: true });
    const puprEventsAfter = await pullSince<ComplaintEvent>(
      pupr,
      'complaint_events',
      puprEvents.checkpoint,
    );
    for (const event of movingEvents) {
      expect(puprEventsAfter.byId.get(event.id)).toEqual({ id: event.id, _deleted: true });
    }

    const dinkesAfter = await pullSince<Complaint>(
      dinkes,
      'complaints',
      dinkesComplaints.checkpoint,
    );
    expect(dinkesAfter.byId.get(moving.id)).toMatchObject({
      _deleted: false,
      unitId: dinkesUnit,
      serverSeq: moved.serverSeq,
    });
    const dinkesEventsAfter = await pullSince<ComplaintEvent>(
      dinkes,
      'complaint_events',
      dinkesEvents.checkpoint,
    );
    for (const event of movingEvents) {
      expect(dinkesEventsAfter.byId.get(event.id)).toMatchObject({
        _deleted: false,
        reason: event.reason,
      });
    }

    // The progress count of a first pull includes the tombstone.
    const counted = await server.app.inject({
      method: 'GET',
      url: '/api/replication/complaints/pull',
      query: { checkpoint: JSON.stringify(puprComplaints.checkpoint), limit: '1', count: '1' },
      headers: bearer(pupr),
    });
    expect(counted.json<{ remaining: number }>().remaining).toBe(puprAfter.byId.size - 1);

    // The note written offline is refused and kept, content and all, not dropped.
    const rejectionsBefore = await pullAll<SyncRejection>(server.app, pupr, 'sync_rejections');
    const conflicts = await pushEvent(pupr, offlineNote);
    expect(conflicts).toEqual([{ id: offlineNote.id, _deleted: true }]);
    const rejections = await pullSince<SyncRejection>(
      pupr,
      'sync_rejections',
      rejectionsBefore.checkpoint,
    );
    const kept = [...rejections.byId.values()].filter((r) => r.documentId === offlineNote.id);
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]!.refusedDocument)).toMatchObject({ reason: offlineNote.reason });
    expect(
      await server.db.query('SELECT 1 FROM complaint_events WHERE id = $1', [offlineNote.id]),
    ).toHaveLength(0);
  });

  it('answers a late write to the moved complaint with its tombstone and a refusal that names why', async () => {
    const puprComplaints = await pullAll<Complaint>(server.app, pupr, 'complaints', 200);
    const moving = puprComplaints.documents.find((document) => document.status === 'didisposisi')!;
    const dinkesUnit = (await pullAll<Complaint>(server.app, dinkes, 'complaints', 200))
      .documents[0]!.unitId;
    await redispose(moving, dinkesUnit);
    const response = await pushComplaints(server.app, pupr, [
      { assumedMasterState: moving, newDocumentState: { ...moving, priority: 'mendesak' } },
    ]);
    expect(response.json()).toEqual([{ id: moving.id, _deleted: true }]);
    const refusals = await server.db.query<{ reason: string; refused_document: unknown }>(
      'SELECT reason, refused_document FROM sync_rejections WHERE document_id = $1 AND officer_id = $2',
      [moving.id, pupr.officer.id],
    );
    expect(refusals).toHaveLength(1);
    expect(refusals[0]!.reason).toMatch(/OPD lain/);
  });

  it('comes back alive when disposed back to the first OPD', async () => {
    const puprComplaints = await pullAll<Complaint>(server.app, pupr, 'complaints', 200);
    const moving = puprComplaints.documents.find((document) => document.status === 'didisposisi')!;
    const dinkesUnit = (await pullAll<Complaint>(server.app, dinkes, 'complaints', 200))
      .documents[0]!.unitId;
    const away = await redispose(moving, dinkesUnit);
    await redispose(away, moving.unitId);
    const puprAfter = await pullSince<Complaint>(pupr, 'complaints', puprComplaints.checkpoint);
    expect(puprAfter.byId.get(moving.id)).toMatchObject({ _deleted: false, unitId: moving.unitId });
    const fromScratch = await pullAll<Complaint>(server.app, pupr, 'complaints', 200);
    const alive = fromScratch.documents.filter((document) => !document._deleted);
    expect(alive.some((document) => document.id === moving.id)).toBe(true);
    // From scratch the replica held nothing: no tombstone of the complaints that are elsewhere now.
    const stillAway = await server.db.query<{ complaint_id: string }>(
      `SELECT x.complaint_id FROM complaint_scope_exits x JOIN complaints c ON c.id = x.complaint_id
        WHERE x.unit_id = $1 AND c.unit_id <> $1`,
      [moving.unitId],
    );
    expect(stillAway.length).toBeGreaterThan(0);
    expect(fromScratch.documents.filter((document) => document._deleted)).toEqual([]);
  });
});
