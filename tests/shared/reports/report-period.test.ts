import { describe, expect, it } from 'vitest';
import {
  MAX_REPORT_SPAN_DAYS,
  monthPeriod,
  periodBounds,
  periodContaining,
  periodLengthDays,
  previousPeriod,
  quarterPeriod,
  reportPeriodSchema,
  semesterPeriod,
  yearPeriod,
  type ReportPeriod,
} from '../../../shared/reports/report-period.ts';

const period = (from: string, to: string, unitIds: string[] = []): ReportPeriod => ({
  from,
  to,
  unitIds,
});

describe('period shortcuts', () => {
  it('gives the calendar month containing a date, leap years included', () => {
    expect(monthPeriod('2026-02-14')).toEqual(period('2026-02-01', '2026-02-28'));
    expect(monthPeriod('2024-02-29')).toEqual(period('2024-02-01', '2024-02-29'));
    expect(monthPeriod('2026-12-31')).toEqual(period('2026-12-01', '2026-12-31'));
  });

  it('gives the quarter containing a date', () => {
    expect(quarterPeriod('2026-01-01')).toEqual(period('2026-01-01', '2026-03-31'));
    expect(quarterPeriod('2026-05-20')).toEqual(period('2026-04-01', '2026-06-30'));
    expect(quarterPeriod('2026-09-30')).toEqual(period('2026-07-01', '2026-09-30'));
    expect(quarterPeriod('2026-12-31')).toEqual(period('2026-10-01', '2026-12-31'));
  });

  it('gives the semester containing a date', () => {
    expect(semesterPeriod('2026-06-30')).toEqual(period('2026-01-01', '2026-06-30'));
    expect(semesterPeriod('2026-07-01')).toEqual(period('2026-07-01', '2026-12-31'));
  });

  it('gives the year containing a date and keeps the chosen units', () => {
    expect(yearPeriod('2026-03-03', ['unit-pupr'])).toEqual(
      period('2026-01-01', '2026-12-31', ['unit-pupr']),
    );
    expect(periodContaining('year', '2024-07-01')).toEqual(period('2024-01-01', '2024-12-31'));
  });

  it('refuses a date that is not on the calendar', () => {
    expect(() => monthPeriod('2026-02-30')).toThrow(RangeError);
  });
});

describe('previousPeriod', () => {
  it('compares a whole month, quarter, semester or year with the one before, across year ends', () => {
    expect(previousPeriod(monthPeriod('2026-01-10'))).toEqual(period('2025-12-01', '2025-12-31'));
    expect(previousPeriod(monthPeriod('2026-03-10'))).toEqual(period('2026-02-01', '2026-02-28'));
    expect(previousPeriod(quarterPeriod('2026-02-01'))).toEqual(period('2025-10-01', '2025-12-31'));
    expect(previousPeriod(semesterPeriod('2026-02-01'))).toEqual(
      period('2025-07-01', '2025-12-31'),
    );
    expect(previousPeriod(yearPeriod('2025-05-05'))).toEqual(period('2024-01-01', '2024-12-31'));
    // Two whole months over a year end: the two whole months before.
    expect(previousPeriod(period('2025-12-01', '2026-01-31'))).toEqual(
      period('2025-10-01', '2025-11-30'),
    );
  });

  it('takes the same number of days immediately before any other period', () => {
    // 10 days: 10–19 January 2026 → 31 December 2025 – 9 January 2026.
    expect(previousPeriod(period('2026-01-10', '2026-01-19'))).toEqual(
      period('2025-12-31', '2026-01-09'),
    );
    // 12 days over the year end → the 12 days before.
    expect(previousPeriod(period('2025-12-25', '2026-01-05'))).toEqual(
      period('2025-12-13', '2025-12-24'),
    );
    // One day: 1 March 2024 → 29 February 2024.
    expect(previousPeriod(period('2024-03-01', '2024-03-01'))).toEqual(
      period('2024-02-29', '2024-02-29'),
    );
    expect(periodLengthDays(period('2025-12-13', '2025-12-24'))).toBe(12);
  });

  it('keeps the chosen units', () => {
    expect(previousPeriod(period('2026-05-01', '2026-05-31', ['unit-pupr'])).unitIds).toEqual([
      'unit-pupr',
    ]);
  });
});

describe('reportPeriodSchema', () => {
  it('accepts a period, defaults to the whole instansi and drops repeated units', () => {
    expect(reportPeriodSchema.parse({ from: '2026-01-01', to: '2026-01-31' })).toEqual(
      period('2026-01-01', '2026-01-31'),
    );
    expect(
      reportPeriodSchema.parse({
        from: '2026-01-01',
        to: '2026-01-01',
        unitIds: ['unit-pupr', 'unit-dinkes', 'unit-pupr'],
      }).unitIds,
    ).toEqual(['unit-pupr', 'unit-dinkes']);
  });

  it('refuses malformed or impossible dates and an end before the start', () => {
    for (const bad of [
      { from: '2026-1-01', to: '2026-01-31' },
      { from: '2026-02-30', to: '2026-03-31' },
      { from: '2026-02-01', to: '2026-01-31' },
      { from: '2026-02-01' },
    ]) {
      expect(reportPeriodSchema.safeParse(bad).success).toBe(false);
    }
    const reversed = reportPeriodSchema.safeParse({ from: '2026-02-01', to: '2026-01-31' });
    expect(reversed.error?.issues[0]?.message).toBe(
      'Tanggal akhir tidak boleh sebelum tanggal awal',
    );
  });

  it('allows at most three years', () => {
    expect(MAX_REPORT_SPAN_DAYS).toBe(1096);
    expect(reportPeriodSchema.safeParse({ from: '2023-01-01', to: '2025-12-31' }).success).toBe(
      true,
    );
    expect(reportPeriodSchema.safeParse({ from: '2023-01-01', to: '2026-01-01' }).success).toBe(
      false,
    );
  });
});

describe('periodBounds', () => {
  it('starts and ends at local midnight in the instansi time zone', () => {
    // WITA (UTC+8): 1 November 00:00 local is 31 October 16:00 UTC.
    expect(periodBounds(period('2026-11-01', '2026-11-30'), 480)).toEqual({
      startMs: Date.parse('2026-10-31T16:00:00Z'),
      endMs: Date.parse('2026-11-30T16:00:00Z'),
    });
    // WIT (UTC+9).
    expect(periodBounds(period('2026-01-01', '2026-01-01'), 540).startMs).toBe(
      Date.parse('2025-12-31T15:00:00Z'),
    );
  });
});
