import type { Complaint } from '../schemas/complaint.ts';
import { countDaysBetween } from './count-days-between.ts';
import { runningClock, type DeadlineClock, type SlaRuleSet } from './sla-rules.ts';
import type { WorkingCalendar } from './working-calendar.ts';

export type ClockState =
  | { running: false }
  | {
      running: true;
      clock: DeadlineClock;
      dueAt: number;
      overdue: boolean;
      daysLeft: number;
      counting: SlaRuleSet['counting'];
    };

/** The clock a complaint is on now, and how much of it is left (or how far past due it is). */
export function describeClock(
  complaint: Pick<
    Complaint,
    'status' | 'dueAt' | 'type' | 'berkadarPengawasan' | 'receivedAt' | 'statusChangedAt'
  >,
  now: number,
  rules: SlaRuleSet,
  calendar: WorkingCalendar,
): ClockState {
  const clock = runningClock(complaint);
  if (!clock || complaint.dueAt === 0) return { running: false };
  const overdue = now > complaint.dueAt;
  const days = countDaysBetween(now, complaint.dueAt, rules.counting, calendar);
  return {
    running: true,
    clock,
    dueAt: complaint.dueAt,
    overdue,
    daysLeft: overdue ? Math.max(1, -days) : days,
    counting: rules.counting,
  };
}
