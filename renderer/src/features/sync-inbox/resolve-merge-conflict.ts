import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { applyConflictChoices } from '../../../../shared/sync/merge-complaint.ts';
import { sameValue } from '../../../../shared/sync/merge-fields.ts';
import { mergeConflictsOf, type Replica } from '../../db/create-replica.ts';
import type { PendingChanges } from '../../sync/pending-changes.ts';
import type { MergeConflictRecord } from '../../db/complaint-conflict-handler.ts';

/**
 * Applies the officer's pick for each conflicting group as one ordinary edit (synced like any
 * other), then closes the conflict. Keeping the server's value everywhere writes nothing.
 */
export async function resolveMergeConflict(
  replica: Replica,
  pending: PendingChanges,
  record: MergeConflictRecord,
  keepMine: readonly boolean[],
): Promise<void> {
  const document = await replica.complaints.findOne(record.complaintId).exec();
  if (document) {
    const current = document.toJSON() as Complaint;
    const next = applyConflictChoices(current, record.conflicts, keepMine);
    const changes = Object.fromEntries(
      Object.entries(next).filter(
        ([field, value]) => !sameValue(value, current[field as keyof Complaint]),
      ),
    );
    if (Object.keys(changes).length > 0) {
      await pending.track('complaints', [record.complaintId], () =>
        document.incrementalPatch(changes),
      );
    }
  }
  await mergeConflictsOf(replica).dismiss(record.complaintId);
}
