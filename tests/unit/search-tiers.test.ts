import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/lib/search/engine.ts';
import type { FacetCounts, PagefindApi, PagefindSearchOptions } from '../../src/lib/search/types.ts';
import { emptyFilters, type SearchState } from '../../src/lib/search/state.ts';
import { TIER_LIMITS, noticeOfPage, parseTierManifest, planTiers, tierDir } from '../../src/lib/search/tiers.ts';

describe('planTiers', () => {
  const n = (slug: string, date: string, pages: number) => ({ slug, date, pages });

  it('puts the newest notices first, up to the first tier’s limit, then fills later tiers up to theirs', () => {
    const plan = planTiers([n('a', '2019-01-01', 40), n('b', '2021-05-01', 30), n('c', '2020-03-01', 30), n('d', '2018-01-01', 50)], { first: 60, rest: 80 });
    // b (newest) and c fill the first tier (60); a and d (90 > 80) need two more.
    expect(plan.map((t) => t.notices)).toEqual([['b', 'c'], ['a'], ['d']]);
    expect(plan.map((t) => t.pages)).toEqual([60, 40, 50]);
  });

  it('keeps a notice whole: one larger than the limit gets a tier of its own', () => {
    expect(planTiers([n('big', '2021-01-01', 500), n('small', '2020-01-01', 5)], { first: 100, rest: 100 }).map((t) => t.notices)).toEqual([['big'], ['small']]);
  });

  it('is one tier when everything fits, and does not depend on the input order (same date: slug order)', () => {
    const input = [n('x', '2021-01-01', 10), n('a', '2021-01-01', 10), n('m', '2020-01-01', 10)];
    const plan = planTiers(input);
    expect(plan).toEqual([{ notices: ['a', 'x', 'm'], pages: 30 }]);
    expect(planTiers([...input].reverse())).toEqual(plan);
    expect(TIER_LIMITS.first).toBeLessThan(TIER_LIMITS.rest);
  });

  it('leaves out notices without pages and refuses a limit that is not a positive whole number', () => {
    expect(planTiers([n('a', '2021-01-01', 0)])).toEqual([]);
    expect(() => planTiers([], { first: 0, rest: 10 })).toThrow(/first/);
    expect(() => planTiers([], { first: 10, rest: 1.5 })).toThrow(/rest/);
  });
});

describe('noticeOfPage and tierDir', () => {
  it('reads the notice from item, notice and attachment URLs, with or without a base path', () => {
    expect(noticeOfPage('/items/jiaxiang-2021-2-a1-02/')).toBe('jiaxiang-2021-2');
    expect(noticeOfPage('/fgf/items/jinan-hitech-2021-40-a10-13/', '/fgf/')).toBe('jinan-hitech-2021-40');
    expect(noticeOfPage('/notices/jiaxiang-2021-2/')).toBe('jiaxiang-2021-2');
    expect(noticeOfPage('/notices/jiaxiang-2021-2/attachments/3/')).toBe('jiaxiang-2021-2');
    expect(noticeOfPage('/items/')).toBeUndefined();
    expect(noticeOfPage('/types/license/')).toBeUndefined();
  });

  it('names the first tier’s folder pagefind/ (where pagefind.js is) and the others pagefind/tier-N/', () => {
    expect([0, 1, 12].map(tierDir)).toEqual(['pagefind/', 'pagefind/tier-1/', 'pagefind/tier-12/']);
  });
});

describe('parseTierManifest', () => {
  const tier = (dir: string) => ({ dir, pages: 3, items: 2, newest: '2021-12-31', oldest: '2021-01-01' });

  it('reads a well-formed manifest', () => {
    expect(parseTierManifest({ tiers: [tier('pagefind/'), tier('pagefind/tier-1/')] }).tiers).toHaveLength(2);
  });

  it('says what is wrong with a malformed one', () => {
    expect(() => parseTierManifest(null)).toThrow(/tiers/);
    expect(() => parseTierManifest({ tiers: [] })).toThrow(/no tier/);
    expect(() => parseTierManifest({ tiers: [tier('pagefind/tier-1/')] })).toThrow(/tiers\[0\]\.dir/);
    expect(() => parseTierManifest({ tiers: [tier('../evil/')] })).toThrow(/dir/);
    expect(() => parseTierManifest({ tiers: [{ ...tier('pagefind/'), pages: -1 }] })).toThrow(/pages/);
    expect(() => parseTierManifest({ tiers: [{ ...tier('pagefind/'), newest: 5 }] })).toThrow(/newest/);
  });
});

interface Page {
  url: string;
  title: string;
  score?: number;
  filters?: Record<string, string[]>;
}

/**
 * A tiered stand-in for Pagefind: search() covers the tiers added so far, like mergeIndex does (results of all
 * of them, sorted by score; a search without a query keeps the tiers' order). Records what was loaded.
 */
function tieredPagefind(tiers: Page[][]) {
  /** The tiers added, in the order they were (Pagefind's instances). */
  const order = [0];
  const fragments: string[] = [];
  let filterCalls = 0;
  const pages = () => order.flatMap((k) => tiers[k]!.map((p, i) => ({ p, id: `t${k}p${i}` })));
  const passes = (p: Page, filters: Record<string, unknown> = {}) =>
    Object.entries(filters).every(([k, v]) => (v as { any: string[] }).any.some((x) => p.filters?.[k]?.includes(x)));
  const api: PagefindApi = {
    async search(term: string | null, options: PagefindSearchOptions = {}) {
      const found = pages().filter(({ p }) => (term === null || term.split(' ').every((w) => [...w].every((ch) => p.title.includes(ch)))) && passes(p, options.filters));
      if (term !== null) found.sort((a, b) => (b.p.score ?? 0) - (a.p.score ?? 0));
      return {
        filters: {},
        results: found.map(({ p, id }) => ({
          id,
          score: p.score ?? 0,
          data: async () => {
            fragments.push(p.url);
            return { url: p.url, content: p.title, meta: { title: p.title }, filters: p.filters ?? {}, anchors: [] };
          },
        })),
      };
    },
    async filters() {
      filterCalls++;
      const out: FacetCounts = {};
      for (const { p } of pages()) for (const [k, vs] of Object.entries(p.filters ?? {})) for (const v of vs) ((out[k] ??= {})[v] = (out[k]?.[v] ?? 0) + 1);
      return out;
    },
    async addTier(n: number) {
      if (n < tiers.length && !order.includes(n)) order.push(n);
    },
  };
  return { api, fragments, loaded: () => order.length, order: () => [...order], filterCalls: () => filterCalls };
}

const state = (q: string, filters: Partial<ReturnType<typeof emptyFilters>> = {}): SearchState => ({ q, filters: { ...emptyFilters(), ...filters } });

/** Tier t: `items` item pages (the first ones) and a notice page; titles say which tier they are in. */
function tier(t: number, items: number, word: (i: number) => string): Page[] {
  return [
    ...Array.from({ length: items }, (_, i) => ({
      url: `/items/n${t}-a1-${String(i + 1).padStart(2, '0')}/`,
      title: `${word(i)}第${t}层第${i + 1}项`,
      score: 100 - i,
      filters: { type: [i % 2 ? '行政处罚' : '行政许可'] },
    })),
    { url: `/notices/n${t}/`, title: `第${t}层通知`, score: 1 },
  ];
}

describe('SearchEngine on a tiered index', () => {
  const sizes = (tiers: Page[][]) => tiers.map((t, k) => ({ pages: t.length, items: t.length - 1, oldest: `202${5 - k}-01-01` }));

  it('fills the first page from the newest tier alone when it has enough results', async () => {
    const tiers = [tier(0, 15, () => '典当'), tier(1, 15, () => '典当')];
    const pf = tieredPagefind(tiers);
    const o = (await new SearchEngine(pf.api, { tiers: sizes(tiers) }).run(state('典当'))).outcome();
    expect(o.hits).toHaveLength(10);
    expect(o.hits.every((h) => h.url.startsWith('/items/n0-'))).toBe(true);
    expect(pf.loaded()).toBe(1);
    expect(o).toMatchObject({ exact: false, hasMore: true });
  });

  it('shows what the newest tier found first, says how far it searched, and adds older tiers for more', async () => {
    const tiers = [tier(0, 6, (i) => (i < 2 ? '兽医' : '测绘')), tier(1, 6, (i) => (i < 3 ? '兽医' : '测绘')), tier(2, 6, () => '兽医')];
    const pf = tieredPagefind(tiers);
    const engine = new SearchEngine(pf.api, { tiers: sizes(tiers) });
    const session = await engine.run(state('兽医'));
    const first = session.outcome();
    expect(first.hits).toHaveLength(2);
    expect(first).toMatchObject({ exact: false, hasMore: true, searchedSince: '2025-01-01' });
    expect(pf.loaded()).toBe(1);
    const more = await session.more();
    expect(more.hits).toHaveLength(11);
    expect(pf.loaded()).toBe(3);
    expect(more.searchedSince).toBeUndefined();
    const all = await session.all();
    expect(all.exact).toBe(true);
    expect(all.total).toBe(11);
    expect(new Set(all.hits.map((h) => h.url)).size).toBe(11);
    expect(all.hits.every((h) => h.title.startsWith('兽医'))).toBe(true);
  });

  it('says “no results” only after every tier was searched', async () => {
    const tiers = [tier(0, 3, () => '测绘'), tier(1, 3, () => '测绘'), tier(2, 3, (i) => (i === 2 ? '屠宰' : '测绘'))];
    const pf = tieredPagefind(tiers);
    const engine = new SearchEngine(pf.api, { tiers: sizes(tiers) });
    const found = (await engine.run(state('屠宰'))).outcome();
    expect(found).toMatchObject({ total: 1, exact: true, hasMore: false });
    expect(found.hits[0]!.url).toBe('/items/n2-a1-03/');
    const none = (await engine.run(state('供水'))).outcome();
    expect(none).toMatchObject({ total: 0, exact: true, hasMore: false });
  });

  it('searches the tiers another search already added', async () => {
    const tiers = [tier(0, 2, () => '测绘'), tier(1, 12, () => '测绘')];
    const pf = tieredPagefind(tiers);
    const engine = new SearchEngine(pf.api, { tiers: sizes(tiers) });
    // Nothing in the newest tier: the next one is added.
    expect((await engine.run(state('第1层'))).outcome().hits.length).toBeGreaterThan(0);
    expect(engine.tiersLoaded).toBe(2);
    const o = (await engine.run(state('测绘'))).outcome();
    expect(o.hits).toHaveLength(10);
    expect(o.searchedSince).toBeUndefined();
  });

  it('lists items without a query tier by tier, in order, with the build’s count, adding tiers as the reader pages on', async () => {
    const tiers = [tier(0, 7, () => '甲'), tier(1, 7, () => '乙')];
    const pf = tieredPagefind(tiers);
    const engine = new SearchEngine(pf.api, { tiers: sizes(tiers), items: { count: 14, facets: { type: { 行政许可: 8, 行政处罚: 6 } } } });
    const session = await engine.run(state(''));
    const first = session.outcome();
    expect(first.hits.map((h) => h.url)).toEqual([
      ...Array.from({ length: 7 }, (_, i) => `/items/n0-a1-0${i + 1}/`),
      ...Array.from({ length: 3 }, (_, i) => `/items/n1-a1-0${i + 1}/`),
    ]);
    expect(first).toMatchObject({ total: 14, hasMore: true });
    expect(pf.filterCalls()).toBe(0);
    const all = await session.all();
    expect(all.hits.map((h) => h.url)).toHaveLength(14);
    expect(all.hits.some((h) => h.url.startsWith('/notices/'))).toBe(false);
    expect(all.hasMore).toBe(false);
  });

  it('does not load older tiers for a listing that one tier fills', async () => {
    const tiers = [tier(0, 12, () => '甲'), tier(1, 7, () => '乙')];
    const pf = tieredPagefind(tiers);
    await new SearchEngine(pf.api, { tiers: sizes(tiers), items: { count: 19, facets: {} } }).run(state(''));
    expect(pf.loaded()).toBe(1);
  });

  it('loads every tier for filter counts and filtered listings', async () => {
    const tiers = [tier(0, 4, () => '甲'), tier(1, 4, () => '乙'), tier(2, 4, () => '丙')];
    const pf = tieredPagefind(tiers);
    const engine = new SearchEngine(pf.api, { tiers: sizes(tiers) });
    const session = await engine.run(state('第'));
    expect(session.outcome().facetsPending).toBe(true);
    await session.facets();
    expect(pf.loaded()).toBe(3);
    const listed = (await new SearchEngine(tieredPagefind(tiers).api, { tiers: sizes(tiers) }).run(state('', { type: ['行政处罚'] }))).outcome();
    expect(listed.total).toBe(6);
  });

  it('treats an index without addTier() as one tier whatever the manifest says', async () => {
    const tiers = [tier(0, 3, () => '测绘'), tier(1, 3, () => '测绘')];
    const { api } = tieredPagefind(tiers);
    const single: PagefindApi = { search: api.search, filters: api.filters };
    const engine = new SearchEngine(single, { tiers: sizes(tiers) });
    expect(engine.tierCount).toBe(1);
    expect((await engine.run(state('测绘'))).outcome()).toMatchObject({ total: 3, exact: true });
  });
});

describe('SearchEngine on a tiered index with the literal index', () => {
  const sizes = (tiers: Page[][]) => tiers.map((t, k) => ({ pages: t.length, items: t.length - 1, oldest: `202${5 - k}-01-01` }));
  /** An exact TierFinder over the fake tiers (the literal index may name more tiers, never fewer). */
  const finder = (tiers: Page[][]) => {
    const asked: string[][] = [];
    const findTiers = async (terms: readonly string[]) => {
      asked.push([...terms]);
      return new Set(tiers.flatMap((t, k) => (t.some((p) => terms.every((term) => p.title.includes(term))) ? [k] : [])));
    };
    return { findTiers, asked };
  };
  const tiers = () => [tier(0, 12, () => '测绘'), tier(1, 12, () => '测绘'), tier(2, 3, (i) => (i === 1 ? '屠宰' : '测绘'))];

  it('answers a query no tier holds without adding a tier, and says so for certain', async () => {
    const t = tiers();
    const pf = tieredPagefind(t);
    const { findTiers, asked } = finder(t);
    const o = (await new SearchEngine(pf.api, { tiers: sizes(t), findTiers }).run(state('供水'))).outcome();
    expect(o).toMatchObject({ total: 0, exact: true, hasMore: false });
    expect(o.searchedSince).toBeUndefined();
    expect(pf.loaded()).toBe(1);
    expect(asked).toEqual([['供水']]);
  });

  it('adds only the tier that may hold a query found in an old notice', async () => {
    const t = tiers();
    const pf = tieredPagefind(t);
    const { findTiers } = finder(t);
    const o = (await new SearchEngine(pf.api, { tiers: sizes(t), findTiers }).run(state('屠宰'))).outcome();
    expect(o.hits.map((h) => h.url)).toEqual(['/items/n2-a1-02/']);
    expect(o).toMatchObject({ total: 1, exact: true, hasMore: false });
    expect(pf.order()).toEqual([0, 2]);
  });

  it('does not ask the literal index when the newest tier fills the first page', async () => {
    const t = tiers();
    const pf = tieredPagefind(t);
    const { findTiers, asked } = finder(t);
    const session = await new SearchEngine(pf.api, { tiers: sizes(t), findTiers }).run(state('测绘'));
    expect(session.outcome()).toMatchObject({ exact: false, hasMore: true, searchedSince: '2025-01-01' });
    expect(asked).toEqual([]);
    const all = await session.all();
    expect(all.total).toBe(26);
    expect(pf.loaded()).toBe(3);
  });

  it('lists items in tier order after a query added an old tier alone', async () => {
    const t = tiers();
    const pf = tieredPagefind(t);
    const { findTiers } = finder(t);
    const engine = new SearchEngine(pf.api, { tiers: sizes(t), findTiers, items: { count: 27, facets: {} } });
    await engine.run(state('屠宰'));
    const listing = await engine.run(state(''));
    expect(listing.outcome().hits.map((h) => h.url)).toEqual(Array.from({ length: 10 }, (_, i) => `/items/n0-a1-${String(i + 1).padStart(2, '0')}/`));
    const all = await listing.all();
    expect(all.hits.map((h) => h.url.slice(0, 10))).toEqual([...Array(12).fill('/items/n0-'), ...Array(12).fill('/items/n1-'), ...Array(3).fill('/items/n2-')]);
  });

  it('offers a shorter query only when a tier searched may hold it', async () => {
    const t = tiers();
    const pf = tieredPagefind(t);
    const { findTiers } = finder(t);
    const engine = new SearchEngine(pf.api, { tiers: sizes(t), findTiers });
    expect(await engine.finds('测绘')).toBe(true);
    expect(await engine.finds('屠宰')).toBe(false);
    expect(pf.loaded()).toBe(1);
  });
});

describe('SearchEngine: candidates whose words sit apart', () => {
  /** Pages with 食品经营 (words side by side) and pages with 食品 … 经营 apart; Pagefind ranks the apart ones first. */
  function pagefindWithPositions(near: number, apart: number) {
    const fragments: string[] = [];
    const pages = [
      ...Array.from({ length: apart }, (_, i) => ({ url: `/items/apart-a1-${String(i + 1).padStart(2, '0')}/`, title: `食品安全第${i}项经营`, words: [0, 4], score: 9 })),
      ...Array.from({ length: near }, (_, i) => ({ url: `/items/near-a1-${String(i + 1).padStart(2, '0')}/`, title: `食品经营第${i}项`, words: [0, 1], score: 1 })),
    ];
    const api: PagefindApi = {
      async search(term) {
        const words = (term ?? '').split(' ');
        return {
          filters: {},
          results: pages
            .filter((p) => words.every((w) => p.title.includes(w)))
            .map((p, i) => ({
              id: `p${i}`,
              score: p.score,
              words: p.words,
              data: async () => {
                fragments.push(p.url);
                return { url: p.url, content: p.title, meta: { title: p.title }, filters: {}, anchors: [] };
              },
            })),
        };
      },
      async filters() {
        return {};
      },
    };
    return { api, fragments };
  }

  it('checks the side-by-side ones first and leaves the others for more()', async () => {
    const { api, fragments } = pagefindWithPositions(4, 30);
    const session = await new SearchEngine(api, { smallIndexPages: 10 }).run(state('食品经营'));
    expect(session.outcome().hits.map((h) => h.url)).toHaveLength(4);
    expect(fragments.every((u) => u.includes('/near-'))).toBe(true);
    expect(session.outcome()).toMatchObject({ exact: false, hasMore: true });
    const all = await session.all();
    expect(all).toMatchObject({ total: 4, exact: true });
    expect(fragments).toHaveLength(34);
  });

  it('checks the others on the first page too when the side-by-side ones found nothing', async () => {
    const { api, fragments } = pagefindWithPositions(0, 3);
    const o = (await new SearchEngine(api, { smallIndexPages: 1 }).run(state('食品经营'))).outcome();
    expect(o).toMatchObject({ total: 0, exact: true });
    expect(fragments).toHaveLength(3);
  });
});

describe('tierLimits (the build’s environment)', () => {
  it('takes GONGKAI_SEARCH_TIER_FIRST / _PAGES, or the defaults, and refuses anything but a positive whole number', async () => {
    const { tierLimits } = await import('../../scripts/index.ts');
    expect(tierLimits({})).toEqual(TIER_LIMITS);
    expect(tierLimits({ GONGKAI_SEARCH_TIER_FIRST: '5', GONGKAI_SEARCH_TIER_PAGES: '' })).toEqual({ first: 5, rest: TIER_LIMITS.rest });
    expect(() => tierLimits({ GONGKAI_SEARCH_TIER_FIRST: '0' })).toThrow(/GONGKAI_SEARCH_TIER_FIRST must be a positive whole number of pages, got "0"/);
    expect(() => tierLimits({ GONGKAI_SEARCH_TIER_PAGES: 'many' })).toThrow(/GONGKAI_SEARCH_TIER_PAGES/);
  });
});
