import { z } from 'zod';
import { errorMessage } from '../errors/error-codes.ts';

/** Evidence an officer may attach to a follow-up or note: photos and PDF documents. */
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Largest attachment after photos are downscaled on the device. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_EVENT = 5;
/** Upload chunk size: small enough to survive a poor link, resumed from the last full chunk. */
export const ATTACHMENT_CHUNK_BYTES = 256 * 1024;
/** Photos are stored with their longer side at most this many pixels. */
export const MAX_PHOTO_EDGE_PX = 1600;

function hasControlCharacter(text: string): boolean {
  return /\p{Cc}/u.test(text);
}

/**
 * A file name as shown to people: no folders, no control or reserved characters, so a name can
 * never address a path on the server or on a device that saves it.
 */
export const attachmentNameSchema = z
  .string()
  .min(1, errorMessage('file_name_empty'))
  .max(120, errorMessage('file_name_too_long', { max: 120 }))
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && !hasControlCharacter(name), {
    message: errorMessage('file_name_characters'),
  })
  .refine((name) => name !== '.' && name !== '..' && !name.startsWith('.'), {
    message: errorMessage('file_name_invalid'),
  });

/** What a timeline event records about each attached file; the bytes travel separately. */
export const attachmentMetaSchema = z.object({
  id: z.string().min(1).max(40),
  name: attachmentNameSchema,
  type: z.enum(ATTACHMENT_TYPES, { error: errorMessage('attachment_type') }),
  size: z.int().min(1, 'Berkas kosong').max(MAX_ATTACHMENT_BYTES, 'Berkas lebih besar dari 10 MB'),
});
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;

/** Turns any file name into one attachmentNameSchema accepts, keeping what a person recognises. */
export function toSafeAttachmentName(name: string, fallback = 'lampiran'): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[:*?"<>|]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^\.+/, '')
    .trim();
  if (cleaned.length === 0) return fallback;
  if (cleaned.length <= 120) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 120 - extension.length) + extension;
}

/**
 * Checks the first bytes of a file against its declared type, so a renamed executable or HTML
 * page is not stored as a "photo".
 */
export function contentMatchesType(head: Uint8Array, type: AttachmentType): boolean {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
  switch (type) {
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/webp':
      return (
        starts(0x52, 0x49, 0x46, 0x46) &&
        head[8] === 0x57 &&
        head[9] === 0x45 &&
        head[10] === 0x42 &&
        head[11] === 0x50
      );
    case 'application/pdf':
      return starts(0x25, 0x50, 0x44, 0x46, 0x2d);
  }
}
