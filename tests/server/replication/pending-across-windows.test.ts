import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../../../shared/domain/complaint-status.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { PendingChanges } from '../../../renderer/src/sync/pending-changes.ts';
import { serverBehindLink } from '../support/server-behind-link.ts';

/**
 * Two windows of one officer count into one pending document, each with its own PendingChanges;
 * only one syncs. An edit one window makes and the other takes back before it is pushed leaves
 * the replica as the server has it: RxDB pushes nothing, and the count must still fall to zero.
 * Found by the soak's second window (seed 11013: a count of 2 on a copy equal to RxDB's
 * assumed master state, for ever).
 */
const setup = serverBehindLink(40);
const { replicaOf } = setup;

const next = (priority: Complaint['priority']) =>
  PRIORITIES[(PRIORITIES.indexOf(priority) + 1) % PRIORITIES.length]!;

describe('the pending count across two windows', () => {
  it('falls to zero when another window undoes the edit before it is pushed', async () => {
    const device = await replicaOf(await setup.server.login('admin.kaltim', 'undo-other-window'));
    // A second window of the officer writes into the same replica and counts into the same
    // pending document, with its own PendingChanges (it does not sync itself).
    const window = new PendingChanges(device.replica.complaints);
    await window.load();
    const [complaint] = (await device.complaints()).sort((a, b) => (a.id < b.id ? -1 : 1));
    await device.pause();
    await device.edit(complaint!.id, { priority: next(complaint!.priority) });
    const document = await device.replica.complaints.findOne(complaint!.id).exec(true);
    await window.track('complaints', [complaint!.id], () =>
      document.incrementalPatch({ priority: complaint!.priority }),
    );
    await device.resume();
    await device.sync();
    await expect.poll(() => device.pending.count$.value, { timeout: 10_000 }).toBe(0);
    window.stop();
  });
});
