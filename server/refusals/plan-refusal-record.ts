/** How much one officer's refusals may hold; configurable (see server/config.ts). */
export type RefusalLimits = {
  /** Largest refused document kept with one refusal, in UTF-8 bytes of its JSON text. */
  documentMaxBytes: number;
  /** Unresolved refusals one officer may hold; past it, pushes are answered 429. */
  openPerOfficer: number;
};

export const DEFAULT_REFUSAL_LIMITS: RefusalLimits = {
  documentMaxBytes: 16 * 1024,
  openPerOfficer: 500,
};

/** Fields of a pushed document that carry the reporter's identity. */
const IDENTITY_FIELDS = ['reporter'] as const;

export type RefusalRecord = {
  /** What is stored as refused_document: the document, or its cut JSON text as a string. */
  document: unknown;
  identityRemoved: boolean;
  documentTruncated: boolean;
};

/**
 * What a refusal keeps of a refused document. The reporter's identity is never kept: the row is
 * pulled by its officer whatever role the officer holds later, and the identity is on the
 * complaint anyway. A document larger than the limit is kept as its first bytes of JSON text,
 * stored as a JSON string no larger than the limit, so one refusal cannot hold megabytes; the
 * flags say what was left out.
 */
export function planRefusalRecord(refused: unknown, limits: RefusalLimits): RefusalRecord {
  let document = refused;
  let identityRemoved = false;
  if (refused !== null && typeof refused === 'object' && !Array.isArray(refused)) {
    const copy: Record<string, unknown> = { ...(refused as Record<string, unknown>) };
    for (const field of IDENTITY_FIELDS) {
      if (field in copy) {
        delete copy[field];
        identityRemoved = true;
      }
    }
    document = copy;
  }
  const text = JSON.stringify(document) ?? 'null';
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limits.documentMaxBytes) {
    return { document, identityRemoved, documentTruncated: false };
  }
  // Stored as a JSON string, whose escapes (every quote of the JSON text) count too: cut until
  // the stored form fits. Cut on a character boundary: a split character is dropped.
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const cutTo = (keep: number) => decoder.decode(bytes.subarray(0, keep)).replace(/\uFFFD+$/, '');
  let keep = limits.documentMaxBytes;
  let cut = cutTo(keep);
  for (;;) {
    const excess = Buffer.byteLength(JSON.stringify(cut), 'utf8') - limits.documentMaxBytes;
    if (excess <= 0 || keep === 0) break;
    keep = Math.max(0, keep - excess);
    cut = cutTo(keep);
  }
  return { document: cut, identityRemoved, documentTruncated: true };
}
