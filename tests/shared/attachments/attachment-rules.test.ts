import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachmentMetaSchema,
  attachmentNameSchema,
  contentMatchesType,
  toSafeAttachmentName,
} from '../../../shared/attachments/attachment-rules.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('attachment names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\Siti\\foto jalan.jpg', 'foto jalan.jpg'],
    ['.htaccess', 'htaccess'],
    ['laporan:final?.pdf', 'laporan_final_.pdf'],
    ['foto\u0007.jpg', 'foto_.jpg'],
    ['', 'lampiran'],
    ['///', 'lampiran'],
  ])('%j becomes %j', (input, expected) => {
    expect(toSafeAttachmentName(input)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    const safe = toSafeAttachmentName(`${'a'.repeat(300)}.pdf`);
    expect(safe).toHaveLength(120);
    expect(safe.endsWith('.pdf')).toBe(true);
  });

  it('whatever the input, the result is a name the server accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (name) => {
        expect(attachmentNameSchema.safeParse(toSafeAttachmentName(name)).success).toBe(true);
      }),
    );
  }, 30_000); // a hundred random names through two schemas: slow on a loaded machine

  it.each(['../x.jpg', 'a/b.jpg', 'a\\b.jpg', '..', '.env', 'x\u0000.jpg', 'a'.repeat(121)])(
    'the server refuses %j',
    (name) => {
      expect(attachmentNameSchema.safeParse(name).success).toBe(false);
    },
  );
});

describe('attachment metadata', () => {
  it('accepts a photo or PDF up to 10 MB and refuses other types and sizes', () => {
    const base = { id: 'a-1', name: 'foto.jpg', type: 'image/jpeg', size: 10 * 1024 * 1024 };
    expect(attachmentMetaSchema.safeParse(base).success).toBe(true);
    expect(attachmentMetaSchema.safeParse({ ...base, size: base.size + 1 }).success).toBe(false);
    expect(attachmentMetaSchema.safeParse({ ...base, size: 0 }).success).toBe(false);
    expect(attachmentMetaSchema.safeParse({ ...base, type: 'text/html' }).success).toBe(false);
    expect(attachmentMetaSchema.safeParse({ ...base, type: 'image/svg+xml' }).success).toBe(false);
  });
});

describe('content against declared type', () => {
  it('recognises JPEG, PNG, WebP and PDF by their first bytes', () => {
    expect(contentMatchesType(bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg')).toBe(true);
    expect(
      contentMatchesType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'),
    ).toBe(true);
    const webp = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
    expect(contentMatchesType(webp, 'image/webp')).toBe(true);
    expect(contentMatchesType(new TextEncoder().encode('%PDF-1.7'), 'application/pdf')).toBe(true);
  });

  it('refuses HTML, an executable and a PDF declared as a photo', () => {
    expect(contentMatchesType(new TextEncoder().encode('<html>'), 'image/jpeg')).toBe(false);
    expect(contentMatchesType(bytes(0x4d, 0x5a, 0x90, 0x00), 'application/pdf')).toBe(false);
    expect(contentMatchesType(new TextEncoder().encode('%PDF-1.7'), 'image/png')).toBe(false);
    expect(contentMatchesType(new Uint8Array(), 'image/jpeg')).toBe(false);
  });
});
