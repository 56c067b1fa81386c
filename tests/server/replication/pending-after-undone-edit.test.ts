import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../../../shared/domain/complaint-status.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { serverBehindLink } from '../support/server-behind-link.ts';

/**
 * An officer's edits that end where the server already is (changed and changed back before the
 * push, or redone while a refused push was on the way) leave nothing to push: the device's
 * pending count must fall back to zero. Found by the soak: the count stayed up for ever, so
 * the status bar showed a write waiting that never would go.
 */
const setup = serverBehindLink(60);
const { link, replicaOf } = setup;

const next = (priority: Complaint['priority']) =>
  PRIORITIES[(PRIORITIES.indexOf(priority) + 1) % PRIORITIES.length]!;

describe('the pending count after edits that come back to the server’s state', () => {
  it('falls to zero when an offline edit is undone before the device is back online', async () => {
    const device = await replicaOf(await setup.server.login('admin.kaltim', 'undo-offline'));
    const [complaint] = (await device.complaints()).sort((a, b) => (a.id < b.id ? -1 : 1));
    await device.pause();
    await device.edit(complaint!.id, { priority: next(complaint!.priority) });
    expect(device.pending.count$.value).toBe(1);
    await device.edit(complaint!.id, { priority: complaint!.priority });
    expect(device.pending.count$.value).toBe(0);
    await device.resume();
    await device.sync();
    expect(device.pending.count$.value).toBe(0);
  });

  it('falls to zero when a refused edit is redone to the server’s value while its push is on the way', async () => {
    const device = await replicaOf(
      await setup.server.login('koordinator.kaltim', 'redo-in-flight'),
      link.url,
    );
    const [complaint] = (await device.complaints()).sort((a, b) => (a.id < b.id ? -1 : 1));
    let pushes = 0;
    link.decide = (request) =>
      request.path.endsWith('/complaints/push') && pushes++ === 0
        ? { kind: 'pass', delayMs: 400 }
        : { kind: 'pass' };
    await device.edit(complaint!.id, { priority: next(complaint!.priority) });
    // The push (refused: a koordinator edits nothing) is on the way; the officer changes it back.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await device.edit(complaint!.id, { priority: complaint!.priority });
    await new Promise((resolve) => setTimeout(resolve, 600));
    await device.sync();
    expect(pushes).toBeGreaterThan(0);
    expect(device.pending.count$.value).toBe(0);
    link.decide = () => ({ kind: 'pass' });
  });

  it('falls to zero when a conflicting push merges into exactly the server’s state', async () => {
    const first = await replicaOf(await setup.server.login('admin.kaltim', 'same-value-a'));
    const second = await replicaOf(await setup.server.login('admin.kaltim', 'same-value-b'));
    const [complaint] = (await second.complaints()).sort((a, b) => (a.id < b.id ? -1 : 1));
    const chosen = next(next(complaint!.priority));
    // The officer's two devices make the same change: the one offline sends it second.
    await second.pause();
    await first.edit(complaint!.id, { priority: chosen });
    await first.sync();
    await second.edit(complaint!.id, { priority: chosen });
    expect(second.pending.count$.value).toBe(1);
    await second.resume();
    await second.sync();
    await first.sync();
    expect(await second.complaint(complaint!.id)).toEqual(await first.complaint(complaint!.id));
    expect(second.pending.count$.value).toBe(0);
  });
});
