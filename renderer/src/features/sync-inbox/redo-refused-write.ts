import type { SyncRejection } from '../../../../shared/schemas/sync-rejection.ts';
import {
  draftWithRestoredFollowUp,
  planRefusalRedo,
} from '../../../../shared/sync/plan-refusal-redo.ts';
import type { Replica } from '../../db/create-replica.ts';
import type { PendingChanges } from '../../sync/pending-changes.ts';
import { loadFollowUpDraft, saveFollowUpDraft } from '../../db/follow-up-draft.ts';

type RefusalContext = { replica: Replica; sync: { pending: PendingChanges } };

/**
 * Does what "redo" means for the refused write (see planRefusalRedo): applies a classification
 * again as a new ordinary edit, or puts a refused follow-up back into its composer as a draft.
 * Answers whether anything was redone.
 */
export async function redoRefusedWrite(
  workstation: RefusalContext,
  refusal: SyncRejection,
): Promise<boolean> {
  const current =
    refusal.targetCollection === 'complaints'
      ? await workstation.replica.complaints.findOne(refusal.documentId).exec()
      : null;
  const plan = planRefusalRedo(refusal, current);
  if (plan.kind === 'patch_complaint') {
    if (!current) return false;
    await workstation.sync.pending.track('complaints', [plan.complaintId], () =>
      current.incrementalPatch(plan.fields),
    );
    return true;
  }
  if (plan.kind === 'restore_follow_up') {
    const store = workstation.replica.complaints;
    // A complaint that has left this device (disposed to another OPD) has no composer to go back to.
    if (!(await store.findOne(plan.complaintId).exec())) return false;
    const draft = await loadFollowUpDraft(store, plan.complaintId);
    await saveFollowUpDraft(store, plan.complaintId, {
      ...draftWithRestoredFollowUp(draft, plan),
      savedAt: Date.now(),
    });
    return true;
  }
  return false;
}

/**
 * Closes a refusal on this device and the server, after redoing it when asked. A redo that
 * cannot be done (the complaint has left this device) leaves the refusal open: answers false.
 */
export async function resolveRefusal(
  workstation: RefusalContext,
  refusal: SyncRejection,
  redo: boolean,
): Promise<boolean> {
  if (redo && !(await redoRefusedWrite(workstation, refusal))) return false;
  const document = await workstation.replica.sync_rejections.findOne(refusal.id).exec();
  if (!document) return true;
  await workstation.sync.pending.track('sync_rejections', [refusal.id], () =>
    document.incrementalPatch({ resolvedAt: Date.now() }),
  );
  return true;
}
