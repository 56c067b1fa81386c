import type { RakordaRate } from '../../../../shared/reports/compute-rakorda-figures.ts';
import type { ReportCell, ReportColumn } from '../../../../shared/reports/report-tables.ts';
import { formatDateTime, formatNumber } from '../../i18n/translate.ts';

/** The printed report is an Indonesian document whatever the screen language. */
export const REPORT_LANGUAGE = 'id' as const;

export const formatCount = (value: number): string => formatNumber(REPORT_LANGUAGE, value);

export function formatPercent(value: number | null): string {
  if (value === null) return '—';
  return `${new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} %`;
}

export const formatRate = (rate: RakordaRate): string => formatPercent(rate.percent);

export function formatDays(value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(value);
}

/** What a report covers: the whole instansi or the OPDs chosen. */
export function scopeText(wholeInstansi: boolean, unitNames: readonly string[]): string {
  return wholeInstansi ? 'Seluruh OPD' : `OPD: ${unitNames.join(', ')}`;
}

/**
 * The change from the comparison period: the earlier figure and the difference. A rate moves
 * in percentage points ("poin"), never in percent of itself: 99,6 % → 98,6 % is −1,0 poin. A
 * count moves in reports. Null when either period has no figure.
 */
export function describeChange(
  current: number | null,
  previous: number | null,
  kind: 'count' | 'rate',
): { previous: string; change: string } | null {
  if (current === null || previous === null) return null;
  const delta = Math.round((current - previous) * 10) / 10;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  if (kind === 'count')
    return { previous: formatCount(previous), change: `(${sign}${formatCount(Math.abs(delta))})` };
  const points = new Intl.NumberFormat('id-ID', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Math.abs(delta));
  return { previous: formatPercent(previous), change: `(${sign}${points} poin)` };
}

/** `1 Juni 2026`: the long Indonesian date of a YYYY-MM-DD local date. */
export function formatLocalDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** `Juni 2026`, or `Jun 26` when short, for YYYY-MM. */
export function formatMonth(month: string, short = false): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('id-ID', {
    month: short ? 'short' : 'long',
    year: short ? '2-digit' : 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 1));
}

export function formatCell(
  value: ReportCell,
  column: ReportColumn,
  utcOffsetMinutes: number,
): string {
  if (value === null) return '—';
  if (typeof value === 'string')
    return column.kind === 'text' && /^\d{4}-\d{2}$/.test(value) ? formatMonth(value) : value;
  switch (column.kind) {
    case 'percent':
      return formatPercent(value);
    case 'days':
      return formatDays(value);
    case 'date':
      return formatDateTime(REPORT_LANGUAGE, value, utcOffsetMinutes);
    default:
      return formatCount(value);
  }
}
