import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  appError,
  decodeErrorMessage,
  errorMessage,
  errorOfIssue,
  ERROR_CODE_LIST,
  ERROR_CODES,
} from '../../../shared/errors/error-codes.ts';
import {
  describeErrorInIndonesian,
  ERROR_TEXTS_ID,
  issueMessageInIndonesian,
} from '../../../shared/errors/error-texts-id.ts';

const placeholdersOf = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the Indonesian wording of error codes', () => {
  it.each(ERROR_CODE_LIST)('words %s using exactly the parameters the code declares', (code) => {
    const text = ERROR_TEXTS_ID[code];
    expect(text.trim()).not.toBe('');
    expect(placeholdersOf(text)).toEqual([...ERROR_CODES[code]].sort());
  });

  it('fills the parameters and puts the field first', () => {
    expect(describeErrorInIndonesian(appError('too_long', { max: 4000, field: 'note' }))).toBe(
      'note: Paling banyak 4.000 karakter',
    );
  });
});

describe('a coded zod message', () => {
  it('comes back as the same code and parameters', () => {
    const schema = z.string().min(10, errorMessage('reopen_reason_too_short', { min: 10 }));
    const issue = schema.safeParse('pendek').error?.issues[0];
    if (!issue) throw new Error('expected an issue');
    expect(errorOfIssue(issue)).toEqual({ code: 'reopen_reason_too_short', params: { min: 10 } });
    expect(issueMessageInIndonesian(issue.message)).toBe(
      'Tulis alasan membuka kembali (minimal 10 karakter)',
    );
  });

  it('is not trusted when forged: an unknown code or a missing parameter is no code', () => {
    expect(decodeErrorMessage('lapor-error:{"code":"no_such_code","params":{}}')).toBeNull();
    expect(decodeErrorMessage('lapor-error:{"code":"too_long","params":{}}')).toBeNull();
    expect(decodeErrorMessage('lapor-error:{not json')).toBeNull();
    expect(decodeErrorMessage('Tanggal tidak valid')).toBeNull();
    expect(issueMessageInIndonesian('Tanggal tidak valid')).toBe('Tanggal tidak valid');
  });

  it("maps zod's own checks to generic codes", () => {
    const issues = z
      .object({ a: z.string().min(1), b: z.string().max(3), c: z.number().max(5) })
      .safeParse({ a: '', b: 'abcd', c: 9 }).error?.issues;
    expect(issues?.map(errorOfIssue)).toEqual([
      appError('required'),
      appError('too_long', { max: 3 }),
      appError('too_big', { max: 5 }),
    ]);
  });
});
