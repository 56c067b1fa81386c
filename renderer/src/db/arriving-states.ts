import { Subject, type Observable } from 'rxjs';
import type { RxCollection, RxDocumentData } from 'rxdb';

/**
 * States of a collection's documents a replication has received and is about to store, told
 * before the write: while a first sync's history is written, a live change waits for the part
 * of it in IndexedDB's hands (up to 100 ms on the poor-link bench), and a view may show it
 * meanwhile. Only states that will replace a stored one as they are (no edit of the device's
 * waits for the document) are told; one that then is not written is told again as stored.
 * The collection's change events remain the record of what is stored.
 */
export class ArrivingStates<T> {
  private readonly arriving = new Subject<readonly RxDocumentData<T>[]>();

  readonly states$: Observable<readonly RxDocumentData<T>[]> = this.arriving.asObservable();

  tell(states: readonly RxDocumentData<T>[]): void {
    if (states.length > 0) this.arriving.next(states);
  }
}

const byCollection = new WeakMap<RxCollection, ArrivingStates<unknown>>();

/** The arriving states of one collection, shared by its replication and its views. */
export function arrivingStatesOf<T>(collection: RxCollection<T>): ArrivingStates<T> {
  let found = byCollection.get(collection as RxCollection);
  if (!found) {
    found = new ArrivingStates<unknown>();
    byCollection.set(collection as RxCollection, found);
  }
  return found as ArrivingStates<T>;
}
