import type { RxCollection, RxDocumentData } from 'rxdb';
import Dexie from 'dexie';
import { dexieStorageOf } from './dexie-storage-of.ts';

/**
 * Reads every live document of a collection in primary-key order, a page at a time.
 *
 * RxDB's Dexie storage answers queries with an IndexedDB cursor, one round trip per document:
 * 5,000 complaints took 3 s in Chromium, against 0.14 s for the same rows through `getAll`.
 * On Dexie storage this reads the rows through Dexie's bulk path on the `[_deleted+id]` index
 * RxDB keeps (decrypting what the replica keeps encrypted); any other storage (tests use
 * memory) goes through a normal RxDB query.
 */
export async function* readAllDocuments<T>(
  collection: RxCollection<T>,
  pageSize: number,
): AsyncGenerator<RxDocumentData<T>[]> {
  const primaryKey = collection.schema.primaryPath as string;
  const dexie = dexieStorageOf(collection);
  if (dexie && primaryKey === 'id') {
    const { dexieTable } = await dexie.storage.internals;
    let after: string = '';
    for (;;) {
      const rows = (await dexieTable
        .where('[_deleted+id]')
        .between(['0', after], ['0', Dexie.maxKey], false, true)
        .limit(pageSize)
        .toArray()) as unknown[];
      if (rows.length === 0) return;
      const documents = (await dexie.toDocuments(rows)) as RxDocumentData<T>[];
      yield documents;
      const last = documents.at(-1) as Record<string, unknown> | undefined;
      if (!last || rows.length < pageSize) return;
      after = String(last.id);
    }
  }
  let after = '';
  for (;;) {
    const page = await collection
      .find({
        selector: { [primaryKey]: { $gt: after } } as never,
        sort: [{ [primaryKey]: 'asc' } as never],
        limit: pageSize,
      })
      .exec();
    if (page.length === 0) return;
    yield page.map((document) => document.toJSON(true) as RxDocumentData<T>);
    if (page.length < pageSize) return;
    after = String(page.at(-1)?.primary ?? '');
  }
}
