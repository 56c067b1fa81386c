import { MAX_LOGO_DATA_URL } from '../../../../shared/schemas/report-identity.ts';

const LOGO_SIZE = 200;

/**
 * Reads an image file and scales it down to a PNG of at most 200 px for the letterhead; throws
 * when the file is not an image or the result is still too large to replicate.
 */
export async function readLogoFile(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, LOGO_SIZE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const dataUrl = canvas.toDataURL('image/png');
  if (dataUrl.length > MAX_LOGO_DATA_URL) throw new Error('logo too large');
  return dataUrl;
}
