import { describe, expect, it } from 'vitest';
import { ProgressiveSearch, type ProgressiveContext } from '../../src/lib/search/progressive.ts';
import { CandidateChecker } from '../../src/lib/search/candidates.ts';
import { TierSet } from '../../src/lib/search/tier-set.ts';
import { emptyFilters } from '../../src/lib/search/state.ts';
import type { PagefindApi } from '../../src/lib/search/types.ts';

/** Tiers of pages (titles); Pagefind finds a page when it has every character of every word, like its Chinese prefix AND. */
function context(tiers: string[][], findTiers?: ProgressiveContext['findTiers']) {
  const added = [0];
  const fragments: string[] = [];
  const pf: PagefindApi = {
    search: async (term) => ({
      filters: {},
      results: added.flatMap((t) =>
        tiers[t]!.flatMap((title, i) =>
          (term ?? '').split(' ').every((w) => [...w].every((ch) => title.includes(ch)))
            ? [{ id: `${t}-${i}`, score: 1, data: async () => (fragments.push(`${t}-${i}`), { url: `/items/t${t}-a1-${String(i + 1).padStart(2, '0')}/`, content: title, meta: { title }, filters: {} }) }]
            : [],
        ),
      ),
    }),
    filters: async () => ({}),
    addTier: async (n) => void added.push(n),
  };
  const ctx: ProgressiveContext = {
    pf,
    tiers: new TierSet(pf, tiers.length),
    checker: new CandidateChecker(),
    ...(findTiers ? { findTiers } : {}),
    tierSizes: tiers.map((t, k) => ({ pages: t.length, items: t.length, oldest: `202${4 - k}-01-01` })),
    pageSize: 2,
    batch: 10,
    maxProbe: 50,
    loadFilters: async () => undefined,
  };
  return { ctx, added, fragments };
}
const state = (q: string) => ({ q, filters: emptyFilters() });

describe('ProgressiveSearch (the large-index state machine)', () => {
  it('ends in “done” when every candidate of every tier was checked', async () => {
    const { ctx } = context([['测绘甲'], ['测绘乙']]);
    const s = await ProgressiveSearch.start(ctx, state('测绘'), ['测绘'], '测绘');
    expect(s.phase).toBe('next-tier');
    expect(s.outcome()).toMatchObject({ total: 1, exact: false, searchedSince: '2024-01-01' });
    await s.all();
    expect(s.phase).toBe('done');
    expect(s.outcome()).toMatchObject({ total: 2, exact: true });
  });

  it('goes from “near” to “apart” to “next-tier”, and stops at the first page once it is full', async () => {
    const { ctx, fragments } = context([['测绘一', '测绘二', '测绘三'], ['测绘四']]);
    const s = await ProgressiveSearch.start(ctx, state('测绘'), ['测绘'], '测绘');
    expect(s.outcome().hits).toHaveLength(2);
    expect(['near', 'apart']).toContain(s.phase);
    expect(fragments.length).toBeLessThanOrEqual(3);
    await s.more();
    expect(s.outcome().hits).toHaveLength(4);
  });

  it('is “done” at once when the literal index says no tier holds the query, adding none', async () => {
    const { ctx, added, fragments } = context([['测绘甲'], ['测绘乙']], async () => new Set());
    const s = await ProgressiveSearch.start(ctx, state('供水'), ['供水'], '供水');
    expect(s.phase).toBe('done');
    expect(s.outcome()).toMatchObject({ total: 0, exact: true, hasMore: false });
    expect(added).toEqual([0]);
    expect(fragments).toEqual([]);
  });
});
