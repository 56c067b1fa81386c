import type { RxDocumentData } from 'rxdb';

/** How many documents a first copy remembers the written state of (~3 KB each for complaints). */
export const RECENT_STATES_LIMIT = 2000;

/**
 * The states a first copy wrote of its first `limit` documents, by id, each the last written: a
 * live change to one of them is then written in one write, with that state as the one it
 * replaces, instead of being tried as new, refused and written again (two waits behind the
 * history's writes). The open phase comes first, so these are the complaints the officer works
 * on, the ones live changes concern most; the history does not push them out. A state changed
 * since on the device (an edit) is followed; one whose write is still in flight is refused as
 * stale and written again, as without it.
 */
export class RecentStates<T> {
  private readonly states = new Map<string, RxDocumentData<T>>();
  private readonly limit: number;

  constructor(limit = RECENT_STATES_LIMIT) {
    this.limit = limit;
  }

  remember(written: readonly RxDocumentData<T>[]): void {
    for (const state of written) {
      const id = String((state as { id?: unknown }).id);
      if (this.states.has(id) || this.states.size < this.limit) this.states.set(id, state);
    }
  }

  /**
   * Takes the stored states of documents it remembers, whoever wrote them (an edit on the
   * device, another window): what it gives is then the stored state but for a write in flight.
   */
  follow(stored: readonly RxDocumentData<T>[]): void {
    for (const state of stored) {
      const id = String((state as { id?: unknown }).id);
      if (this.states.has(id)) this.states.set(id, state);
    }
  }

  stateOf(id: string): RxDocumentData<T> | undefined {
    return this.states.get(id);
  }
}
