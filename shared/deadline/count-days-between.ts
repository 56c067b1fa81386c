import type { DayCounting } from './compute-due-date.ts';
import {
  addDaysToLocalDate,
  isWorkingDay,
  localDateOf,
  type WorkingCalendar,
} from './working-calendar.ts';

/**
 * Counted days after the local day of `fromMs` up to and including the local day of `toMs`;
 * negative when `toMs` is on an earlier day. The inverse of computeDueDate.
 */
export function countDaysBetween(
  fromMs: number,
  toMs: number,
  counting: DayCounting,
  calendar: WorkingCalendar,
): number {
  const from = localDateOf(fromMs, calendar.utcOffsetMinutes);
  const to = localDateOf(toMs, calendar.utcOffsetMinutes);
  if (from === to) return 0;
  const forward = from < to;
  let date = from;
  let counted = 0;
  while (date !== to) {
    date = addDaysToLocalDate(date, forward ? 1 : -1);
    const dayToCount = forward ? date : addDaysToLocalDate(date, 1);
    if (counting === 'calendar' || isWorkingDay(dayToCount, calendar)) counted += 1;
  }
  return forward ? counted : -counted;
}
