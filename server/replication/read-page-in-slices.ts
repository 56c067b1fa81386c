import type { PullResponse } from '../../shared/api/contract.ts';

/** JSON a slice of a page aims at: a few tens of ms of the embedded database's one thread. */
export const SLICE_JSON_BYTES = 128 * 1024;
/** Rows of the first slice, before the documents' size is known. */
const FIRST_SLICE_ROWS = 50;

export type SlicedPage<T> = {
  page: PullResponse<T>;
  /** Each document's JSON size, in page order. */
  sizes: number[];
};

/**
 * A pull page asked by bytes, read in slices of about {@link SLICE_JSON_BYTES} of JSON, each
 * from the change number the one before ended at, until `limit` documents or `maxBytes` of JSON
 * are read or nothing follows. Read in one query, a page of several thousand timeline events held
 * the embedded database (and the server's thread with it) for 0.3–0.7 s, and another officer's
 * push waited that long; between slices the server's other requests run. The page is the same
 * as one read at once would be (before its cut to `maxBytes`): `readFrom` pages by change number.
 */
export async function readPageInSlices<T>(
  readFrom: (afterSeq: number, limit: number) => Promise<PullResponse<T>>,
  afterSeq: number,
  limit: number,
  maxBytes: number,
): Promise<SlicedPage<T>> {
  const documents: PullResponse<T>['documents'] = [];
  const sizes: number[] = [];
  let bytes = 0;
  let from = afterSeq;
  let rows = Math.min(limit, FIRST_SLICE_ROWS);
  for (;;) {
    const slice = await readFrom(from, rows);
    for (const document of slice.documents) {
      documents.push(document);
      const size = Buffer.byteLength(JSON.stringify(document));
      sizes.push(size);
      bytes += size + 1;
    }
    from = slice.checkpoint?.seq ?? from;
    const wanted = limit - documents.length;
    if (slice.documents.length < rows || wanted === 0 || bytes > maxBytes) break;
    const average = bytes / documents.length;
    const toBudget = Math.ceil((maxBytes - bytes) / average) + 1;
    rows = Math.max(1, Math.min(wanted, toBudget, Math.ceil(SLICE_JSON_BYTES / average)));
    // The embedded database answers without leaving the thread: let the requests waiting run.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { page: { documents, checkpoint: { seq: from } }, sizes };
}
