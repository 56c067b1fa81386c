/**
 * Pull pages sized in bytes, not documents, so a page costs a few seconds of link at most. A page
 * cut mid-body keeps the parts that arrived whole (see PULL_PARTS_MEDIA_TYPE); a cut still
 * shrinks the next pages, as a dropping link holds a smaller answer more often, and whole pages
 * grow them back. Pure: the device keeps the state, the server applies the
 * byte budget with {@link planPageCut}. Used for every pull endpoint (complaints, directories,
 * and any checkpointed fetch).
 */

export type PageSizeLimits = {
  /** Compressed bytes a page aims at on a healthy link (~2 s at 1 Mbps). */
  targetWireBytes: number;
  /** Never smaller than this: below it round trips cost more than cuts. */
  minWireBytes: number;
  /** After a cut the budget is divided by this. */
  shrinkFactor: number;
  /** After each whole page the budget grows by this much, up to the target. */
  growStepWireBytes: number;
  /**
   * JSON bytes per compressed byte, for turning a wire budget into the JSON budget the server
   * measures. A page of 1,000 complaints is 968 KB of JSON and 128 KB gzipped (7.6); brotli does
   * a little better. Kept low so a page errs on the small side.
   */
  jsonBytesPerWireByte: number;
};

export const PAGE_SIZE_LIMITS: PageSizeLimits = {
  targetWireBytes: 256 * 1024,
  minWireBytes: 16 * 1024,
  shrinkFactor: 2,
  growStepWireBytes: 16 * 1024,
  jsonBytesPerWireByte: 7,
};

export type PageSizeState = { wireBytes: number };

export type PageOutcome = 'whole' | 'cut';

export function initialPageSize(limits: PageSizeLimits = PAGE_SIZE_LIMITS): PageSizeState {
  return { wireBytes: limits.targetWireBytes };
}

/**
 * The page size after a page arrived whole or was cut mid-way: a cut halves it, each whole page
 * adds a step back towards the target (as TCP's congestion window does after a loss). Growing
 * by steps, not by doubling, keeps the page a cut meets about the size of the pages before it:
 * after a doubling the next cut would meet the largest page of all.
 */
export function planPageSize(
  state: PageSizeState,
  outcome: PageOutcome,
  limits: PageSizeLimits = PAGE_SIZE_LIMITS,
): PageSizeState {
  if (outcome === 'cut')
    return {
      wireBytes: Math.max(limits.minWireBytes, Math.floor(state.wireBytes / limits.shrinkFactor)),
    };
  return {
    wireBytes: Math.min(limits.targetWireBytes, state.wireBytes + limits.growStepWireBytes),
  };
}

/** The JSON byte budget the server is asked for, for a page of this wire size. */
export function jsonBudgetOf(
  state: PageSizeState,
  limits: PageSizeLimits = PAGE_SIZE_LIMITS,
): number {
  return Math.round(state.wireBytes * limits.jsonBytesPerWireByte);
}

/**
 * How many of a page's leading documents to send within `maxBytes` of JSON, given each one's
 * serialised size in page order: as many as fit, and always at least one (a document larger
 * than the budget still has to arrive).
 */
export function planPageCut(documentBytes: readonly number[], maxBytes: number): number {
  let total = 0;
  for (let index = 0; index < documentBytes.length; index += 1) {
    total += documentBytes[index]! + 1; // the comma between documents
    if (total > maxBytes) return Math.max(1, index);
  }
  return documentBytes.length;
}
