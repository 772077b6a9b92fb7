import { describe, expect, it } from 'vitest';
import { rankHits } from '../../src/lib/search/rank.ts';
import { facetCounts } from '../../src/lib/search/facet-counts.ts';
import { emptyFilters } from '../../src/lib/search/state.ts';
import type { Hit } from '../../src/lib/search/types.ts';

const hit = (url: string, titleMatch: boolean, score: number, kind: Hit['kind'] = 'item', filters: Record<string, string[]> = {}): Hit => ({
  id: url, url, title: url, kind, meta: {}, filters, excerpt: [], sections: [], titleMatch, score,
});

describe('rankHits', () => {
  it('puts title matches first, browse pages after content pages, then by score', () => {
    const ranked = rankHits([hit('a', false, 9), hit('b', true, 1, 'browse'), hit('c', true, 2), hit('d', false, 10, 'browse')]);
    expect(ranked.map((h) => h.url)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('keeps Pagefind’s order for ties and leaves its input as it was', () => {
    const input = [hit('x', false, 3), hit('y', false, 3), hit('z', true, 3, 'notice')];
    expect(rankHits(input).map((h) => h.url)).toEqual(['z', 'x', 'y']);
    expect(input.map((h) => h.url)).toEqual(['x', 'y', 'z']);
  });
});

describe('facetCounts', () => {
  it('counts values of every filter over the hits that pass the other filters', () => {
    const hits = [hit('a', false, 1, 'item', { type: ['行政许可'], year: ['2021'] }), hit('b', false, 1, 'item', { type: ['行政处罚'], year: ['2020'] })];
    const counts = facetCounts(hits, { ...emptyFilters(), year: ['2021'] });
    expect(counts.type).toEqual({ 行政许可: 1 });
    expect(counts.year).toEqual({ 2021: 1, 2020: 1 });
  });
});
