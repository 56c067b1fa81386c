import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireDocument } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { changeCounter, pullAll, pushComplaints } from '../support/replication-client.ts';

let server: TestServer;
let admin: SessionResponse;
let complaints: WireDocument<Complaint>[];

beforeAll(async () => {
  server = await startTestServer({ complaints: 60 });
  admin = await server.login('admin.kaltim');
  complaints = (await pullAll<Complaint>(server.app, admin, 'complaints', 100)).documents;
});
afterAll(() => server.close());

function pick(
  predicate: (doc: WireDocument<Complaint>) => boolean,
  skip = 0,
): WireDocument<Complaint> {
  const found = complaints.filter(predicate)[skip];
  if (!found) throw new Error('no fixture complaint matches');
  return found;
}

async function current(id: string): Promise<WireDocument<Complaint>> {
  const all = (await pullAll<Complaint>(server.app, admin, 'complaints', 100)).documents;
  const doc = all.find((candidate) => candidate.id === id);
  if (!doc) throw new Error(`complaint ${id} not visible`);
  return doc;
}

async function rejections(documentId: string) {
  return server.db.query<{ reason_code: string; reason: string; officer_id: string }>(
    'SELECT reason_code, reason, officer_id FROM sync_rejections WHERE document_id = $1',
    [documentId],
  );
}

describe('push', () => {
  it('accepts a category and priority change and gives it a new change number', async () => {
    const master = pick((doc) => doc.status === 'didisposisi', 0);
    const newState = {
      ...master,
      categoryId: 'cat-lingkungan-hidup',
      priority: 'mendesak' as const,
    };
    const response = await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: newState },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    const after = await current(master.id);
    expect(after).toMatchObject({
      categoryId: 'cat-lingkungan-hidup',
      priority: 'mendesak',
      updatedBy: admin.officer.id,
    });
    expect(after.serverSeq).toBeGreaterThan(master.serverSeq);
    const audit = await server.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE document_id = $1 AND action = 'write_accepted'",
      [master.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('returns the master state as a conflict when the pushed change was based on a stale revision', async () => {
    const master = pick((doc) => doc.status === 'didisposisi', 1);
    const first = { ...master, priority: 'tinggi' as const };
    expect(
      (
        await pushComplaints(server.app, admin, [
          { assumedMasterState: master, newDocumentState: first },
        ])
      ).json(),
    ).toEqual([]);
    const stale = { ...master, priority: 'rendah' as const };
    const response = await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: stale },
    ]);
    const conflicts = response.json<WireDocument<Complaint>[]>();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ id: master.id, priority: 'tinggi' });
    expect((await current(master.id)).priority).toBe('tinggi');
  });

  it('treats the same push delivered twice as one change', async () => {
    const master = pick((doc) => doc.status === 'ditindaklanjuti', 0);
    const row = {
      assumedMasterState: master,
      newDocumentState: { ...master, priority: 'rendah' as const },
    };
    expect((await pushComplaints(server.app, admin, [row])).json()).toEqual([]);
    const counterAfterFirst = await changeCounter(server.db);
    const again = await pushComplaints(server.app, admin, [row]);
    expect(again.statusCode).toBe(200);
    // Nothing written; the stored state comes back so the device takes its change number.
    expect(again.json()).toEqual([await current(master.id)]);
    expect(await changeCounter(server.db)).toBe(counterAfterFirst);
    const fromMaster = await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: await current(master.id) },
    ]);
    expect(fromMaster.json()).toEqual([]);
  });

  it('ignores values the client sends for server-controlled fields', async () => {
    const master = pick((doc) => doc.status === 'didisposisi', 2);
    const tampered = {
      ...master,
      priority: 'sedang' as const,
      trackingNumber: 'PALSU-1',
      updatedBy: 'someone-else',
      reporter: { name: 'X', phone: '0', email: 'x@x' },
    };
    await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: tampered },
    ]);
    const after = await current(master.id);
    expect(after.trackingNumber).toBe(master.trackingNumber);
    expect(after.updatedBy).toBe(admin.officer.id);
    expect(after.reporter).toEqual(master.reporter);
  });

  it('refuses an illegal status transition, records why, and returns the master state', async () => {
    const master = pick((doc) => doc.status === 'belum_diverifikasi', 0);
    const illegal = { ...master, status: 'selesai' as const };
    const response = await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: illegal },
    ]);
    expect(response.json()).toMatchObject([{ id: master.id, status: 'belum_diverifikasi' }]);
    const refused = await rejections(master.id);
    expect(refused).toEqual([
      expect.objectContaining({ reason_code: 'lifecycle', officer_id: admin.officer.id }),
    ]);
    expect(refused[0]?.reason).toContain('belum_diverifikasi → selesai');
  });

  it('refuses a value the schema does not allow, with a rejection record', async () => {
    const master = pick((doc) => doc.status === 'didisposisi', 3);
    const invalid = { ...master, priority: 'sangat-tinggi' } as unknown as WireDocument<Complaint>;
    const response = await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: invalid },
    ]);
    expect(response.json()).toMatchObject([{ id: master.id, priority: master.priority }]);
    expect((await rejections(master.id)).map((row) => row.reason_code)).toEqual(['validation']);
  });

  it('refuses a category that does not exist', async () => {
    const master = pick((doc) => doc.status === 'didisposisi', 4);
    const response = await pushComplaints(server.app, admin, [
      { assumedMasterState: master, newDocumentState: { ...master, categoryId: 'cat-tidak-ada' } },
    ]);
    expect(response.json()).toHaveLength(1);
    expect((await rejections(master.id)).map((row) => row.reason_code)).toEqual(['validation']);
  });

  it('refuses writes from the read-only koordinator', async () => {
    const koordinator = await server.login('koordinator.kaltim');
    const master = pick((doc) => doc.status === 'didisposisi', 5);
    const { reporter: _hidden, ...withoutIdentity } = master;
    const response = await pushComplaints(server.app, koordinator, [
      {
        assumedMasterState: withoutIdentity,
        newDocumentState: { ...withoutIdentity, priority: 'mendesak' },
      },
    ]);
    expect(response.json()).toMatchObject([{ id: master.id, priority: master.priority }]);
    expect((await current(master.id)).priority).toBe(master.priority);
    expect((await rejections(master.id)).map((row) => row.reason_code)).toEqual(['read_only']);
  });

  it('refuses a penghubung write to a complaint of another OPD without revealing it', async () => {
    const penghubung = await server.login('pupr.kaltim');
    const foreign = pick((doc) => doc.unitId !== '' && doc.unitId !== 'unit-pupr', 0);
    const { reporter: _hidden, ...withoutIdentity } = foreign;
    const response = await pushComplaints(server.app, penghubung, [
      {
        assumedMasterState: withoutIdentity,
        newDocumentState: { ...withoutIdentity, priority: 'mendesak' },
      },
    ]);
    expect(response.json()).toEqual([]);
    expect((await current(foreign.id)).priority).toBe(foreign.priority);
    expect((await rejections(foreign.id)).map((row) => row.reason_code)).toEqual(['not_found']);
  });

  it('refuses a penghubung change to the category of its own complaint', async () => {
    const penghubung = await server.login('pupr.kaltim');
    const own = (await pullAll<Complaint>(server.app, penghubung, 'complaints')).documents[0];
    if (!own) throw new Error('the PUPR officer has no complaint in the fixture');
    const response = await pushComplaints(server.app, penghubung, [
      { assumedMasterState: own, newDocumentState: { ...own, categoryId: 'cat-sosial' } },
    ]);
    expect(response.json()).toMatchObject([{ id: own.id, categoryId: own.categoryId }]);
    expect(response.json()[0]).not.toHaveProperty('reporter');
    expect((await rejections(own.id)).map((row) => row.reason_code)).toEqual(['permission']);
  });
});

describe('malformed push bodies', () => {
  const bodies: [string, string | object][] = [
    ['not JSON', '{"broken'],
    ['an object instead of a list', { newDocumentState: {} }],
    ['a row without newDocumentState', [{ assumedMasterState: { _deleted: false } }]],
    ['a document without an id', [{ newDocumentState: { _deleted: false, priority: 'tinggi' } }]],
    [
      'more rows than allowed',
      Array.from({ length: 501 }, (_v, i) => ({
        newDocumentState: { id: `x${i}`, _deleted: false },
      })),
    ],
  ];
  it.each(bodies)(
    'answers 400 with a clear message and writes nothing for %s',
    async (_name, body) => {
      const before = await changeCounter(server.db);
      const [{ count: rejectionsBefore } = { count: -1 }] = await server.db.query<{
        count: number;
      }>('SELECT count(*)::integer AS count FROM sync_rejections');
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/replication/complaints/push',
        headers: {
          authorization: `Bearer ${admin.accessToken}`,
          'content-type': 'application/json',
        },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/tidak valid|bukan JSON/);
      expect(await changeCounter(server.db)).toBe(before);
      const [{ count: rejectionsAfter } = { count: -1 }] = await server.db.query<{ count: number }>(
        'SELECT count(*)::integer AS count FROM sync_rejections',
      );
      expect(rejectionsAfter).toBe(rejectionsBefore);
    },
  );

  it('answers 404 for a collection that is not replicated', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/replication/officers/pull',
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(response.statusCode).toBe(404);
  });

  it('answers 400 for a malformed checkpoint', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/replication/complaints/pull',
      query: { checkpoint: '{"seq":"; DROP TABLE complaints"}' },
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].path).toBe('checkpoint');
  });
});
