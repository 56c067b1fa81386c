import { createRxDatabase, type RxCollection, type RxStorage } from 'rxdb';
import { replicaNameFor } from '../../renderer/src/db/create-replica.ts';
import { complaintRxSchema } from '../../renderer/src/db/replica-schemas.ts';
import type { Complaint } from '../../shared/schemas/complaint.ts';

/**
 * Writes an officer's replica as the version before identity encryption stored it: complaint
 * schema version 1, identity in the clear. Opening it with `openReplica` has to migrate it.
 * Answers how many complaints it holds.
 */
export async function writeVersion1Replica(
  storage: RxStorage<unknown, unknown>,
  officerId: string,
  complaints: readonly Complaint[],
): Promise<number> {
  const { encrypted: _none, ...version1 } = { ...complaintRxSchema, version: 1 };
  const db = await createRxDatabase<{ complaints: RxCollection<Complaint> }>({
    name: replicaNameFor(officerId),
    storage,
    multiInstance: true,
    localDocuments: true,
  });
  await db.addCollections({ complaints: { schema: version1 } });
  await db.complaints.bulkInsert([...complaints]);
  const count = await db.complaints.count().exec();
  await db.close();
  return count;
}
