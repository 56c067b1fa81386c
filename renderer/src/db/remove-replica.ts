import { removeRxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { complaintRxSchema, syncRejectionRxSchema } from './replica-schemas.ts';
import { replicaNameFor } from './create-replica.ts';
import { createFieldCipher, newReplicaKey } from './field-cipher.ts';
import { fieldEncryptionStorage } from './field-encryption-storage.ts';

/**
 * Removes an officer's replica without opening it, so without its key: the way out for an
 * officer whose replica no key at hand opens (forgotten previous password, lost OS key store).
 * Nothing is decrypted; the throwaway key only lets the storage accept the encrypted schemas.
 */
export async function removeReplica(
  officerId: string,
  storage: RxStorage<unknown, unknown> = getRxStorageDexie(),
): Promise<void> {
  const encrypting = fieldEncryptionStorage({
    storage,
    cipher: await createFieldCipher(newReplicaKey()),
    replicatedFields: [
      ...(complaintRxSchema.encrypted ?? []),
      ...(syncRejectionRxSchema.encrypted ?? []),
    ],
  });
  await removeRxDatabase(replicaNameFor(officerId), encrypting);
}
