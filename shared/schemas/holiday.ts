import { z } from 'zod';
import { epochMsSchema, idSchema, serverSeqSchema } from './common.ts';
import { errorMessage } from '../errors/error-codes.ts';

export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, errorMessage('date_format'));

/** A day off decreed nationally (libur nasional) or a collective leave day (cuti bersama). */
export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/**
 * A national holiday or cuti bersama day of an instansi (decreed yearly; data, not code). Its id
 * is `instansiId:date`, so one date holds at most one holiday and a removed one can be re-added.
 */
export const holidaySchema = z.object({
  id: idSchema,
  instansiId: idSchema,
  date: localDateSchema.max(10),
  name: z.string().min(1).max(200),
  kind: z.enum(HOLIDAY_KINDS),
  updatedAt: epochMsSchema,
  serverSeq: serverSeqSchema,
});
export type Holiday = z.infer<typeof holidaySchema>;
