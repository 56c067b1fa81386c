import { COMPLAINT_STATUSES, type ComplaintStatus } from '../domain/complaint-status.ts';
import type { MonthFigures } from './rakorda-figures.ts';
import {
  dayNumberToLocalDate,
  localDateToDayNumber,
  periodBounds,
  type ReportPeriod,
} from './report-period.ts';
import { summariseStatuses } from './count-statuses.ts';

export type ReportMonth = { month: string; from: string; to: string; startMs: number };

/** The calendar months the period touches, each cut to the part inside the period. */
export function splitByMonth(period: ReportPeriod, utcOffsetMinutes: number): ReportMonth[] {
  const months: ReportMonth[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  let from = period.from;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const nextYear = month === 12 ? year + 1 : year;
    const nextMonth = month === 12 ? 1 : month + 1;
    const nextStart = `${nextYear}-${String(nextMonth).padStart(2, '0')}-01`;
    const lastDay = dayNumberToLocalDate(localDateToDayNumber(nextStart) - 1);
    const to = lastDay < period.to ? lastDay : period.to;
    months.push({
      month: key,
      from,
      to,
      startMs: periodBounds({ from, to }, utcOffsetMinutes).startMs,
    });
    if (to === period.to) return months;
    year = nextYear;
    month = nextMonth;
    from = nextStart;
  }
}

/** The month a received instant falls in: the last month starting at or before it. */
export function findMonthIndex(monthStarts: readonly number[], receivedAt: number): number {
  let lo = 0;
  let hi = monthStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (monthStarts[mid]! <= receivedAt) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** One month's row of the trend from the statuses of the complaints received in it. */
export function summariseMonth(
  month: ReportMonth,
  byStatus: Record<ComplaintStatus, number>,
): MonthFigures {
  const counts = summariseStatuses(byStatus, 0);
  return {
    month: month.month,
    from: month.from,
    to: month.to,
    received: COMPLAINT_STATUSES.reduce((sum, key) => sum + counts.byStatus[key], 0),
    resolved: counts.resolved,
    inProcess: counts.inProcess,
    notYetProcessed: counts.notYetProcessed,
    onHold: counts.onHold,
    archived: counts.archived,
    bukanWewenang: counts.bukanWewenang,
    base: counts.base,
  };
}
