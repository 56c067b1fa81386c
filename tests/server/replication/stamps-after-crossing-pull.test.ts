import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../../../shared/domain/complaint-status.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { serverBehindLink } from '../support/server-behind-link.ts';

/**
 * A pull that crosses a push: the server stores the device's edit and stamps it (change number,
 * updatedAt), a pull brings that stamped state while the push's answer is still on the way, and
 * the answer then says "accepted" (empty). The device must end with the server's stamps, not
 * keep its pushed copy for ever. Found by the soak (stale serverSeq, updatedAt, dueAt).
 */
const setup = serverBehindLink(40);
const { link, replicaOf } = setup;

const next = (priority: Complaint['priority']) =>
  PRIORITIES[(PRIORITIES.indexOf(priority) + 1) % PRIORITIES.length]!;

describe('a pull that brings the device’s own write while its push answer is on the way', () => {
  it('leaves the device with the server’s stamps once the push is answered', async () => {
    const device = await replicaOf(
      await setup.server.login('admin.kaltim', 'crossing-device'),
      link.url,
    );
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

    const other = await replicaOf(await setup.server.login('admin.kaltim', 'crossing-reader'));
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
