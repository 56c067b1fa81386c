import type { ComplaintStatus } from '../domain/complaint-status.ts';
import type { SlaRuleSet } from '../deadline/sla-rules.ts';
import {
  FOLLOW_UP_WITHIN_DEADLINE_FORMULA,
  VERIFICATION_WITHIN_DEADLINE_FORMULA,
} from './rakorda-definitions.ts';
import type { RakordaFigures } from './rakorda-figures.ts';
import type { WorkingDayIndex } from './working-day-index.ts';
import { rate, summariseDurations } from './compute-rate.ts';

/** Measured stages (working days) and how many were judged, and on time, against their due day. */
export type OnTimeTally = { days: number[]; onTime: number; judged: number };
/** The same with the complaints past the stage whose timeline lacks the event measuring it. */
export type StageTally = OnTimeTally & { missing: number };
export type DeadlineTally = { verification: StageTally; firstFollowUp: StageTally };

export function createDeadlineTally(): DeadlineTally {
  return {
    verification: { days: [], onTime: 0, judged: 0, missing: 0 },
    firstFollowUp: { days: [], onTime: 0, judged: 0, missing: 0 },
  };
}

const UNVERIFIED: ReadonlySet<string> = new Set(['belum_diverifikasi', 'ditunda']);

/**
 * Verification: from arrival to the first verification outcome (`verifiedAt`, NaN when none).
 * A complaint still waiting is judged late once its due day has passed.
 */
export function tallyVerification(
  tally: StageTally,
  days: WorkingDayIndex,
  complaint: { receivedAt: number; status: ComplaintStatus },
  verifiedAt: number,
  rules: SlaRuleSet,
  today: number,
): void {
  const receivedDay = days.dayOf(complaint.receivedAt);
  const dueDay = days.dueDay(receivedDay, rules.verifyDays, rules.counting);
  if (!Number.isNaN(verifiedAt)) {
    const verifiedDay = days.dayOf(Math.max(complaint.receivedAt, verifiedAt));
    tally.days.push(days.countDays(receivedDay, verifiedDay, 'working'));
    tally.judged += 1;
    if (verifiedDay <= dueDay) tally.onTime += 1;
  } else if (UNVERIFIED.has(complaint.status)) {
    if (today > dueDay) tally.judged += 1;
  } else {
    tally.missing += 1;
  }
}

/**
 * First follow-up: from the disposition to the OPD that had it last before (or without) a
 * follow-up (`clockStartAt`), to the first move didisposisi → ditindaklanjuti (`followedUpAt`);
 * NaN when not recorded. Counted into `tally` and into the OPD's `unitTally` when it has one.
 */
export function tallyFirstFollowUp(
  tally: StageTally,
  unitTally: OnTimeTally | undefined,
  days: WorkingDayIndex,
  complaint: { receivedAt: number; status: ComplaintStatus },
  clockStartAt: number,
  followedUpAt: number,
  rules: SlaRuleSet,
  today: number,
): void {
  const status = complaint.status;
  if (status !== 'didisposisi' && status !== 'ditindaklanjuti' && status !== 'selesai') return;
  if (Number.isNaN(clockStartAt)) {
    tally.missing += 1;
    return;
  }
  const start = Math.max(complaint.receivedAt, clockStartAt);
  const startDay = days.dayOf(start);
  const dueDay = days.dueDay(startDay, rules.firstFollowUpDays, rules.counting);
  if (!Number.isNaN(followedUpAt)) {
    const followUpDay = days.dayOf(Math.max(start, followedUpAt));
    const elapsed = days.countDays(startDay, followUpDay, 'working');
    const onTime = followUpDay <= dueDay;
    tally.days.push(elapsed);
    tally.judged += 1;
    if (onTime) tally.onTime += 1;
    if (unitTally) {
      unitTally.days.push(elapsed);
      unitTally.judged += 1;
      if (onTime) unitTally.onTime += 1;
    }
  } else if (status === 'didisposisi') {
    if (today > dueDay) {
      tally.judged += 1;
      if (unitTally) unitTally.judged += 1;
    }
  } else {
    tally.missing += 1;
  }
}

/** Times to verify and to first follow-up, and the share of each within its deadline. */
export function summariseDeadlines(
  tally: DeadlineTally,
): Pick<RakordaFigures, 'timeToVerify' | 'timeToFirstFollowUp' | 'withinDeadline'> {
  const { verification, firstFollowUp } = tally;
  return {
    timeToVerify: summariseDurations(verification.days, verification.missing),
    timeToFirstFollowUp: summariseDurations(firstFollowUp.days, firstFollowUp.missing),
    withinDeadline: {
      verification: rate(
        verification.onTime,
        verification.judged,
        VERIFICATION_WITHIN_DEADLINE_FORMULA,
      ),
      firstFollowUp: rate(
        firstFollowUp.onTime,
        firstFollowUp.judged,
        FOLLOW_UP_WITHIN_DEADLINE_FORMULA,
      ),
    },
  };
}
