/**
 * People's words → the documents' words (content/synonyms.json, reviewed like any content): a query containing one
 * of an entry's `words` is also run with the entry's `search` words in its place, and the page tells the reader
 * (“也搜索了：成品油”, and why). Pure: the page runs the variants (../../scripts/search-synonyms.ts) and merges them
 * (./union.ts).
 *
 * A term containing a word is split around it: 乡村加油站 → 成品油 + 乡村, so the documents' word and the rest of what
 * was typed must both be there (the literal check's AND), wherever they stand in the page.
 */
import { normaliseText, queryTerms } from './normalize.ts';

export interface SynonymEntry {
  words: readonly string[];
  search: readonly string[];
}

/** One word of the query that was also searched as the documents' words. */
export interface SynonymUse {
  /** As in the list (加油站). */
  word: string;
  search: readonly string[];
}

export interface Expansion {
  /** The query as typed, then each variant (a query string, its terms separated by spaces). */
  variants: string[];
  /** What was expanded, in the order found; empty when the query has no synonym. */
  used: SynonymUse[];
}

/** At most this many queries run for one search (the query itself included). */
export const MAX_VARIANTS = 6;

interface Prepared {
  word: string;
  norm: string;
  search: readonly string[];
}

/** The list's words, normalised like a query, longest first (油库 before a shorter word inside it). */
export function prepareSynonyms(entries: readonly SynonymEntry[]): Prepared[] {
  return entries
    .flatMap((e) => e.words.map((word) => ({ word, norm: normaliseText(word), search: e.search })))
    .filter((p) => p.norm.length > 0)
    .sort((a, b) => b.norm.length - a.norm.length);
}

/** The alternatives for one term: the term itself, then each search word with the rest of the term. */
function termOptions(term: string, list: readonly Prepared[]): { options: string[][]; use?: SynonymUse } {
  const hit = list.find((p) => term.includes(p.norm));
  if (!hit) return { options: [[term]] };
  const at = term.indexOf(hit.norm);
  const rest = [term.slice(0, at), term.slice(at + hit.norm.length)].filter((r) => r.length > 0);
  const options = [[term], ...hit.search.map((s) => [normaliseText(s), ...rest])];
  return { options, use: { word: hit.word, search: hit.search } };
}

/** The query's variants with the documents' words (the query itself first). */
export function expandQuery(query: string, entries: readonly SynonymEntry[] | readonly Prepared[]): Expansion {
  const list = entries.length > 0 && 'norm' in entries[0]! ? (entries as readonly Prepared[]) : prepareSynonyms(entries as readonly SynonymEntry[]);
  const terms = queryTerms(query);
  const used: SynonymUse[] = [];
  let combos: string[][] = [[]];
  for (const term of terms) {
    const { options, use } = termOptions(term, list);
    if (use && !used.some((u) => u.word === use.word)) used.push(use);
    combos = combos.flatMap((c) => options.map((o) => [...c, ...o]));
  }
  const variants = [query.trim()];
  for (const c of combos.slice(1)) {
    const v = [...new Set(c)].join(' ');
    if (!variants.includes(v)) variants.push(v);
  }
  return { variants: variants.slice(0, MAX_VARIANTS), used };
}

/** The words the documents use that an expansion added (for “也搜索了：…”), without repeats. */
export function searchedWords(used: readonly SynonymUse[]): string[] {
  return [...new Set(used.flatMap((u) => u.search))];
}
