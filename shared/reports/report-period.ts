import { z } from 'zod';
import { idSchema } from '../schemas/common.ts';
import { errorMessage } from '../errors/error-codes.ts';

/**
 * Report periods are local dates in the instansi's time zone (`YYYY-MM-DD`, both ends
 * inclusive), never instants: "Maret 2026" in Samarinda starts at 00:00 WITA on 1 March.
 */

const DAY_MS = 86_400_000;

/** Three years, one leap day included: long enough for a multi-year RAKORDA comparison. */
export const MAX_REPORT_SPAN_DAYS = 3 * 365 + 1;
/** More chosen OPD units than any instansi has is a malformed request. */
export const MAX_REPORT_UNITS = 200;

/** Days since 1970-01-01 of a local date; the date is assumed valid. */
export function localDateToDayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function dayNumberToLocalDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isCalendarDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

export const reportDateSchema = z
  .string({ error: errorMessage('date_required') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, errorMessage('date_format'))
  .refine(isCalendarDate, errorMessage('date_not_in_calendar'));

/** The parameters of a report: a local-date period and the OPD units (none = whole instansi). */
export const reportPeriodSchema = z
  .object({
    from: reportDateSchema,
    to: reportDateSchema,
    unitIds: z
      .array(idSchema)
      .max(MAX_REPORT_UNITS, `Paling banyak ${MAX_REPORT_UNITS} OPD`)
      .default([])
      // The same unit chosen twice is one unit; the officer's order is kept.
      .transform((ids) => [...new Set(ids)]),
  })
  .superRefine((period, ctx) => {
    if (!isCalendarDate(period.from) || !isCalendarDate(period.to)) return;
    const span = localDateToDayNumber(period.to) - localDateToDayNumber(period.from) + 1;
    if (span < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: errorMessage('date_end_before_start'),
      });
    } else if (span > MAX_REPORT_SPAN_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: errorMessage('period_too_long', { days: MAX_REPORT_SPAN_DAYS }),
      });
    }
  });
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;
export type ReportPeriodInput = z.input<typeof reportPeriodSchema>;

export const PERIOD_SHORTCUTS = ['month', 'quarter', 'semester', 'year'] as const;
export type PeriodShortcut = (typeof PERIOD_SHORTCUTS)[number];

const MONTHS_PER_SHORTCUT: Record<PeriodShortcut, number> = {
  month: 1,
  quarter: 3,
  semester: 6,
  year: 12,
};

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** `monthIndex` counts months since year 0 (year * 12 + month - 1), so it may cross years. */
function firstDayOfMonthIndex(monthIndex: number): string {
  return `${Math.floor(monthIndex / 12)}-${pad2((monthIndex % 12) + 1)}-01`;
}

function lastDayOfMonthIndex(monthIndex: number): string {
  const nextMonthStart = localDateToDayNumber(firstDayOfMonthIndex(monthIndex + 1));
  return dayNumberToLocalDate(nextMonthStart - 1);
}

function monthIndexOf(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** Whole months `firstMonthIndex` .. `firstMonthIndex + months - 1` as a period. */
function monthsPeriod(firstMonthIndex: number, months: number, unitIds: string[]): ReportPeriod {
  return {
    from: firstDayOfMonthIndex(firstMonthIndex),
    to: lastDayOfMonthIndex(firstMonthIndex + months - 1),
    unitIds,
  };
}

/**
 * The calendar month, quarter (Jan–Mar, Apr–Jun, …), semester (Jan–Jun, Jul–Dec) or year that
 * contains a local date.
 */
export function periodContaining(
  shortcut: PeriodShortcut,
  date: string,
  unitIds: string[] = [],
): ReportPeriod {
  if (!isCalendarDate(date)) throw new RangeError(`not a date: ${date}`);
  const months = MONTHS_PER_SHORTCUT[shortcut];
  const monthIndex = monthIndexOf(date);
  return monthsPeriod(monthIndex - (monthIndex % months), months, unitIds);
}

export const monthPeriod = (date: string, unitIds: string[] = []) =>
  periodContaining('month', date, unitIds);
export const quarterPeriod = (date: string, unitIds: string[] = []) =>
  periodContaining('quarter', date, unitIds);
export const semesterPeriod = (date: string, unitIds: string[] = []) =>
  periodContaining('semester', date, unitIds);
export const yearPeriod = (date: string, unitIds: string[] = []) =>
  periodContaining('year', date, unitIds);

/** Number of local days in the period, both ends included. */
export function periodLengthDays(period: Pick<ReportPeriod, 'from' | 'to'>): number {
  return localDateToDayNumber(period.to) - localDateToDayNumber(period.from) + 1;
}

/**
 * The comparison period: the same length immediately before. A period of whole calendar months
 * (a month, quarter, semester, year, or any run of whole months) is compared with the same
 * number of whole months before it, so March is compared with February (28 days), not with
 * the 31 days from 29 January; any other period with the same number of days before it.
 */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const startsOnFirst = period.from.endsWith('-01');
  const endsOnLast = lastDayOfMonthIndex(monthIndexOf(period.to)) === period.to;
  if (startsOnFirst && endsOnLast) {
    const months = monthIndexOf(period.to) - monthIndexOf(period.from) + 1;
    return monthsPeriod(monthIndexOf(period.from) - months, months, [...period.unitIds]);
  }
  const length = periodLengthDays(period);
  const to = localDateToDayNumber(period.from) - 1;
  return {
    from: dayNumberToLocalDate(to - length + 1),
    to: dayNumberToLocalDate(to),
    unitIds: [...period.unitIds],
  };
}

/** The instants a period covers in the instansi's time zone: `startMs <= t < endMs`. */
export function periodBounds(
  period: Pick<ReportPeriod, 'from' | 'to'>,
  utcOffsetMinutes: number,
): { startMs: number; endMs: number } {
  const offsetMs = utcOffsetMinutes * 60_000;
  return {
    startMs: localDateToDayNumber(period.from) * DAY_MS - offsetMs,
    endMs: (localDateToDayNumber(period.to) + 1) * DAY_MS - offsetMs,
  };
}
