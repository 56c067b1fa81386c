import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { WireDocument } from '../../../shared/api/contract.ts';
import { changeCounter, pull, pullAll, pushComplaints } from '../support/replication-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/**
 * A database restored to an older point has a change counter below the checkpoints of devices
 * that synced after the backup. These tests pin down what such a device sees, and that the
 * remedy in docs/operations.md (raise the counter before the server starts) lets changes through.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ complaints: 30 });
});
afterAll(() => server.close());

async function editPriority(target: WireDocument<Complaint>) {
  const admin = await server.login('admin.kaltim', 'server-desk');
  const priority = target.priority === 'mendesak' ? 'rendah' : 'mendesak';
  const response = await pushComplaints(server.app, admin, [
    { assumedMasterState: target, newDocumentState: { ...target, priority } },
  ]);
  expect(response.json()).toEqual([]);
}

describe('a device whose checkpoint is ahead of a restored server', () => {
  it('is told nothing is new, and misses changes numbered up to its checkpoint', async () => {
    const device = await server.login('admin.kaltim', 'device-ahead');
    const { documents } = await pullAll<Complaint>(server.app, device, 'complaints', 100);
    // The device had seen five changes that the restore lost.
    const ahead = { seq: (await changeCounter(server.db)) + 5 };
    const target = documents.find((doc) => doc.status === 'belum_diverifikasi') ?? documents[0]!;
    await editPriority(target);

    const page = await pull<Complaint>(server.app, device, 'complaints', ahead, 100);
    expect(page.documents).toEqual([]);
    expect(page.checkpoint?.seq ?? ahead.seq).toBe(ahead.seq);
    const fresh = await server.login('admin.kaltim', 'device-fresh');
    const everything = await pullAll<Complaint>(server.app, fresh, 'complaints', 100);
    expect(everything.documents.find((doc) => doc.id === target.id)?.priority).not.toBe(
      target.priority,
    );
  });

  it('receives every later change once the counter is raised past its checkpoint', async () => {
    const device = await server.login('admin.kaltim', 'device-ahead-2');
    const { documents } = await pullAll<Complaint>(server.app, device, 'complaints', 100);
    const ahead = { seq: (await changeCounter(server.db)) + 5 };
    await server.db.query('UPDATE change_counter SET value = value + 1000000 WHERE id = 1');
    const target = documents[1]!;
    await editPriority(target);

    const page = await pull<Complaint>(server.app, device, 'complaints', ahead, 100);
    expect(page.documents.map((doc) => doc.id)).toEqual([target.id]);
  });
});
