/**
 * The filter values of an item page (what ItemSearchMeta writes for Pagefind), and the filter choices the search
 * page offers, built from the same function so the two never disagree.
 */
import { CHANGE_GROUPS, CHANGE_GROUP_CODES, ITEM_TYPES, ITEM_TYPE_CODES, VALIDITY, VALIDITY_CODES, type ChangeGroup, type ItemType, type Validity } from '../../domain/glossary.ts';
import type { ItemEntryData } from '../items.ts';
import type { Notice } from '../../schemas/notice.ts';
import { FILTER_KEYS, paramFromValue, type FilterKey } from './state.ts';

export type ItemFacts = Pick<ItemEntryData, 'type' | 'changeGroup' | 'department' | 'receiver'>;
export type NoticeFacts = Pick<Notice, 'docNumber' | 'signedDate'> & Partial<Pick<Notice, 'validity'>>;
/** An item's filter values; a filter the source gives no value for (no 事项类型, no department) is absent. */
export type FilterValues = Partial<Record<FilterKey, string>>;

/**
 * The value of each filter for one item: the department, or the receiving department when none is printed; 有效性
 * inherited from the notice, absent when the notice does not state it.
 */
export function itemFilterValues(item: ItemFacts, notice: NoticeFacts): FilterValues {
  const department = item.department ?? item.receiver;
  return {
    ...(item.type !== null ? { type: ITEM_TYPES[item.type] } : {}),
    change: CHANGE_GROUPS[item.changeGroup],
    ...(department !== null ? { department } : {}),
    notice: notice.docNumber,
    year: notice.signedDate.slice(0, 4),
    ...(notice.validity ? { validity: VALIDITY[notice.validity.status] } : {}),
  };
}

export interface FacetOption {
  /** The value Pagefind knows (a label). */
  value: string;
  /** The value in the URL (a code for type and change). */
  param: string;
  /** Number of items with this value. */
  count: number;
}

/**
 * The choices of every filter, in a stable order, with item counts. `noticesNewestFirst`: the site's 发文字号, newest
 * document first — the order of the 发文字号 filter (its first ten are what a shortened filter shows).
 */
export function facetOptions(items: readonly FilterValues[], noticesNewestFirst: readonly string[] = []): Record<FilterKey, FacetOption[]> {
  const out = {} as Record<FilterKey, FacetOption[]>;
  for (const key of FILTER_KEYS) {
    const counts = new Map<string, number>(key === 'notice' ? noticesNewestFirst.map((n) => [n, 0]) : []);
    for (const it of items) {
      const v = it[key];
      if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    for (const [v, n] of counts) if (n === 0) counts.delete(v);
    out[key] = optionsFromCounts(key, Object.fromEntries(counts));
  }
  return out;
}

/** Built on first use: the search page imports this module, and most of its visits never sort a filter. */
let collator: Intl.Collator | undefined;
const zh = () => (collator ??= new Intl.Collator('zh-CN'));

/**
 * One filter's choices from its counts (value → number of items), in the filter's order: 事项类型, 调整方式 and
 * 有效性 as the glossary lists them, years newest first, departments by number of items, 发文字号 as the counts
 * list them (facetOptions puts the newest document first; the page's copy of the counts keeps that order, its keys
 * being text). The build (the checkboxes it writes) and the page (those it adds, src/scripts/search-facet-list.ts)
 * both order them with this.
 */
export function optionsFromCounts(key: FilterKey, counts: Readonly<Record<string, number>>): FacetOption[] {
  const options = Object.entries(counts).map(([value, count]) => ({ value, param: paramFromValue(key, value), count }));
  if (key === 'notice') return options;
  const order = (list: readonly string[], label: (c: string) => string) => (o: FacetOption) => {
    const i = list.findIndex((c) => label(c) === o.value);
    return i === -1 ? list.length : i;
  };
  let rank: ((o: FacetOption) => number) | undefined;
  if (key === 'type') rank = order(ITEM_TYPE_CODES, (c) => ITEM_TYPES[c as ItemType]);
  if (key === 'change') rank = order(CHANGE_GROUP_CODES, (c) => CHANGE_GROUPS[c as ChangeGroup]);
  if (key === 'validity') rank = order(VALIDITY_CODES, (c) => VALIDITY[c as Validity]);
  return options.sort((a, b) => {
    if (rank) return rank(a) - rank(b);
    if (key === 'year') return zh().compare(b.value, a.value);
    return b.count - a.count || zh().compare(a.value, b.value);
  });
}
