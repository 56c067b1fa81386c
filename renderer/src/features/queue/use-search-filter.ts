import { useMemo, useState } from 'react';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import {
  matchesAllTokens,
  normalizeSearchText,
  searchTokens,
} from '../../../../shared/search/normalize-search-text.ts';

/** Rows whose tracking number, title or body match every word typed (prefix, no diacritics). */
export function useSearchFilter(rows: Complaint[] | null, query: string): Complaint[] | null {
  // Normalised text per complaint, kept across keystrokes; rebuilt only when the text changes.
  const [cache] = useState(() => new Map<string, { title: string; body: string; text: string }>());
  return useMemo(() => {
    const tokens = searchTokens(query);
    if (!rows || tokens.length === 0) return rows;
    return rows.filter((row) => {
      let entry = cache.get(row.id);
      if (!entry || entry.title !== row.title || entry.body !== row.body) {
        entry = {
          title: row.title,
          body: row.body,
          text: normalizeSearchText(`${row.trackingNumber} ${row.title} ${row.body}`),
        };
        cache.set(row.id, entry);
      }
      return matchesAllTokens(entry.text, tokens);
    });
  }, [rows, query, cache]);
}
