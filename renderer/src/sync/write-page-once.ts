import { createRevision, deepEqual, now, type RxCollection, type RxDocumentData } from 'rxdb';
import type { WireDocument } from '../../../shared/api/contract.ts';

/**
 * Writes one pulled page of an append-only collection into the replica, each document once: no
 * assumed master state is kept beside it, and nothing is read before the write except by the
 * storage itself. A document already held (the page pulled again after a cut, or this device's
 * own event coming back stamped) is rewritten only when the server's copy differs; a tombstone
 * deletes the document. Writing the same page twice leaves the replica as writing it once.
 */
export async function writePageOnce<T extends { id: string }>(
  collection: RxCollection<T>,
  documents: readonly WireDocument<T>[],
): Promise<void> {
  const alive: T[] = [];
  const gone: string[] = [];
  for (const document of documents) {
    if (document._deleted) {
      gone.push(document.id);
      continue;
    }
    const { _deleted, ...content } = document;
    void _deleted;
    alive.push(content as unknown as T);
  }
  if (alive.length > 0) {
    const result = await collection.bulkInsert(alive);
    const byId = new Map(alive.map((document) => [document.id, document]));
    const differing: T[] = [];
    for (const error of result.error) {
      const incoming = byId.get(error.documentId);
      if (error.status !== 409 || !incoming) throw new Error(`write of ${error.documentId} failed`);
      const held = error.documentInDb;
      if (!held || held._deleted || !deepEqual(contentOf(held), incoming)) differing.push(incoming);
    }
    if (differing.length > 0) await collection.bulkUpsert(differing);
  }
  if (gone.length > 0) await writeTombstones(collection, gone);
}

/**
 * Deletes the documents held of `ids`, keeping of each only its id (as the server's tombstone
 * carries): nothing of what left the officer's scope stays readable on the device.
 */
export async function writeTombstones<T>(collection: RxCollection<T>, ids: readonly string[]) {
  const storage = collection.storageInstance;
  const held = await storage.findDocumentsById([...ids], false);
  if (held.length === 0) return;
  const token = collection.database.token;
  const primary = collection.schema.primaryPath as string;
  const rows = held.map((previous) => {
    const bare = {
      [primary]: (previous as Record<string, unknown>)[primary],
      _deleted: true,
      _attachments: {},
      _meta: { lwt: now() },
    } as unknown as RxDocumentData<T>;
    bare._rev = createRevision(token, previous);
    return { previous, document: bare };
  });
  const result = await storage.bulkWrite(rows, 'lapor-append-only-tombstones');
  // Another write got in between (the document changed): the next pull of the page retries.
  if (result.error.length > 0) throw new Error('tombstone write conflicted');
}

function contentOf(stored: object): object {
  const { _meta, _rev, _attachments, _deleted, ...content } = stored as Record<string, unknown>;
  void _meta;
  void _rev;
  void _attachments;
  void _deleted;
  return content;
}
