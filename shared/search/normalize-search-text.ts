/**
 * Folds text for Indonesian search: lower case, no diacritics (é → e), punctuation as spaces,
 * and common spelling variants written without hyphen or apostrophe ("Mi'raj" → "miraj").
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function searchTokens(query: string): string[] {
  const normalized = normalizeSearchText(query);
  return normalized ? normalized.split(' ') : [];
}

/** Every query token must start a word of the text (prefix match, any order). */
export function matchesAllTokens(normalizedText: string, tokens: readonly string[]): boolean {
  if (tokens.length === 0) return true;
  const words = normalizedText.split(' ');
  return tokens.every((token) => words.some((word) => word.startsWith(token)));
}
