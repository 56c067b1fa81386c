import { BehaviorSubject } from 'rxjs';
import type { RxCollection } from 'rxdb';

type PendingDoc = { edits: Record<string, number> };
const LOCAL_ID = 'pending-changes';

/**
 * Counts this device's edits that the server has not yet accepted, per document of any
 * collection (keys `collection/id`), persisted in the replica so a restart shows the same
 * number. An edit made while a push is in flight stays pending until that newer state is pushed.
 */
export class PendingChanges {
  readonly count$ = new BehaviorSubject(0);
  private edits: Record<string, number> = {};
  private readonly collection: RxCollection;
  private writeChain: Promise<unknown> = Promise.resolve();

  constructor(collection: RxCollection) {
    this.collection = collection;
  }

  async load(): Promise<void> {
    const doc = await this.collection.getLocal<PendingDoc>(LOCAL_ID);
    this.edits = { ...(doc?.get('edits') ?? {}) };
    this.count$.next(Object.keys(this.edits).length);
  }

  /**
   * Counts the documents as edited, then runs the local write. The count comes first: the write
   * can start a push at once, and a push that finishes before the count is taken would leave
   * the edit pending for ever. A write that fails takes its count back.
   */
  async track<T>(
    collection: string,
    documentIds: readonly string[],
    write: () => Promise<T>,
  ): Promise<T> {
    await this.adjust(collection, documentIds, 1);
    try {
      return await write();
    } catch (error) {
      await this.adjust(collection, documentIds, -1);
      throw error;
    }
  }

  private async adjust(collection: string, documentIds: readonly string[], by: 1 | -1) {
    const next = { ...this.edits };
    for (const id of documentIds) {
      const key = `${collection}/${id}`;
      const count = (next[key] ?? 0) + by;
      if (count > 0) next[key] = count;
      else delete next[key];
    }
    this.edits = next;
    await this.persist();
  }

  /** Edit counters at push time, to settle only what the push carried. */
  snapshot(collection: string, documentIds: readonly string[]): Map<string, number> {
    return new Map(
      documentIds.map((id) => [`${collection}/${id}`, this.edits[`${collection}/${id}`] ?? 0]),
    );
  }

  async settle(snapshot: ReadonlyMap<string, number>): Promise<void> {
    const next = { ...this.edits };
    let changed = false;
    for (const [id, editsAtPush] of snapshot) {
      if (next[id] !== undefined && next[id] === editsAtPush) {
        delete next[id];
        changed = true;
      }
    }
    if (!changed) return;
    this.edits = next;
    await this.persist();
  }

  private persist(): Promise<unknown> {
    const edits = this.edits;
    this.count$.next(Object.keys(edits).length);
    this.writeChain = this.writeChain.then(() =>
      this.collection.upsertLocal<PendingDoc>(LOCAL_ID, { edits }),
    );
    return this.writeChain;
  }
}
