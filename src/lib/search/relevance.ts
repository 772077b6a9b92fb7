/**
 * The relevance suite's pure parts: the generated query set (what citizens type, derived from the content) and the
 * figures (recall, precision@10). The browser side is tests/e2e/search-relevance.spec.ts.
 *
 * Ground truth: a page is relevant to a query when its indexed text, normalised like the query (./normalize.ts),
 * contains every term of the query.
 */
import { bracketVariants, containsAll, hasWords, queryTerms } from './normalize.ts';
import { DOC_NUMBER_IN_TEXT } from '../../domain/patterns.ts';

export type QuerySource = 'name' | 'measure' | 'department' | 'docNumber';

export interface GeneratedQuery {
  query: string;
  source: QuerySource;
}

export interface QuerySetInput {
  itemNames: readonly string[];
  /** Lead sentences and steps of the measures. */
  measures: readonly string[];
  departments: readonly string[];
  /** Every 发文字号 cited in the content, as printed (with 〔〕). */
  docNumbers: readonly string[];
}

/** Every substring of `s` of `min`..`max` characters (code points), in order, without repeats. */
export function substrings(s: string, min = 2, max = 4): string[] {
  const chars = [...s];
  const out = new Set<string>();
  for (let len = min; len <= max; len++) {
    for (let i = 0; i + len <= chars.length; i++) out.add(chars.slice(i, i + len).join(''));
  }
  return [...out];
}

const CLAUSE_BREAK = /[，。、；：！？,.;:!?“”‘’"《》（）()〔〕\s]+/u;

/** The phrases of a sentence a reader might copy: the runs between punctuation, 2 to `max` characters long. */
export function phrases(sentence: string, max = 12): string[] {
  return sentence
    .split(CLAUSE_BREAK)
    .map((p) => p.trim())
    .filter((p) => [...p].length >= 2 && [...p].length <= max);
}

/** Departments as printed, split where a task lists several (党群工作部，各行业主管部门及各监管职能部门). */
export function departmentNames(printed: string): string[] {
  return printed
    .split(/[，、,]|及/u)
    .map((d) => d.trim())
    .filter((d) => [...d].length >= 2);
}

/** A query Pagefind can look up at all (not only punctuation). */
export function searchable(query: string): boolean {
  return hasWords(queryTerms(query));
}

/** The generated query set, without repeats, in a stable order. */
export function buildQuerySet(input: QuerySetInput): GeneratedQuery[] {
  const seen = new Set<string>();
  const out: GeneratedQuery[] = [];
  const add = (query: string, source: QuerySource) => {
    if (seen.has(query) || !searchable(query)) return;
    seen.add(query);
    out.push({ query, source });
  };
  for (const name of input.itemNames) for (const s of substrings(name)) add(s, 'name');
  for (const m of input.measures) for (const p of phrases(m)) add(p, 'measure');
  for (const d of input.departments) for (const n of departmentNames(d)) add(n, 'department');
  for (const doc of input.docNumbers) for (const v of bracketVariants(doc)) add(v, 'docNumber');
  return out;
}

/** The pages whose (normalised) indexed text contains the query. */
export function relevantPages(query: string, pages: ReadonlyMap<string, string>): string[] {
  const terms = queryTerms(query);
  return [...pages].filter(([, text]) => containsAll(text, terms)).map(([url]) => url);
}

export interface QueryRun {
  query: string;
  relevant: readonly string[];
  /** Every result the search returned, best first. */
  returned: readonly string[];
}

export interface RelevanceFigures {
  queries: number;
  /** Queries with at least one relevant page. */
  queriesWithRelevant: number;
  /** Relevant pages found / relevant pages, over all queries. */
  recall: number;
  /** Mean over queries that returned anything of (relevant among the first k) / (results among the first k). */
  precisionAtK: number;
  k: number;
  /** Queries that missed relevant pages. */
  misses: { query: string; missing: string[] }[];
  /** Queries with a result among the first k that is not relevant. */
  falseHits: { query: string; wrong: string[] }[];
}

export function relevanceFigures(runs: readonly QueryRun[], k = 10): RelevanceFigures {
  let found = 0;
  let relevantTotal = 0;
  let precisionSum = 0;
  let precisionCount = 0;
  const misses: RelevanceFigures['misses'] = [];
  const falseHits: RelevanceFigures['falseHits'] = [];
  for (const run of runs) {
    const relevant = new Set(run.relevant);
    const returned = new Set(run.returned);
    const missing = run.relevant.filter((u) => !returned.has(u));
    relevantTotal += relevant.size;
    found += relevant.size - missing.length;
    if (missing.length > 0) misses.push({ query: run.query, missing });
    const top = run.returned.slice(0, k);
    if (top.length > 0) {
      const wrong = top.filter((u) => !relevant.has(u));
      precisionSum += (top.length - wrong.length) / top.length;
      precisionCount += 1;
      if (wrong.length > 0) falseHits.push({ query: run.query, wrong });
    }
  }
  return {
    queries: runs.length,
    queriesWithRelevant: runs.filter((r) => r.relevant.length > 0).length,
    recall: relevantTotal === 0 ? 1 : found / relevantTotal,
    precisionAtK: precisionCount === 0 ? 1 : precisionSum / precisionCount,
    k,
    misses,
    falseHits,
  };
}

/**
 * 发文字号 cited in a text (as printed, with 〔〕). The documents cite them after punctuation or a space
 * (（国发〔2020〕13号）, docNumber: 嘉政发〔2021〕2号), so the issuer code is the whole run of Han characters there.
 */
export function citedDocNumbers(text: string): string[] {
  return [...new Set(text.match(DOC_NUMBER_IN_TEXT) ?? [])];
}
