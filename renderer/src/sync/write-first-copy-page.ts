import {
  createRevision,
  deepEqual,
  getHeightOfRevision,
  type BulkWriteRow,
  type RxCollection,
  type RxDocumentData,
} from 'rxdb';
import type { WireDocument } from '../../../shared/api/contract.ts';
import { isAsPulled } from '../db/replication-meta.ts';

/**
 * The write time a first copy gives its documents: before any write the device makes, so RxDB's
 * upstream, started after the copy from `AFTER_FIRST_COPY`, reads none of the copied documents
 * again (they are the server's state) and every local edit, which gets the present time.
 */
export const FIRST_COPY_WRITE_TIME = 1;
/** The upstream checkpoint after a first copy: past every document with the copy's write time. */
export const AFTER_FIRST_COPY = { id: '\uffff', lwt: FIRST_COPY_WRITE_TIME };

const CONTEXT = 'lapor-first-copy';
/** Another window's write between reading a document and replacing it: read again, this often. */
const ATTEMPTS = 5;

/**
 * Writes one page of a first copy into the replica's storage, each document once, and no
 * assumed master state beside it. Each document is marked as pulled the way RxDB's downstream
 * marks what it writes (`_meta.o`): RxDB then replaces it with a later server state as usual,
 * and the assumed master is written only when the officer first edits it
 * (`ReplicationMeta.keepAssumedMasters`).
 *
 * The storage below RxDB's collection is written (the replica's encryption included), as RxDB's
 * replication does, so the mark and write time are kept. Writing a page again (resuming after a
 * cut) rewrites only what differs; a document edited on the device since it was copied is left
 * for RxDB's replication, which pushes the edit and merges it with the server's state; a
 * tombstone deletes a document still as pulled and is not stored for one never held. A state
 * older than the one held (a live change written while the page was on its way) is skipped.
 * Resolves with the states it wrote.
 */
export async function writeFirstCopyPage<T extends { id: string }>(
  collection: RxCollection<T>,
  documents: readonly WireDocument<T>[],
  originHash: string,
  /**
   * The stored state of a document, where already at hand (a live change of a complaint on
   * screen): it is then replaced in one write, not tried as new and written again.
   */
  heldOf?: (id: string) => RxDocumentData<T> | undefined,
): Promise<RxDocumentData<T>[]> {
  const storage = collection.internalStorageInstance;
  const byId = new Map(documents.map((document) => [document.id, document]));
  const gone = documents.filter((document) => document._deleted).map((document) => document.id);
  const heldGone = gone.length > 0 ? await storage.findDocumentsById(gone, true) : [];
  let rows: BulkWriteRow<T>[] = [
    ...documents
      .filter((document) => !document._deleted)
      .flatMap((document) => {
        const held = heldOf?.(document.id);
        return held
          ? replacing(held, document, originHash)
          : [{ document: asPulled(document, undefined, originHash) }];
      }),
    ...heldGone.flatMap((held) => replacing(held, byId.get(idOf(held)), originHash)),
  ];
  const written: RxDocumentData<T>[] = [];
  for (let attempt = 0; rows.length > 0; attempt += 1) {
    if (attempt >= ATTEMPTS) throw new Error('first copy page kept meeting other writes');
    const result = await storage.bulkWrite(rows, CONTEXT);
    const refused = new Set(result.error.map((error) => error.documentId));
    for (const row of rows) if (!refused.has(idOf(row.document))) written.push(row.document);
    rows = result.error.flatMap((error) => {
      if (error.status !== 409 || !error.documentInDb)
        throw new Error(`first copy of ${error.documentId} failed`);
      return replacing(error.documentInDb, byId.get(error.documentId), originHash);
    });
  }
  return written;
}

/**
 * The states writing `documents` stores in place of the ones `heldOf` has at hand, worked out
 * before the write: a document without a state at hand, or with one the device edited since it
 * was pulled, is not among them.
 */
export function statesReplacingHeld<T extends { id: string }>(
  documents: readonly WireDocument<T>[],
  originHash: string,
  heldOf: (id: string) => RxDocumentData<T> | undefined,
): RxDocumentData<T>[] {
  return documents.flatMap((document) => {
    const held = heldOf(document.id);
    return held ? replacing(held, document, originHash).map((row) => row.document) : [];
  });
}

/** The row that replaces `held` with the server's `incoming` state, if one is due. */
function replacing<T>(
  held: RxDocumentData<T>,
  incoming: WireDocument<T> | undefined,
  originHash: string,
): BulkWriteRow<T>[] {
  if (!incoming || !isAsPulled(held, originHash)) return [];
  if (held._deleted && incoming._deleted) return [];
  if (isOlderThan(incoming, held)) return [];
  if (deepEqual(contentOf(held), contentOf(incoming))) return [];
  return [{ previous: held, document: asPulled(incoming, held, originHash) }];
}

function asPulled<T>(
  incoming: WireDocument<T>,
  previous: RxDocumentData<T> | undefined,
  originHash: string,
): RxDocumentData<T> {
  const height = previous ? getHeightOfRevision(previous._rev) + 1 : 1;
  const document = incoming._deleted
    ? { id: idOf(incoming), _deleted: true }
    : { ...incoming, _deleted: false };
  return {
    ...document,
    _attachments: {},
    _meta: { lwt: FIRST_COPY_WRITE_TIME, o: { _rev: height, hash: originHash } },
    _rev: createRevision(originHash, previous),
  } as unknown as RxDocumentData<T>;
}

/**
 * A page fetched before a live change but written after it carries the state before the
 * change: the server's change number says which is newer (tombstones carry none).
 */
function isOlderThan(incoming: object, held: object): boolean {
  const incomingSeq = (incoming as { serverSeq?: unknown }).serverSeq;
  const heldSeq = (held as { serverSeq?: unknown }).serverSeq;
  return typeof incomingSeq === 'number' && typeof heldSeq === 'number' && incomingSeq < heldSeq;
}

function idOf(document: object): string {
  return String((document as { id?: unknown }).id);
}

function contentOf(stored: object): object {
  const { _meta, _rev, _attachments, ...content } = stored as Record<string, unknown>;
  void _meta;
  void _rev;
  void _attachments;
  return { ...content, _deleted: Boolean(content._deleted) };
}
