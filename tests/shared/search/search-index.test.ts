import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../shared/search/search-index.ts';

function indexOf(documents: Record<string, string>): SearchIndex {
  const index = new SearchIndex();
  for (const [id, text] of Object.entries(documents)) index.put(id, text);
  return index;
}

const sorted = (ids: Set<string>) => [...ids].sort();

describe('SearchIndex', () => {
  const index = indexOf({
    a: 'KALTIM-2611-00024 Jalan berlubang di Jl. Juanda',
    b: 'KALTIM-2611-00124 Pungutan biaya seragam di SMA negeri',
    c: 'Puskesmas Désa Loa Janan kekurangan obat',
    d: "Jalan rusak menuju Isra' Mi'raj",
  });

  it('matches every word as a prefix, in any order, regardless of case and accents', () => {
    expect(sorted(index.search('jalan'))).toEqual(['a', 'd']);
    expect(sorted(index.search('JAL berl'))).toEqual(['a']);
    expect(sorted(index.search('juanda jalan'))).toEqual(['a']);
    expect(sorted(index.search('desa'))).toEqual(['c']);
    expect(sorted(index.search('désa loa'))).toEqual(['c']);
    expect(sorted(index.search('miraj'))).toEqual(['d']);
  });

  it('finds tracking numbers by any leading part', () => {
    expect(sorted(index.search('KALTIM-2611-00024'))).toEqual(['a']);
    expect(sorted(index.search('kaltim-2611-001'))).toEqual(['b']);
    expect(sorted(index.search('kaltim 2611'))).toEqual(['a', 'b']);
  });

  it('does not match inside a word and returns nothing for an empty query', () => {
    expect(index.search('lubang').size).toBe(0);
    expect(index.search('   ').size).toBe(0);
    expect(index.search('jalan zzz').size).toBe(0);
  });

  it('forgets the old text when a document is re-indexed or removed', () => {
    const changing = indexOf({ x: 'Lampu jalan mati', y: 'Lampu taman mati' });
    changing.put('x', 'Sampah menumpuk');
    expect(sorted(changing.search('lampu'))).toEqual(['y']);
    expect(sorted(changing.search('sampah'))).toEqual(['x']);
    changing.remove('y');
    expect(changing.search('lampu').size).toBe(0);
    expect(changing.size).toBe(1);
  });

  it('keeps answering correctly after many replacements compact the postings', () => {
    const busy = new SearchIndex();
    for (let round = 0; round < 5; round += 1) {
      for (let id = 0; id < 1500; id += 1) busy.put(`d${id}`, `laporan nomor${id} putaran${round}`);
    }
    expect(busy.size).toBe(1500);
    expect(busy.search('putaran4').size).toBe(1500);
    expect(busy.search('putaran3').size).toBe(0);
    expect(sorted(busy.search('nomor1499'))).toEqual(['d1499']);
  });
});
