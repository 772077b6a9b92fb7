/**
 * The search on a large index: candidates are checked only as far as the page of results needs, tier by tier.
 * A small state machine:
 *
 *   near ──(side-by-side candidates checked)──▶ apart ──(all candidates checked)──▶ next-tier ──▶ near …
 *                                                                                  └─(no tier left that may
 *                                                                                     hold a match)──▶ done
 *
 * - near: the candidates whose matched words sit side by side (./candidates.ts, splitAdjacent): at 10,000 items
 *   every literal match was among them. The first page, once it has a result, stops after them when two or more
 *   words were looked up.
 * - apart: the other candidates of the tiers searched.
 * - next-tier: add an older tier and search again. Only tiers the literal index (./literal-index.ts) says may hold
 *   a match; the first page adds one only while it has found nothing.
 * - done: every candidate of every tier that may hold a match was checked: the count is exact.
 * Candidates are checked in parallel batches sized to the results still missing (batchSize); a page of results
 * checks at most `maxProbe` of them, except that "no results" is said only when it is certain.
 */
import { batchSize, splitAdjacent, type CandidateChecker } from './candidates.ts';
import { rankHits } from './rank.ts';
import { pagefindFacets } from './facet-counts.ts';
import { pagefindFilters, type SearchState } from './state.ts';
import { timed } from './marks.ts';
import type { TierSet } from './tier-set.ts';
import type { FacetCounts, Hit, PagefindApi, PagefindResult, SearchOutcome, SearchSession, TierFinder, TierSize } from './types.ts';

export type Phase = 'near' | 'apart' | 'next-tier' | 'done';

export interface ProgressiveContext {
  pf: PagefindApi;
  tiers: TierSet;
  checker: CandidateChecker;
  /** Which tiers may hold a match (absent: any). */
  findTiers?: TierFinder;
  tierSizes?: readonly TierSize[];
  pageSize: number;
  batch: number;
  maxProbe: number;
  /** Load every tier and Pagefind's filter files (filter counts need them). */
  loadFilters(): Promise<unknown>;
}

export class ProgressiveSearch implements SearchSession {
  phase: Phase = 'near';
  private candidates: PagefindResult[] = [];
  private next = 0;
  private nearEnd = 0;
  private checked = 0;
  private wanted: number;
  private facetCounts: FacetCounts | undefined;
  /** Tiers the last Pagefind search covered. */
  private searched: readonly number[] = [];
  /** Tiers that may hold a match, once the literal index was asked. */
  private mayHold: ReadonlySet<number> | undefined;
  private readonly seen = new Set<string>();
  private readonly verified: Hit[] = [];
  private readonly severalWords: boolean;

  private readonly ctx: ProgressiveContext;
  private readonly state: SearchState;
  private readonly terms: string[];
  private readonly query: string;

  private constructor(ctx: ProgressiveContext, state: SearchState, terms: string[], query: string) {
    this.ctx = ctx;
    this.state = state;
    this.terms = terms;
    this.query = query;
    this.wanted = ctx.pageSize;
    this.severalWords = query.split(' ').filter(Boolean).length > 1;
  }

  /** Search the tiers loaded now and fill the first page. */
  static async start(ctx: ProgressiveContext, state: SearchState, terms: string[], query: string): Promise<ProgressiveSearch> {
    const s = new ProgressiveSearch(ctx, state, terms, query);
    await s.search();
    await s.fill(ctx.maxProbe, true);
    return s;
  }

  /** Search every tier loaded now, keeping the candidates not seen yet: side by side first. */
  private async search(): Promise<void> {
    this.searched = this.ctx.tiers.loaded();
    const resp = await timed('pagefind-search', () => this.ctx.pf.search(this.query, { filters: pagefindFilters(this.state.filters) }));
    const { near, apart } = splitAdjacent((resp?.results ?? []).filter((r) => !this.seen.has(r.id)));
    this.candidates = [...near, ...apart];
    this.nearEnd = near.length;
    this.next = 0;
    this.phase = 'near';
  }

  private async tiersThatMayHold(): Promise<ReadonlySet<number> | undefined> {
    if (!this.mayHold && this.ctx.findTiers && this.ctx.tiers.count > 1) {
      this.mayHold = await timed('literal-index', () => this.ctx.findTiers!(this.terms)).catch(() => undefined);
    }
    return this.mayHold;
  }

  /** Add a tier that may hold a match (or one another search added meanwhile) and search; false when none is left. */
  private async nextTier(): Promise<boolean> {
    const tiers = this.ctx.tiers;
    if (tiers.loaded().length > this.searched.length) return true;
    const t = tiers.nextMissing(await this.tiersThatMayHold());
    if (t === undefined) return false;
    await tiers.add(t);
    return true;
  }

  /** One step of the machine; false when the page of results is as full as it gets now. */
  private async step(firstPage: boolean): Promise<boolean> {
    const found = this.verified.length;
    switch (this.phase) {
      case 'near':
        if (this.next < this.nearEnd) return this.checkBatch(this.nearEnd);
        if (firstPage && this.severalWords && found > 0) return false;
        this.phase = 'apart';
        // Several words and none side by side: if the literal index rules out the tiers searched, their other
        // candidates are not worth a fragment each.
        if (this.severalWords && found === 0 && this.next < this.candidates.length) {
          const may = await this.tiersThatMayHold();
          if (may && !this.searched.some((t) => may.has(t))) this.next = this.candidates.length;
        }
        return true;
      case 'apart':
        if (this.next < this.candidates.length) return this.checkBatch(this.candidates.length);
        this.phase = 'next-tier';
        return true;
      case 'next-tier':
        if (firstPage && found > 0) return false;
        if (!(await this.nextTier())) {
          this.phase = 'done';
          return false;
        }
        await this.search();
        return true;
      case 'done':
        return false;
    }
  }

  /** Check the next candidates, up to `end` (the side-by-side ones in batches of their own). */
  private async checkBatch(end: number): Promise<boolean> {
    const size = batchSize(this.wanted - this.verified.length, this.checked, this.verified.length, this.ctx.batch);
    const batch = this.candidates.slice(this.next, Math.min(end, this.next + size));
    this.next += batch.length;
    this.checked += batch.length;
    for (const r of batch) this.seen.add(r.id);
    this.verified.push(...(await this.ctx.checker.checkAll(batch, this.terms)));
    return true;
  }

  private async fill(limit: number, firstPage: boolean): Promise<void> {
    const start = this.checked;
    while (this.verified.length < this.wanted) {
      // Until a first result is found the first page keeps checking: "no results" is said only when it is certain.
      const overLimit = this.checked - start >= limit && !(firstPage && this.verified.length === 0);
      if (overLimit || !(await this.step(firstPage))) break;
    }
    await this.settle();
  }

  /** Every candidate checked and no tier left that may hold a match: done, without another step. */
  private async settle(): Promise<void> {
    if (this.phase === 'done' || this.next < this.candidates.length) return;
    if (this.ctx.tiers.loaded().length > this.searched.length) return;
    const may = this.ctx.tiers.count > 1 ? this.mayHold : undefined;
    if (this.ctx.tiers.nextMissing(may) === undefined) this.phase = 'done';
  }

  /** The oldest 成文日期 searched, while tiers that may hold a match are left (absent once none is). */
  private searchedSince(): { searchedSince?: string } {
    if (this.phase === 'done') return {};
    const missing = this.ctx.tiers.nextMissing(this.mayHold);
    if (missing === undefined) return {};
    return { searchedSince: this.ctx.tierSizes?.[Math.max(missing - 1, 0)]?.oldest ?? '' };
  }

  outcome(): SearchOutcome {
    const done = this.phase === 'done';
    return {
      state: this.state,
      terms: this.terms,
      hits: rankHits(this.verified).slice(0, this.wanted),
      total: this.verified.length,
      exact: done,
      facets: this.facetCounts ?? {},
      facetsExact: false,
      facetsPending: this.facetCounts === undefined,
      hasMore: this.verified.length > this.wanted || !done,
      unsearchable: false,
      ...(this.ctx.tiers.count > 1 ? this.searchedSince() : {}),
    };
  }

  async facets(): Promise<SearchOutcome> {
    if (!this.facetCounts) {
      await this.ctx.loadFilters();
      this.facetCounts = await pagefindFacets(this.ctx.pf, this.query, this.state.filters);
    }
    return this.outcome();
  }

  async more(): Promise<SearchOutcome> {
    this.wanted += this.ctx.pageSize;
    await this.fill(this.ctx.maxProbe, false);
    return this.outcome();
  }

  async all(): Promise<SearchOutcome> {
    this.wanted = Number.POSITIVE_INFINITY;
    await this.fill(Number.POSITIVE_INFINITY, false);
    return this.outcome();
  }
}
