import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  translate,
} from '../../../renderer/src/i18n/translate.ts';

// 23 November 2026, 16:30 UTC: already the 24th in WITA and WIT, still the 23rd in WIB.
const AT = Date.parse('2026-11-23T16:30:00Z');

describe('formatting with kept formatters', () => {
  it('formats numbers per language, however often it is asked', () => {
    for (let round = 0; round < 3; round += 1) {
      expect(formatNumber('id', 100_000)).toBe('100.000');
      expect(formatNumber('en', 100_000)).toBe('100,000');
    }
    expect(translate('id', 'queue.count', { count: 12_345 })).toContain('12.345');
  });

  it('keeps one date formatter per zone, not one for every zone', () => {
    expect(formatDate('id', AT, 420)).toBe('23 Nov 2026');
    expect(formatDate('id', AT, 480)).toBe('24 Nov 2026');
    expect(formatDate('id', AT, 420)).toBe('23 Nov 2026');
    expect(formatDateTime('id', AT, 540)).toMatch(/^24 Nov 2026,? 01[.:]30 WIT$/);
    expect(formatDateTime('id', AT, 420)).toMatch(/^23 Nov 2026,? 23[.:]30 WIB$/);
  });
});
