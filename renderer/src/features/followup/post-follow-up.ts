import { planFollowUp, type FollowUpKind } from '../../../../shared/domain/follow-up.ts';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import type { WorkstationContextValue } from '../../session/workstation-context.tsx';
import { loadDeadlineContext } from '../triage/deadline-context.ts';
import { clearFollowUpDraft } from '../../db/follow-up-draft.ts';
import { draftAttachmentsOf } from './draft-attachments.ts';
import { appError, type AppError } from '../../../../shared/errors/error-codes.ts';

export type PostFollowUpResult = { ok: true; eventId: string } | { ok: false; error: AppError };

/**
 * Writes a composed follow-up or note into the replica: the timeline event listing the draft's
 * attachments, the status move a first public follow-up makes (with the clock it starts), and
 * hands the files to the uploader. The draft is cleared only once all of that is stored.
 */
export async function postFollowUp(
  workstation: WorkstationContextValue,
  complaintId: string,
  input: { kind: FollowUpKind; content: string },
): Promise<PostFollowUpResult> {
  const { replica, officer, instansi, sync } = workstation;
  const document = await replica.complaints.findOne(complaintId).exec();
  if (!document) return { ok: false, error: appError('complaint_not_on_device') };
  const complaint = document.toJSON() as Complaint;
  const files = await draftAttachmentsOf(replica, complaintId);
  const now = Date.now();
  const plan = planFollowUp(
    complaint,
    {
      ...input,
      attachments: files.map(({ id, name, type, size }) => ({ id, name, type, size })),
    },
    { officer, now, eventId: crypto.randomUUID() },
  );
  if (!plan.ok) return plan;

  await sync.pending.track('complaint_events', [plan.event.id], () =>
    replica.complaint_events.insert(plan.event),
  );
  if (plan.patch.status) {
    const deadlines = await loadDeadlineContext(replica, instansi.utcOffsetMinutes);
    const dueAt = deadlines.dueAtOf({ ...complaint, ...plan.patch });
    await sync.pending.track('complaints', [complaintId], () =>
      document.incrementalPatch({ ...plan.patch, dueAt }),
    );
  }
  for (const file of files) {
    const stored = await replica.attachment_files.findOne(file.id).exec();
    await stored?.incrementalPatch({ state: 'upload', eventId: plan.event.id });
  }
  await clearFollowUpDraft(replica.complaints, complaintId);
  sync.attachments.kick();
  return { ok: true, eventId: plan.event.id };
}
