import {
  computeComplaintDueAt,
  ruleSetInForce,
  type SlaRuleSet,
} from '../../../../shared/deadline/sla-rules.ts';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import type { WorkingCalendar } from '../../../../shared/deadline/working-calendar.ts';
import type { Replica } from '../../db/create-replica.ts';

export type DeadlineContext = {
  calendar: WorkingCalendar;
  /** Every rule set of the instansi, each with the time it came into force. */
  ruleSets: readonly (SlaRuleSet & { activeFrom: number })[];
  rulesFor: (receivedAt: number) => SlaRuleSet;
  /**
   * Due time of the clock a complaint in this state runs, under the rules of its arrival. The
   * server owns `dueAt`; the device sets it so clocks and the queue are right offline.
   */
  dueAtOf: (
    complaint: Pick<
      Complaint,
      'status' | 'type' | 'berkadarPengawasan' | 'receivedAt' | 'statusChangedAt'
    >,
  ) => number;
};

/** Holidays and SLA rule sets from the replica, so deadlines are computed offline too. */
export async function loadDeadlineContext(
  replica: Replica,
  utcOffsetMinutes: number,
): Promise<DeadlineContext> {
  const [holidays, ruleSets] = await Promise.all([
    replica.holidays.find().exec(),
    replica.sla_rules.find().exec(),
  ]);
  const sets = ruleSets.map((doc) => doc.toJSON());
  const calendar = { utcOffsetMinutes, holidays: new Set(holidays.map((doc) => doc.date)) };
  const rulesFor = (receivedAt: number) => ruleSetInForce(sets, receivedAt);
  return {
    calendar,
    ruleSets: sets,
    rulesFor,
    dueAtOf: (complaint) =>
      computeComplaintDueAt(complaint, rulesFor(complaint.receivedAt), calendar),
  };
}
