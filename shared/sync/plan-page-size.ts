/**
 * Pull pages sized in bytes, not documents: on a link that drops, a cut page is fetched again
 * from its start, so a page should cost a few seconds of link at most. A cut shrinks the next
 * pages; whole pages grow them back. Pure: the device keeps the state, the server applies the
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
  /** Whole pages in a row after which the budget grows again, up to the target. */
  growAfterWholePages: number;
  /**
   * Once the budget is back at half the size of the last cut page, it grows by this much at a
   * time instead of doubling: a link that has cut a page of some size is likely to cut one of
   * that size again.
   */
  ceilingStepWireBytes: number;
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
  shrinkFactor: 4,
  growAfterWholePages: 2,
  ceilingStepWireBytes: 32 * 1024,
  jsonBytesPerWireByte: 7,
};

export type PageSizeState = {
  wireBytes: number;
  wholeInRow: number;
  /** Doubling stops here: half the last cut page, raised step by step back to the target. */
  ceilingWireBytes: number;
};

export type PageOutcome = 'whole' | 'cut';

export function initialPageSize(limits: PageSizeLimits = PAGE_SIZE_LIMITS): PageSizeState {
  return {
    wireBytes: limits.targetWireBytes,
    wholeInRow: 0,
    ceilingWireBytes: limits.targetWireBytes,
  };
}

/**
 * The page size after a page arrived whole or was cut mid-way. A cut divides the size and
 * remembers half the size it cut at; whole pages double the size back up to that, then raise it
 * a step at a time to the target (as TCP's congestion window grows after a loss).
 */
export function planPageSize(
  state: PageSizeState,
  outcome: PageOutcome,
  limits: PageSizeLimits = PAGE_SIZE_LIMITS,
): PageSizeState {
  if (outcome === 'cut') {
    return {
      wireBytes: Math.max(limits.minWireBytes, Math.floor(state.wireBytes / limits.shrinkFactor)),
      wholeInRow: 0,
      ceilingWireBytes: Math.max(limits.minWireBytes, Math.floor(state.wireBytes / 2)),
    };
  }
  const wholeInRow = state.wholeInRow + 1;
  if (wholeInRow < limits.growAfterWholePages || state.wireBytes >= limits.targetWireBytes)
    return { ...state, wholeInRow };
  if (state.wireBytes < state.ceilingWireBytes)
    return {
      wireBytes: Math.min(state.ceilingWireBytes, state.wireBytes * 2),
      wholeInRow: 0,
      ceilingWireBytes: state.ceilingWireBytes,
    };
  const ceiling = Math.min(
    limits.targetWireBytes,
    state.ceilingWireBytes + limits.ceilingStepWireBytes,
  );
  return { wireBytes: ceiling, wholeInRow: 0, ceilingWireBytes: ceiling };
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
