import type { RxCollection } from 'rxdb';
import { fromDexieToStorage, RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';
import { isStoredRowReader } from './field-encryption-storage.ts';

type Row = Record<string, unknown>;

/** A collection's Dexie storage, and how a row read from it becomes the collection's document. */
export type DexieStorageAccess = {
  storage: RxStorageInstanceDexie<unknown>;
  /** Decodes Dexie's row and decrypts the fields the replica keeps encrypted. */
  toDocuments(rows: unknown[]): Promise<Row[]>;
};

/**
 * Finds the Dexie storage under a collection's wrappers, for readers that read rows through
 * Dexie's bulk paths; null on any other storage (tests use memory).
 */
export function dexieStorageOf<T>(collection: RxCollection<T>): DexieStorageAccess | null {
  const readers: ((row: Row) => Promise<Row>)[] = [];
  let instance: unknown = collection.storageInstance.originalStorageInstance;
  for (let depth = 0; depth < 5 && instance; depth += 1) {
    if (instance instanceof RxStorageInstanceDexie) {
      const storage = instance as RxStorageInstanceDexie<unknown>;
      return {
        storage,
        async toDocuments(rows) {
          const { booleanIndexes } = await storage.internals;
          const decoded = rows.map((row) => fromDexieToStorage(booleanIndexes, row) as Row);
          if (readers.length === 0) return decoded;
          return Promise.all(
            decoded.map(async (row) => {
              let result = row;
              for (const read of readers) result = await read(result);
              return result;
            }),
          );
        },
      };
    }
    if (isStoredRowReader(instance)) {
      const reader = instance;
      readers.unshift((row) => reader.readStoredRow(row));
    }
    instance = (instance as { originalStorageInstance?: unknown }).originalStorageInstance;
  }
  return null;
}
