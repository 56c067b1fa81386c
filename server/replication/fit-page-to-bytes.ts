import type { PullResponse } from '../../shared/api/contract.ts';
import { planPageCut } from '../../shared/sync/plan-page-size.ts';

/**
 * A pull page cut to its first documents that fit in `maxBytes` of JSON. The checkpoint of a cut
 * page is the change number of its last document; when that one is a tombstone (which carries no
 * number), the page is asked again with the smaller limit, which yields exactly that prefix.
 */
export async function fitPageToBytes<T>(
  page: PullResponse<T>,
  maxBytes: number,
  pullFirst: (limit: number) => Promise<PullResponse<T>>,
  /** Each document's JSON size, where already measured. */
  sizes: readonly number[] = page.documents.map((document) =>
    Buffer.byteLength(JSON.stringify(document)),
  ),
): Promise<{ page: PullResponse<T>; cut: boolean }> {
  const keep = planPageCut(sizes, maxBytes);
  if (keep >= page.documents.length) return { page, cut: false };
  const last = page.documents[keep - 1] as { serverSeq?: unknown; _deleted: boolean };
  if (!last._deleted && typeof last.serverSeq === 'number')
    return {
      page: { documents: page.documents.slice(0, keep), checkpoint: { seq: last.serverSeq } },
      cut: true,
    };
  return { page: await pullFirst(keep), cut: true };
}
