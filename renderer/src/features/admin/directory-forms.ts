import { z } from 'zod';
import { HOLIDAY_KINDS } from '../../../../shared/schemas/holiday.ts';
import { isHolidayDate } from '../../../../shared/schemas/holiday-date.ts';

/** What the admin edits of an OPD unit; the server checks the same and that the code is free. */
export const unitFormSchema = z.object({
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(200),
  shortName: z.string().trim().min(1).max(60),
  active: z.boolean(),
});
export type UnitForm = z.infer<typeof unitFormSchema>;

export const categoryFormSchema = z.object({
  code: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(120),
  active: z.boolean(),
});
export type CategoryForm = z.infer<typeof categoryFormSchema>;

export const holidayFormSchema = z.object({
  date: z.string().refine(isHolidayDate),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(HOLIDAY_KINDS),
});
export type HolidayForm = z.infer<typeof holidayFormSchema>;

const days = z.number().int().min(1).max(365);

/** A new rule set version: its day counts and the first day it applies (a future date). */
export const slaRuleFormSchema = z.object({
  version: z.string().trim().min(1).max(60),
  counting: z.enum(['working', 'calendar']),
  verifyDays: days,
  firstFollowUpDays: days,
  resolutionDays: days,
  resolutionSupervisedDays: days,
  resolutionAspirationDays: days,
  autoCloseDays: days,
  activeFromDate: z.string().refine(isHolidayDate),
});
export type SlaRuleForm = z.infer<typeof slaRuleFormSchema>;

export const SLA_DAY_FIELDS = [
  'verifyDays',
  'firstFollowUpDays',
  'resolutionDays',
  'resolutionSupervisedDays',
  'resolutionAspirationDays',
  'autoCloseDays',
] as const;

/** Midnight at the start of `date` (YYYY-MM-DD) in the instansi's zone, as epoch ms. */
export function startOfLocalDate(date: string, utcOffsetMinutes: number): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1) - utcOffsetMinutes * 60_000;
}

/** The instansi's calendar date (YYYY-MM-DD) at `epochMs`. */
export function localDateOf(epochMs: number, utcOffsetMinutes: number): string {
  return new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
