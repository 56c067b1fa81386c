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

describe('an edit between a push’s answer and the replication writing that answer', () => {
  it('is not counted when it brings the document to the state the server answered', async () => {
    await patch('c-1', { priority: 'tinggi' });
    const pushed = (await replica.complaints.findOne('c-1').exec())!.toJSON() as Complaint;
    const master = sampleComplaint({ id: 'c-1', priority: 'sedang' });
    // The push (refused: the server keeps 'sedang') is answered; its count settles before RxDB
    // writes the answer into the document.
    const snapshot = pending.snapshot('complaints', ['c-1']);
    await pending.settle(snapshot);
    await pending.settleAgainst('complaints', [pushed], [master]);
    expect(pending.count$.value).toBe(0);
    // The officer sets the priority back to the server's value in that window: the replication
    // then finds the document equal to the server's and pushes nothing, so nothing would settle it.
    await patch('c-1', { priority: 'sedang' });
    expect(pending.count$.value).toBe(0);
  });

  it('is counted when it changes the document away from the state the server answered', async () => {
    await patch('c-1', { priority: 'tinggi' });
    const pushed = (await replica.complaints.findOne('c-1').exec())!.toJSON() as Complaint;
    await pending.settle(pending.snapshot('complaints', ['c-1']));
    await pending.settleAgainst(
      'complaints',
      [pushed],
      [sampleComplaint({ id: 'c-1', priority: 'sedang' })],
    );
    await patch('c-1', { priority: 'mendesak' });
    expect(pending.count$.value).toBe(1);
  });
});
