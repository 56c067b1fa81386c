import type { Complaint } from '../schemas/complaint.ts';
import { computeComplaintDueAt, ruleSetInForce, type SlaRuleSet } from './sla-rules.ts';
import type { WorkingCalendar } from './working-calendar.ts';

type StoredDeadline = Pick<
  Complaint,
  'id' | 'status' | 'type' | 'berkadarPengawasan' | 'receivedAt' | 'statusChangedAt' | 'dueAt'
>;

/**
 * The complaints whose stored due time is not the one computed from the calendar and rule sets
 * now in force (after a holiday or rule set was added, changed or removed), with their new one.
 * A due time is always one pure computation of (complaint, calendar, rules): bringing every
 * stored one to it keeps two complaints in the same situation on the same due date.
 */
export function planDueDateUpdates(
  complaints: readonly StoredDeadline[],
  ruleSets: readonly (SlaRuleSet & { activeFrom: number })[],
  calendar: WorkingCalendar,
): { id: string; dueAt: number }[] {
  const updates: { id: string; dueAt: number }[] = [];
  for (const complaint of complaints) {
    const dueAt = computeComplaintDueAt(
      complaint,
      ruleSetInForce(ruleSets, complaint.receivedAt),
      calendar,
    );
    if (dueAt !== complaint.dueAt) updates.push({ id: complaint.id, dueAt });
  }
  return updates;
}
