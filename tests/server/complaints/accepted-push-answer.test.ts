import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIORITIES } from '../../../shared/domain/complaint-status.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { FlakyLink } from '../support/flaky-link.ts';
import { pullAll } from '../support/replication-client.ts';
import { mergeConflictsOf, openTestReplica, type TestReplica } from '../support/test-replica.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/**
 * A device whose pull brings its own accepted write while the push's answer is still on the way
 * skips that pull (RxDB keeps a fork with a write not yet upstreamed) and its checkpoint moves
 * past it. Found by the soak: when the accepted push answered nothing, the device kept the
 * pushed state with the old change number and times for ever, with nothing pending.
 */
let server: TestServer;
const link = new FlakyLink();
const replicas: TestReplica[] = [];

beforeAll(async () => {
  server = await startTestServer({ complaints: 40 });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  await link.start(`http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`);
});
afterAll(async () => {
  for (const replica of replicas) await replica.close();
  await link.stop();
  await server.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const next = (priority: Complaint['priority']) =>
  PRIORITIES[(PRIORITIES.indexOf(priority) + 1) % PRIORITIES.length]!;

describe('an accepted complaint push', () => {
  it('leaves the device with the server’s change number when its pull overtook the answer', async () => {
    const session = await server.login('admin.kaltim', 'overtaken-push');
    const device = await openTestReplica({ serverUrl: link.url, session });
    replicas.push(device);
    await device.sync(60_000);
    const [complaint] = (await device.complaints()).sort((a, b) => (a.id < b.id ? -1 : 1));
    const serverCopy = async () =>
      (await pullAll<Complaint>(server.app, session, 'complaints', 500)).documents.find(
        (document) => document.id === complaint!.id,
      )!;
    const before = await serverCopy();

    // A pull already on its way reaches the server only after the push has been stored; the
    // push's answer comes back last.
    let heldPull = false;
    let delayedPush = false;
    link.decide = (request) => {
      if (request.path.endsWith('/complaints/pull') && !heldPull) {
        heldPull = true;
        return { kind: 'pass', holdMs: 800 };
      }
      if (request.path.endsWith('/complaints/push') && !delayedPush) {
        delayedPush = true;
        return { kind: 'pass', delayMs: 1_500 };
      }
      return { kind: 'pass' };
    };
    const syncing = device.sync(60_000);
    await sleep(100);
    await device.edit(complaint!.id, { priority: next(complaint!.priority) });
    await syncing;
    await device.sync(60_000);
    link.decide = () => ({ kind: 'pass' });

    const stored = await serverCopy();
    const onDevice = await device.complaint(complaint!.id);
    expect(heldPull && delayedPush).toBe(true);
    expect(stored.serverSeq).toBeGreaterThan(before.serverSeq);
    expect(device.pending.count$.value).toBe(0);
    expect(onDevice?.priority).toBe(stored.priority);
    expect(onDevice?.serverSeq).toBe(stored.serverSeq);
    expect(onDevice?.updatedAt).toBe(stored.updatedAt);
  });

  it('keeps an edit made while the accepted push was on the way, with no conflict to pick', async () => {
    const session = await server.login('admin.kaltim', 'edit-during-push');
    const device = await openTestReplica({ serverUrl: link.url, session });
    replicas.push(device);
    await device.sync(60_000);
    const [, complaint] = (await device.complaints()).sort((a, b) => (a.id < b.id ? -1 : 1));
    const priority = next(complaint!.priority);
    let delayedPush = false;
    link.decide = (request) => {
      if (request.path.endsWith('/complaints/push') && !delayedPush) {
        delayedPush = true;
        return { kind: 'pass', delayMs: 800 };
      }
      return { kind: 'pass' };
    };
    await device.edit(complaint!.id, { priority });
    await sleep(300);
    await device.edit(complaint!.id, { anonim: !complaint!.anonim });
    await device.sync(60_000);
    await device.sync(60_000);
    link.decide = () => ({ kind: 'pass' });

    const stored = (
      await pullAll<Complaint>(server.app, session, 'complaints', 500)
    ).documents.find((document) => document.id === complaint!.id)!;
    const onDevice = await device.complaint(complaint!.id);
    expect(delayedPush).toBe(true);
    expect(stored.priority).toBe(priority);
    expect(stored.anonim).toBe(!complaint!.anonim);
    expect(onDevice?.serverSeq).toBe(stored.serverSeq);
    expect(onDevice?.anonim).toBe(stored.anonim);
    expect(device.pending.count$.value).toBe(0);
    expect(await mergeConflictsOf(device.replica).list()).toEqual([]);
  });
});
