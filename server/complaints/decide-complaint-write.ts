import { z } from 'zod';
import {
  complaintSchema,
  SERVER_CONTROLLED_COMPLAINT_FIELDS,
  type Complaint,
} from '../../shared/schemas/complaint.ts';
import { canTransition, eventAwaitedFrom } from '../../shared/domain/lifecycle.ts';
import type { ComplaintEventKind } from '../../shared/domain/triage.ts';
import { EDITABLE_COMPLAINT_FIELDS, type Role } from '../../shared/domain/roles.ts';
import { rejectionReason, type RejectionReason } from '../refusals/sync-rejections.ts';
import {
  appError,
  errorOfIssue,
  withField,
  type AppError,
} from '../../shared/errors/error-codes.ts';
import { issueMessageInIndonesian } from '../../shared/errors/error-texts-id.ts';

export const wireComplaintSchema = complaintSchema.extend({ _deleted: z.boolean() });

type ClientField = Exclude<keyof Complaint, (typeof SERVER_CONTROLLED_COMPLAINT_FIELDS)[number]>;

const SERVER_FIELDS = new Set<string>(SERVER_CONTROLLED_COMPLAINT_FIELDS);
export const CLIENT_COMPLAINT_FIELDS = Object.keys(complaintSchema.shape).filter(
  (field): field is ClientField => !SERVER_FIELDS.has(field),
);

export type ComplaintWriteDecision =
  | { kind: 'accept'; changes: Partial<Pick<Complaint, ClientField>> }
  | { kind: 'unchanged' }
  /**
   * A status move only an event brings (a public follow-up, a reopening): the server applies it
   * when it accepts that event, never from the complaint write.
   */
  | { kind: 'awaits_event'; event: ComplaintEventKind }
  | { kind: 'conflict' }
  | { kind: 'refuse'; reason: RejectionReason };

export type WriteContext = {
  role: Role;
  activeCategoryIds: ReadonlySet<string>;
  activeUnitIds: ReadonlySet<string>;
};

const refuse = (code: RejectionReason['code'], error: AppError): ComplaintWriteDecision => ({
  kind: 'refuse',
  reason: rejectionReason(code, error),
});

/** Disposition, duplicate links and privacy flags follow the lifecycle, not free editing. */
function lifecycleProblem(
  master: Complaint,
  proposed: Complaint,
  changed: readonly ClientField[],
): AppError | null {
  const statusChanged = changed.includes('status');
  if (
    proposed.status === 'didisposisi' &&
    (statusChanged || changed.includes('unitId')) &&
    !proposed.unitId
  ) {
    return appError('disposition_needs_unit');
  }
  if (changed.includes('unitId') && !statusChanged && master.status !== 'didisposisi') {
    return appError('unit_changes_by_disposition');
  }
  if (changed.includes('unitId') && proposed.status !== 'didisposisi') {
    return appError('unit_changes_by_disposition');
  }
  if (changed.includes('duplicateOf')) {
    if (proposed.status !== 'diarsipkan' || !statusChanged)
      return appError('duplicate_only_when_archiving');
    if (proposed.duplicateOf === proposed.id) return appError('duplicate_of_itself');
  }
  return null;
}

function changedClientFields(master: Complaint, proposed: Complaint): ClientField[] {
  return CLIENT_COMPLAINT_FIELDS.filter((field) => master[field] !== proposed[field]);
}

/**
 * Decides what to do with one pushed complaint against its current master state. Pure: the
 * caller holds the row lock and applies the decision.
 */
export function decideComplaintWrite(
  master: Complaint,
  assumedMasterState: unknown,
  newDocumentState: unknown,
  context: WriteContext,
): ComplaintWriteDecision {
  const parsed = wireComplaintSchema.safeParse(newDocumentState);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first?.path.join('.') ?? '';
    return {
      kind: 'refuse',
      reason: rejectionReason(
        'validation',
        withField(first ? errorOfIssue(first) : appError('document_invalid'), field),
        `Data tidak valid pada ${field || 'dokumen'}: ${issueMessageInIndonesian(first?.message ?? '')}`,
      ),
    };
  }
  const proposed = parsed.data;
  const changed = changedClientFields(master, proposed);

  // Re-delivery of a change the server already holds: harmless, nothing to write.
  if (changed.length === 0 && !proposed._deleted) return { kind: 'unchanged' };

  // A device moves its copy with the event it writes (the follow-up, the reopening); the move
  // itself is the server's, applied with the event, whichever of the two arrives first. The
  // rest of the write is decided on its own. A role that cannot write that event is refused the
  // move below like any other status change it may not make.
  const drivingEvent =
    changed.includes('status') && !proposed._deleted
      ? eventAwaitedFrom(context.role, master.status, proposed.status)
      : null;
  if (drivingEvent) {
    const rest = decideComplaintWrite(
      master,
      assumedMasterState,
      { ...proposed, status: master.status },
      context,
    );
    if (rest.kind === 'unchanged') {
      const assumed = (assumedMasterState as { serverSeq?: unknown } | undefined)?.serverSeq;
      return assumed === master.serverSeq
        ? { kind: 'awaits_event', event: drivingEvent }
        : { kind: 'conflict' };
    }
    return rest;
  }

  const assumedSeq = (assumedMasterState as { serverSeq?: unknown } | undefined)?.serverSeq;
  if (assumedSeq !== master.serverSeq) return { kind: 'conflict' };

  if (proposed._deleted) {
    return {
      kind: 'refuse',
      reason: rejectionReason('permission', appError('complaint_delete_forbidden')),
    };
  }

  const editable = new Set(EDITABLE_COMPLAINT_FIELDS[context.role]);
  const forbidden = changed.filter((field) => field !== 'status' && !editable.has(field));
  if (forbidden.length > 0) {
    return {
      kind: 'refuse',
      reason: rejectionReason(
        'permission',
        appError('role_fields_forbidden', { role: context.role, fields: forbidden.join(', ') }),
      ),
    };
  }
  if (changed.includes('status')) {
    if (context.role !== 'admin_instansi') {
      return {
        kind: 'refuse',
        reason: rejectionReason(
          'permission',
          appError('role_status_forbidden', { role: context.role }),
        ),
      };
    }
    if (!canTransition(master.status, proposed.status)) {
      return {
        kind: 'refuse',
        reason: rejectionReason(
          'lifecycle',
          appError('status_change_forbidden', { from: master.status, to: proposed.status }),
        ),
      };
    }
  }
  const problem = lifecycleProblem(master, proposed, changed);
  if (problem) return refuse('lifecycle', problem);
  if (changed.includes('categoryId') && !context.activeCategoryIds.has(proposed.categoryId)) {
    return refuse('validation', appError('category_unknown', { category: proposed.categoryId }));
  }
  if (changed.includes('unitId') && !context.activeUnitIds.has(proposed.unitId)) {
    return refuse('validation', appError('unit_unknown', { unit: proposed.unitId }));
  }

  const changes: Partial<Record<ClientField, unknown>> = {};
  for (const field of changed) changes[field] = proposed[field];
  return { kind: 'accept', changes: changes as Partial<Pick<Complaint, ClientField>> };
}
