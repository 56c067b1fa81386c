import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../shared/search/search-index.ts';

function indexOf(texts: Record<string, string>): SearchIndex {
  const index = new SearchIndex();
  for (const [id, text] of Object.entries(texts)) index.put(id, text);
  return index;
}

describe('SearchIndex.match', () => {
  it('tests ids as search() lists them', () => {
    const index = indexOf({
      a: 'Jalan berlubang di Jl. Juanda',
      b: 'Lampu jalan padam',
      c: 'Air PDAM keruh di Loa Janan',
    });
    for (const query of ['jal', 'jalan ber', 'ja', 'pdam', 'zzz', '']) {
      const matches = index.match(query);
      const ids = ['a', 'b', 'c'].filter((id) => matches.has(id));
      expect(new Set(ids)).toEqual(index.search(query));
      expect(matches.size).toBe(ids.length);
    }
    expect(index.match('jalan').has('unknown')).toBe(false);
  });

  it('keeps answering for the moment it matched after the index is compacted', () => {
    const index = new SearchIndex();
    for (let n = 0; n < 3000; n += 1) index.put(`d${n}`, n % 2 === 0 ? 'banjir' : 'kemarau');
    const matches = index.match('banjir');
    expect(matches.size).toBe(1500);
    // Re-indexing most documents retires their ordinals and compacts the postings.
    for (let n = 0; n < 2500; n += 1) index.put(`d${n}`, 'longsor');
    expect(index.search('banjir').size).toBe(250);
    const answers = Array.from({ length: 3000 }, (_, n) => matches.has(`d${n}`));
    expect(answers).toEqual(Array.from({ length: 3000 }, (_, n) => n % 2 === 0));
  });

  it('does not count a removed document', () => {
    const index = indexOf({ a: 'sampah pasar', b: 'sampah sungai' });
    index.remove('a');
    const matches = index.match('sampah');
    expect(matches.size).toBe(1);
    expect(matches.has('a')).toBe(false);
    expect(matches.has('b')).toBe(true);
  });
});
