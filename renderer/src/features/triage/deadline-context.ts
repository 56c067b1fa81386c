import { ruleSetInForce, type SlaRuleSet } from '../../../../shared/deadline/sla-rules.ts';
import type { WorkingCalendar } from '../../../../shared/deadline/working-calendar.ts';
import type { Replica } from '../../db/create-replica.ts';

export type DeadlineContext = {
  calendar: WorkingCalendar;
  /** Every rule set of the instansi, each with the time it came into force. */
  ruleSets: readonly (SlaRuleSet & { activeFrom: number })[];
  rulesFor: (receivedAt: number) => SlaRuleSet;
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
  return {
    calendar: { utcOffsetMinutes, holidays: new Set(holidays.map((doc) => doc.date)) },
    ruleSets: sets,
    rulesFor: (receivedAt) => ruleSetInForce(sets, receivedAt),
  };
}
