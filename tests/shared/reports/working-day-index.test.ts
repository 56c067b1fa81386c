import { describe, expect, it } from 'vitest';
import { computeDueDate } from '../../../shared/deadline/compute-due-date.ts';
import { countDaysBetween } from '../../../shared/deadline/count-days-between.ts';
import type { WorkingCalendar } from '../../../shared/deadline/working-calendar.ts';
import { createWorkingDayIndex } from '../../../shared/reports/working-day-index.ts';
import { localDateToDayNumber } from '../../../shared/reports/report-period.ts';

const DAY_MS = 86_400_000;
const CALENDAR: WorkingCalendar = {
  utcOffsetMinutes: 480,
  holidays: new Set(['2026-01-01', '2026-03-20', '2026-03-23', '2026-03-24', '2026-12-25']),
};

/** A small deterministic generator, so a failure names the same case on every run. */
function numbers(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % max;
  };
}

describe('createWorkingDayIndex', () => {
  // The table covers 2026 only; cases reach a year beyond it on both sides (the fallback).
  const index = createWorkingDayIndex(
    CALENDAR,
    localDateToDayNumber('2026-01-01'),
    localDateToDayNumber('2026-12-31'),
  );
  const start = Date.parse('2025-01-01T00:00:00Z');
  const next = numbers(42);

  it('counts days exactly like countDaysBetween, in and out of the table', () => {
    for (let i = 0; i < 2000; i += 1) {
      const from = start + next(3 * 365) * DAY_MS + next(DAY_MS);
      const to = from + (next(120) - 30) * DAY_MS + next(DAY_MS);
      for (const counting of ['working', 'calendar'] as const) {
        expect(index.countDays(index.dayOf(from), index.dayOf(to), counting)).toBe(
          countDaysBetween(from, to, counting, CALENDAR),
        );
      }
    }
  });

  it('finds the due day exactly like computeDueDate, in and out of the table', () => {
    for (let i = 0; i < 2000; i += 1) {
      const from = start + next(3 * 365) * DAY_MS + next(DAY_MS);
      const days = next(70);
      for (const counting of ['working', 'calendar'] as const) {
        const dueAt = computeDueDate(from, days, counting, CALENDAR);
        expect(index.dueDay(index.dayOf(from), days, counting)).toBe(index.dayOf(dueAt));
      }
    }
  });
});
