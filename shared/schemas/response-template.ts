import { z } from 'zod';
import { epochMsSchema, idSchema, serverSeqSchema } from './common.ts';
import { errorMessage } from '../errors/error-codes.ts';

/** What a response template is written for: a public follow-up or an internal note. */
export const RESPONSE_TEMPLATE_KINDS = ['tindak_lanjut', 'catatan_internal'] as const;
export type ResponseTemplateKind = (typeof RESPONSE_TEMPLATE_KINDS)[number];

/**
 * A response template of an instansi, kept by its admin. Never deleted: a template that is no
 * longer wanted is deactivated, so follow-ups written from it can still be traced.
 */
export const responseTemplateSchema = z.object({
  id: idSchema,
  instansiId: idSchema,
  title: z
    .string()
    .trim()
    .min(3, errorMessage('template_title_too_short', { min: 3 }))
    .max(120, 'Judul templat paling banyak 120 karakter'),
  body: z
    .string()
    .trim()
    .min(10, errorMessage('template_body_too_short', { min: 10 }))
    .max(4000, errorMessage('template_body_too_long', { max: 4000 })),
  kind: z.enum(RESPONSE_TEMPLATE_KINDS),
  active: z.boolean(),
  /** Server time of the last accepted write (set by the server). */
  updatedAt: epochMsSchema,
  /** Officer who last changed the template (set by the server). */
  updatedBy: z.string().max(40),
  serverSeq: serverSeqSchema,
});
export type ResponseTemplate = z.infer<typeof responseTemplateSchema>;

/** What the admin edits; the rest is set by the device (id) or the server. */
export const responseTemplateFormSchema = responseTemplateSchema.pick({
  title: true,
  body: true,
  kind: true,
  active: true,
});
export type ResponseTemplateForm = z.infer<typeof responseTemplateFormSchema>;
