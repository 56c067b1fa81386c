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

  async markEdited(collection: string, documentIds: readonly string[]): Promise<void> {
    const next = { ...this.edits };
    for (const id of documentIds)
      next[`${collection}/${id}`] = (next[`${collection}/${id}`] ?? 0) + 1;
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
