/**
 * The shapes the search shares: what it needs of Pagefind (`PagefindApi`, implemented by ./pagefind.ts in the
 * browser and by fakes in the unit tests), what it hands the page (`SearchOutcome`, `SearchSession`).
 */
import type { Segment } from './excerpt.ts';
import type { PagefindFragment } from './fragment.ts';
import type { PageKind } from '../../domain/urls.ts';
import type { SearchState } from './state.ts';

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

/** The part of Pagefind's JS API (/pagefind/pagefind.js) the search uses. */
export interface PagefindApi {
  /** Search every tier added so far (the first always). */
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
  filters(): Promise<FacetCounts>;
  /**
   * Add tier `n` (0-based, as in pagefind/tiers.json; see ./tiers.ts) to what search() and filters() cover.
   * Absent: the index is one tier.
   */
  addTier?(n: number): Promise<void>;
  /** A result's fragment, read another way than its own data() (./pagefind.ts); absent: data(). */
  fragment?(r: PagefindResult): Promise<PagefindFragment>;
  /** Load the index chunks a search for `term` needs, and search nothing (Pagefind's preload). */
  preload?(term: string): Promise<void>;
}

/** What the search knows of a tier (./tiers.ts): its pages, the first `items` of which are items. */
export interface TierSize {
  pages: number;
  items: number;
  /** The oldest 成文日期 in the tier. */
  oldest?: string;
}

/**
 * Which tiers may hold a page containing every term literally (./literal-index.ts). A set of tier numbers; empty:
 * no page anywhere does. Never leaves out a tier that has a match.
 */
export type TierFinder = (terms: readonly string[]) => Promise<ReadonlySet<number>>;

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
   * ("" if unknown). Absent when every tier that may hold a result was searched.
   */
  searchedSince?: string;
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

export function emptyOutcome(state: SearchState, terms: string[], unsearchable: boolean): SearchOutcome {
  return { state, terms, hits: [], total: 0, exact: true, facets: {}, facetsExact: true, facetsPending: false, hasMore: false, unsearchable };
}

/** A session whose outcome is final from the start. */
export function fixedSession(outcome: SearchOutcome): SearchSession {
  return { outcome: () => outcome, facets: async () => outcome, more: async () => outcome, all: async () => outcome };
}
