/**
 * Running a query with its variants in the documents' words (src/lib/search/synonyms.ts): each variant in full and
 * without filters, merged into one result list (src/lib/search/union.ts); a query without a synonym runs as typed.
 */
import type { SearchEngine } from '../lib/search/engine.ts';
import { PAGE_SIZE } from '../lib/search/first-page.ts';
import { emptyFilters, type SearchState } from '../lib/search/state.ts';
import { expandQuery, prepareSynonyms, type Expansion, type SynonymEntry } from '../lib/search/synonyms.ts';
import type { SearchSession } from '../lib/search/types.ts';
import { unionSession } from '../lib/search/union.ts';

export type Synonyms = ReturnType<typeof prepareSynonyms>;

/** The synonym list the page carries (data-synonyms, JSON read as data), prepared for matching. */
export function readSynonyms(json: string | undefined): Synonyms {
  try {
    const list = JSON.parse(json ?? '[]') as unknown;
    if (!Array.isArray(list)) return [];
    const ok = list.filter((e): e is SynonymEntry => Array.isArray(e?.words) && Array.isArray(e?.search) && [...e.words, ...e.search].every((w: unknown) => typeof w === 'string'));
    return prepareSynonyms(ok);
  } catch {
    return [];
  }
}

export interface ExpandedSession {
  session: SearchSession;
  expansion: Expansion;
}

/** Search `state`, also in the documents' words where the query has a synonym. */
export async function runExpanded(engine: Pick<SearchEngine, 'run'>, state: SearchState, synonyms: Synonyms): Promise<ExpandedSession> {
  const expansion = state.q ? expandQuery(state.q, synonyms) : { variants: [state.q], used: [] };
  if (expansion.used.length === 0) return { session: await engine.run(state), expansion };
  const outcomes = await Promise.all(
    expansion.variants.map(async (q) => (await engine.run({ q, filters: emptyFilters() })).all()),
  );
  return { session: unionSession(state, outcomes, PAGE_SIZE), expansion };
}
