import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { getChangedDocumentsSince, type RxDocumentData } from 'rxdb';
import { getRxStorageDexie, RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';
import { openReplica, type Replica } from '../../../renderer/src/db/create-replica.ts';
import { dexieStorageOf } from '../../../renderer/src/db/dexie-storage-of.ts';
import type { ChangesCheckpoint } from '../../../renderer/src/db/indexed-changes-storage.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

let counter = 0;
let replica: Replica;

beforeEach(async () => {
  counter += 1;
  replica = await openReplica(
    `changes-since-${counter}`,
    getRxStorageDexie({ indexedDB, IDBKeyRange }),
    ['complaints'],
  );
});

afterEach(async () => {
  await replica.remove();
});

/** Three sync pages (one write time each), then edits and deletions. */
async function writeHistory(): Promise<void> {
  for (let page = 0; page < 3; page += 1)
    await replica.complaints.bulkInsert(
      Array.from({ length: 40 }, (_, index) =>
        sampleComplaint({
          // Ids out of write order, so the walk must follow the index, not the ids.
          id: `c-${String((index * 37 + page * 11) % 997).padStart(3, '0')}-${page}`,
          trackingNumber: `KALTIM-2611-${page}${String(index).padStart(4, '0')}`,
        }),
      ),
    );
  const some = await replica.complaints.find({ limit: 9 }).exec();
  for (const [index, document] of some.entries()) {
    if (index % 3 === 0) await document.remove();
    else await document.incrementalPatch({ title: `Diubah ${index}` });
  }
}

type ChangesPage = { documents: RxDocumentData<Complaint>[]; checkpoint: ChangesCheckpoint };
type IndexedDexie = RxStorageInstanceDexie<unknown> & {
  getChangedDocumentsSince?: (
    limit: number,
    checkpoint?: ChangesCheckpoint,
  ) => Promise<ChangesPage>;
};

function indexedStorage(): IndexedDexie {
  const dexie = dexieStorageOf(replica.complaints)?.storage;
  if (!(dexie instanceof RxStorageInstanceDexie)) throw new Error('no Dexie storage');
  return dexie as IndexedDexie;
}

/** Every document the storage returns, walking from the start `limit` at a time. */
async function walk(
  read: (
    limit: number,
    checkpoint?: ChangesCheckpoint,
  ) => Promise<{ documents: RxDocumentData<Complaint>[]; checkpoint: ChangesCheckpoint }>,
  limit: number,
): Promise<string[]> {
  const seen: string[] = [];
  let checkpoint: ChangesCheckpoint | undefined;
  for (;;) {
    const page = await read(limit, checkpoint);
    if (page.documents.length === 0) return seen;
    seen.push(...page.documents.map((document) => `${document.id}:${document._deleted}`));
    checkpoint = page.checkpoint;
  }
}

describe('withIndexedChangesSince', () => {
  it('walks the writes in the order and with the content of RxDB’s own query, deletions included', async () => {
    await writeHistory();
    const dexie = indexedStorage();
    const indexedRead = dexie.getChangedDocumentsSince;
    if (!indexedRead) throw new Error('no indexed method');
    const indexed = await walk((limit, checkpoint) => indexedRead(limit, checkpoint), 7);
    // RxDB's general path: the same storage without the indexed method.
    const general = Object.create(dexie) as typeof dexie;
    Object.assign(general, { getChangedDocumentsSince: undefined });
    const queried = await walk(
      (limit, checkpoint) =>
        getChangedDocumentsSince(general, limit, checkpoint) as Promise<ChangesPage>,
      7,
    );
    expect(indexed).toHaveLength(120);
    expect(indexed.filter((entry) => entry.endsWith(':true'))).toHaveLength(3);
    expect(indexed).toEqual(queried);
  });

  it('answers nothing after the last write, and the same checkpoint back', async () => {
    await writeHistory();
    const read = indexedStorage().getChangedDocumentsSince;
    if (!read) throw new Error('no indexed method');
    const all = await read(1000);
    const end = all.checkpoint;
    const after = await read(1000, end);
    expect(after.documents).toEqual([]);
    expect(after.checkpoint).toEqual(end);
  });
});
