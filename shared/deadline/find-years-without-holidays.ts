import type { Complaint } from '../schemas/complaint.ts';
import { runningClock } from './sla-rules.ts';
import { localDateOf } from './working-calendar.ts';

export type YearWithoutHolidays = {
  year: number;
  /** Running deadlines whose count of working days runs through this year. */
  deadlines: number;
};

type RunningDeadline = Pick<
  Complaint,
  'status' | 'type' | 'berkadarPengawasan' | 'receivedAt' | 'statusChangedAt' | 'dueAt'
>;

/**
 * The years that running deadlines reach (from the day their clock starts to their due day)
 * for which no holiday at all is entered: there every weekday counts as a working day, so
 * those due dates come too early until the year's decree is entered. Sorted by year.
 */
export function findYearsWithoutHolidays(
  complaints: Iterable<RunningDeadline>,
  holidayDates: Iterable<string>,
  utcOffsetMinutes: number,
): YearWithoutHolidays[] {
  const yearsWithHolidays = new Set<number>();
  for (const date of holidayDates) yearsWithHolidays.add(Number(date.slice(0, 4)));
  const counts = new Map<number, number>();
  for (const complaint of complaints) {
    const clock = runningClock(complaint);
    if (!clock || complaint.dueAt <= 0) continue;
    const start = clock === 'tindak_lanjut' ? complaint.statusChangedAt : complaint.receivedAt;
    const firstYear = Number(localDateOf(start, utcOffsetMinutes).slice(0, 4));
    const lastYear = Number(localDateOf(complaint.dueAt, utcOffsetMinutes).slice(0, 4));
    for (let year = firstYear; year <= lastYear; year += 1) {
      if (!yearsWithHolidays.has(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([year, deadlines]) => ({ year, deadlines }))
    .sort((a, b) => a.year - b.year);
}
