import { normalizeSearchText, searchTokens } from './normalize-search-text.ts';

type Postings = { ordinals: Uint32Array; length: number };

/** The documents a query matched, tested by id. */
export type SearchMatches = {
  readonly size: number;
  /** The index's revision when matched: hasOrdinal takes ordinals read at this revision. */
  readonly revision: number;
  has(id: string): boolean;
  /** By the index's ordinal at the moment of matching. */
  hasOrdinal(ordinal: number): boolean;
};

const NO_MATCHES: SearchMatches = {
  size: 0,
  revision: -1,
  has: () => false,
  hasOrdinal: () => false,
};

/**
 * An inverted index of folded words for prefix search over many complaints. Each document gets
 * an ordinal; a word's postings are the ordinals of the documents containing it, in a typed array
 * (4 bytes an occurrence). Replacing a document gives it a new ordinal and retires the old one;
 * retired ordinals are dropped from the postings when they make up a quarter of them.
 *
 * Written here rather than taken from a library: general full-text engines keep per-term scores
 * and stored fields, and measured over 1.4 GB for 100,000 reports; this one needs no ranking.
 */
export class SearchIndex {
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings[] = [];
  private sortedTerms: string[] | null = [];
  private readonly ordinalOf = new Map<string, number>();
  private idOf: (string | undefined)[] = [];
  private retired = 0;
  /** Bumped by every put and remove. */
  private revision = 0;
  /** Bumped when ordinals are renumbered; between two, a document's ordinal changes only by its own put. */
  private renumberings = 0;

  get size(): number {
    return this.ordinalOf.size;
  }

  has(id: string): boolean {
    return this.ordinalOf.has(id);
  }

  /** Changes with every put and remove: ordinals read at one revision hold until the next. */
  get currentRevision(): number {
    return this.revision;
  }

  /** Changes only when every ordinal is renumbered (not with each put or remove). */
  get currentNumbering(): number {
    return this.renumberings;
  }

  /** The document's ordinal at the current revision, or -1 when it is not indexed. */
  ordinalFor(id: string): number {
    return this.ordinalOf.get(id) ?? -1;
  }

  /** Indexes (or re-indexes) a document's text under its id. */
  put(id: string, text: string): void {
    this.remove(id);
    this.revision += 1;
    const ordinal = this.idOf.length;
    this.idOf.push(id);
    this.ordinalOf.set(id, ordinal);
    const words = normalizeSearchText(text).split(' ');
    for (const word of words) {
      if (!word) continue;
      let termId = this.termIds.get(word);
      if (termId === undefined) {
        termId = this.postings.length;
        this.termIds.set(word, termId);
        this.postings.push({ ordinals: new Uint32Array(4), length: 0 });
        this.sortedTerms = null;
      }
      const list = this.postings[termId] as Postings;
      // A word repeated in the same document is recorded once.
      if (list.length > 0 && list.ordinals[list.length - 1] === ordinal) continue;
      if (list.length === list.ordinals.length) {
        const grown = new Uint32Array(Math.ceil(list.ordinals.length * 1.5) + 4);
        grown.set(list.ordinals);
        list.ordinals = grown;
      }
      list.ordinals[list.length] = ordinal;
      list.length += 1;
    }
  }

  remove(id: string): void {
    const ordinal = this.ordinalOf.get(id);
    if (ordinal === undefined) return;
    this.revision += 1;
    this.ordinalOf.delete(id);
    this.idOf[ordinal] = undefined;
    this.retired += 1;
    if (this.retired > 1000 && this.retired * 4 > this.idOf.length) this.compact();
  }

  /** Ids of the documents in which every query word starts some word (any order). */
  search(query: string): Set<string> {
    const result = new Set<string>();
    const matches = this.match(query);
    if (matches.size === 0) return result;
    for (const [id, ordinal] of this.ordinalOf) if (matches.hasOrdinal(ordinal)) result.add(id);
    return result;
  }

  /**
   * The documents matching a query as a test by id, without building a set of 100,000 ids:
   * a snapshot of the index's marks, valid whatever the index does afterwards.
   */
  match(query: string): SearchMatches {
    const tokens = searchTokens(query);
    if (tokens.length === 0) return { ...NO_MATCHES, revision: this.revision };
    const count = this.idOf.length;
    const marks = new Uint16Array(count);
    // marks[d] counts how many tokens (in order) document d has matched so far.
    for (let tokenIndex = 0; tokenIndex < tokens.length; tokenIndex += 1) {
      const token = tokens[tokenIndex] as string;
      for (const termId of this.termIdsWithPrefix(token)) {
        const list = this.postings[termId] as Postings;
        for (let i = 0; i < list.length; i += 1) {
          const ordinal = list.ordinals[i] as number;
          if (marks[ordinal] === tokenIndex) marks[ordinal] = tokenIndex + 1;
        }
      }
    }
    const wanted = tokens.length;
    let size = 0;
    for (let ordinal = 0; ordinal < count; ordinal += 1) {
      if (marks[ordinal] === wanted && this.idOf[ordinal] !== undefined) size += 1;
      else marks[ordinal] = 0;
    }
    // A later put, remove or compaction renumbers or retires ordinals: from then on the test
    // answers from the ids as they were numbered when matched.
    const revision = this.revision;
    const idOf = this.idOf.slice(0, count);
    let ordinalOf: Map<string, number> | null = null;
    const lookup = (id: string): number | undefined => {
      if (this.revision === revision) return this.ordinalOf.get(id);
      if (!ordinalOf) {
        ordinalOf = new Map();
        idOf.forEach((documentId, ordinal) => {
          if (documentId !== undefined) ordinalOf?.set(documentId, ordinal);
        });
      }
      return ordinalOf.get(id);
    };
    return {
      size,
      revision,
      has: (id) => {
        const ordinal = lookup(id);
        return ordinal !== undefined && ordinal < count && marks[ordinal] !== 0;
      },
      hasOrdinal: (ordinal) => ordinal < count && marks[ordinal] !== 0,
    };
  }

  private termIdsWithPrefix(prefix: string): number[] {
    if (!this.sortedTerms) this.sortedTerms = [...this.termIds.keys()].sort();
    const terms = this.sortedTerms;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((terms[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const ids: number[] = [];
    for (let index = low; index < terms.length; index += 1) {
      const term = terms[index] as string;
      if (!term.startsWith(prefix)) break;
      ids.push(this.termIds.get(term) as number);
    }
    return ids;
  }

  /** Renumbers the live documents densely and drops retired ordinals from every postings list. */
  private compact(): void {
    const renumbered = new Int32Array(this.idOf.length).fill(-1);
    const idOf: string[] = [];
    this.idOf.forEach((id, ordinal) => {
      if (id === undefined) return;
      renumbered[ordinal] = idOf.length;
      this.ordinalOf.set(id, idOf.length);
      idOf.push(id);
    });
    for (const list of this.postings) {
      let kept = 0;
      for (let i = 0; i < list.length; i += 1) {
        const next = renumbered[list.ordinals[i] as number] as number;
        if (next >= 0) {
          list.ordinals[kept] = next;
          kept += 1;
        }
      }
      list.length = kept;
    }
    this.idOf = idOf;
    this.retired = 0;
    this.renumberings += 1;
  }
}
