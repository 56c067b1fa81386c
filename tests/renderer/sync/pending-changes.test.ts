import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openReplica, type Replica } from '../../../renderer/src/db/create-replica.ts';
import { PendingChanges } from '../../../renderer/src/sync/pending-changes.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

let counter = 0;
let replica: Replica;
let pending: PendingChanges;

beforeEach(async () => {
  counter += 1;
  replica = await openReplica(`pending-${counter}`, getRxStorageMemory(), ['complaints']);
  pending = new PendingChanges(replica.complaints);
  await pending.load();
  await replica.complaints.insert(sampleComplaint({ id: 'c-1', priority: 'sedang' }));
});

afterEach(async () => {
  pending.stop();
  await replica.remove();
});

async function patch(id: string, change: Partial<Complaint>) {
  const document = await replica.complaints.findOne(id).exec();
  if (!document) throw new Error(`no ${id}`);
  return pending.track('complaints', [id], () => document.incrementalPatch(change));
}

describe('PendingChanges.track', () => {
  it('does not count a save that changed nothing, which is never pushed', async () => {
    await patch('c-1', { priority: 'sedang' });
    expect(pending.count$.value).toBe(0);
  });

  it('counts a real change, and a new complaint', async () => {
    await patch('c-1', { priority: 'tinggi' });
    expect(pending.count$.value).toBe(1);
    await pending.track('complaints', ['c-2'], () =>
      replica.complaints.insert(sampleComplaint({ id: 'c-2' })),
    );
    expect(pending.count$.value).toBe(2);
  });

  it('keeps the count of an earlier real change when the same values are saved again', async () => {
    await patch('c-1', { priority: 'tinggi' });
    await patch('c-1', { priority: 'tinggi' });
    expect(pending.count$.value).toBe(1);
    // The earlier edit is still waiting: a push carrying it settles it.
    await pending.settle(pending.snapshot('complaints', ['c-1']));
    expect(pending.count$.value).toBe(0);
  });
});
