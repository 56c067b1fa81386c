/** The years for which holidays are kept. */
export const HOLIDAY_MIN_YEAR = 2000;
export const HOLIDAY_MAX_YEAR = 2100;

/** Whether `date` (YYYY-MM-DD) names a real calendar day within the years holidays are kept. */
export function isHolidayDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < HOLIDAY_MIN_YEAR || year > HOLIDAY_MAX_YEAR) return false;
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}
