import { concatMap, filter, startWith, type Observable } from 'rxjs';
import type { RxChangeEventBulk, RxLocalDocument } from 'rxdb';

/** A replica or one of its collections: what holds local documents. */
type LocalDocumentParent = {
  eventBulks$: Observable<RxChangeEventBulk<unknown>>;
  getLocal<T>(id: string): Promise<RxLocalDocument<unknown, T> | null>;
};

/**
 * The local document now and after each change of it, read again from the replica.
 *
 * RxDB's own `getLocal$` starts an asynchronous step for every change event of its parent, so
 * following one small document on the complaints collection (or the replica) cost one promise
 * and one subscription per complaint written: a sync page of 1,000 complaints queued 1,000 of
 * them, each removed from a 1,000-long list, and an initial sync of 100,000 spent minutes of main
 * thread on it. Here each bulk is tested once, synchronously, for a local write of this id.
 */
export function watchLocalDocument<T>(
  parent: LocalDocumentParent,
  id: string,
  parentIsReplica = false,
): Observable<RxLocalDocument<unknown, T> | null> {
  return parent.eventBulks$.pipe(
    filter(
      (bulk) =>
        bulk.isLocal &&
        // The replica's stream also carries its collections' local documents, which may share ids.
        (!parentIsReplica || !bulk.collectionName) &&
        bulk.events.some((event) => event.documentId === id),
    ),
    startWith(null),
    concatMap(() => parent.getLocal<T>(id)),
  );
}
