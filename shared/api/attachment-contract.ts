import { z } from 'zod';
import { attachmentMetaSchema } from '../attachments/attachment-rules.ts';
import { idSchema } from '../schemas/common.ts';

/** `POST /api/attachments`: announces an upload; answered with how much the server holds. */
export const attachmentUploadRequestSchema = attachmentMetaSchema.extend({
  eventId: idSchema,
  complaintId: idSchema,
});
export type AttachmentUploadRequest = z.infer<typeof attachmentUploadRequestSchema>;

/** Where an upload stands: the device resumes from `receivedBytes`. */
export type AttachmentUploadState = {
  id: string;
  size: number;
  receivedBytes: number;
  complete: boolean;
};

/** `POST /api/attachments/:id/chunks?offset=N` with an `application/octet-stream` body. */
export const attachmentChunkQuerySchema = z.object({
  offset: z.coerce.number().int().min(0),
});
export const attachmentIdParamsSchema = z.object({ id: idSchema });
