import {
  ATTACHMENT_CONTENT_ID,
  type AttachmentFile,
} from '../../../../shared/schemas/attachment-file.ts';
import type { Replica } from '../../db/create-replica.ts';
import type { PreparedAttachment } from './prepare-attachment.ts';

/** Keeps a picked file with the complaint's draft, bytes and all, so a crash loses nothing. */
export async function addDraftAttachment(
  replica: Replica,
  complaintId: string,
  prepared: PreparedAttachment,
  now: number,
): Promise<void> {
  const document = await replica.attachment_files.insert({
    ...prepared.meta,
    complaintId,
    eventId: '',
    state: 'draft',
    createdAt: now,
  });
  await document.putAttachment({
    id: ATTACHMENT_CONTENT_ID,
    data: prepared.blob,
    type: prepared.meta.type,
  });
}

export async function removeDraftAttachment(replica: Replica, id: string): Promise<void> {
  const document = await replica.attachment_files
    .findOne({ selector: { id, state: 'draft' } })
    .exec();
  await document?.remove();
}

export async function draftAttachmentsOf(
  replica: Replica,
  complaintId: string,
): Promise<AttachmentFile[]> {
  const documents = await replica.attachment_files
    .find({ selector: { complaintId, state: 'draft' }, sort: [{ createdAt: 'asc' }] })
    .exec();
  return documents.map((document) => document.toJSON() as AttachmentFile);
}
