/**
 * The search page's state lives in its URL, so a result list can be shared and the back button works:
 *   /search/?q=典当&type=license&type=penalty&department=县级公安部门&change=cancelled&notice=嘉政发〔2021〕2号&year=2021
 * `type` and `change` carry the glossary codes (stable, readable in a link); the other filters carry the value
 * as printed. Several values of one filter mean "any of them"; different filters must all hold.
 */
import { CHANGE_GROUPS, CHANGE_GROUP_CODES, ITEM_TYPES, ITEM_TYPE_CODES, VALIDITY, VALIDITY_CODES } from '../../domain/glossary.ts';

/** The Pagefind filters an item page carries (see src/components/search/ItemSearchMeta.astro), in display order. */
/**
 * `validity` (有效性) comes from the notice's frontmatter and only where a notice states it: an item of a notice that
 * does not say has no value, and a site where no notice says has no such filter (never presumed 现行有效).
 */
export const FILTER_KEYS = ['type', 'change', 'department', 'notice', 'year', 'validity'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Record<FilterKey, string[]>;

export interface SearchState {
  /** The query as typed (trimmed). */
  q: string;
  /** Selected filter values, as Pagefind knows them (the printed labels). */
  filters: Filters;
}

export function emptyFilters(): Filters {
  return { type: [], change: [], department: [], notice: [], year: [], validity: [] };
}

/** Label ↔ URL code for the filters whose values have glossary codes. */
const CODED: Partial<Record<FilterKey, { codes: readonly string[]; label: (code: string) => string | undefined }>> = {
  type: { codes: ITEM_TYPE_CODES, label: (c) => (ITEM_TYPES as Record<string, string>)[c] },
  change: { codes: CHANGE_GROUP_CODES, label: (c) => (CHANGE_GROUPS as Record<string, string>)[c] },
  validity: { codes: VALIDITY_CODES, label: (c) => (VALIDITY as Record<string, string>)[c] },
};

/** The value Pagefind knows for a URL parameter value (a code, or the label itself), or undefined if unknown. */
export function valueFromParam(key: FilterKey, param: string): string | undefined {
  const coded = CODED[key];
  if (!coded) return param.trim() || undefined;
  const byCode = coded.label(param);
  if (byCode) return byCode;
  return coded.codes.some((c) => coded.label(c) === param) ? param : undefined;
}

/** The URL parameter value for a Pagefind filter value. */
export function paramFromValue(key: FilterKey, value: string): string {
  const coded = CODED[key];
  if (!coded) return value;
  return coded.codes.find((c) => coded.label(c) === value) ?? value;
}

/** Read the state from a URL's query string. */
export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) {
    for (const raw of params.getAll(key)) {
      const v = valueFromParam(key, raw);
      if (v !== undefined && !filters[key].includes(v)) filters[key].push(v);
    }
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** The query string for a state ("" when there is nothing to say), q first, then filters in FILTER_KEYS order. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const v of state.filters[key] ?? []) params.append(key, paramFromValue(key, v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function hasFilters(filters: Filters): boolean {
  return FILTER_KEYS.some((k) => (filters[k]?.length ?? 0) > 0);
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToSearch(a) === stateToSearch(b);
}

/** Pagefind's filter argument: for each filter with a selection, any of its values. */
export function pagefindFilters(filters: Filters, except?: FilterKey): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    if (key === except || (filters[key]?.length ?? 0) === 0) continue;
    out[key] = { any: [...filters[key]] };
  }
  return out;
}

/** Does a page with these filter values pass the selection (ignoring `except`)? */
export function passes(pageFilters: Record<string, string[] | undefined>, filters: Filters, except?: FilterKey): boolean {
  return FILTER_KEYS.every((key) => {
    // A state written before a filter existed (a saved link, an older caller) lacks its key: nothing chosen.
    if (key === except || (filters[key]?.length ?? 0) === 0) return true;
    const values = pageFilters[key] ?? [];
    return filters[key].some((v) => values.includes(v));
  });
}
