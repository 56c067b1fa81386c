import { describe, expect, it } from 'vitest';
import {
  matchesAllTokens,
  normalizeSearchText,
  searchTokens,
} from '../../../shared/search/normalize-search-text.ts';

/** Whether a query finds a text, the way the queue search uses the three functions. */
const finds = (query: string, text: string) =>
  matchesAllTokens(normalizeSearchText(text), searchTokens(query));

describe('normalizeSearchText', () => {
  it('folds case', () => {
    expect(normalizeSearchText('JALAN Rusak di SAMARINDA')).toBe('jalan rusak di samarinda');
  });

  it('drops diacritics', () => {
    expect(normalizeSearchText('Désa Sukamaju')).toBe('desa sukamaju');
    expect(normalizeSearchText('Ñoño Çà')).toBe('nono ca');
  });

  it('joins words written with an apostrophe', () => {
    expect(normalizeSearchText("Isra Mi'raj")).toBe('isra miraj');
    expect(normalizeSearchText('Jum’at')).toBe('jumat'); // typographic apostrophe
    expect(normalizeSearchText('Qur`an')).toBe('quran');
  });

  it('turns punctuation and runs of spaces into single spaces, trimmed', () => {
    expect(normalizeSearchText('  Jl. Juanda,   RT 05/RW 02 — (dekat simpang)!  ')).toBe(
      'jl juanda rt 05 rw 02 dekat simpang',
    );
    expect(normalizeSearchText('anak-anak')).toBe('anak anak');
  });

  it('splits a tracking number into its parts and keeps leading zeros', () => {
    expect(normalizeSearchText('KALTIM-2611-00024')).toBe('kaltim 2611 00024');
  });

  it('gives an empty string for text without letters or digits', () => {
    expect(normalizeSearchText('  -- ... !? ')).toBe('');
  });

  it('folds full-width and compatibility forms', () => {
    expect(normalizeSearchText('ＫＴＰ ﬁle')).toBe('ktp file');
  });
});

describe('searchTokens', () => {
  it('gives the normalized words of the query', () => {
    expect(searchTokens('  Désa, JALAN  rusak ')).toEqual(['desa', 'jalan', 'rusak']);
    expect(searchTokens('KALTIM-2611-00024')).toEqual(['kaltim', '2611', '00024']);
  });

  it('gives no tokens for an empty or punctuation-only query', () => {
    expect(searchTokens('')).toEqual([]);
    expect(searchTokens('   ')).toEqual([]);
    expect(searchTokens('-/.,')).toEqual([]);
  });
});

describe('matchesAllTokens', () => {
  const text = normalizeSearchText(
    'KALTIM-2611-00024 Jalan berlubang di Désa Sukamaju, dekat masjid Al-Mi’raj',
  );

  it('matches everything when there are no tokens', () => {
    expect(matchesAllTokens(text, [])).toBe(true);
    expect(finds('   ', 'apa saja')).toBe(true);
  });

  it('needs every token, in any order', () => {
    expect(finds('sukamaju jalan', text)).toBe(true);
    expect(finds('jalan sukamaju banjir', text)).toBe(false);
  });

  it('matches a token against the start of a word only', () => {
    expect(finds('berlub', text)).toBe(true);
    expect(finds('kamaju', text)).toBe(false); // inside "sukamaju", not at its start
    expect(finds('lubang', text)).toBe(false); // inside "berlubang"
  });

  it('ignores case, diacritics and apostrophes on both sides', () => {
    expect(finds('DESA', text)).toBe(true);
    expect(finds('désa', 'Desa Sukamaju')).toBe(true);
    expect(finds("mi'raj", text)).toBe(true);
    expect(finds('miraj', text)).toBe(true);
  });

  it('finds a complaint by its full tracking number, or by its parts', () => {
    expect(finds('KALTIM-2611-00024', text)).toBe(true);
    expect(finds('kaltim 2611 00024', text)).toBe(true);
    expect(finds('2611-00024', text)).toBe(true);
    expect(finds('00024', text)).toBe(true);
  });

  it('does not find a complaint by another tracking number', () => {
    expect(finds('KALTIM-2611-00025', text)).toBe(false);
    expect(finds('KALTIM-2612-00024', text)).toBe(false);
    expect(finds('JATENG-2611-00024', text)).toBe(false);
  });

  it('treats a shorter serial as a prefix of longer ones', () => {
    expect(finds('KALTIM-2611-0002', text)).toBe(true);
    expect(finds('KALTIM-2611-0002', normalizeSearchText('KALTIM-2611-00029'))).toBe(true);
    expect(finds('KALTIM-2611-0003', text)).toBe(false);
  });
});
