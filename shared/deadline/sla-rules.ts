import type { Complaint } from '../schemas/complaint.ts';
import { computeDueDate, type DayCounting } from './compute-due-date.ts';
import type { WorkingCalendar } from './working-calendar.ts';

export type SlaRuleSet = {
  version: string;
  counting: DayCounting;
  verifyDays: number;
  firstFollowUpDays: number;
  resolutionDays: number;
  resolutionSupervisedDays: number;
  resolutionAspirationDays: number;
  autoCloseDays: number;
};

/** Permenpan RB 62/2018 defaults as applied by regions (DOMAIN.md); admins may replace them. */
export const DEFAULT_SLA_RULES: SlaRuleSet = {
  version: 'permenpanrb-62-2018',
  counting: 'working',
  verifyDays: 3,
  firstFollowUpDays: 5,
  resolutionDays: 14,
  resolutionSupervisedDays: 60,
  resolutionAspirationDays: 5,
  autoCloseDays: 10,
};

/** The rule set in force at an instant: the newest one active by then, else the defaults. */
export function ruleSetInForce<T extends SlaRuleSet & { activeFrom: number }>(
  ruleSets: readonly T[],
  at: number,
): SlaRuleSet {
  let best: T | null = null;
  for (const candidate of ruleSets) {
    if (candidate.activeFrom <= at && (!best || candidate.activeFrom > best.activeFrom))
      best = candidate;
  }
  return best ?? DEFAULT_SLA_RULES;
}

export type DeadlineClock = 'verifikasi' | 'tindak_lanjut' | 'penyelesaian';

type ClockInput = Pick<
  Complaint,
  'status' | 'type' | 'berkadarPengawasan' | 'receivedAt' | 'statusChangedAt'
>;

/** The statuses in which a deadline clock runs (runningClock is not null). */
export const STATUSES_WITH_CLOCK = [
  'belum_diverifikasi',
  'ditunda',
  'didisposisi',
  'ditindaklanjuti',
] as const satisfies readonly Complaint['status'][];

/** Which clock is running for a complaint in its current status, if any. */
export function runningClock(complaint: ClockInput): DeadlineClock | null {
  switch (complaint.status) {
    case 'belum_diverifikasi':
    case 'ditunda':
      return 'verifikasi';
    case 'didisposisi':
      return 'tindak_lanjut';
    case 'ditindaklanjuti':
      return 'penyelesaian';
    default:
      return null;
  }
}

/** When the running clock started and how many days it counts, or null when none runs. */
export function clockSpanOf(
  complaint: ClockInput,
  rules: SlaRuleSet,
): { startMs: number; days: number } | null {
  const clock = runningClock(complaint);
  if (clock === 'verifikasi') return { startMs: complaint.receivedAt, days: rules.verifyDays };
  if (clock === 'tindak_lanjut')
    return { startMs: complaint.statusChangedAt, days: rules.firstFollowUpDays };
  if (clock === 'penyelesaian') {
    const days =
      complaint.type !== 'pengaduan'
        ? rules.resolutionAspirationDays
        : complaint.berkadarPengawasan
          ? rules.resolutionSupervisedDays
          : rules.resolutionDays;
    return { startMs: complaint.receivedAt, days };
  }
  return null;
}

/** Due instant of the running clock, or 0 when none runs. */
export function computeComplaintDueAt(
  complaint: ClockInput,
  rules: SlaRuleSet,
  calendar: WorkingCalendar,
): number {
  const span = clockSpanOf(complaint, rules);
  return span ? computeDueDate(span.startMs, span.days, rules.counting, calendar) : 0;
}
