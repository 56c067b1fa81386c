import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openReplica, type Replica } from '../../../renderer/src/db/create-replica.ts';
import { readQueueHead } from '../../../renderer/src/db/read-queue-head.ts';
import { COMPLAINT_STATUSES } from '../../../shared/domain/complaint-status.ts';
import { sortQueueEntries } from '../../../shared/queue/filter-queue.ts';
import { ACTIVE_STATUSES } from '../../../shared/queue/queue-criteria.ts';
import { toQueueEntry } from '../../../shared/queue/queue-entry.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

let counter = 0;

/** 400 complaints in every status; deadlines fall on 12 days, so many share a due time. */
function complaints(): Complaint[] {
  return Array.from({ length: 400 }, (_, index) =>
    sampleComplaint({
      id: `c-${String((index * 7919) % 400).padStart(5, '0')}`,
      trackingNumber: `KALTIM-2611-${String(index).padStart(5, '0')}`,
      status: COMPLAINT_STATUSES[index % COMPLAINT_STATUSES.length],
      dueAt: index % 9 === 0 ? 0 : 1_000_000 + ((index * 31) % 12) * 86_400_000,
    }),
  );
}

const STORAGES: [string, () => RxStorage<unknown, unknown>][] = [
  ['memory (an RxDB query)', () => getRxStorageMemory()],
  // Dexie on an in-memory IndexedDB: the index read the workstation uses.
  ['Dexie (one index read per status)', () => getRxStorageDexie({ indexedDB, IDBKeyRange })],
];

describe.each(STORAGES)('readQueueHead on %s', (_name, storage) => {
  let replica: Replica;
  const all = complaints();

  beforeEach(async () => {
    counter += 1;
    replica = await openReplica(`queue-head-${counter}`, storage());
    await replica.complaints.bulkInsert(all);
  });

  afterEach(async () => {
    await replica.remove();
  });

  it('answers a complete beginning of the default order, however the due times tie', async () => {
    const order = sortQueueEntries(
      all.filter((complaint) => ACTIVE_STATUSES.includes(complaint.status)).map(toQueueEntry),
      'due_asc',
    ).map((entry) => entry.id);
    for (const perStatus of [5, 13, 30]) {
      const head = await readQueueHead(replica.complaints, ACTIVE_STATUSES, perStatus, 1);
      if (!head) throw new Error(`no head with ${perStatus} per status`);
      const ids = sortQueueEntries(head.map(toQueueEntry), 'due_asc').map((entry) => entry.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(order.slice(0, ids.length));
    }
  });

  it('answers nothing when too few complaints are certain to come first', async () => {
    expect(await readQueueHead(replica.complaints, ACTIVE_STATUSES, 5, 500)).toBeNull();
  });
});
