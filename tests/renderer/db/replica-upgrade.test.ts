import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { addRxPlugin } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import type { RxMigrationStatus } from 'rxdb/plugins/migration-schema';
import { openReplica, type Replica } from '../../../renderer/src/db/create-replica.ts';
import { newReplicaKey } from '../../../renderer/src/db/field-cipher.ts';
import {
  sumMigrationCounts,
  type ReplicaUpgradeProgress,
} from '../../../renderer/src/db/watch-replica-upgrade.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';
import { writeVersion1Replica } from '../../support/version-1-replica.ts';

addRxPlugin(RxDBLocalDocumentsPlugin);

const dexie = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
const open: Replica[] = [];
let counter = 0;

afterEach(async () => {
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
