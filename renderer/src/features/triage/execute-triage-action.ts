import {
  planTriageAction,
  type TriageActionInput,
} from '../../../../shared/domain/plan-triage-action.ts';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { decideClockStart } from '../../../../shared/deadline/decide-clock-start.ts';
import type { WorkstationContextValue } from '../../session/workstation-context.tsx';
import { loadDeadlineContext } from './deadline-context.ts';
import { appError, type AppError } from '../../../../shared/errors/error-codes.ts';

const NO_ANSWER_YET = appError('close_needs_public_response');

/** Closing needs an answer the reporter can read; the server checks the same. */
async function hasPublicFollowUp(workstation: WorkstationContextValue, complaintId: string) {
  // Served by the complaintId index; a complaint has a handful of events.
  const events = await workstation.replica.complaint_events
    .find({ selector: { complaintId } })
    .exec();
  return events.some((event) => event.kind === 'tindak_lanjut');
}

export type TriageOutcome = {
  done: string[];
  skipped: { trackingNumber: string; reason: AppError }[];
};

/**
 * Applies one triage action to one or more complaints in the replica: the complaint change, a
 * locally computed deadline, and the timeline events, all queued for the server.
 */
export async function executeTriageAction(
  workstation: WorkstationContextValue,
  complaintIds: readonly string[],
  input: TriageActionInput,
): Promise<TriageOutcome> {
  const { replica, officer, instansi, sync } = workstation;
  const units = await replica.units.find({ selector: { active: true } }).exec();
  const context = { activeUnitIds: new Set(units.map((unit) => unit.id)) };
  const deadlines = await loadDeadlineContext(replica, instansi.utcOffsetMinutes);
  const outcome: TriageOutcome = { done: [], skipped: [] };

  for (const id of complaintIds) {
    const document = await replica.complaints.findOne(id).exec();
    if (!document) continue;
    const complaint = document.toJSON() as Complaint;
    const now = Date.now();
    const plan = planTriageAction(
      complaint,
      input,
      { officer, now, newId: () => crypto.randomUUID() },
      context,
    );
    if (!plan.ok) {
      outcome.skipped.push({ trackingNumber: complaint.trackingNumber, reason: plan.error });
      continue;
    }
    if (input.kind === 'close' && !(await hasPublicFollowUp(workstation, id))) {
      outcome.skipped.push({ trackingNumber: complaint.trackingNumber, reason: NO_ANSWER_YET });
      continue;
    }
    const statusChangedAt = decideClockStart(complaint, { ...complaint, ...plan.patch }, now);
    const dueAt = deadlines.dueAtOf({ ...complaint, ...plan.patch, statusChangedAt });
    await sync.pending.track(
      'complaint_events',
      plan.events.map((event) => event.id),
      () => replica.complaint_events.bulkInsert(plan.events),
    );
    await sync.pending.track('complaints', [id], () =>
      document.incrementalPatch({ ...plan.patch, statusChangedAt, dueAt }),
    );
    outcome.done.push(id);
  }
  return outcome;
}
