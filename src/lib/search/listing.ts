/**
 * The search page without a query: the item pages that pass the filters, in the items' order (the order they were
 * indexed in, see scripts/index.ts), a page at a time.
 * - No filter, and the build's item count and counts at hand: Pagefind's results without a query are the pages of
 *   each tier in the order they were indexed, items first, so a tier's first `items` results are its items. No
 *   filter file is loaded, and older tiers are added only as the reader pages on to them.
 * - Otherwise every tier and Pagefind's filter files are loaded, and Pagefind filters and counts.
 */
import type { CandidateChecker } from './candidates.ts';
import { pagefindFacets } from './facet-counts.ts';
import { hasFilters, pagefindFilters, type SearchState } from './state.ts';
import type { TierSet } from './tier-set.ts';
import type { FacetCounts, Hit, PagefindApi, PagefindResult, SearchOutcome, SearchSession, TierSize } from './types.ts';

export interface ListingContext {
  pf: PagefindApi;
  tiers: TierSet;
  checker: CandidateChecker;
  pageSize: number;
  /** What the build knows: the item pages' count and their counts per filter value. */
  items?: { count: number; facets: FacetCounts };
  tierSizes?: readonly TierSize[];
  /** Every filter value in the index, every tier loaded (Pagefind's filter files). */
  allFacetValues(): Promise<FacetCounts>;
}

/**
 * The item results among Pagefind's results without a query (which come tier by tier in `pagefindOrder`), newest
 * tier first, and only the tiers from the newest on without a gap (a query may have added an old tier alone).
 */
export function itemsOfTiers(results: readonly PagefindResult[], pagefindOrder: readonly number[], sizes: readonly TierSize[]): PagefindResult[] {
  const slices = new Map<number, PagefindResult[]>();
  let offset = 0;
  for (const t of pagefindOrder) {
    const size = sizes[t] ?? { pages: 0, items: 0 };
    slices.set(t, results.slice(offset, offset + size.items));
    offset += size.pages;
  }
  const out: PagefindResult[] = [];
  for (let t = 0; slices.has(t); t++) out.push(...slices.get(t)!);
  return out;
}

export class Listing implements SearchSession {
  private readonly loaded: Hit[] = [];
  private all_: PagefindResult[] = [];

  private readonly ctx: ListingContext;
  private readonly state: SearchState;
  private readonly total: number;
  private readonly counts: FacetCounts;
  /** True when older tiers are added as the reader pages on. */
  private readonly grows: boolean;

  private constructor(ctx: ListingContext, state: SearchState, total: number, counts: FacetCounts, grows: boolean) {
    this.ctx = ctx;
    this.state = state;
    this.total = total;
    this.counts = counts;
    this.grows = grows;
  }

  static async start(ctx: ListingContext, state: SearchState): Promise<Listing> {
    let listing: Listing;
    if (!hasFilters(state.filters) && ctx.items) {
      listing = new Listing(ctx, state, ctx.items.count, ctx.items.facets, true);
      await listing.relist();
    } else {
      const values = await ctx.allFacetValues();
      // Only item pages carry a 事项类型: asking for any type keeps notices and lists out of the listing.
      const itemsOnly: Record<string, unknown> = state.filters.type.length ? {} : { type: { any: Object.keys(values.type ?? {}) } };
      const found = (await ctx.pf.search(null, { filters: { ...itemsOnly, ...pagefindFilters(state.filters) } }))?.results ?? [];
      listing = new Listing(ctx, state, found.length, await pagefindFacets(ctx.pf, null, state.filters, itemsOnly), false);
      listing.all_ = found;
    }
    await listing.load(ctx.pageSize);
    return listing;
  }

  /** The items of the tiers loaded now. */
  private async relist(): Promise<void> {
    const results = (await this.ctx.pf.search(null))?.results ?? [];
    const one = [{ pages: Number.POSITIVE_INFINITY, items: this.total }];
    const sizes = this.ctx.tiers.count > 1 && this.ctx.tierSizes ? this.ctx.tierSizes : one;
    this.all_ = itemsOfTiers(results, this.ctx.tiers.pagefindOrder(), sizes);
  }

  private async load(upTo: number): Promise<void> {
    // Tiers are added newest first until the page can be filled (a tier added out of order by a query counts too).
    while (this.grows && this.all_.length < Math.min(upTo, this.total) && (await this.ctx.tiers.addNext())) await this.relist();
    const batch = this.all_.slice(this.loaded.length, upTo);
    this.loaded.push(...(await this.ctx.checker.checkAll(batch, [])));
  }

  outcome(): SearchOutcome {
    return {
      state: this.state,
      terms: [],
      hits: [...this.loaded],
      total: this.total,
      exact: true,
      facets: this.counts,
      facetsExact: true,
      facetsPending: false,
      hasMore: this.loaded.length < this.total,
      unsearchable: false,
    };
  }

  async facets(): Promise<SearchOutcome> {
    return this.outcome();
  }

  async more(): Promise<SearchOutcome> {
    await this.load(this.loaded.length + this.ctx.pageSize);
    return this.outcome();
  }

  async all(): Promise<SearchOutcome> {
    await this.load(this.total);
    return this.outcome();
  }
}
