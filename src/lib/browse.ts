/**
 * The ways into the items: counts and groupings for the home and browse pages, the source order,
 * previous/next rows and related items for an item page. Pure functions over plain entries, so they
 * are unit-tested without Astro.
 */
import {
  CHANGE_GROUP_CODES,
  CHANGE_GROUPS,
  ITEM_TYPE_CODES,
  ITEM_TYPES,
  type ChangeGroup,
  type ItemType,
} from '../domain/glossary.ts';
import type { ItemEntryData } from './items.ts';
import type { Notice } from '../schemas/notice.ts';

/** What these helpers need of an item entry (a CollectionEntry<'items'> fits). */
export interface ItemLike {
  id: string;
  data: Pick<ItemEntryData, 'tableNumber' | 'seq' | 'name' | 'type' | 'department' | 'receiver' | 'changeGroup'> & { notice: { id: string } };
}

/** What these helpers need of a notice entry. */
export interface NoticeLike {
  id: string;
  data: Pick<Notice, 'signedDate' | 'title'>;
}

export interface Count<K extends string = string> {
  key: K;
  label: string;
  count: number;
}

const collator = new Intl.Collator('zh-CN');

/** Order as published: notice, then 附件N, then 序号. */
export function compareSource(a: ItemLike, b: ItemLike): number {
  return (
    a.data.notice.id.localeCompare(b.data.notice.id) || a.data.tableNumber - b.data.tableNumber || a.data.seq - b.data.seq
  );
}

export function sortBySource<T extends ItemLike>(items: readonly T[]): T[] {
  return [...items].sort(compareSource);
}

/** A sort key that keeps the published order when compared as text: notice|附件|序号 zero-padded. */
export function sourceSortKey(item: ItemLike): string {
  return `${item.data.notice.id}|${String(item.data.tableNumber).padStart(3, '0')}|${String(item.data.seq).padStart(4, '0')}`;
}

/** Newest first (by 成文日期), then by title so the order is stable. */
export function latestNotices<T extends NoticeLike>(notices: readonly T[], limit = Infinity): T[] {
  return [...notices]
    .sort((a, b) => b.data.signedDate.localeCompare(a.data.signedDate) || collator.compare(a.data.title, b.data.title))
    .slice(0, limit);
}

/** Codes with at least one item, in the glossary's order, with their labels and counts (one pass over the items). */
function codeCounts<K extends string>(codes: readonly K[], labels: Record<K, string>, items: readonly ItemLike[], keyOf: (i: ItemLike) => K | null): Count<K>[] {
  const counts = new Map<K, number>();
  for (const i of items) {
    const k = keyOf(i);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return codes.flatMap((key) => (counts.get(key) ? [{ key, label: labels[key], count: counts.get(key)! }] : []));
}

/** 事项类型 with at least one item, in the glossary's order, with counts (an item whose source gives none is in none). */
export function typeCounts(items: readonly ItemLike[]): Count<ItemType>[] {
  return codeCounts(ITEM_TYPE_CODES, ITEM_TYPES, items, (i) => i.data.type);
}

/** Kinds of change (as a citizen asks about them) with at least one item, in the glossary's order. */
export function changeGroupCounts(items: readonly ItemLike[]): Count<ChangeGroup>[] {
  return codeCounts(CHANGE_GROUP_CODES, CHANGE_GROUPS, items, (i) => i.data.changeGroup);
}

/**
 * The department names an item is browsed under: its department and its receiving department, each as the group
 * content/departments.json puts it in (or as printed when it is in none).
 */
export function departmentKeys(item: ItemLike, groupOf: (name: string) => string = (n) => n): string[] {
  const names = [item.data.department, item.data.receiver].filter((n): n is string => n !== null).map(groupOf);
  return [...new Set(names)];
}

/** Departments (grouped), most items first, then in Chinese collation order. */
export function departmentCounts(items: readonly ItemLike[], groupOf?: (name: string) => string): Count[] {
  const counts = new Map<string, number>();
  for (const i of items) for (const k of departmentKeys(i, groupOf)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, label: key, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.key, b.key));
}

/** name → group name, from content/departments.json's groups; a name in no group is its own. */
export function departmentGrouping(groups: readonly { name: string; aliases: readonly string[] }[]): (name: string) => string {
  const map = new Map<string, string>();
  for (const g of groups) for (const a of g.aliases) map.set(a, g.name);
  return (name) => map.get(name) ?? name;
}

export interface Related<T> {
  item: T;
  sameDepartment: boolean;
  sameType: boolean;
}

/** Items of one notice and attachment, in published order. */
export function itemsOfTable<T extends ItemLike>(items: readonly T[], notice: string, table: number): T[] {
  return sortBySource(items.filter((i) => i.data.notice.id === notice && i.data.tableNumber === table));
}

export interface Neighbours<T> {
  prev?: T;
  next?: T;
  related: Related<T>[];
}

/**
 * For every item at once, in O(n log n): the rows before and after it in the same notice (published order), and
 * up to `limit` related items — same department and type first, then same department, then same type, each in
 * published order. What the item pages use, so a corpus of 100,000 items builds in linear time.
 */
export function neighbourhood<T extends ItemLike>(items: readonly T[], limit = 6): Map<string, Neighbours<T>> {
  const sorted = sortBySource(items);
  const byDepartment = groupBy(sorted, (i) => i.data.department);
  const byType = groupBy(sorted, (i) => i.data.type);
  const none: T[] = [];
  const result = new Map<string, Neighbours<T>>();
  sorted.forEach((item, k) => {
    const before = sorted[k - 1];
    const after = sorted[k + 1];
    const n: Neighbours<T> = { related: [] };
    if (before && before.data.notice.id === item.data.notice.id) n.prev = before;
    if (after && after.data.notice.id === item.data.notice.id) n.next = after;
    const both: Related<T>[] = [];
    const department: Related<T>[] = [];
    // An item whose source names no department or no type is related to none by that field.
    for (const other of item.data.department === null ? none : byDepartment.get(item.data.department)!) {
      if (other.id === item.id) continue;
      const sameType = item.data.type !== null && other.data.type === item.data.type;
      if (sameType) both.push({ item: other, sameDepartment: true, sameType: true });
      else if (department.length < limit) department.push({ item: other, sameDepartment: true, sameType: false });
      if (both.length >= limit) break;
    }
    const type: Related<T>[] = [];
    if (both.length + department.length < limit) {
      for (const other of item.data.type === null ? none : byType.get(item.data.type)!) {
        if (item.data.department !== null && other.data.department === item.data.department) continue;
        type.push({ item: other, sameDepartment: false, sameType: true });
        if (both.length + department.length + type.length >= limit) break;
      }
    }
    n.related = [...both, ...department, ...type].slice(0, limit);
    result.set(item.id, n);
  });
  return result;
}

/** Items grouped by a key, each group in the order given. */
export function groupBy<T, K>(list: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const t of list) {
    const k = key(t);
    const group = map.get(k);
    if (group) group.push(t);
    else map.set(k, [t]);
  }
  return map;
}

/** Rows per page of a browse list: a page stays light on a phone even when a province publishes 100,000 items. */
export const PAGE_SIZE = 100;

/** The URL of page n of a paged list whose first page is `first` (page 1 is the list's own URL). */
export function pagePath(first: string, n: number): string {
  return n <= 1 ? first : `${first.endsWith('/') ? first : `${first}/`}${n}/`;
}

/**
 * Which page numbers a pager shows: the first, the last, and two either side of the current one;
 * null marks a gap (…).
 */
export function pageWindow(current: number, last: number, around = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - current) <= around) out.push(n);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}
