import { z } from 'zod';
import { attachmentMetaSchema } from '../attachments/attachment-rules.ts';
import { epochMsSchema, idSchema } from './common.ts';

/**
 * Where a file kept on the device stands: attached to a draft not yet posted, waiting to be
 * uploaded after its follow-up was posted, uploaded, or downloaded from the server.
 */
export const ATTACHMENT_FILE_STATES = ['draft', 'upload', 'uploaded', 'downloaded'] as const;
export type AttachmentFileState = (typeof ATTACHMENT_FILE_STATES)[number];

/**
 * A file on this device, its bytes held as the RxDB attachment `content` of this document. The
 * collection is not replicated: bytes travel through the resumable attachment endpoints.
 */
export const attachmentFileSchema = attachmentMetaSchema.extend({
  complaintId: idSchema,
  /** The follow-up that lists it; empty while it belongs to a draft. */
  eventId: z.string().max(40),
  state: z.enum(ATTACHMENT_FILE_STATES),
  createdAt: epochMsSchema,
});
export type AttachmentFile = z.infer<typeof attachmentFileSchema>;

/** The RxDB attachment id under which a file's bytes are stored. */
export const ATTACHMENT_CONTENT_ID = 'content';
