import { z } from 'zod';

/**
 * `POST /api/intake/replies`: a channel (the national LAPOR! system, a regional app) delivers the
 * reporter's reply to a follow-up and, optionally, a satisfaction rating from 1 to 5.
 */
export const reporterReplyRequestSchema = z
  .object({
    api_key: z.string().min(1).max(200),
    tracking_number: z.string().min(1).max(32),
    message: z.string().trim().max(4000).default(''),
    rating: z.int().min(1).max(5).optional(),
  })
  .refine((value) => value.message.length > 0 || value.rating !== undefined, {
    message: 'Isi balasan atau penilaian wajib ada',
    path: ['message'],
  });
export type ReporterReplyRequest = z.infer<typeof reporterReplyRequestSchema>;

/** Statuses in which a reporter can answer: after the OPD's follow-up, or after closing. */
export const REPLYABLE_STATUSES = ['ditindaklanjuti', 'selesai'] as const;
