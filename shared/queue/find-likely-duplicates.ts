import { normalizeSearchText } from '../search/normalize-search-text.ts';
import type { QueueEntry } from './queue-entry.ts';

const DAY_MS = 86_400_000;
export const DUPLICATE_WINDOW_DAYS = 30;
export const TITLE_SIMILARITY_THRESHOLD = 0.5;
const MAX_HINTS = 8;

/** Words that say nothing about what a report is about. */
const STOPWORDS = new Set([
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'ini',
  'itu',
  'dengan',
  'untuk',
  'tidak',
  'ada',
  'sudah',
  'belum',
  'pada',
  'atau',
  'oleh',
  'karena',
  'sejak',
  'mohon',
  'kami',
  'saya',
  'para',
  'jl',
  'jalan',
  'kota',
  'kab',
  'kabupaten',
  'kecamatan',
  'kelurahan',
  'desa',
  'rt',
  'rw',
]);

export type DuplicateReason = 'same_reporter' | 'same_place_and_category' | 'similar_title';
export type DuplicateHint = { entry: QueueEntry; reasons: DuplicateReason[]; similarity: number };

export function titleWords(title: string): Set<string> {
  return new Set(
    normalizeSearchText(title)
      .split(' ')
      .filter((word) => word.length >= 3 && !STOPWORDS.has(word)),
  );
}

/** Jaccard similarity of two word sets: shared words over all words. */
export function wordSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Complaints received within 30 days of the target that are likely the same matter: the same
 * reporter, the same place (village and location text) and category, or a similar title.
 * Strongest first: more reasons, then the more similar title, then the closer in time.
 */
export function findLikelyDuplicates(
  target: QueueEntry,
  candidates: Iterable<QueueEntry>,
): DuplicateHint[] {
  const window = DUPLICATE_WINDOW_DAYS * DAY_MS;
  const targetWords = titleWords(target.title);
  const hints: DuplicateHint[] = [];
  for (const entry of candidates) {
    if (entry.id === target.id) continue;
    if (Math.abs(entry.receivedAt - target.receivedAt) > window) continue;
    const reasons: DuplicateReason[] = [];
    if (target.reporterKey && entry.reporterKey === target.reporterKey) {
      reasons.push('same_reporter');
    }
    if (
      entry.categoryId === target.categoryId &&
      entry.regionCode === target.regionCode &&
      target.locationKey !== '' &&
      entry.locationKey === target.locationKey
    ) {
      reasons.push('same_place_and_category');
    }
    const similarity = wordSimilarity(targetWords, titleWords(entry.title));
    if (similarity >= TITLE_SIMILARITY_THRESHOLD) reasons.push('similar_title');
    if (reasons.length > 0) hints.push({ entry, reasons, similarity });
  }
  return hints
    .sort(
      (a, b) =>
        b.reasons.length - a.reasons.length ||
        b.similarity - a.similarity ||
        Math.abs(a.entry.receivedAt - target.receivedAt) -
          Math.abs(b.entry.receivedAt - target.receivedAt),
    )
    .slice(0, MAX_HINTS);
}
