/**
 * What one refusal keeps and how many unresolved refusals an officer may hold: past the cap a
 * push is answered 429 and stores nothing, and the device keeps its edit pending.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import { bearer, SEED_NOW, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';
import { openTestReplica } from '../support/test-replica.ts';

const NOW = SEED_NOW + 3_600_000;
const LIMITS = { openPerOfficer: 3, documentMaxBytes: 2048 };

let server: TestServer;
let serverUrl = '';
let koordinator: SessionResponse;
let complaints: WireDocument<Complaint>[];

beforeAll(async () => {
  server = await startTestServer({
    complaints: 20,
    app: { now: () => NOW, refusalLimits: LIMITS },
  });
  serverUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });
  koordinator = await server.login('koordinator.kaltim');
  complaints = (await pullAll<Complaint>(server.app, koordinator, 'complaints', 100)).documents;
});
afterAll(() => server.close());

async function openRefusals(): Promise<{ id: string; bytes: number; truncated: boolean }[]> {
  return server.db.query(
    `SELECT id, octet_length(refused_document::text) AS bytes, document_truncated AS truncated
       FROM sync_rejections WHERE officer_id = $1 AND resolved_at IS NULL ORDER BY seq`,
    [koordinator.officer.id],
  );
}

function edited(index: number, change: Partial<Complaint> | Record<string, unknown>) {
  const master = complaints[index];
  if (!master) throw new Error('fixture');
  return { assumedMasterState: master, newDocumentState: { ...master, ...change } };
}

async function resolveAll(): Promise<void> {
  const refusals = (await pullAll<SyncRejection>(server.app, koordinator, 'sync_rejections'))
    .documents;
  const open = refusals.filter((refusal) => refusal.resolvedAt === 0);
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/replication/sync_rejections/push',
    headers: bearer(koordinator),
    payload: open.map((refusal) => ({
      assumedMasterState: refusal,
      newDocumentState: { ...refusal, resolvedAt: NOW },
    })),
  });
  expect(response.json()).toEqual([]);
}

describe('a refusal', () => {
  it('keeps a huge refused document cut to the limit, and says so', async () => {
    const huge = edited(0, { locationText: 'x'.repeat(300_000) });
    const response = await pushComplaints(server.app, koordinator, [huge as never]);
    expect(response.statusCode).toBe(200);
    const [stored] = await openRefusals();
    expect(stored?.truncated).toBe(true);
    expect(stored?.bytes).toBeLessThanOrEqual(LIMITS.documentMaxBytes);
    const pulled = (await pullAll<SyncRejection>(server.app, koordinator, 'sync_rejections'))
      .documents[0];
    expect(pulled).toMatchObject({ documentTruncated: true, identityRemoved: false });
    await resolveAll();
  });
});

describe('an officer at the cap of unresolved refusals', () => {
  it('gets 429 for a push that would add one, with nothing stored, until one is resolved', async () => {
    const first = await pushComplaints(server.app, koordinator, [
      edited(1, { priority: 'mendesak' }),
      edited(2, { priority: 'mendesak' }),
      edited(3, { priority: 'mendesak' }),
    ] as never);
    expect(first.statusCode).toBe(200);
    expect(await openRefusals()).toHaveLength(LIMITS.openPerOfficer);

    const over = await pushComplaints(server.app, koordinator, [
      edited(4, { priority: 'mendesak' }),
    ] as never);
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ error: 'too_many_refusals' });
    expect(await openRefusals()).toHaveLength(LIMITS.openPerOfficer);
    const audit = await server.db.query(
      `SELECT 1 FROM audit_log WHERE document_id = $1 AND action = 'write_refused'`,
      [complaints[4]?.id],
    );
    expect(audit).toEqual([]);

    await resolveAll();
    const again = await pushComplaints(server.app, koordinator, [
      edited(4, { priority: 'mendesak' }),
    ] as never);
    expect(again.statusCode).toBe(200);
    expect(await openRefusals()).toHaveLength(1);
    await resolveAll();
  });

  it('keeps the device’s edit pending while the server answers 429, and records it once room is made', async () => {
    // Fill the cap.
    await pushComplaints(server.app, koordinator, [
      edited(5, { priority: 'mendesak' }),
      edited(6, { priority: 'mendesak' }),
      edited(7, { priority: 'mendesak' }),
    ] as never);
    expect(await openRefusals()).toHaveLength(LIMITS.openPerOfficer);

    const device = await openTestReplica({ serverUrl, session: koordinator });
    try {
      await device.sync();
      const target = complaints[8]!;
      const priority = target.priority === 'rendah' ? 'tinggi' : 'rendah';
      await device.edit(target.id, { priority });
      // The push is answered 429 and retried: the edit stays on the device, still pending.
      await expect(device.sync(1500)).rejects.toThrow('did not get in sync');
      expect((await device.complaint(target.id))?.priority).toBe(priority);
      expect(device.pending.count$.value).toBe(1);
      expect(await openRefusals()).toHaveLength(LIMITS.openPerOfficer);

      await resolveAll();
      await device.sync();
      // Read-only role: the write is refused once there is room, and kept as that refusal.
      const refusals = await device.openRejections();
      expect(refusals.map((refusal) => refusal.documentId)).toContain(target.id);
      expect(device.pending.count$.value).toBe(0);
    } finally {
      await device.close();
    }
  });
});
