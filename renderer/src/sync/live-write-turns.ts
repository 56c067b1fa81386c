/**
 * Live changes written while a first sync's history is still being written go first: each is
 * queued here, and every collection's history writer waits until none is queued before it
 * starts its next part. IndexedDB runs an origin's transactions on one backend, so a live
 * complaint also waited for a timeline part written to another database (60–90 ms on the
 * poor-link bench).
 */
export class LiveWriteTurns {
  private queue: Promise<void> = Promise.resolve();

  /** Queues a live write after the ones before it; a failed one does not hold up the next. */
  run(write: () => Promise<void>): Promise<void> {
    const turn = this.queue.then(write);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Resolves once every live write queued so far is done. */
  idle(): Promise<void> {
    return this.queue;
  }

  /**
   * Writes a history page `size` documents at a time, each part once the live writes queued
   * before it are done: a live change then waits for the one part in IndexedDB's hands at most.
   */
  async writeInParts<D>(
    documents: readonly D[],
    size: number,
    writePart: (part: D[]) => Promise<void>,
  ): Promise<void> {
    for (let start = 0; start < documents.length; start += size) {
      await this.idle();
      await writePart(documents.slice(start, start + size));
    }
  }
}
