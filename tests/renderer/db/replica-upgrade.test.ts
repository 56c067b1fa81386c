import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { addRxPlugin, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import type { RxMigrationStatus } from 'rxdb/plugins/migration-schema';
import {
  openReplica,
  replicaNameFor,
  type Replica,
} from '../../../renderer/src/db/create-replica.ts';
import { dexieStorageOf } from '../../../renderer/src/db/dexie-storage-of.ts';
import { readQueueHead } from '../../../renderer/src/db/read-queue-head.ts';
import { newReplicaKey } from '../../../renderer/src/db/field-cipher.ts';
import {
  sumMigrationCounts,
  type ReplicaUpgradeProgress,
} from '../../../renderer/src/db/watch-replica-upgrade.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';
import { writeVersion1Replica } from '../../support/version-1-replica.ts';
import { complaintRxSchemaVersion2 } from '../../support/version-2-complaint-schema.ts';
import { openedComplaintSchema } from '../../support/opened-complaint-schema.ts';

addRxPlugin(RxDBLocalDocumentsPlugin);

vi.mock('../../../renderer/src/db/replica-schemas.ts', async (importOriginal) =>
  (await import('../../support/opened-complaint-schema.ts')).replicaSchemasWithOpenedComplaints(
    importOriginal,
  ),
);

const dexie = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
const open: Replica[] = [];
let counter = 0;

afterEach(async () => {
  openedComplaintSchema.complaints = undefined;
  for (const replica of open.splice(0)) {
    if (!replica.closed) await replica.close();
  }
});

/** A replica as the version before identity encryption stored it, holding `count` complaints. */
async function olderReplica(
  count: number,
): Promise<{ officerId: string; storage: ReturnType<typeof dexie> }> {
  counter += 1;
  const officerId = `upgrade-${counter}-${Date.now()}`;
  const storage = dexie();
  await writeVersion1Replica(
    storage,
    officerId,
    Array.from({ length: count }, (_, index) => sampleComplaint({ id: `c-${index}` })),
  );
  return { officerId, storage };
}

describe('opening a replica stored by an older version', () => {
  it('reports the rewrite of its documents up to all of them, and keeps them', async () => {
    const { officerId, storage } = await olderReplica(2400);
    const reports: ReplicaUpgradeProgress[] = [];
    const replica = await openReplica(
      officerId,
      storage,
      ['complaints'],
      newReplicaKey(),
      (progress) => reports.push(progress),
    );
    open.push(replica);

    expect(reports.length).toBeGreaterThanOrEqual(2);
    // A thousand documents per batch: RxDB's default of ten would report hundreds of times.
    expect(reports.length).toBeLessThanOrEqual(6);
    expect(reports.at(-1)).toEqual({ handled: 2400, total: 2400 });
    for (const [index, report] of reports.entries()) {
      expect(report.total).toBe(2400);
      expect(report.handled).toBeGreaterThanOrEqual(reports[index - 1]?.handled ?? 0);
    }
    expect(reports.some((report) => report.handled > 0 && report.handled < 2400)).toBe(true);
    expect(await replica.complaints.count().exec()).toBe(2400);
  }, 30_000); // migrates 2,400 documents in IndexedDB: seconds, more on a loaded machine

  it('reports nothing when the replica is already at the current version', async () => {
    const { officerId, storage } = await olderReplica(5);
    const key = newReplicaKey();
    await (await openReplica(officerId, storage, ['complaints'], key)).close();
    const reports: ReplicaUpgradeProgress[] = [];
    const replica = await openReplica(officerId, storage, ['complaints'], key, (progress) =>
      reports.push(progress),
    );
    open.push(replica);
    expect(reports).toEqual([]);
    expect(await replica.complaints.count().exec()).toBe(5);
  });
});

describe('opening a replica stored with the complaint indexes no query read (version 2)', () => {
  it('keeps only the indexes queries read, and reads the queue head and tracking numbers through them', async () => {
    counter += 1;
    const officerId = `upgrade-indexes-${counter}-${Date.now()}`;
    const storage = dexie();
    const key = newReplicaKey();
    const complaints = Array.from({ length: 40 }, (_, index) =>
      sampleComplaint({
        id: `c-${String(index).padStart(3, '0')}`,
        trackingNumber: `KALTIM-2611-${String(index).padStart(5, '0')}`,
        dueAt: 1_000_000 + index * 60_000,
      }),
    );
    openedComplaintSchema.complaints = complaintRxSchemaVersion2 as RxJsonSchema<unknown>;
    const older = await openReplica(officerId, storage, ['complaints'], key);
    await older.complaints.bulkInsert(complaints);
    await older.close();
    openedComplaintSchema.complaints = undefined;

    const replica = await openReplica(officerId, storage, ['complaints'], key);
    open.push(replica);
    const { dexieTable } = await dexieStorageOf(replica.complaints)!.storage.internals;
    expect(dexieTable.schema.indexes.map((index) => index.name).sort()).toEqual([
      '[_deleted+id]',
      '[_deleted+status+dueAt+id]',
      '[_deleted+trackingNumber+id]',
      '[_meta.lwt+id]',
      '_meta.lwt',
    ]);
    const databases = (await indexedDB.databases()).map((database) => database.name);
    const tableOf = (version: number) =>
      `rxdb-dexie-${replicaNameFor(officerId)}--${version}--complaints`;
    expect(databases).toContain(tableOf(3));
    // RxDB empties the version 2 table once its documents are moved (the database stays).
    const version2 = new Dexie(tableOf(2), { indexedDB, IDBKeyRange });
    await version2.open();
    expect(await version2.table('docs').count()).toBe(0);
    version2.close();

    // The queue head comes from the [status, dueAt] index through Dexie, not an RxDB query.
    const find = vi.spyOn(replica.complaints, 'find');
    const head = await readQueueHead(replica.complaints, ['didisposisi'], 10, 1);
    expect(find).not.toHaveBeenCalled();
    // Ten read; the tenth's due time may be shared with unread ones, so the nine before it.
    expect(head?.map((complaint) => complaint.id)).toEqual(
      complaints.slice(0, 9).map((complaint) => complaint.id),
    );
    const found = await replica.complaints
      .findOne({ selector: { trackingNumber: 'KALTIM-2611-00007' } })
      .exec();
    expect(found?.id).toBe('c-007');
    expect(found?.reporter?.name).toBe('Andi Saputra');
  }, 30_000);
});

describe('sumMigrationCounts', () => {
  const status = (collectionName: string, handled: number, total: number): RxMigrationStatus => ({
    collectionName,
    status: handled === total ? 'DONE' : 'RUNNING',
    count: { handled, total, percent: total ? Math.round((handled / total) * 100) : 0 },
  });

  it('adds up the collections being migrated', () => {
    expect(
      sumMigrationCounts([status('complaints', 400, 1000), status('complaint_events', 3000, 3000)]),
    ).toEqual({ handled: 3400, total: 4000 });
  });

  it('is nothing of nothing', () => {
    expect(sumMigrationCounts([])).toEqual({ handled: 0, total: 0 });
  });
});
