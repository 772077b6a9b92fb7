/**
 * The search on a small index (≤ 300 pages, like this site): every candidate is checked, so the count and the
 * filter counts are exact.
 */
import type { CandidateChecker } from './candidates.ts';
import { facetCounts } from './facet-counts.ts';
import { rankHits } from './rank.ts';
import { passes, type SearchState } from './state.ts';
import type { FacetCounts, Hit, PagefindApi, SearchOutcome, SearchSession } from './types.ts';

export class ExhaustiveSearch implements SearchSession {
  private shown: number;

  private readonly state: SearchState;
  private readonly terms: string[];
  private readonly matching: Hit[];
  private readonly counts: FacetCounts;
  private readonly pageSize: number;

  private constructor(state: SearchState, terms: string[], matching: Hit[], counts: FacetCounts, pageSize: number) {
    this.state = state;
    this.terms = terms;
    this.matching = matching;
    this.counts = counts;
    this.pageSize = pageSize;
    this.shown = Math.min(pageSize, matching.length);
  }

  /** `query` null: Pagefind cannot look anything up reliably, so every page is a candidate. */
  static async start(pf: PagefindApi, checker: CandidateChecker, state: SearchState, terms: string[], query: string | null, pageSize: number): Promise<ExhaustiveSearch> {
    const resp = await pf.search(query);
    const verified = await checker.checkAll(resp?.results ?? [], terms);
    const matching = rankHits(verified.filter((h) => passes(h.filters, state.filters)));
    return new ExhaustiveSearch(state, terms, matching, facetCounts(verified, state.filters), pageSize);
  }

  outcome(): SearchOutcome {
    return {
      state: this.state,
      terms: this.terms,
      hits: this.matching.slice(0, this.shown),
      total: this.matching.length,
      exact: true,
      facets: this.counts,
      facetsExact: true,
      facetsPending: false,
      hasMore: this.shown < this.matching.length,
      unsearchable: false,
    };
  }

  async facets(): Promise<SearchOutcome> {
    return this.outcome();
  }

  async more(): Promise<SearchOutcome> {
    this.shown = Math.min(this.shown + this.pageSize, this.matching.length);
    return this.outcome();
  }

  async all(): Promise<SearchOutcome> {
    this.shown = this.matching.length;
    return this.outcome();
  }
}
