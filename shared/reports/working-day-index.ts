import { computeDueDate, type DayCounting } from '../deadline/compute-due-date.ts';
import { countDaysBetween } from '../deadline/count-days-between.ts';
import type { WorkingCalendar } from '../deadline/working-calendar.ts';
import { dayNumberToLocalDate } from './report-period.ts';

const DAY_MS = 86_400_000;

/**
 * countDaysBetween and computeDueDate answered from a table, for reports over 100,000
 * complaints: the shared functions walk day by day (one Date per day), the table answers in
 * constant time. Days are local day numbers (days since 1970-01-01 in the instansi's zone).
 * Outside the table's range it falls back to the shared functions, so answers are the same.
 */
export type WorkingDayIndex = {
  /** The local day number of an instant. */
  dayOf(epochMs: number): number;
  /** countDaysBetween over local day numbers: counted days after `fromDay` up to `toDay`. */
  countDays(fromDay: number, toDay: number, counting: DayCounting): number;
  /** The local day computeDueDate ends on: the `days`-th counted day after `startDay`. */
  dueDay(startDay: number, days: number, counting: DayCounting): number;
};

function isWeekend(day: number): boolean {
  // 1970-01-01 was a Thursday (4); 0 is Sunday, 6 Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

export function createWorkingDayIndex(
  calendar: WorkingCalendar,
  firstDay: number,
  lastDay: number,
): WorkingDayIndex {
  const offsetMs = calendar.utcOffsetMinutes * 60_000;
  const lo = Math.floor(firstDay);
  const size = Math.max(0, Math.floor(lastDay) - lo + 1);
  /** prefix[i]: working days in lo .. lo + i. */
  const prefix = new Int32Array(size);
  const workingDays: number[] = [];
  for (let i = 0; i < size; i += 1) {
    const day = lo + i;
    const working = !isWeekend(day) && !calendar.holidays.has(dayNumberToLocalDate(day));
    if (working) workingDays.push(day);
    prefix[i] = workingDays.length;
  }
  const inRange = (day: number) => day >= lo && day < lo + size;
  const startOfDay = (day: number) => day * DAY_MS - offsetMs;

  return {
    dayOf: (epochMs) => Math.floor((epochMs + offsetMs) / DAY_MS),
    countDays(fromDay, toDay, counting) {
      if (counting === 'calendar') return toDay - fromDay;
      if (inRange(fromDay) && inRange(toDay)) {
        return (prefix[toDay - lo] ?? 0) - (prefix[fromDay - lo] ?? 0);
      }
      return countDaysBetween(startOfDay(fromDay), startOfDay(toDay), counting, calendar);
    },
    dueDay(startDay, days, counting) {
      if (counting === 'calendar' || days === 0) return startDay + days;
      if (inRange(startDay)) {
        const due = workingDays[(prefix[startDay - lo] ?? 0) + days - 1];
        if (due !== undefined) return due;
      }
      const dueAt = computeDueDate(startOfDay(startDay), days, counting, calendar);
      return Math.floor((dueAt + offsetMs) / DAY_MS);
    },
  };
}
