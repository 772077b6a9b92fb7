/**
 * The search behind /search/: Pagefind finds candidate pages, ./candidates.ts keeps only the pages whose indexed
 * text contains every term of the query literally (after ./normalize.ts), ./rank.ts orders them, and the filter
 * counts come from ./facet-counts.ts.
 *
 * Why: for Chinese, Pagefind splits the query into pieces (Intl.Segmenter) and returns pages that contain every
 * piece anywhere, so 安局 finds pages with 安全 and 局; 13号 finds a page with 序号 13. Its recall is good, its
 * precision is not. Checking the literal text needs the page's fragment, so the engine picks a strategy:
 * - no query: ./listing.ts;
 * - a small index (≤ `smallIndexPages` pages, like this site): ./exhaustive.ts checks every candidate, counts exact;
 * - a large index: ./progressive.ts checks candidates only as far as a page of results needs, tier by tier, and
 *   asks the build's literal index (./literal-index.ts) which older tiers may hold a match at all.
 *
 * The engine talks to Pagefind through the small `PagefindApi` interface (./types.ts; the browser's is
 * ./pagefind.ts), so it is tested with a fake index.
 */
import { hasWords, pagefindQuery, queryTerms, type PagefindQuery } from './normalize.ts';
import { emptyFilters, type SearchState } from './state.ts';
import { CandidateChecker } from './candidates.ts';
import { ExhaustiveSearch } from './exhaustive.ts';
import { Listing } from './listing.ts';
import { ProgressiveSearch } from './progressive.ts';
import { TierSet } from './tier-set.ts';
import { PAGE_SIZE } from './first-page.ts';
import { emptyOutcome, fixedSession, type FacetCounts, type Hit, type PagefindApi, type SearchSession, type TierFinder, type TierSize } from './types.ts';

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
  /** Which tiers may hold a literal match (the build's literal index); without it every tier may. */
  findTiers?: TierFinder;
  /**
   * Told each page that passes the literal check, as soon as it does: the page starts fetching what it shows beside
   * a result (status lines), and builds the result's list item, while the other fragments still load.
   */
  onHit?: (hit: Hit) => void;
}

/**
 * What a search of a large index (and its preload, and `finds`) asks Pagefind for: the words looked up, or, when a
 * query has nothing but lone characters, those characters anyway.
 */
const lookupTerm = ({ query, dropped }: PagefindQuery): string => query || dropped.join(' ');

const DEFAULTS = { pageSize: PAGE_SIZE, smallIndexPages: 300, batch: 10, maxProbe: 50, base: '/' };

export class SearchEngine {
  private readonly pf: PagefindApi;
  private readonly opt: typeof DEFAULTS & EngineOptions;
  private readonly tierSet: TierSet;
  private readonly checker: CandidateChecker;
  private pageCount: Promise<number> | undefined;
  private facetValues: { tiers: number; values: Promise<FacetCounts> } | undefined;

  constructor(pf: PagefindApi, options: EngineOptions = {}) {
    this.pf = pf;
    this.opt = { ...DEFAULTS, ...options };
    this.tierSet = new TierSet(pf, options.tiers?.length ?? 1);
    this.checker = new CandidateChecker(this.opt.base, options.onHit, pf.fragment ? (r) => pf.fragment!(r) : undefined);
  }

  /** Tiers in the index (1 unless the build split it). */
  get tierCount(): number {
    return this.tierSet.count;
  }

  /** Tiers search() covers now. */
  get tiersLoaded(): number {
    return this.tierSet.loaded().length;
  }

  /** Every filter value in the index, with its number of pages (every tier is loaded first). */
  async allFacetValues(): Promise<FacetCounts> {
    await this.tierSet.addAll();
    const tiers = this.tierSet.loaded().length;
    if (this.facetValues?.tiers !== tiers) this.facetValues = { tiers, values: this.pf.filters() };
    return this.facetValues.values;
  }

  private isSmall(): Promise<boolean> {
    this.pageCount ??= this.tierSet.count > 1 ? Promise.resolve(Number.POSITIVE_INFINITY) : this.pf.search(null).then((r) => r?.results.length ?? 0);
    return this.pageCount.then((n) => n <= this.opt.smallIndexPages);
  }

  async run(state: SearchState): Promise<SearchSession> {
    const terms = queryTerms(state.q);
    if (terms.length === 0) {
      return Listing.start({ ...this.opt, pf: this.pf, tiers: this.tierSet, checker: this.checker, tierSizes: this.opt.tiers, allFacetValues: () => this.allFacetValues() }, state);
    }
    if (!hasWords(terms)) return fixedSession(emptyOutcome(state, terms, true));
    const lookup = pagefindQuery(terms);
    // Nothing Pagefind can be relied on to find (a lone character): on a small index, check every page;
    // on a large one, ask Pagefind for the lone characters anyway (lookupTerm).
    if (await this.isSmall()) return ExhaustiveSearch.start(this.pf, this.checker, state, terms, lookup.query || null, this.opt.pageSize);
    return ProgressiveSearch.start(
      {
        ...this.opt,
        pf: this.pf,
        tiers: this.tierSet,
        checker: this.checker,
        tierSizes: this.opt.tiers,
        loadFilters: () => this.allFacetValues(),
      },
      state,
      terms,
      lookupTerm(lookup),
    );
  }

  /**
   * The reader is typing `q`: Pagefind loads the index chunks its words need now, while the typing pause runs, so
   * that the search after it does not wait for them (on a phone network, a round trip). Nothing is searched.
   */
  preload(q: string): void {
    const terms = queryTerms(q);
    if (!this.pf.preload || terms.length === 0 || !hasWords(terms)) return;
    const term = lookupTerm(pagefindQuery(terms));
    if (term) void this.pf.preload(term).catch(() => undefined);
  }

  /**
   * Does the query find anything (for no-results suggestions)? Without adding a tier: the literal index rules out
   * what no tier holds; otherwise at most `probe` candidates of the tiers loaded now are checked, so an answer of
   * false may miss a result far down Pagefind's list or in a tier not searched yet.
   */
  async finds(q: string, probe = 20): Promise<boolean> {
    const terms = queryTerms(q);
    if (terms.length === 0 || !hasWords(terms)) return false;
    if (await this.isSmall()) return (await this.run({ q, filters: emptyFilters() })).outcome().total > 0;
    if (this.opt.findTiers && this.tierSet.count > 1) {
      const may = await this.opt.findTiers(terms).catch(() => undefined);
      if (may && !this.tierSet.loaded().some((t) => may.has(t))) return false;
    }
    const candidates = (await this.pf.search(lookupTerm(pagefindQuery(terms))))?.results.slice(0, probe) ?? [];
    // A few at a time: a piece that finds something usually does so among the first.
    for (let i = 0; i < candidates.length; i += 5) {
      if ((await this.checker.checkAll(candidates.slice(i, i + 5), terms)).length > 0) return true;
    }
    return false;
  }
}
