import { z } from 'zod';
import { epochMsSchema, idSchema, serverSeqSchema } from './common.ts';

export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus YYYY-MM-DD');

/** A national holiday or cuti bersama day of an instansi (decreed yearly; data, not code). */
export const holidaySchema = z.object({
  id: idSchema,
  instansiId: idSchema,
  date: localDateSchema.max(10),
  name: z.string().min(1).max(200),
  updatedAt: epochMsSchema,
  serverSeq: serverSeqSchema,
});
export type Holiday = z.infer<typeof holidaySchema>;
