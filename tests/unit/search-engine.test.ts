import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/lib/search/engine.ts';
import type { FacetCounts, PagefindApi, PagefindSearchOptions } from '../../src/lib/search/types.ts';
import { emptyFilters, type SearchState } from '../../src/lib/search/state.ts';
import type { PagefindFragment } from '../../src/lib/search/fragment.ts';

interface FakePage {
  url: string;
  title: string;
  body: string;
  filters?: Record<string, string[]>;
  score?: number;
  anchors?: PagefindFragment['anchors'];
}

/**
 * A stand-in for Pagefind with its Chinese weakness: a query matches a page when every character of every piece
 * occurs somewhere in it (so 安局 matches a page with 安全 and 局). Counts the fragments loaded.
 */
function fakePagefind(pages: FakePage[]) {
  const loaded: string[] = [];
  const searches: (string | null)[] = [];
  const preloads: string[] = [];
  const passes = (p: FakePage, filters: Record<string, unknown> = {}) =>
    Object.entries(filters).every(([k, v]) => {
      const any = (v as { any: string[] }).any;
      return any.some((x) => p.filters?.[k]?.includes(x));
    });
  const api: PagefindApi = {
    async search(term: string | null, options: PagefindSearchOptions = {}) {
      searches.push(term);
      const found = pages
        .map((p, i) => ({ p, i }))
        .filter(({ p }) => term === null || term.split(' ').every((piece) => [...piece].every((ch) => (p.title + p.body).includes(ch))))
        .filter(({ p }) => passes(p, options.filters));
      if (term !== null) found.sort((a, b) => (b.p.score ?? 0) - (a.p.score ?? 0));
      const filters: FacetCounts = {};
      for (const { p } of found) for (const [k, vs] of Object.entries(p.filters ?? {})) for (const v of vs) ((filters[k] ??= {})[v] = (filters[k]?.[v] ?? 0) + 1);
      return {
        filters,
        results: found.map(({ p, i }) => ({
          id: `p${i}`,
          score: p.score ?? 0,
          data: async () => {
            loaded.push(p.url);
            return { url: p.url, content: `${p.title}${p.body}`, raw_content: [...`${p.title}${p.body}`].join('\u200b'), meta: { title: p.title }, filters: p.filters ?? {}, anchors: p.anchors ?? [] };
          },
        })),
      };
    },
    async preload(term: string) {
      preloads.push(term);
    },
    async filters() {
      const out: FacetCounts = {};
      for (const p of pages) for (const [k, vs] of Object.entries(p.filters ?? {})) for (const v of vs) ((out[k] ??= {})[v] = (out[k]?.[v] ?? 0) + 1);
      return out;
    },
  };
  return { api, loaded, searches, preloads };
}

const item = (n: number, title: string, type: string, department: string, body = '', score = 1): FakePage => ({
  url: `/items/x-a1-${String(n).padStart(2, '0')}/`,
  title,
  body,
  filters: { type: [type], department: [department], change: ['取消'], notice: ['嘉政发〔2021〕2号'], year: ['2021'] },
  score,
});

const PAGES: FakePage[] = [
  item(1, '典当业特种行业许可证核发', '行政许可', '县级公安部门', '及时将典当行纳入监管', 5),
  item(2, '乡村兽医登记', '行政许可', '县级农业农村部门', '建立健全乡村兽医服务人员备案制度', 3),
  item(3, '测绘成果未经检验的处罚', '行政处罚', '市、县级自然资源管理部门', '序号 13', 9),
  item(4, '地图的处罚', '行政处罚', '市、县级自然资源管理部门', '安全生产 监管局', 8),
  { url: '/departments/县级公安部门/', title: '县级公安部门（共1项）', body: '典当业特种行业许可证核发', score: 7 },
  {
    url: '/notices/jinan/',
    title: '工作方案',
    body: '（一）厘清监管事权。提请党群工作部协调。（二）强化清单管理。',
    score: 2,
    anchors: [
      { element: 'h4', id: 'task-1', text: '（一）厘清监管事权。', location: 4 },
      { element: 'h4', id: 'task-2', text: '（二）强化清单管理。', location: 23 },
    ],
  },
];

const state = (q: string, filters: Partial<ReturnType<typeof emptyFilters>> = {}): SearchState => ({ q, filters: { ...emptyFilters(), ...filters } });

describe('SearchEngine on a small index', () => {
  it('keeps only pages that contain the query literally (Pagefind’s false hits dropped)', async () => {
    const { api } = fakePagefind(PAGES);
    const o = (await new SearchEngine(api).run(state('安局'))).outcome();
    expect(o.hits).toEqual([]);
    expect(o.total).toBe(0);
    expect(o.exact).toBe(true);
    const o2 = (await new SearchEngine(api).run(state('13号'))).outcome();
    expect(o2.hits.map((h) => h.url)).toEqual([]);
  });

  it('finds the words inside compound names, title matches first, lists after content pages', async () => {
    const { api } = fakePagefind(PAGES);
    const o = (await new SearchEngine(api).run(state('典当'))).outcome();
    expect(o.hits.map((h) => h.url)).toEqual(['/items/x-a1-01/', '/departments/县级公安部门/']);
    expect(o.hits[0]!.titleMatch).toBe(true);
    expect(o.hits[0]!.kind).toBe('item');
    expect(o.hits[0]!.excerpt.some((s) => s.mark && s.text === '典当')).toBe(true);
  });

  it('points at the sections of a notice that contain the query', async () => {
    const { api } = fakePagefind(PAGES);
    const [hit] = (await new SearchEngine(api).run(state('党群工作部'))).outcome().hits;
    expect(hit!.sections.map((s) => s.url)).toEqual(['/notices/jinan/#task-1']);
    expect(hit!.sections[0]!.title).toBe('（一）厘清监管事权。');
  });

  it('filters, and counts each filter with its own choice set aside', async () => {
    const { api } = fakePagefind(PAGES);
    const o = (await new SearchEngine(api).run(state('的处罚', { type: ['行政处罚'] }))).outcome();
    expect(o.total).toBe(2);
    expect(o.facets.type).toEqual({ 行政处罚: 2 });
    const o2 = (await new SearchEngine(api).run(state('登记', { type: ['行政处罚'] }))).outcome();
    expect(o2.total).toBe(0);
    expect(o2.facets.type).toEqual({ 行政许可: 1 });
  });

  it('pages through results', async () => {
    const many = Array.from({ length: 23 }, (_, i) => item(i + 1, `第${i + 1}项许可`, '行政许可', '部门'));
    const { api } = fakePagefind(many);
    const session = await new SearchEngine(api, { pageSize: 10 }).run(state('许可'));
    expect(session.outcome()).toMatchObject({ total: 23, hasMore: true });
    expect(session.outcome().hits).toHaveLength(10);
    expect((await session.more()).hits).toHaveLength(20);
    const last = await session.more();
    expect(last.hits).toHaveLength(23);
    expect(last.hasMore).toBe(false);
  });

  it('checks every page for a lone character Pagefind cannot be relied on to find', async () => {
    const { api, searches } = fakePagefind(PAGES);
    const o = (await new SearchEngine(api).run(state('医登'))).outcome();
    expect(o.hits.map((h) => h.url)).toEqual(['/items/x-a1-02/']);
    const o2 = (await new SearchEngine(api).run(state('造、'))).outcome();
    expect(o2.total).toBe(0);
    expect(searches).toContain(null);
  });

  it('says when a query has nothing to look up', async () => {
    const { api } = fakePagefind(PAGES);
    const o = (await new SearchEngine(api).run(state('——'))).outcome();
    expect(o).toMatchObject({ unsearchable: true, total: 0 });
  });
});

describe('SearchEngine without a query', () => {
  it('lists the item pages only, by filter, with counts', async () => {
    const { api, loaded } = fakePagefind(PAGES);
    const session = await new SearchEngine(api, { pageSize: 2 }).run(state(''));
    const o = session.outcome();
    expect(o.total).toBe(4);
    expect(o.hits).toHaveLength(2);
    expect(loaded).toHaveLength(2);
    expect(o.facets.type).toEqual({ 行政许可: 2, 行政处罚: 2 });
    const filtered = (await new SearchEngine(api).run(state('', { type: ['行政处罚'] }))).outcome();
    expect(filtered.total).toBe(2);
    expect(filtered.hits.every((h) => h.filters.type?.includes('行政处罚'))).toBe(true);
    // The type counts set the type choice aside: the other type still shows how many it would give.
    expect(filtered.facets.type).toEqual({ 行政许可: 2, 行政处罚: 2 });
    expect(filtered.facets.department).toEqual({ '市、县级自然资源管理部门': 2 });
  });
});

describe('SearchEngine without a query, knowing the items from the build', () => {
  it('lists the first pages (items are indexed first) and uses the build’s counts, loading no filter file', async () => {
    const { api } = fakePagefind(PAGES);
    let filterFiles = 0;
    const counting: PagefindApi = { search: api.search, filters: async () => (filterFiles++, api.filters()) };
    const facets = { type: { 行政许可: 2, 行政处罚: 2 } };
    const o = (await new SearchEngine(counting, { items: { count: 4, facets } }).run(state(''))).outcome();
    expect(o.hits.map((h) => h.url)).toEqual(['/items/x-a1-01/', '/items/x-a1-02/', '/items/x-a1-03/', '/items/x-a1-04/']);
    expect(o.facets).toBe(facets);
    expect(filterFiles).toBe(0);
    // A filter needs Pagefind's filter files.
    await new SearchEngine(counting, { items: { count: 4, facets } }).run(state('', { type: ['行政许可'] }));
    expect(filterFiles).toBe(1);
  });
});

describe('SearchEngine on a large index', () => {
  const many = Array.from({ length: 200 }, (_, i) => item(i + 1, i % 2 ? `第${i}项备案` : `第${i}项许可`, '行政许可', '部门', '', 200 - i));

  it('checks candidates a batch at a time, only as many as a page needs, and says “at least”', async () => {
    const { api, loaded } = fakePagefind(many);
    const engine = new SearchEngine(api, { smallIndexPages: 50, pageSize: 10, batch: 10 });
    const session = await engine.run(state('许可'));
    const o = session.outcome();
    expect(o.hits).toHaveLength(10);
    expect(o.exact).toBe(false);
    expect(o.hasMore).toBe(true);
    expect(loaded.length).toBeLessThanOrEqual(30);
    const all = await session.all();
    expect(all.total).toBe(100);
    expect(all.exact).toBe(true);
  });

  it('says “no results” only when every candidate was checked, past the usual limit of a page', async () => {
    const { api, loaded } = fakePagefind(many);
    const o = (await new SearchEngine(api, { smallIndexPages: 50, maxProbe: 50 }).run(state('可第'))).outcome();
    expect(o).toMatchObject({ total: 0, exact: true, hasMore: false });
    expect(loaded.length).toBe(100);
  });

  it('tells whether a query finds anything, checking only the first candidates', async () => {
    const { api, loaded } = fakePagefind(many);
    const engine = new SearchEngine(api, { smallIndexPages: 50 });
    expect(await engine.finds('第1项备案')).toBe(true);
    expect(await engine.finds('安局')).toBe(false);
    expect(loaded.length).toBeLessThanOrEqual(40);
  });

  it('leaves the filter counts pending until asked for', async () => {
    const { api } = fakePagefind(many);
    const session = await new SearchEngine(api, { smallIndexPages: 50 }).run(state('备案'));
    expect(session.outcome()).toMatchObject({ facetsPending: true, facets: {} });
    const o = await session.facets();
    expect(o.facetsPending).toBe(false);
    expect(o.facetsExact).toBe(false);
    expect(o.facets.type).toEqual({ 行政许可: 100 });
  });

  it('while the reader types, loads the index for exactly the words the search will ask for, and nothing else', async () => {
    const { api, loaded, searches, preloads } = fakePagefind(many);
    const engine = new SearchEngine(api, { smallIndexPages: 50 });
    await engine.run(state('食品经营'));
    for (const q of ['食品经营', '国发(2020)13号', '许可']) engine.preload(q);
    // Punctuation alone has no word to look up: no preload, as no search.
    engine.preload('，。、');
    const searched = searches.filter((s) => s !== null);
    await engine.run(state('国发(2020)13号'));
    await engine.run(state('许可'));
    expect(preloads).toEqual([searched[0], ...searches.filter((s) => s !== null).slice(-2)]);
    expect(preloads[0]).toBe('食品 经营');
    expect(loaded.length).toBeGreaterThan(0);
    const before = loaded.length;
    engine.preload('备案');
    expect(loaded.length).toBe(before);
  });
});
