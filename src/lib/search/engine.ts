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
import { pageKind, type PageKind } from './kinds.ts';
import { FILTER_KEYS, emptyFilters, hasFilters, pagefindFilters, passes, type Filters, type SearchState } from './state.ts';

export type FacetCounts = Record<string, Record<string, number>>;

export interface PagefindResult {
  id: string;
  score: number;
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
   * What the build knows: the number of item pages (indexed first, see src/integrations/pagefind.ts) and their
   * counts per filter value. With it, the listing without a query or filter needs none of Pagefind's filter files.
   */
  items?: { count: number; facets: FacetCounts };
}

const DEFAULTS = { pageSize: 10, smallIndexPages: 300, batch: 10, maxProbe: 50, base: '/' };
type Options = typeof DEFAULTS & Pick<EngineOptions, 'items'>;

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

  constructor(pf: PagefindApi, options: EngineOptions = {}) {
    this.pf = pf;
    this.opt = { ...DEFAULTS, ...options };
  }

  /** Every filter value in the index, with its number of pages. */
  allFacetValues(): Promise<FacetCounts> {
    this.facetValues ??= this.pf.filters();
    return this.facetValues;
  }

  private indexSize(): Promise<number> {
    this.pageCount ??= this.pf.search(null).then((r) => r?.results.length ?? 0);
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

  /** Large index: check candidates in Pagefind's order, only as many as the page needs. */
  private async checkProgressively(state: SearchState, terms: string[], query: string): Promise<SearchSession> {
    const resp = await this.pf.search(query, { filters: pagefindFilters(state.filters) });
    const candidates = resp?.results ?? [];
    // Filter counts need every one of Pagefind's filter files: computed only when asked for (facets()).
    let facets: FacetCounts | undefined;
    const verified: Hit[] = [];
    let next = 0;
    let wanted = this.opt.pageSize;
    const fill = async (limit: number) => {
      let probed = 0;
      while (verified.length < wanted && next < candidates.length && probed < limit) {
        const batch = candidates.slice(next, next + this.opt.batch);
        next += batch.length;
        probed += batch.length;
        for (const h of await Promise.all(batch.map((r) => this.fetchHit(r, terms)))) if (h) verified.push(h);
      }
    };
    await fill(this.opt.maxProbe);
    const outcome = (): SearchOutcome => {
      const done = next >= candidates.length;
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
        await fill(this.opt.maxProbe);
        return outcome();
      },
      all: async () => {
        wanted = Number.POSITIVE_INFINITY;
        await fill(Number.POSITIVE_INFINITY);
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
    const known = this.opt.items;
    if (!hasFilters(state.filters) && known) {
      // Items are indexed first: the first `count` pages are the items. No filter file is needed.
      all = ((await this.pf.search(null))?.results ?? []).slice(0, known.count);
      facets = known.facets;
    } else {
      const values = await this.allFacetValues();
      // Only item pages carry a 事项类型: asking for any type keeps notices and lists out of the listing.
      const itemsOnly: Record<string, unknown> = state.filters.type.length ? {} : { type: { any: Object.keys(values.type ?? {}) } };
      all = (await this.pf.search(null, { filters: { ...itemsOnly, ...pagefindFilters(state.filters) } }))?.results ?? [];
      facets = await this.pagefindFacets(null, state.filters, itemsOnly);
    }
    const loaded: Hit[] = [];
    const load = async (upTo: number) => {
      const batch = all.slice(loaded.length, upTo);
      const hits = await Promise.all(batch.map((r) => this.fetchHit(r, [])));
      for (const h of hits) if (h) loaded.push(h);
    };
    await load(this.opt.pageSize);
    const outcome = (): SearchOutcome => ({
      state,
      terms: [],
      hits: [...loaded],
      total: all.length,
      exact: true,
      facets,
      facetsExact: true,
      facetsPending: false,
      hasMore: loaded.length < all.length,
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
        await load(all.length);
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

