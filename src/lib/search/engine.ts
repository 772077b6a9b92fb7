/**
 * The search behind /search/: Pagefind finds candidate pages, this module keeps only the pages whose indexed text
 * contains every term of the query literally (after ./normalize.ts), ranks them, and counts them per filter.
 *
 * Why: for Chinese, Pagefind splits the query into pieces (Intl.Segmenter) and returns pages that contain every
 * piece anywhere, so 安局 finds pages with 安全 and 局; 13号 finds a page with 序号 13. Its recall is good, its
 * precision is not. Checking the literal text needs the page's fragment, so:
 * - on a small index (≤ `smallIndexPages` pages, like this site) every candidate is checked: counts and filter counts
 *   are exact;
 * - on a large index candidates are checked in Pagefind's order, `batch` at a time, only until a page of results is
 *   filled: a query loads a few dozen fragments at most, never all of them. The count is then "at least N" until
 *   every candidate has been checked.
 *
 * The engine talks to Pagefind through the small `PagefindApi` interface, so it is tested with a fake index.
 */
import { containsAll, hasWords, normaliseText, normaliseWithMap, pagefindQuery, queryTerms, type Normalised } from './normalize.ts';
import { excerpt, type Segment } from './excerpt.ts';
import { fragmentSections, fragmentText, type PagefindFragment, type Section } from './fragment.ts';
import { pageKind, type PageKind } from '../../domain/urls.ts';
import { FILTER_KEYS, emptyFilters, hasFilters, pagefindFilters, passes, type Filters, type SearchState } from './state.ts';

export type FacetCounts = Record<string, Record<string, number>>;

export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words in the page (Pagefind gives them without loading the fragment). */
  words?: readonly number[];
  data(): Promise<PagefindFragment>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  filters: FacetCounts;
}

export interface PagefindSearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The part of Pagefind's JS API (/pagefind/pagefind.js) the engine uses. */
export interface PagefindApi {
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
  filters(): Promise<FacetCounts>;
  /**
   * Add the next tier of the index (older notices, see ./tiers.ts) to what search() and filters() cover;
   * false when there is none left. Absent: the index is one tier.
   */
  expand?(): Promise<boolean>;
}

/** What the engine needs to know of a tier (./tiers.ts): its pages, the first `items` of which are items. */
export interface TierSize {
  pages: number;
  items: number;
  /** The oldest 成文日期 in the tier. */
  oldest?: string;
}

export interface SubHit {
  title: string;
  url: string;
  excerpt: Segment[];
}

export interface Hit {
  id: string;
  url: string;
  title: string;
  kind: PageKind;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  excerpt: Segment[];
  /** Sections under headings with an id (e.g. 济南's tasks, #task-N) that contain the query. */
  sections: SubHit[];
  /** The title itself contains the query. */
  titleMatch: boolean;
  score: number;
}

export interface SearchOutcome {
  state: SearchState;
  terms: string[];
  /** The results to show now, ranked. */
  hits: Hit[];
  /** The number of results: exact when `exact`, otherwise a lower bound. */
  total: number;
  exact: boolean;
  /** For each filter, value → number of results if that value were chosen (the filter's own choice set aside). */
  facets: FacetCounts;
  facetsExact: boolean;
  /** The filter counts are not computed yet (large index): `facets()` computes them. */
  facetsPending: boolean;
  /** More results can be shown (call `more()`). */
  hasMore: boolean;
  /** The query had text but nothing Pagefind can look up (only punctuation). */
  unsearchable: boolean;
  /**
   * Older tiers of the index are not searched yet (more() searches them): the oldest 成文日期 searched so far
   * ("" if unknown). Absent when every tier was searched.
   */
  searchedSince?: string;
}

export interface EngineOptions {
  pageSize?: number;
  /** Up to this many pages in the whole index, every candidate is checked (exact counts). */
  smallIndexPages?: number;
  /** Fragments checked at a time on a large index. */
  batch?: number;
  /** At most this many fragments are checked per page of results on a large index. */
  maxProbe?: number;
  /** The site's base path, to tell page kinds from URLs. */
  base?: string;
  /**
   * What the build knows: the number of item pages (indexed first, see scripts/index.ts) and their
   * counts per filter value. With it, the listing without a query or filter needs none of Pagefind's filter files.
   */
  items?: { count: number; facets: FacetCounts };
  /** The index's tiers, newest first (pagefind/tiers.json); one tier when absent. */
  tiers?: readonly TierSize[];
}

const DEFAULTS = { pageSize: 10, smallIndexPages: 300, batch: 10, maxProbe: 50, base: '/' };
type Options = typeof DEFAULTS & Pick<EngineOptions, 'items' | 'tiers'>;

/** What the literal check needs of a page, computed once per page. */
export interface PreparedPage {
  fragment: PagefindFragment;
  text: string;
  /** The normalised text, with the origin of each character (for highlighting). */
  map: Normalised;
  normalised: string;
  title: string;
  normalisedTitle: string;
  /** Where the text past the title begins (the excerpt prefers a match there: the result shows the title). */
  afterTitle: number;
  sections: (Section & { normalised: string })[];
}

export function preparePage(fragment: PagefindFragment): PreparedPage {
  const text = fragmentText(fragment);
  const title = (fragment.meta.title ?? '').trim() || fragment.url;
  const lead = text.trimStart();
  const map = normaliseWithMap(text);
  return {
    fragment,
    text,
    map,
    normalised: map.text,
    title,
    normalisedTitle: normaliseText(title),
    afterTitle: lead.startsWith(title) ? text.length - lead.length + title.length : 0,
    sections: fragmentSections(fragment).map((sec) => ({ ...sec, normalised: normaliseText(sec.text) })),
  };
}

/** Build a hit from a prepared page; null when the page does not contain every term. */
export function hitFromPage(id: string, score: number, page: PreparedPage, terms: readonly string[], base = '/'): Hit | null {
  if (terms.length > 0 && !containsAll(page.normalised, terms)) return null;
  const { fragment } = page;
  const kind = pageKind(fragment.url, base);
  const sections: SubHit[] = [];
  // Long documents (notices) point at the sections that contain the query: 济南's tasks, #task-N.
  if (terms.length > 0 && kind === 'notice') {
    for (const sec of page.sections) {
      if (!sec.id || !sec.title || !containsAll(sec.normalised, terms)) continue;
      sections.push({
        title: sec.title,
        url: `${fragment.url.replace(/#.*$/, '')}#${sec.id}`,
        excerpt: excerpt(sec.text, terms, { preferFrom: sec.text.startsWith(sec.title) ? sec.title.length : 0, length: 60 }),
      });
    }
  }
  return {
    id,
    url: fragment.url,
    title: page.title,
    kind,
    meta: fragment.meta,
    filters: fragment.filters ?? {},
    excerpt: excerpt(page.text, terms, { preferFrom: page.afterTitle }, page.map),
    sections: sections.slice(0, 3),
    titleMatch: terms.length > 0 && containsAll(page.normalisedTitle, terms),
    score,
  };
}

/** Build a hit straight from a fragment (see hitFromPage). */
export function hitFromFragment(id: string, score: number, fragment: PagefindFragment, terms: readonly string[], base = '/'): Hit | null {
  return hitFromPage(id, score, preparePage(fragment), terms, base);
}

/** Some two matched words of the page sit next to each other. */
function hasAdjacentWords(r: PagefindResult): boolean {
  const w = [...(r.words ?? [])].sort((a, b) => a - b);
  for (let i = 1; i < w.length; i++) if (w[i]! - w[i - 1]! === 1) return true;
  return false;
}

/**
 * The candidates whose matched words sit side by side, and the others (each in Pagefind's order): on a large index
 * the first are checked first. A page that contains 食品经营 literally has 食品 and 经营 side by side; one that has
 * them apart does not. Measured at 10,000 items, every literal match was among the side-by-side ones (食品经营: 13 of
 * 29 candidates, the 11 matches among them), so fewer fragments are fetched to fill a page. Only the order changes:
 * every candidate is still checked before a count is called exact.
 */
export function splitAdjacent<T extends PagefindResult>(results: readonly T[]): { near: T[]; apart: T[] } {
  const near: T[] = [];
  const apart: T[] = [];
  for (const r of results) (hasAdjacentWords(r) ? near : apart).push(r);
  return { near, apart };
}

/**
 * How many candidates to check next: enough for the results still missing at the rate found so far (all of them at
 * first), at least 2 and at most `max`. A page that needs 2 more results fetches 2 or 3 fragments, not 10.
 */
export function batchSize(missing: number, checked: number, found: number, max: number): number {
  const rate = checked > 0 ? Math.max(found / checked, 0.2) : 1;
  return Math.min(max, Math.max(2, Math.ceil(missing / rate)));
}

/** Ranking: pages whose title contains the query first, lists (browse pages) after content, then Pagefind's score. */
export function rankHits(hits: Hit[]): Hit[] {
  const tier = (h: Hit) => (h.titleMatch ? 0 : 2) + (h.kind === 'browse' ? 1 : 0);
  return hits
    .map((h, i) => ({ h, i }))
    .sort((a, b) => tier(a.h) - tier(b.h) || b.h.score - a.h.score || a.i - b.i)
    .map((x) => x.h);
}

/** Facet counts over a set of hits, each filter counted with its own selection set aside. */
export function facetCounts(hits: readonly Hit[], filters: Filters): FacetCounts {
  const out: FacetCounts = {};
  for (const key of FILTER_KEYS) {
    const counts: Record<string, number> = {};
    for (const h of hits) {
      if (!passes(h.filters, filters, key)) continue;
      for (const v of h.filters[key] ?? []) counts[v] = (counts[v] ?? 0) + 1;
    }
    out[key] = counts;
  }
  return out;
}

/** One search: the outcome so far, and `more()` to show the next page. */
export interface SearchSession {
  outcome(): SearchOutcome;
  more(): Promise<SearchOutcome>;
  /** Compute filter counts that were left pending (on a large index they need Pagefind's filter files). */
  facets(): Promise<SearchOutcome>;
  /** Check every candidate (the relevance suite uses this to measure recall). */
  all(): Promise<SearchOutcome>;
}

export class SearchEngine {
  private readonly pf: PagefindApi;
  private readonly opt: Options;
  private pageCount: Promise<number> | undefined;
  private facetValues: Promise<FacetCounts> | undefined;
  /** How many tiers search() covers now. */
  private loadedTiers = 1;
  private expanding: Promise<boolean> | undefined;

  constructor(pf: PagefindApi, options: EngineOptions = {}) {
    this.pf = pf;
    this.opt = { ...DEFAULTS, ...options };
  }

  /** Tiers in the index (1 unless the build split it). */
  get tierCount(): number {
    return this.pf.expand ? Math.max(this.opt.tiers?.length ?? 1, 1) : 1;
  }

  /** Tiers search() covers now. */
  get tiersLoaded(): number {
    return this.loadedTiers;
  }

  /** Add the next tier; false when every tier is loaded. Concurrent calls wait for the one under way. */
  async expand(): Promise<boolean> {
    if (this.expanding) {
      await this.expanding;
      return this.expand();
    }
    if (this.loadedTiers >= this.tierCount || !this.pf.expand) return false;
    this.expanding = this.pf.expand().then((added) => {
      if (added) this.loadedTiers += 1;
      else this.loadedTiers = this.tierCount;
      this.facetValues = undefined;
      return added;
    });
    try {
      return await this.expanding;
    } finally {
      this.expanding = undefined;
    }
  }

  /** Load every tier (filter counts need them all). */
  async expandAll(): Promise<void> {
    while (await this.expand());
  }

  /** Every filter value in the index, with its number of pages (every tier is loaded first). */
  async allFacetValues(): Promise<FacetCounts> {
    await this.expandAll();
    this.facetValues ??= this.pf.filters();
    return this.facetValues;
  }

  private indexSize(): Promise<number> {
    this.pageCount ??= this.tierCount > 1 ? Promise.resolve(Number.POSITIVE_INFINITY) : this.pf.search(null).then((r) => r?.results.length ?? 0);
    return this.pageCount;
  }

  async run(state: SearchState): Promise<SearchSession> {
    const terms = queryTerms(state.q);
    if (terms.length === 0) return this.list(state);
    if (!hasWords(terms)) return fixed(emptyOutcome(state, terms, true));
    const { query, dropped } = pagefindQuery(terms);
    const small = (await this.indexSize()) <= this.opt.smallIndexPages;
    // Nothing Pagefind can be relied on to find (a lone character): on a small index, check every page;
    // on a large one, ask Pagefind for the lone characters anyway.
    if (small) return this.checkAll(state, terms, query || null);
    return this.checkProgressively(state, terms, query || dropped.join(' '));
  }

  /**
   * Does the query find anything at all (for no-results suggestions)? On a large index at most `probe` candidates
   * are checked, so an answer of false may miss a result far down Pagefind's list.
   */
  async finds(q: string, probe = 20): Promise<boolean> {
    const terms = queryTerms(q);
    if (terms.length === 0 || !hasWords(terms)) return false;
    const { query, dropped } = pagefindQuery(terms);
    if ((await this.indexSize()) <= this.opt.smallIndexPages) {
      return (await this.run({ q, filters: emptyFilters() })).outcome().total > 0;
    }
    const candidates = (await this.pf.search(query || dropped.join(' ')))?.results.slice(0, probe) ?? [];
    for (let i = 0; i < candidates.length; i += 5) {
      const hits = await Promise.all(candidates.slice(i, i + 5).map((r) => this.fetchHit(r, terms)));
      if (hits.some((h) => h !== null)) return true;
    }
    return false;
  }

  private readonly pages = new Map<string, Promise<PreparedPage>>();

  private async fetchHit(r: PagefindResult, terms: readonly string[]): Promise<Hit | null> {
    let page = this.pages.get(r.id);
    if (!page) {
      page = r.data().then(preparePage);
      page.catch(() => this.pages.delete(r.id));
      this.pages.set(r.id, page);
    }
    return hitFromPage(r.id, r.score, await page, terms, this.opt.base);
  }

  /** Small index: check every candidate; exact counts. */
  private async checkAll(state: SearchState, terms: string[], query: string | null): Promise<SearchSession> {
    const resp = await this.pf.search(query);
    const checked = await Promise.all((resp?.results ?? []).map((r) => this.fetchHit(r, terms)));
    const verified = checked.filter((h): h is Hit => h !== null);
    const matching = rankHits(verified.filter((h) => passes(h.filters, state.filters)));
    const facets = facetCounts(verified, state.filters);
    let shown = Math.min(this.opt.pageSize, matching.length);
    const outcome = (): SearchOutcome => ({
      state,
      terms,
      hits: matching.slice(0, shown),
      total: matching.length,
      exact: true,
      facets,
      facetsExact: true,
      facetsPending: false,
      hasMore: shown < matching.length,
      unsearchable: false,
    });
    return {
      outcome,
      facets: async () => outcome(),
      more: async () => {
        shown = Math.min(shown + this.opt.pageSize, matching.length);
        return outcome();
      },
      all: async () => {
        shown = matching.length;
        return outcome();
      },
    };
  }

  /**
   * Large index: check candidates in Pagefind's order, only as many as the page needs. When the tiers loaded so far
   * have no unchecked candidate left, the next tier is added and searched for the pages not seen yet — for the first
   * page of results only while nothing was found (a first query then costs the newest tier's files alone); for more
   * results, filter counts or all() as far as needed. When two or more words were looked up, the first page, once it
   * has a result, stops at the candidates whose words sit apart (they are almost never literal matches, see
   * splitAdjacent); more() and all() check them.
   */
  private async checkProgressively(state: SearchState, terms: string[], query: string): Promise<SearchSession> {
    const search = async () => {
      searched = this.loadedTiers;
      const resp = await this.pf.search(query, { filters: pagefindFilters(state.filters) });
      const { near, apart } = splitAdjacent((resp?.results ?? []).filter((r) => !seen.has(r.id)));
      nearEnd = near.length;
      return [...near, ...apart];
    };
    const severalWords = query.split(' ').filter(Boolean).length > 1;
    let nearEnd = 0;
    const seen = new Set<string>();
    let searched = this.loadedTiers;
    let candidates = await search();
    // Filter counts need every one of Pagefind's filter files: computed only when asked for (facets()).
    let facets: FacetCounts | undefined;
    const verified: Hit[] = [];
    let next = 0;
    let checked = 0;
    let wanted = this.opt.pageSize;
    const exhausted = () => next >= candidates.length && searched >= this.tierCount;
    const fill = async (limit: number, olderTiers: 'if-none-found' | 'as-needed') => {
      let probed = 0;
      // Until a first result is found the first page keeps checking: "no results" is said only when it is certain.
      while (verified.length < wanted && (probed < limit || (olderTiers === 'if-none-found' && verified.length === 0))) {
        if (olderTiers === 'if-none-found' && severalWords && verified.length > 0 && next >= nearEnd) break;
        if (next >= candidates.length) {
          // Another search may have added tiers meanwhile; otherwise add the next one.
          if (searched >= this.loadedTiers) {
            if (olderTiers === 'if-none-found' && verified.length > 0) break;
            if (!(await this.expand())) break;
          }
          candidates = await search();
          next = 0;
          continue;
        }
        let end = next + batchSize(wanted - verified.length, checked, verified.length, this.opt.batch);
        // The first page checks the side-by-side candidates in batches of their own.
        if (olderTiers === 'if-none-found' && severalWords && next < nearEnd) end = Math.min(end, nearEnd);
        const batch = candidates.slice(next, end);
        next += batch.length;
        probed += batch.length;
        checked += batch.length;
        for (const r of batch) seen.add(r.id);
        for (const h of await Promise.all(batch.map((r) => this.fetchHit(r, terms)))) if (h) verified.push(h);
      }
    };
    await fill(this.opt.maxProbe, 'if-none-found');
    const outcome = (): SearchOutcome => {
      const done = exhausted();
      const since = searched < this.tierCount ? { searchedSince: this.opt.tiers?.[searched - 1]?.oldest ?? '' } : {};
      return {
        state,
        terms,
        hits: rankHits(verified).slice(0, wanted),
        total: verified.length,
        exact: done,
        facets: facets ?? {},
        facetsExact: false,
        facetsPending: facets === undefined,
        hasMore: verified.length > wanted || !done,
        unsearchable: false,
        ...since,
      };
    };
    return {
      outcome,
      facets: async () => {
        facets ??= await this.pagefindFacets(query, state.filters);
        return outcome();
      },
      more: async () => {
        wanted += this.opt.pageSize;
        await fill(this.opt.maxProbe, 'as-needed');
        return outcome();
      },
      all: async () => {
        wanted = Number.POSITIVE_INFINITY;
        await fill(Number.POSITIVE_INFINITY, 'as-needed');
        return outcome();
      },
    };
  }

  /** Pagefind's counts per filter value, each filter's own choice set aside (one in-memory search per filter). */
  private async pagefindFacets(term: string | null, filters: Filters, scope: Record<string, unknown> = {}): Promise<FacetCounts> {
    // Pagefind counts only the filters whose files it has loaded: load them all (filters() does).
    await this.allFacetValues();
    const out: FacetCounts = {};
    for (const key of FILTER_KEYS) {
      const r = await this.pf.search(term, { filters: { ...scope, ...pagefindFilters(filters, key) } });
      out[key] = r?.filters[key] ?? {};
    }
    return out;
  }

  /** No query: list the item pages that pass the filters, in the items' order (the order they were indexed in). */
  private async list(state: SearchState): Promise<SearchSession> {
    let all: PagefindResult[];
    let facets: FacetCounts;
    let grow = async (_upTo: number): Promise<void> => {};
    const known = this.opt.items;
    let total: number;
    if (!hasFilters(state.filters) && known) {
      // Items are indexed first in each tier: a tier's first `items` pages are its items. No filter file is needed,
      // and older tiers are added only when the reader pages on to them.
      const tiers = this.tierCount > 1 && this.opt.tiers ? this.opt.tiers : [{ pages: Number.POSITIVE_INFINITY, items: known.count }];
      const itemsOf = (results: PagefindResult[], loadedTiers: number) => {
        const out: PagefindResult[] = [];
        let offset = 0;
        for (const t of tiers.slice(0, loadedTiers)) {
          out.push(...results.slice(offset, offset + t.items));
          offset += t.pages;
        }
        return out;
      };
      const listed = async () => itemsOf((await this.pf.search(null))?.results ?? [], this.loadedTiers);
      all = await listed();
      total = known.count;
      facets = known.facets;
      grow = async (upTo: number) => {
        while (all.length < upTo && all.length < total && (await this.expand())) all = await listed();
      };
    } else {
      const values = await this.allFacetValues();
      // Only item pages carry a 事项类型: asking for any type keeps notices and lists out of the listing.
      const itemsOnly: Record<string, unknown> = state.filters.type.length ? {} : { type: { any: Object.keys(values.type ?? {}) } };
      all = (await this.pf.search(null, { filters: { ...itemsOnly, ...pagefindFilters(state.filters) } }))?.results ?? [];
      total = all.length;
      facets = await this.pagefindFacets(null, state.filters, itemsOnly);
    }
    const loaded: Hit[] = [];
    const load = async (upTo: number) => {
      await grow(upTo);
      const batch = all.slice(loaded.length, upTo);
      const hits = await Promise.all(batch.map((r) => this.fetchHit(r, [])));
      for (const h of hits) if (h) loaded.push(h);
    };
    await load(this.opt.pageSize);
    const outcome = (): SearchOutcome => ({
      state,
      terms: [],
      hits: [...loaded],
      total,
      exact: true,
      facets,
      facetsExact: true,
      facetsPending: false,
      hasMore: loaded.length < total,
      unsearchable: false,
    });
    return {
      outcome,
      facets: async () => outcome(),
      more: async () => {
        await load(loaded.length + this.opt.pageSize);
        return outcome();
      },
      all: async () => {
        await load(total);
        return outcome();
      },
    };
  }
}

function emptyOutcome(state: SearchState, terms: string[], unsearchable: boolean): SearchOutcome {
  return { state, terms, hits: [], total: 0, exact: true, facets: {}, facetsExact: true, facetsPending: false, hasMore: false, unsearchable };
}

function fixed(outcome: SearchOutcome): SearchSession {
  return { outcome: () => outcome, facets: async () => outcome, more: async () => outcome, all: async () => outcome };
}

