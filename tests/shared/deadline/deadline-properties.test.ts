import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDueDate, type DayCounting } from '../../../shared/deadline/compute-due-date.ts';
import { countDaysBetween } from '../../../shared/deadline/count-days-between.ts';
import type { WorkingCalendar } from '../../../shared/deadline/working-calendar.ts';

// Independent helpers: the properties below do not lean on working-calendar.ts to judge it.
const DAY_MS = 86_400_000;
const RUNS = { numRuns: 300 };

const ZONES = [
  { name: 'WIB', utcOffsetMinutes: 420 },
  { name: 'WITA', utcOffsetMinutes: 480 },
  { name: 'WIT', utcOffsetMinutes: 540 },
] as const;
type Zone = (typeof ZONES)[number];

/** `YYYY-MM-DD` of an instant on the wall clock of the zone. */
const wallDate = (ms: number, zone: Zone) =>
  new Date(ms + zone.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
/** Milliseconds since local midnight of an instant on the wall clock of the zone. */
const wallTimeOfDay = (ms: number, zone: Zone) =>
  (((ms + zone.utcOffsetMinutes * 60_000) % DAY_MS) + DAY_MS) % DAY_MS;
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** The instant a local wall-clock time happens in the zone. */
const instantOf = (date: string, timeOfDayMs: number, zone: Zone) =>
  Date.parse(`${date}T00:00:00Z`) + timeOfDayMs - zone.utcOffsetMinutes * 60_000;
/** Whole days from local date `a` to local date `b`. */
const daysFromTo = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

const FIRST_DAY = '2025-01-01';
const DAYS_IN_RANGE = daysFromTo(FIRST_DAY, '2026-12-31') + 1; // 2025 and 2026, local dates

/** A local time of day, with extra weight on the first and last millisecond of the day. */
const timeOfDayArb = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: DAY_MS - 1 }), weight: 4 },
  { arbitrary: fc.constantFrom(0, DAY_MS - 1, 12 * 3_600_000), weight: 1 },
);
const zoneArb = fc.constantFrom(...ZONES);
const countingArb = fc.constantFrom<DayCounting>('working', 'calendar');
const daysArb = fc.integer({ min: 0, max: 60 });
/** Holidays as day offsets from the arrival day, dense enough to matter within 60 working days. */
const holidayOffsetsArb = fc.uniqueArray(fc.integer({ min: -10, max: 130 }), { maxLength: 40 });

/** A start instant somewhere in 2025–2026 local time, its zone, and a random holiday calendar. */
const scenarioArb = fc
  .record({
    dayIndex: fc.integer({ min: 0, max: DAYS_IN_RANGE - 1 }),
    timeOfDay: timeOfDayArb,
    zone: zoneArb,
    holidayOffsets: holidayOffsetsArb,
  })
  .map(({ dayIndex, timeOfDay, zone, holidayOffsets }) => {
    const arrival = shiftDate(FIRST_DAY, dayIndex);
    const holidays = new Set(holidayOffsets.map((offset) => shiftDate(arrival, offset)));
    const calendar: WorkingCalendar = { utcOffsetMinutes: zone.utcOffsetMinutes, holidays };
    return { start: instantOf(arrival, timeOfDay, zone), arrival, zone, calendar };
  });

const isWorkingDate = (date: string, holidays: ReadonlySet<string>) =>
  weekdayOf(date) !== 0 && weekdayOf(date) !== 6 && !holidays.has(date);

/** Counted days in (from, to], by walking the calendar one local day at a time. */
function referenceCount(
  from: string,
  to: string,
  counting: DayCounting,
  holidays: ReadonlySet<string>,
) {
  let counted = 0;
  for (let date = shiftDate(from, 1); date <= to; date = shiftDate(date, 1)) {
    if (counting === 'calendar' || isWorkingDate(date, holidays)) counted += 1;
  }
  return counted;
}

describe('computeDueDate properties', () => {
  it('ends at the last millisecond of a local day, never before the start', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        daysArb,
        countingArb,
        ({ start, zone, calendar }, days, counting) => {
          const due = computeDueDate(start, days, counting, calendar);
          expect(wallTimeOfDay(due, zone)).toBe(DAY_MS - 1);
          expect(due).toBeGreaterThanOrEqual(start);
          expect(wallDate(due + 1, zone)).toBe(shiftDate(wallDate(due, zone), 1));
        },
      ),
      RUNS,
    );
  });

  it('with zero days is due at the end of the arrival day, whatever day that is', () => {
    fc.assert(
      fc.property(scenarioArb, countingArb, ({ start, arrival, zone, calendar }, counting) => {
        expect(computeDueDate(start, 0, counting, calendar)).toBe(
          instantOf(arrival, DAY_MS - 1, zone),
        );
      }),
      RUNS,
    );
  });

  it('is monotonic in the number of days: more days is strictly later', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        daysArb,
        daysArb,
        countingArb,
        ({ start, calendar }, a, b, counting) => {
          const [fewer, more] = a <= b ? [a, b] : [b, a];
          const early = computeDueDate(start, fewer, counting, calendar);
          const late = computeDueDate(start, more, counting, calendar);
          if (fewer === more) expect(late).toBe(early);
          else expect(late).toBeGreaterThan(early);
        },
      ),
      RUNS,
    );
  });

  it('is monotonic in the start: a later start never gives an earlier due date', () => {
    // Up to 20 days later, to the millisecond, so crossings of midnight and weekends happen.
    const delayArb = fc.oneof(
      fc.integer({ min: 0, max: 3_600_000 }),
      fc
        .tuple(fc.integer({ min: 0, max: 20 * 24 * 60 }), fc.integer({ min: 0, max: 59_999 }))
        .map(([minutes, ms]) => minutes * 60_000 + ms),
    );
    fc.assert(
      fc.property(
        scenarioArb,
        delayArb,
        daysArb,
        countingArb,
        ({ start, zone, calendar }, delay, days, counting) => {
          const early = computeDueDate(start, days, counting, calendar);
          const late = computeDueDate(start + delay, days, counting, calendar);
          expect(late).toBeGreaterThanOrEqual(early);
          if (wallDate(start + delay, zone) === wallDate(start, zone)) expect(late).toBe(early);
        },
      ),
      RUNS,
    );
  });

  it('in working-day mode lands on a local working day (not Sat/Sun, not a holiday)', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 1, max: 60 }),
        ({ start, arrival, zone, calendar }, days) => {
          const due = computeDueDate(start, days, 'working', calendar);
          const dueDate = wallDate(due, zone);
          expect([0, 6]).not.toContain(weekdayOf(dueDate));
          expect(calendar.holidays.has(dueDate)).toBe(false);
          // …and it is the earliest such day: exactly `days` working days after arrival.
          expect(referenceCount(arrival, dueDate, 'working', calendar.holidays)).toBe(days);
        },
      ),
      RUNS,
    );
  });

  it('in calendar mode is exactly `days` local days after arrival, holidays or not', () => {
    fc.assert(
      fc.property(scenarioArb, daysArb, ({ start, arrival, zone, calendar }, days) => {
        const due = computeDueDate(start, days, 'calendar', calendar);
        expect(daysFromTo(arrival, wallDate(due, zone))).toBe(days);
      }),
      RUNS,
    );
  });

  it('gives the same local due date in WIB, WITA and WIT for the same local arrival time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: DAYS_IN_RANGE - 1 }),
        timeOfDayArb,
        holidayOffsetsArb,
        daysArb,
        countingArb,
        (dayIndex, timeOfDay, holidayOffsets, days, counting) => {
          const arrival = shiftDate(FIRST_DAY, dayIndex);
          const holidays = new Set(holidayOffsets.map((offset) => shiftDate(arrival, offset)));
          const dueDates = ZONES.map((zone) => {
            const start = instantOf(arrival, timeOfDay, zone);
            const calendar = { utcOffsetMinutes: zone.utcOffsetMinutes, holidays };
            return wallDate(computeDueDate(start, days, counting, calendar), zone);
          });
          expect(new Set(dueDates).size).toBe(1);
        },
      ),
      RUNS,
    );
  });
});

describe('countDaysBetween properties', () => {
  it('is the inverse of computeDueDate in both counting modes', () => {
    fc.assert(
      fc.property(scenarioArb, daysArb, countingArb, ({ start, calendar }, days, counting) => {
        const due = computeDueDate(start, days, counting, calendar);
        expect(countDaysBetween(start, due, counting, calendar)).toBe(days);
        // Counted from the due date back to the start, it is the same number, negated
        // (`+ 0` and `0 -` keep zero positive: the code may return -0 for an empty backward count).
        expect(countDaysBetween(due, start, counting, calendar) + 0).toBe(0 - days);
      }),
      RUNS,
    );
  });

  it('counts one day less on the day before the deadline', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 1, max: 60 }),
        countingArb,
        ({ start, calendar }, days, counting) => {
          const due = computeDueDate(start, days, counting, calendar);
          expect(countDaysBetween(start, due - DAY_MS, counting, calendar)).toBe(days - 1);
        },
      ),
      RUNS,
    );
  });

  it('agrees with a day-by-day count between any two instants, with the sign of their order', () => {
    const delayArb = fc.integer({ min: -90 * 24 * 60, max: 90 * 24 * 60 }).map((m) => m * 60_000);
    fc.assert(
      fc.property(
        scenarioArb,
        delayArb,
        countingArb,
        ({ start, arrival, zone, calendar }, delay, counting) => {
          const other = wallDate(start + delay, zone);
          const expected =
            other >= arrival
              ? referenceCount(arrival, other, counting, calendar.holidays)
              : -referenceCount(other, arrival, counting, calendar.holidays);
          // `+ 0` turns a -0 (an empty backward count) into 0 on both sides.
          expect(countDaysBetween(start, start + delay, counting, calendar) + 0).toBe(expected + 0);
        },
      ),
      RUNS,
    );
  });
});
