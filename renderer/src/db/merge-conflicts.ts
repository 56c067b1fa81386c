import { map, type Observable } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { MergeConflictRecord } from './complaint-conflict-handler.ts';
import { updateLocalDocument } from './update-local-document.ts';

const LOCAL_ID = 'merge-conflicts';
type StoredConflicts = { byComplaint: Record<string, MergeConflictRecord> };

/**
 * The merge conflicts waiting for the officer, kept as one local document of the complaints
 * collection (never replicated), shared by the officer's windows. A newer conflict on the same complaint replaces the older one.
 */
export class MergeConflicts {
  private readonly collection: RxCollection<Complaint>;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(collection: RxCollection<Complaint>) {
    this.collection = collection;
  }

  private update(
    change: (current: Record<string, MergeConflictRecord>) => Record<string, MergeConflictRecord>,
  ): Promise<void> {
    // Another window of the officer may record or dismiss at the same time.
    const next = this.chain.then(async () => {
      await updateLocalDocument<StoredConflicts>(this.collection, LOCAL_ID, (current) => ({
        byComplaint: change({ ...(current?.byComplaint ?? {}) }),
      }));
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  record(conflict: MergeConflictRecord): Promise<void> {
    return this.update((current) => ({ ...current, [conflict.complaintId]: conflict }));
  }

  dismiss(complaintId: string): Promise<void> {
    return this.update((current) => {
      delete current[complaintId];
      return current;
    });
  }

  async list(): Promise<MergeConflictRecord[]> {
    await this.chain;
    const document = await this.collection.getLocal<StoredConflicts>(LOCAL_ID);
    return Object.values(document?.get('byComplaint') ?? {});
  }

  list$(): Observable<MergeConflictRecord[]> {
    return this.collection
      .getLocal$<StoredConflicts>(LOCAL_ID)
      .pipe(map((document) => Object.values(document?.get('byComplaint') ?? {})));
  }
}
