import { z } from 'zod';
import type { Complaint } from '../schemas/complaint.ts';
import type { ComplaintEvent } from '../schemas/complaint-event.ts';
import type { Officer } from '../schemas/officer.ts';
import { canTransition, eventDrivingTransition } from './lifecycle.ts';
import { ARCHIVE_REASONS, TRIAGE_ACTION_RULES, type TriageActionKind } from './triage.ts';
import { appError, errorMessage, type AppError } from '../errors/error-codes.ts';

const text = (min: number, message: string) =>
  z
    .string()
    .trim()
    .min(min, message)
    .max(4000, errorMessage('too_long', { max: 4000 }));

/** What the officer fills in for each triage action; messages are shown under the field. */
export const triageActionInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('verify_dispose'),
    unitId: z.string().min(1, errorMessage('target_unit_required')),
    instruction: text(10, errorMessage('instruction_too_short', { min: 10 })),
    privacyConfirmed: z.literal(true, {
      error: errorMessage('privacy_not_confirmed'),
    }),
    anonim: z.boolean(),
    rahasia: z.boolean(),
  }),
  z.object({
    kind: z.literal('redispose'),
    unitId: z.string().min(1, errorMessage('target_unit_required')),
    instruction: text(10, errorMessage('redispose_instruction_too_short', { min: 10 })),
  }),
  z.object({
    kind: z.literal('hold'),
    missingDetails: text(10, errorMessage('missing_details_too_short', { min: 10 })),
  }),
  z
    .object({
      kind: z.literal('archive'),
      reasonCode: z.enum(ARCHIVE_REASONS, { error: errorMessage('archive_reason_required') }),
      note: z.string().trim().max(4000),
    })
    .refine((value) => value.reasonCode !== 'lainnya' || value.note.length >= 10, {
      message: errorMessage('archive_other_reason_too_short', { min: 10 }),
      path: ['note'],
    }),
  z.object({
    kind: z.literal('not_authority'),
    reason: text(10, errorMessage('not_authority_reason_too_short', { min: 10 })),
  }),
  z.object({
    kind: z.literal('mark_duplicate'),
    duplicateOfId: z.string().min(1, errorMessage('duplicate_original_required')),
    note: z.string().trim().max(4000),
  }),
  z.object({ kind: z.literal('close'), note: z.string().trim().max(4000) }),
  z.object({
    kind: z.literal('reopen'),
    reason: text(10, errorMessage('reopen_reason_too_short', { min: 10 })),
  }),
]);
export type TriageActionInput = z.infer<typeof triageActionInputSchema>;

export type TriagePlan =
  | { ok: true; patch: Partial<Complaint>; events: ComplaintEvent[] }
  | { ok: false; error: AppError };

export type TriageActor = { officer: Officer; now: number; newId: () => string };

export type TriageContext = { activeUnitIds: ReadonlySet<string> };

/** Actions an officer may take on a complaint in its current status. */
export function availableTriageActions(complaint: Complaint, officer: Officer): TriageActionKind[] {
  if (officer.role !== 'admin_instansi') return [];
  return (Object.keys(TRIAGE_ACTION_RULES) as TriageActionKind[]).filter((kind) => {
    const rule = TRIAGE_ACTION_RULES[kind];
    const drivingEvent = eventDrivingTransition(complaint.status, rule.to);
    return rule.from.includes(complaint.status) && (!drivingEvent || drivingEvent === rule.event);
  });
}

/**
 * Turns a triage action into the complaint change and the timeline events to append, or says
 * why it is not allowed. Pure: the caller writes both to the replica.
 */
export function planTriageAction(
  complaint: Complaint,
  input: TriageActionInput,
  actor: TriageActor,
  context: TriageContext,
): TriagePlan {
  const rule = TRIAGE_ACTION_RULES[input.kind];
  if (actor.officer.role !== 'admin_instansi') {
    return { ok: false, error: appError('triage_admin_only') };
  }
  if (!rule.from.includes(complaint.status) || !canTransition(complaint.status, rule.to)) {
    return {
      ok: false,
      error: appError('action_not_for_status', { status: complaint.status }),
    };
  }
  // A move DOMAIN.md ties to an event (a public follow-up, a reopening with its reason) is made
  // only by the action that appends that event.
  const drivingEvent = eventDrivingTransition(complaint.status, rule.to);
  if (drivingEvent && drivingEvent !== rule.event) {
    return {
      ok: false,
      error: appError('action_not_for_status', { status: complaint.status }),
    };
  }

  const patch: Partial<Complaint> = { status: rule.to };
  let targetUnitId = '';
  let reasonCode = '';
  let reason = '';
  let relatedComplaintId = '';
  switch (input.kind) {
    case 'verify_dispose':
    case 'redispose':
      if (!context.activeUnitIds.has(input.unitId))
        return { ok: false, error: appError('target_unit_unknown') };
      if (
        input.kind === 'redispose' &&
        input.unitId === complaint.unitId &&
        complaint.status === 'didisposisi'
      ) {
        return { ok: false, error: appError('already_disposed_to_unit') };
      }
      patch.unitId = targetUnitId = input.unitId;
      reason = input.instruction;
      break;
    case 'hold':
      reason = input.missingDetails;
      break;
    case 'archive':
      reasonCode = input.reasonCode;
      reason = input.note;
      break;
    case 'not_authority':
      reason = input.reason;
      break;
    case 'mark_duplicate':
      if (input.duplicateOfId === complaint.id)
        return { ok: false, error: appError('duplicate_of_itself') };
      patch.duplicateOf = relatedComplaintId = input.duplicateOfId;
      reasonCode = 'duplikat';
      reason = input.note;
      break;
    case 'close':
      reason = input.note;
      break;
    case 'reopen':
      reason = input.reason;
      break;
  }

  const base = {
    complaintId: complaint.id,
    instansiId: complaint.instansiId,
    officerId: actor.officer.id,
    officerName: actor.officer.displayName,
    officerRole: actor.officer.role,
    deviceTime: actor.now,
    serverTime: 0,
    serverSeq: 0,
    attachments: [],
  };
  const events: ComplaintEvent[] = [];
  let anonim = complaint.anonim;
  let rahasia = complaint.rahasia;
  if (
    input.kind === 'verify_dispose' &&
    (input.anonim !== complaint.anonim || input.rahasia !== complaint.rahasia)
  ) {
    anonim = patch.anonim = input.anonim;
    rahasia = patch.rahasia = input.rahasia;
    events.push({
      ...base,
      id: actor.newId(),
      kind: 'privasi',
      fromStatus: complaint.status,
      toStatus: complaint.status,
      targetUnitId: '',
      reasonCode: '',
      reason: `anonim: ${complaint.anonim ? 'ya' : 'tidak'} → ${input.anonim ? 'ya' : 'tidak'}; rahasia: ${complaint.rahasia ? 'ya' : 'tidak'} → ${input.rahasia ? 'ya' : 'tidak'}`,
      relatedComplaintId: '',
      anonim,
      rahasia,
    });
  }
  events.push({
    ...base,
    id: actor.newId(),
    kind: rule.event,
    fromStatus: complaint.status,
    toStatus: rule.to,
    targetUnitId,
    reasonCode,
    reason,
    relatedComplaintId,
    anonim,
    rahasia,
  });
  return { ok: true, patch, events };
}
