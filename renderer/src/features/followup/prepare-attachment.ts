import {
  ATTACHMENT_TYPES,
  attachmentMetaSchema,
  MAX_ATTACHMENT_BYTES,
  MAX_PHOTO_EDGE_PX,
  toSafeAttachmentName,
  type AttachmentMeta,
  type AttachmentType,
} from '../../../../shared/attachments/attachment-rules.ts';
import {
  appError,
  errorOfIssue,
  withField,
  type AppError,
} from '../../../../shared/errors/error-codes.ts';

export type PreparedAttachment = { meta: AttachmentMeta; blob: Blob };

const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
/** Photos below this size and edge are kept as they are; others are re-encoded as JPEG. */
const KEEP_PHOTO_BYTES = 1_500_000;
const JPEG_QUALITY = 0.82;

function isAttachmentType(type: string): type is AttachmentType {
  return (ATTACHMENT_TYPES as readonly string[]).includes(type);
}

function withJpegExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.jpg`;
}

/** The photo with its longer side at most MAX_PHOTO_EDGE_PX, as JPEG; small photos unchanged. */
async function downscalePhoto(file: Blob): Promise<{ blob: Blob; converted: boolean }> {
  const bitmap = await createImageBitmap(file);
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    if (longest <= MAX_PHOTO_EDGE_PX && file.size <= KEEP_PHOTO_BYTES) {
      return { blob: file, converted: false };
    }
    const scale = Math.min(1, MAX_PHOTO_EDGE_PX / longest);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas 2d context unavailable');
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    return { blob, converted: true };
  } finally {
    bitmap.close();
  }
}

/**
 * Checks a file the officer picked and readies it for storage: photos are downscaled, PDFs
 * kept; anything else, or anything too large, comes back as a message to show.
 */
export async function prepareAttachment(
  file: File,
  newId: () => string = () => crypto.randomUUID(),
): Promise<PreparedAttachment | { error: AppError }> {
  if (!isAttachmentType(file.type)) {
    return { error: withField(appError('attachment_type'), file.name) };
  }
  let blob: Blob = file;
  let type: AttachmentType = file.type;
  let name = toSafeAttachmentName(file.name);
  if (PHOTO_TYPES.includes(file.type)) {
    try {
      const scaled = await downscalePhoto(file);
      blob = scaled.blob;
      if (scaled.converted) {
        type = 'image/jpeg';
        name = withJpegExtension(name);
      }
    } catch {
      return { error: withField(appError('photo_unreadable'), file.name) };
    }
  }
  if (blob.size > MAX_ATTACHMENT_BYTES) {
    return { error: withField(appError('file_too_large', { max: '10 MB' }), file.name) };
  }
  const parsed = attachmentMetaSchema.safeParse({ id: newId(), name, type, size: blob.size });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      error: withField(issue ? errorOfIssue(issue) : appError('file_name_invalid'), file.name),
    };
  }
  return { meta: parsed.data, blob: blob.type === type ? blob : new Blob([blob], { type }) };
}
