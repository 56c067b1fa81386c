import type { SyncRejection } from '../../../../shared/schemas/sync-rejection.ts';
import { complaintClassificationSchema } from '../../../../shared/schemas/complaint.ts';
import type { WorkstationContextValue } from '../../app/workstation-context.tsx';

/**
 * Applies a refused write again on top of the current local state, as a new ordinary edit.
 * Only fields an officer edits directly are redone; lifecycle actions are redone through their
 * form, since the complaint may have moved on since.
 */
export async function redoRefusedWrite(
  workstation: WorkstationContextValue,
  refusal: SyncRejection,
): Promise<void> {
  if (refusal.targetCollection !== 'complaints') return;
  let refused: unknown;
  try {
    refused = JSON.parse(refusal.refusedDocument);
  } catch {
    return;
  }
  const fields = complaintClassificationSchema.partial().safeParse(refused);
  if (!fields.success) return;
  const document = await workstation.replica.complaints.findOne(refusal.documentId).exec();
  if (!document) return;
  await workstation.sync.pending.track('complaints', [refusal.documentId], () =>
    document.incrementalPatch(fields.data),
  );
}

/** Closes a refusal on this device and the server, after redoing it when asked. */
export async function resolveRefusal(
  workstation: WorkstationContextValue,
  refusal: SyncRejection,
  redo: boolean,
): Promise<void> {
  if (redo) await redoRefusedWrite(workstation, refusal);
  const document = await workstation.replica.sync_rejections.findOne(refusal.id).exec();
  if (!document) return;
  await workstation.sync.pending.track('sync_rejections', [refusal.id], () =>
    document.incrementalPatch({ resolvedAt: Date.now() }),
  );
}
