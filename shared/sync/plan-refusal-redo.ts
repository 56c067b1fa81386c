import { FOLLOW_UP_KINDS, type FollowUpKind } from '../domain/follow-up.ts';
import {
  complaintClassificationSchema,
  type ComplaintClassification,
} from '../schemas/complaint.ts';
import { complaintEventSchema } from '../schemas/complaint-event.ts';
import type { SyncRejection } from '../schemas/sync-rejection.ts';

/**
 * What "redo" does for a refused write:
 * - a complaint's classification is applied again on top of its current state;
 * - a refused follow-up or internal note goes back into the complaint's composer as a draft, for
 *   the officer to check and post again (an event cannot be pushed twice under one id);
 * - anything else (a lifecycle action, a directory edit) cannot be redone blindly, since the
 *   complaint or record may have moved on: it is redone through its own form, and the refusal
 *   offers no redo.
 */
export type RefusalRedo =
  | { kind: 'patch_complaint'; complaintId: string; fields: Partial<ComplaintClassification> }
  | { kind: 'restore_follow_up'; complaintId: string; followUpKind: FollowUpKind; content: string }
  | { kind: 'none' };

export function planRefusalRedo(
  refusal: Pick<SyncRejection, 'targetCollection' | 'documentId' | 'refusedDocument'> &
    Partial<Pick<SyncRejection, 'documentTruncated'>>,
  /** The complaint as it is on the device now (the server's state after the refusal). */
  current?: Partial<ComplaintClassification> | null,
): RefusalRedo {
  // A cut document is not the officer's whole write: it is redone through its form.
  if (refusal.documentTruncated) return { kind: 'none' };
  let refused: unknown;
  try {
    refused = JSON.parse(refusal.refusedDocument);
  } catch {
    return { kind: 'none' };
  }
  if (refusal.targetCollection === 'complaints') {
    const parsed = complaintClassificationSchema.partial().safeParse(refused);
    if (!parsed.success) return { kind: 'none' };
    // Only what the refused write changed is redone: a refused status change carries the
    // classification unchanged, and redoing that would close the refusal having done nothing.
    const fields = Object.fromEntries(
      Object.entries(parsed.data).filter(
        ([field, value]) =>
          current === undefined ||
          current === null ||
          current[field as keyof ComplaintClassification] !== value,
      ),
    ) as Partial<ComplaintClassification>;
    if (Object.keys(fields).length === 0) return { kind: 'none' };
    return { kind: 'patch_complaint', complaintId: refusal.documentId, fields };
  }
  if (refusal.targetCollection === 'complaint_events') {
    const event = complaintEventSchema
      .pick({ complaintId: true, kind: true, reason: true })
      .safeParse(refused);
    if (!event.success) return { kind: 'none' };
    const followUpKind = FOLLOW_UP_KINDS.find((kind) => kind === event.data.kind);
    if (!followUpKind || event.data.reason.trim() === '') return { kind: 'none' };
    return {
      kind: 'restore_follow_up',
      complaintId: event.data.complaintId,
      followUpKind,
      content: event.data.reason,
    };
  }
  return { kind: 'none' };
}

/**
 * The draft after a refused follow-up is put back: the officer's own unposted text is kept, and
 * the refused text follows it.
 */
export function draftWithRestoredFollowUp(
  current: { kind: FollowUpKind; content: string } | null,
  restored: { followUpKind: FollowUpKind; content: string },
): { kind: FollowUpKind; content: string } {
  if (!current || current.content.trim() === '')
    return { kind: restored.followUpKind, content: restored.content };
  if (current.content.includes(restored.content)) return current;
  return { kind: current.kind, content: `${current.content.trimEnd()}\n\n${restored.content}` };
}
