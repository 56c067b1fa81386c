import { z } from 'zod';
import { errorMessage } from '../errors/error-codes.ts';

const instant = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, errorMessage('date_time_format'))
  .transform((text, ctx) => {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: errorMessage('date_invalid') });
      return z.NEVER;
    }
    return ms;
  });

/** GET /api/admin/audit: newest first, a page at a time (`before` = the last id seen). */
export const auditQuerySchema = z
  .object({
    officer: z.string().min(1).max(40).optional(),
    action: z
      .string()
      .regex(/^[a-z_]{1,40}(,[a-z_]{1,40}){0,19}$/, errorMessage('audit_action_invalid'))
      .transform((text) => text.split(','))
      .optional(),
    from: instant.optional(),
    to: instant.optional(),
    before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: errorMessage('date_start_after_end'),
    path: ['from'],
  });
export type AuditQuery = z.input<typeof auditQuerySchema>;

/** What the workstation accepts from GET /api/admin/audit. */
export const auditPageSchema = z.object({
  entries: z.array(
    z.object({
      id: z.number(),
      at: z.number(),
      officerId: z.string(),
      officerName: z.string(),
      /** Empty from a server before usernames and tracking numbers were listed. */
      officerUsername: z.string().default(''),
      /** The tracking number of the complaint the entry is about, if any. */
      trackingNumber: z.string().default(''),
      deviceId: z.string(),
      action: z.string(),
      collection: z.string(),
      documentId: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  nextBefore: z.number().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditEntryView = AuditPage['entries'][number];

/** The kinds of audit entries the server writes (the filter's choices). */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'login_lockout',
  'logout',
  'write_accepted',
  'write_refused',
  'event_appended',
  'identity_revealed',
  'intake_accepted',
  'intake_refused',
  'import_applied',
  'import_refused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
