import {
  addDaysToLocalDate,
  endOfLocalDate,
  isWorkingDay,
  localDateOf,
  type WorkingCalendar,
} from './working-calendar.ts';

export type DayCounting = 'working' | 'calendar';

/**
 * The end of the `days`-th counted day after the day `startMs` falls on, in the instansi's
 * time zone. The arrival day itself is not counted.
 */
export function computeDueDate(
  startMs: number,
  days: number,
  counting: DayCounting,
  calendar: WorkingCalendar,
): number {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be >= 0, got ${days}`);
  let date = localDateOf(startMs, calendar.utcOffsetMinutes);
  let counted = 0;
  while (counted < days) {
    date = addDaysToLocalDate(date, 1);
    if (counting === 'calendar' || isWorkingDay(date, calendar)) counted += 1;
  }
  return endOfLocalDate(date, calendar.utcOffsetMinutes);
}
