import { describe, expect, it } from 'vitest';
import {
  findLikelyDuplicates,
  wordSimilarity,
  titleWords,
} from '../../../shared/queue/find-likely-duplicates.ts';
import { toQueueEntry } from '../../../shared/queue/queue-entry.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const DAY = 86_400_000;
const RECEIVED = Date.parse('2026-11-02T01:00:00Z');
const stranger = { name: 'Siti Aminah', phone: '0811-5550-001', email: '' };

function entry(id: string, change: Partial<Complaint>) {
  return toQueueEntry(
    sampleComplaint({
      id,
      trackingNumber: `KALTIM-2611-${id}`,
      title: 'Pungutan biaya seragam di SMA negeri',
      categoryId: 'cat-pendidikan',
      regionCode: '64.74.01.1009',
      locationText: 'Jl. Ahmad Yani, Kota Bontang',
      receivedAt: RECEIVED,
      reporter: stranger,
      ...change,
    }),
  );
}

describe('findLikelyDuplicates', () => {
  const target = entry('t', {
    title: 'Lampu penerangan jalan mati di Jl. Pahlawan',
    categoryId: 'cat-infrastruktur',
    regionCode: '64.72.01.1001',
    locationText: 'Jl. Pahlawan, Samarinda',
    reporter: { name: 'Andi Saputra', phone: '+62 812-3456-7890', email: 'andi@contoh.id' },
  });

  it('finds the same reporter by phone written differently', () => {
    const other = entry('r', {
      reporter: { name: 'A. Saputra', phone: '081234567890', email: '' },
    });
    expect(findLikelyDuplicates(target, [target, other]).map((hint) => hint.reasons)).toEqual([
      ['same_reporter'],
    ]);
  });

  it('finds the same place and category, and similar titles', () => {
    const samePlace = entry('p', {
      title: 'Tiang listrik miring',
      categoryId: 'cat-infrastruktur',
      regionCode: '64.72.01.1001',
      locationText: 'JL. PAHLAWAN,  Samarinda',
    });
    const similar = entry('s', { title: 'Lampu penerangan jalan mati, Jl. Pahlawan gelap' });
    const hints = findLikelyDuplicates(target, [samePlace, similar]);
    expect(hints.map((hint) => [hint.entry.id, hint.reasons])).toEqual(
      expect.arrayContaining([
        ['p', ['same_place_and_category']],
        ['s', ['similar_title']],
      ]),
    );
  });

  it('ignores reports outside 30 days, unrelated reports and the complaint itself', () => {
    const old = entry('o', { title: target.title, receivedAt: RECEIVED - 31 * DAY });
    const unrelated = entry('u', {});
    expect(findLikelyDuplicates(target, [target, old, unrelated])).toEqual([]);
    const edge = entry('e', { title: target.title, receivedAt: RECEIVED + 30 * DAY });
    expect(findLikelyDuplicates(target, [edge])).toHaveLength(1);
  });

  it('ranks reports with more reasons first', () => {
    const both = entry('b', {
      title: target.title,
      reporter: { ...stranger, phone: '081234567890' },
    });
    const titleOnly = entry('x', { title: target.title });
    expect(findLikelyDuplicates(target, [titleOnly, both]).map((hint) => hint.entry.id)).toEqual([
      'b',
      'x',
    ]);
  });

  it('measures title similarity on meaningful words only', () => {
    expect(wordSimilarity(titleWords('Jalan rusak di desa'), titleWords('jalan RUSAK'))).toBe(1);
    expect(wordSimilarity(titleWords('Sampah menumpuk'), titleWords('Lampu mati'))).toBe(0);
    expect(wordSimilarity(new Set(), titleWords('Lampu mati'))).toBe(0);
  });
});
