import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxStorage,
} from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { Unit } from '../../../shared/schemas/unit.ts';
import type { Category } from '../../../shared/schemas/category.ts';
import {
  categoryRxSchema,
  complaintRxSchema,
  unitRxSchema,
} from '../../../shared/schemas/rx-schemas.ts';

addRxPlugin(RxDBLocalDocumentsPlugin);

export type ReplicaCollections = {
  complaints: RxCollection<Complaint>;
  units: RxCollection<Unit>;
  categories: RxCollection<Category>;
};
export type Replica = RxDatabase<ReplicaCollections>;

/** One replica per officer on this device; the name is derived from the officer id. */
export function replicaNameFor(officerId: string): string {
  return `lapor_${officerId.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}

export async function openReplica(
  officerId: string,
  storage: RxStorage<unknown, unknown> = getRxStorageDexie(),
): Promise<Replica> {
  const db = await createRxDatabase<ReplicaCollections>({
    name: replicaNameFor(officerId),
    storage,
    multiInstance: true,
    localDocuments: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    complaints: { schema: complaintRxSchema, localDocuments: true },
    units: { schema: unitRxSchema },
    categories: { schema: categoryRxSchema },
  });
  return db;
}
