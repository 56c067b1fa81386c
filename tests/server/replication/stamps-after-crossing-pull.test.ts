import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import { PRIORITIES } from '../../../shared/domain/complaint-status.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { FlakyLink } from '../support/flaky-link.ts';
import { openTestReplica, type TestReplica } from '../support/test-replica.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/**
 * A pull that crosses a push: the server stores the device's edit and stamps it (change number,
 * updatedAt), a pull brings that stamped state while the push's answer is still on the way, and
 * the answer then says "accepted" (empty). The device must end with the server's stamps, not
 * keep its pushed copy for ever. Found by the soak (stale serverSeq, updatedAt, dueAt).
 */
let server: TestServer;
let url = '';
const link = new FlakyLink();
const replicas: TestReplica[] = [];

beforeAll(async () => {
  server = await startTestServer({ complaints: 40 });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  await link.start(url);
});
afterAll(async () => {
  for (const replica of replicas) await replica.close();
  await link.stop();
  await server.close();
});

async function replicaOf(session: SessionResponse, serverUrl = url): Promise<TestReplica> {
  const replica = await openTestReplica({ serverUrl, session });
  replicas.push(replica);
  await replica.sync(60_000);
  return replica;
}

const next = (priority: Complaint['priority']) =>
  PRIORITIES[(PRIORITIES.indexOf(priority) + 1) % PRIORITIES.length]!;

describe('a pull that brings the device’s own write while its push answer is on the way', () => {
  it('leaves the device with the server’s stamps once the push is answered', async () => {
    const device = await replicaOf(await server.login('admin.kaltim', 'crossing-device'), link.url);
    const [complaint] = (await device.complaints()).sort((a, b) => (a.id < b.id ? -1 : 1));
    let stored = false;
    let held = false;
    link.decide = (request) => {
      if (request.path.endsWith('/complaints/pull') && !held) {
        held = true;
        // A pull already on its way reaches the server after the push below is stored.
        return { kind: 'late', delayMs: 700 };
      }
      if (request.path.endsWith('/complaints/push') && !stored) {
        stored = true;
        // The server stores the edit at once; its answer reaches the device 800 ms later.
        return { kind: 'pass', delayMs: 800 };
      }
      return { kind: 'pass' };
    };
    const pulling = device.sync(30_000);
    await expect.poll(() => held, { timeout: 10_000 }).toBe(true);
    await device.edit(complaint!.id, { priority: next(complaint!.priority) });
    await expect.poll(() => stored, { timeout: 10_000 }).toBe(true);
    await pulling;
    await device.sync(30_000);
    link.decide = () => ({ kind: 'pass' });

    const other = await replicaOf(await server.login('admin.kaltim', 'crossing-reader'));
    const onServer = await other.complaint(complaint!.id);
    const onDevice = await device.complaint(complaint!.id);
    expect(onServer!.priority).toBe(next(complaint!.priority));
    expect(onServer!.serverSeq).toBeGreaterThan(complaint!.serverSeq);
    expect({
      priority: onDevice!.priority,
      serverSeq: onDevice!.serverSeq,
      updatedAt: onDevice!.updatedAt,
    }).toEqual({
      priority: onServer!.priority,
      serverSeq: onServer!.serverSeq,
      updatedAt: onServer!.updatedAt,
    });
    expect(device.pending.count$.value).toBe(0);
  });
});
