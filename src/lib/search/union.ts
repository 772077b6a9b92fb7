/**
 * One result list from several queries (a query and its variants with the documents' words, ./synonyms.ts): a page
 * is a result if any of them finds it. Each variant is run without filters and in full (`all()`), so the filters and
 * their counts are applied here, over the union, exactly as ./exhaustive.ts does for one query. The query as typed
 * keeps its order first; pages only a variant finds follow, in that variant's order.
 */
import { facetCounts } from './facet-counts.ts';
import { passes, type SearchState } from './state.ts';
import { fixedSession, type Hit, type SearchOutcome, type SearchSession } from './types.ts';

/** The hits of every outcome, each page once (where it first appears). */
export function unionHits(outcomes: readonly SearchOutcome[]): Hit[] {
  const seen = new Set<string>();
  const out: Hit[] = [];
  for (const o of outcomes) {
    for (const h of o.hits) {
      if (seen.has(h.url)) continue;
      seen.add(h.url);
      out.push(h);
    }
  }
  return out;
}

/** The outcome for `state` over the union of `outcomes` (each a full, unfiltered result list), `shown` hits shown. */
export function unionOutcome(state: SearchState, outcomes: readonly SearchOutcome[], shown: number): SearchOutcome {
  const all = unionHits(outcomes);
  const matching = all.filter((h) => passes(h.filters, state.filters));
  const terms = [...new Set(outcomes.flatMap((o) => o.terms))];
  return {
    state,
    terms,
    hits: matching.slice(0, shown),
    total: matching.length,
    exact: outcomes.every((o) => o.exact),
    facets: facetCounts(all, state.filters),
    facetsExact: outcomes.every((o) => o.facetsExact),
    facetsPending: false,
    hasMore: shown < matching.length,
    unsearchable: outcomes.every((o) => o.unsearchable),
  };
}

/** A session over the union: paging is local, every result list being complete. */
export function unionSession(state: SearchState, outcomes: readonly SearchOutcome[], pageSize: number): SearchSession {
  let shown = pageSize;
  const now = () => unionOutcome(state, outcomes, shown);
  const session = fixedSession(now());
  return {
    ...session,
    outcome: now,
    facets: async () => now(),
    more: async () => {
      shown += pageSize;
      return now();
    },
    all: async () => {
      shown = Number.POSITIVE_INFINITY;
      return now();
    },
  };
}
