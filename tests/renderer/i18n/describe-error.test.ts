import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  appError,
  ERROR_CODE_LIST,
  ERROR_CODES,
  errorMessage,
} from '../../../shared/errors/error-codes.ts';
import { MESSAGES_EN } from '../../../renderer/src/i18n/messages-en.ts';
import { MESSAGES_ID } from '../../../renderer/src/i18n/messages-id.ts';
import {
  describeApiAnswer,
  describeError,
  describeMessage,
  describeRefusal,
} from '../../../renderer/src/i18n/describe-error.ts';
import { installZodErrorMap } from '../../../renderer/src/i18n/zod-error-map.ts';

const placeholdersOf = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the error catalogue', () => {
  it.each(ERROR_CODE_LIST)('has %s in Indonesian and English with all its parameters', (code) => {
    const key = `error.code.${code}` as const;
    for (const catalogue of [MESSAGES_ID, MESSAGES_EN]) {
      const text = catalogue[key];
      expect(text?.trim()).toBeTruthy();
      expect(placeholdersOf(text)).toEqual([...ERROR_CODES[code]].sort());
    }
  });
});

describe('describeError', () => {
  it('words a code in the chosen language, labels included', () => {
    const error = appError('status_change_forbidden', { from: 'selesai', to: 'ditunda' });
    expect(describeError('en', error)).toBe('The status cannot move from “Closed” to “On hold”');
    expect(describeError('id', error)).toBe('Perubahan status Selesai → Ditunda tidak diizinkan');
  });

  it('formats numbers for the language and names the field', () => {
    const error = appError('too_long', { max: 4000, field: 'note' });
    expect(describeError('en', error)).toBe('note: At most 4,000 characters');
    expect(describeError('id', error)).toBe('note: Paling banyak 4.000 karakter');
  });

  it('words a coded zod message and leaves any other text as it is', () => {
    expect(describeMessage('en', errorMessage('username_required'))).toBe('Enter your username');
    expect(describeMessage('en', 'plain text')).toBe('plain text');
    expect(describeMessage('en', undefined)).toBe('');
  });
});

describe('describeApiAnswer', () => {
  it('words the code of a current server', () => {
    const answer = {
      error: 'invalid_credentials',
      message: 'Nama pengguna atau kata sandi salah',
      code: 'login_failed',
      params: {},
    };
    expect(describeApiAnswer('en', answer)).toBe('Wrong username or password');
    expect(describeApiAnswer('id', answer)).toBe('Nama pengguna atau kata sandi salah');
  });

  it('shows the first invalid field of a refused request', () => {
    const answer = {
      error: 'invalid_request',
      message: 'Data petugas tidak valid',
      code: 'request_invalid',
      params: {},
      details: [
        { path: 'password', message: '…', code: 'password_too_short', params: { min: 10 } },
      ],
    };
    expect(describeApiAnswer('en', answer)).toBe('password: A password has at least 10 characters');
  });

  it("never shows an older server's Indonesian text in English", () => {
    const answer = { error: 'forbidden', message: 'Hanya Admin Instansi yang boleh' };
    expect(describeApiAnswer('id', answer)).toBe('Hanya Admin Instansi yang boleh');
    expect(describeApiAnswer('en', answer)).toBe('The request was refused (forbidden).');
  });

  it('names a code this workstation does not know yet', () => {
    const answer = { error: 'x', message: 'Baru', code: 'brand_new_code', params: {} };
    expect(describeApiAnswer('en', answer)).toBe('The request was refused (brand_new_code).');
  });
});

describe('describeRefusal', () => {
  const refusal = {
    reasonCode: 'read_only' as const,
    reason: 'Koordinator hanya dapat membaca pengaduan',
    reasonError: JSON.stringify(appError('coordinator_read_only')),
  };

  it('words the refusal code', () => {
    expect(describeRefusal('en', refusal)).toBe('A coordinator can only read complaints');
    expect(describeRefusal('id', refusal)).toBe('Koordinator hanya dapat membaca pengaduan');
  });

  it('shows an older refusal by its kind in English and by its text in Indonesian', () => {
    const older = { ...refusal, reasonError: '' };
    expect(describeRefusal('en', older)).toBe('The server refused this change: read only.');
    expect(describeRefusal('id', older)).toBe('Koordinator hanya dapat membaca pengaduan');
  });
});

describe('the zod error map', () => {
  it("turns zod's own English messages into codes", () => {
    installZodErrorMap();
    try {
      const issue = z.string().max(3).safeParse('abcd').error?.issues[0];
      expect(describeMessage('en', issue?.message)).toBe('At most 3 characters');
      expect(describeMessage('id', issue?.message)).toBe('Paling banyak 3 karakter');
    } finally {
      z.config({ customError: undefined });
    }
  });
});
