import { z } from 'zod';
import type { Complaint } from '../schemas/complaint.ts';
import type { ComplaintEvent } from '../schemas/complaint-event.ts';
import type { ComplaintStatus } from './complaint-status.ts';
import type { Officer } from '../schemas/officer.ts';
import type { Role } from './roles.ts';
import { statusAfterEvent } from './lifecycle.ts';
import {
  attachmentMetaSchema,
  MAX_ATTACHMENTS_PER_EVENT,
  type AttachmentMeta,
} from '../attachments/attachment-rules.ts';
import { appError, errorMessage, errorOfIssue, type AppError } from '../errors/error-codes.ts';

export const FOLLOW_UP_KINDS = ['tindak_lanjut', 'catatan_internal'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** A public response must say something the reporter can act on; a note may be short. */
export const MIN_FOLLOW_UP_CHARS: Readonly<Record<FollowUpKind, number>> = {
  tindak_lanjut: 30,
  catatan_internal: 5,
};
export const MAX_FOLLOW_UP_CHARS = 4000;

/** Statuses in which the OPD's public follow-up may be posted. */
const PUBLIC_FOLLOW_UP_FROM: readonly ComplaintStatus[] = ['didisposisi', 'ditindaklanjuti'];

function requireMinimumContent(
  value: { kind: FollowUpKind; content: string },
  context: z.RefinementCtx,
): void {
  const minimum = MIN_FOLLOW_UP_CHARS[value.kind];
  if (value.content.length < minimum) {
    context.addIssue({
      code: 'custom',
      path: ['content'],
      message:
        value.kind === 'tindak_lanjut'
          ? errorMessage('public_response_too_short', { min: minimum })
          : errorMessage('internal_note_too_short', { min: minimum }),
    });
  }
}

const followUpTextShape = {
  kind: z.enum(FOLLOW_UP_KINDS, { error: errorMessage('follow_up_kind') }),
  content: z
    .string()
    .trim()
    .max(MAX_FOLLOW_UP_CHARS, errorMessage('too_long', { max: MAX_FOLLOW_UP_CHARS })),
};

/** What the officer types in the composer; attachments are added beside it. */
export const followUpTextSchema = z.object(followUpTextShape).superRefine(requireMinimumContent);
export type FollowUpText = z.infer<typeof followUpTextSchema>;

export const followUpInputSchema = z
  .object({
    ...followUpTextShape,
    attachments: z
      .array(attachmentMetaSchema)
      .max(
        MAX_ATTACHMENTS_PER_EVENT,
        errorMessage('too_many_attachments', { max: MAX_ATTACHMENTS_PER_EVENT }),
      ),
  })
  .superRefine(requireMinimumContent);
export type FollowUpInput = z.infer<typeof followUpInputSchema>;

/** Roles that write follow-ups and notes: the OPD's penghubung and the Admin Instansi. */
export function roleWritesFollowUps(role: Role): boolean {
  return role === 'penghubung' || role === 'admin_instansi';
}

/** Why this officer may not post this kind on this complaint, or null when allowed. */
export function followUpRefusal(
  complaint: Pick<Complaint, 'status' | 'unitId'>,
  officer: Pick<Officer, 'role' | 'unitId'>,
  kind: FollowUpKind,
): AppError | null {
  if (!roleWritesFollowUps(officer.role)) return appError('role_reads_only');
  if (officer.role === 'penghubung' && complaint.unitId !== officer.unitId) {
    return appError('complaint_not_in_unit');
  }
  if (kind === 'tindak_lanjut' && !PUBLIC_FOLLOW_UP_FROM.includes(complaint.status)) {
    return appError('public_response_needs_disposition');
  }
  return null;
}

/**
 * The status a complaint moves to when an event is accepted: the first public follow-up moves
 * it from didisposisi to ditindaklanjuti (and so stops the first-follow-up clock). Used by the
 * device for its replica and by the server, which applies it on accepting the event.
 */
export function statusAfterFollowUp(
  status: ComplaintStatus,
  kind: ComplaintEvent['kind'],
): ComplaintStatus {
  return isFollowUpKind(kind) ? statusAfterEvent(status, kind) : status;
}

function isFollowUpKind(kind: ComplaintEvent['kind']): kind is FollowUpKind {
  return (FOLLOW_UP_KINDS as readonly string[]).includes(kind);
}

export type FollowUpPlan =
  { ok: true; patch: Partial<Complaint>; event: ComplaintEvent } | { ok: false; error: AppError };

/** Turns a composed follow-up into the timeline event and the complaint change to write. */
export function planFollowUp(
  complaint: Complaint,
  input: FollowUpInput,
  actor: { officer: Officer; now: number; eventId: string },
): FollowUpPlan {
  const parsed = followUpInputSchema.safeParse(input);
  const issue = parsed.error?.issues[0];
  if (!parsed.success)
    return { ok: false, error: issue ? errorOfIssue(issue) : appError('invalid_value') };
  const refusal = followUpRefusal(complaint, actor.officer, input.kind);
  if (refusal) return { ok: false, error: refusal };
  const toStatus = statusAfterFollowUp(complaint.status, input.kind);
  const attachments: AttachmentMeta[] = parsed.data.attachments;
  const event: ComplaintEvent = {
    id: actor.eventId,
    complaintId: complaint.id,
    instansiId: complaint.instansiId,
    kind: input.kind,
    fromStatus: complaint.status,
    toStatus,
    targetUnitId: '',
    reasonCode: '',
    reason: parsed.data.content,
    relatedComplaintId: '',
    anonim: complaint.anonim,
    rahasia: complaint.rahasia,
    attachments,
    officerId: actor.officer.id,
    officerName: actor.officer.displayName,
    officerRole: actor.officer.role,
    deviceTime: actor.now,
    serverTime: 0,
    serverSeq: 0,
  };
  const patch: Partial<Complaint> =
    toStatus === complaint.status ? {} : { status: toStatus, statusChangedAt: actor.now };
  return { ok: true, patch, event };
}
