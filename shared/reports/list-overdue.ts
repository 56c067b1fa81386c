import { runningClock, type DeadlineClock, type SlaRuleSet } from '../deadline/sla-rules.ts';
import type { OverdueComplaint, RakordaFigures } from './rakorda-figures.ts';
import type { RakordaComplaint, RakordaUnit } from './rakorda-input.ts';
import type { WorkingDayIndex } from './working-day-index.ts';
import { compareText } from './compare-text.ts';

export const DEFAULT_OVERDUE_LIST_LIMIT = 500;

export type OverdueTally = { all: OverdueComplaint[]; byClock: Record<DeadlineClock, number> };

export function createOverdueTally(): OverdueTally {
  return { all: [], byClock: { verifikasi: 0, tindak_lanjut: 0, penyelesaian: 0 } };
}

/**
 * Overdue now: the running clock is past its due time (as the workstation's clock shows).
 * Answers whether the complaint was counted, so its OPD can count it too.
 */
export function tallyOverdue(
  tally: OverdueTally,
  complaint: RakordaComplaint,
  days: WorkingDayIndex,
  rules: SlaRuleSet,
  now: number,
  today: number,
  units: ReadonlyMap<string, RakordaUnit>,
): boolean {
  const clock = runningClock(complaint);
  if (!clock || complaint.dueAt <= 0 || now <= complaint.dueAt) return false;
  tally.byClock[clock] += 1;
  const late = days.countDays(days.dayOf(complaint.dueAt), today, rules.counting);
  tally.all.push({
    complaintId: complaint.id,
    trackingNumber: complaint.trackingNumber,
    title: complaint.rahasia ? null : complaint.title,
    status: complaint.status,
    clock,
    unitId: complaint.unitId,
    unitName: complaint.unitId ? (units.get(complaint.unitId)?.name ?? complaint.unitId) : '',
    categoryId: complaint.categoryId,
    receivedAt: complaint.receivedAt,
    dueAt: complaint.dueAt,
    daysOverdue: Math.max(1, late),
    counting: rules.counting,
  });
  return true;
}

/** The late list: oldest due first, at most `limit` of them, with the total and per clock. */
export function listOverdue(tally: OverdueTally, limit: number): RakordaFigures['overdue'] {
  const all = tally.all;
  all.sort((a, b) => a.dueAt - b.dueAt || compareText(a.trackingNumber, b.trackingNumber));
  return {
    total: all.length,
    byClock: tally.byClock,
    items: all.slice(0, limit),
    truncated: all.length > limit,
  };
}
