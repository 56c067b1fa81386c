export type WorkingCalendar = {
  /** The instansi's offset from UTC in minutes (WIB 420, WITA 480, WIT 540). */
  utcOffsetMinutes: number;
  /** National holidays and cuti bersama as local dates, `YYYY-MM-DD`. */
  holidays: ReadonlySet<string>;
};

const DAY_MS = 86_400_000;

/** The local calendar date (`YYYY-MM-DD`) of an instant in the given offset. */
export function localDateOf(epochMs: number, utcOffsetMinutes: number): string {
  return new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function isWorkingDay(localDate: string, calendar: WorkingCalendar): boolean {
  const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(localDate);
}

/** Adds whole days to a local date. */
export function addDaysToLocalDate(localDate: string, days: number): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a local date, as an instant. */
export function endOfLocalDate(localDate: string, utcOffsetMinutes: number): number {
  return Date.parse(`${localDate}T00:00:00Z`) + DAY_MS - 1 - utcOffsetMinutes * 60_000;
}
