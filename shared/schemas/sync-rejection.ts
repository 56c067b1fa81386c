import { z } from 'zod';
import { epochMsSchema, idSchema, serverSeqSchema } from './common.ts';

export const REJECTION_CODES = [
  'validation',
  'permission',
  'lifecycle',
  'not_found',
  'read_only',
  'append_only',
] as const;

/** A write of this officer the server refused, kept until the officer redoes or discards it. */
export const syncRejectionSchema = z.object({
  id: idSchema,
  officerId: idSchema,
  /**
   * The replicated collection the refused write was for. Not named `collection`: RxDB documents
   * have a `collection` property of their own, and a field of that name cannot be read.
   */
  targetCollection: z.string().max(40),
  documentId: z.string().max(40),
  reasonCode: z.enum(REJECTION_CODES),
  /** Indonesian text of the refusal, as older servers sent it only. */
  reason: z.string().max(2000),
  /**
   * The refusal as JSON text of an error code and its parameters (shared/errors), which the
   * workstation words in its officer's language; '' from older servers and older refusals.
   */
  reasonError: z.string().max(4000).default(''),
  /** The refused document as JSON text, so nothing typed is lost. */
  refusedDocument: z.string().max(200_000),
  /** The reporter's identity was in the refused write and was not kept with the refusal. */
  identityRemoved: z.boolean().default(false),
  /** The refused write was larger than the server keeps: `refusedDocument` is its cut text. */
  documentTruncated: z.boolean().default(false),
  createdAt: epochMsSchema,
  /** Set when the officer discarded or redid it; 0 while open. */
  resolvedAt: epochMsSchema,
  serverSeq: serverSeqSchema,
});
export type SyncRejection = z.infer<typeof syncRejectionSchema>;
