/**
 * Counts per filter value ("行政许可 (12)"): each filter counted with its own choice set aside, so the reader sees
 * what choosing another value of it would give.
 * - `facetCounts`: exact, over hits whose fragments were checked (a small index checks every candidate);
 * - `pagefindFacets`: Pagefind's own counts (before the literal check: approximate), for a large index.
 */
import { FILTER_KEYS, pagefindFilters, passes, type Filters } from './state.ts';
import type { FacetCounts, Hit, PagefindApi } from './types.ts';

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

/**
 * Pagefind's counts per filter value for `term` (null: every page), one in-memory search per filter. Pagefind counts
 * only the filters whose files it has loaded: the caller loads them first (PagefindApi.filters()).
 */
export async function pagefindFacets(pf: PagefindApi, term: string | null, filters: Filters, scope: Record<string, unknown> = {}): Promise<FacetCounts> {
  const out: FacetCounts = {};
  for (const key of FILTER_KEYS) {
    const r = await pf.search(term, { filters: { ...scope, ...pagefindFilters(filters, key) } });
    out[key] = r?.filters[key] ?? {};
  }
  return out;
}
