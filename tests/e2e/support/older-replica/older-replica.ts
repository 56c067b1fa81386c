/**
 * Served on the workstation's origin by the upgrade test: writes an officer's replica the way
 * the version before identity encryption stored it (complaint schema version 1), so the
 * workstation opening it has to migrate it.
 */
import { createRxDatabase, type RxCollection } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { replicaNameFor } from '../../../../renderer/src/db/create-replica.ts';
import { complaintRxSchema } from '../../../../shared/schemas/rx-schemas.ts';

async function writeOlderReplica(
  officerId: string,
  complaints: Record<string, unknown>[],
): Promise<number> {
  const { encrypted: _none, ...version1 } = { ...complaintRxSchema, version: 1 };
  const db = await createRxDatabase<{ complaints: RxCollection<Record<string, unknown>> }>({
    name: replicaNameFor(officerId),
    storage: getRxStorageDexie(),
    multiInstance: false,
    localDocuments: true,
  });
  await db.addCollections({ complaints: { schema: version1 } });
  await db.complaints.bulkInsert(
    complaints.map(({ _deleted: _ignored, ...complaint }) => complaint),
  );
  const count = await db.complaints.count().exec();
  await db.close();
  return count;
}

declare global {
  interface Window {
    writeOlderReplica: typeof writeOlderReplica;
  }
}
window.writeOlderReplica = writeOlderReplica;
