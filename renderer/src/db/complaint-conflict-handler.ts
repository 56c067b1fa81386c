import type { RxConflictHandler, WithDeleted } from 'rxdb';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { mergeComplaint, type ComplaintConflict } from '../../../shared/sync/merge-complaint.ts';
import { sameValue } from '../../../shared/sync/merge-fields.ts';

/** Field groups both the officer and the server changed differently, kept until the officer picks. */
export type MergeConflictRecord = {
  complaintId: string;
  trackingNumber: string;
  conflicts: ComplaintConflict[];
  /** The server state the conflict was found against. */
  serverSeq: number;
  updatedBy: string;
  detectedAt: number;
};

type WireComplaint = WithDeleted<Complaint>;

function withoutStorageFields(document: WireComplaint): Record<string, unknown> {
  const { _meta, _rev, _attachments, ...rest } = document as WireComplaint & {
    _meta?: unknown;
    _rev?: unknown;
    _attachments?: unknown;
  };
  void _meta;
  void _rev;
  void _attachments;
  return rest;
}

/**
 * Resolves a push the server answered with its own state:
 * - a tombstone (the complaint left this officer's scope) wins; the server has kept the refused
 *   edit as a refusal, so nothing typed is lost;
 * - a master that has not moved since the device last saw it means the server refused the edit
 *   (recorded as a refusal), so the device goes back to the master instead of pushing again;
 * - otherwise both sides changed it: fields changed on one side only are merged into a normal
 *   write, and groups changed differently on both sides keep the server's values for now and
 *   are handed to `onConflict` for the officer to pick.
 */
export function createComplaintConflictHandler(
  onConflict: (record: MergeConflictRecord) => Promise<void>,
  now: () => number = Date.now,
): RxConflictHandler<Complaint> {
  return {
    isEqual(a, b) {
      return sameValue(withoutStorageFields(a), withoutStorageFields(b));
    },
    async resolve({ assumedMasterState, realMasterState, newDocumentState }) {
      if (realMasterState._deleted || !assumedMasterState || assumedMasterState._deleted)
        return realMasterState;
      if (assumedMasterState.serverSeq === realMasterState.serverSeq) return realMasterState;
      const { merged, conflicts } = mergeComplaint(
        assumedMasterState,
        newDocumentState,
        realMasterState,
      );
      if (conflicts.length > 0) {
        await onConflict({
          complaintId: realMasterState.id,
          trackingNumber: realMasterState.trackingNumber,
          conflicts,
          serverSeq: realMasterState.serverSeq,
          updatedBy: realMasterState.updatedBy,
          detectedAt: now(),
        });
      }
      return { ...merged, _deleted: false };
    },
  };
}
