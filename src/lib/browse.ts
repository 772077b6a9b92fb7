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

/** What these helpers need of an item entry (a CollectionEntry<'items'> fits). */
export interface ItemLike {
  id: string;
  data: {
    notice: { id: string };
    tableNumber: number;
    seq: number;
    name: string;
    type: ItemType;
    department: string;
    changeGroup: ChangeGroup;
  };
}

/** What these helpers need of a notice entry. */
export interface NoticeLike {
  id: string;
  data: { signedDate: string; title: string };
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
function codeCounts<K extends string>(codes: readonly K[], labels: Record<K, string>, items: readonly ItemLike[], keyOf: (i: ItemLike) => K): Count<K>[] {
  const counts = new Map<K, number>();
  for (const i of items) counts.set(keyOf(i), (counts.get(keyOf(i)) ?? 0) + 1);
  return codes.flatMap((key) => (counts.get(key) ? [{ key, label: labels[key], count: counts.get(key)! }] : []));
}

/** 事项类型 with at least one item, in the glossary's order, with counts. */
export function typeCounts(items: readonly ItemLike[]): Count<ItemType>[] {
  return codeCounts(ITEM_TYPE_CODES, ITEM_TYPES, items, (i) => i.data.type);
}

/** Kinds of change (as a citizen asks about them) with at least one item, in the glossary's order. */
export function changeGroupCounts(items: readonly ItemLike[]): Count<ChangeGroup>[] {
  return codeCounts(CHANGE_GROUP_CODES, CHANGE_GROUPS, items, (i) => i.data.changeGroup);
}

/** Departments as printed, most items first, then in Chinese collation order. */
export function departmentCounts(items: readonly ItemLike[]): Count[] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.data.department, (counts.get(i.data.department) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, label: key, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.key, b.key));
}

/** The rows before and after this one in the same notice, in published order (across its attachments). */
export function prevNext<T extends ItemLike>(items: readonly T[], id: string): { prev?: T; next?: T } {
  const current = items.find((i) => i.id === id);
  if (!current) throw new Error(`prevNext: no item ${id}`);
  const siblings = sortBySource(items.filter((i) => i.data.notice.id === current.data.notice.id));
  const at = siblings.findIndex((i) => i.id === id);
  const result: { prev?: T; next?: T } = {};
  if (at > 0) result.prev = siblings[at - 1]!;
  if (at < siblings.length - 1) result.next = siblings[at + 1]!;
  return result;
}

export interface Related<T> {
  item: T;
  sameDepartment: boolean;
  sameType: boolean;
}

/**
 * Items that share the department or the 事项类型 with this one: both first, then the same department,
 * then the same type; in published order within each; at most `limit`.
 */
export function relatedItems<T extends ItemLike>(items: readonly T[], item: ItemLike, limit = 6): Related<T>[] {
  const rank = (r: Related<T>) => (r.sameDepartment && r.sameType ? 0 : r.sameDepartment ? 1 : 2);
  return sortBySource(items)
    .filter((i) => i.id !== item.id)
    .map((i) => ({ item: i, sameDepartment: i.data.department === item.data.department, sameType: i.data.type === item.data.type }))
    .filter((r) => r.sameDepartment || r.sameType)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, limit);
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
 * prevNext() and relatedItems() for every item at once, in O(n log n) rather than a sort per page:
 * what the item pages use, so a corpus of 100,000 items builds in linear time. Same results as those two.
 */
export function neighbourhood<T extends ItemLike>(items: readonly T[], limit = 6): Map<string, Neighbours<T>> {
  const sorted = sortBySource(items);
  const byDepartment = groupBy(sorted, (i) => i.data.department);
  const byType = groupBy(sorted, (i) => i.data.type);
  const result = new Map<string, Neighbours<T>>();
  sorted.forEach((item, k) => {
    const before = sorted[k - 1];
    const after = sorted[k + 1];
    const n: Neighbours<T> = { related: [] };
    if (before && before.data.notice.id === item.data.notice.id) n.prev = before;
    if (after && after.data.notice.id === item.data.notice.id) n.next = after;
    const both: Related<T>[] = [];
    const department: Related<T>[] = [];
    for (const other of byDepartment.get(item.data.department)!) {
      if (other.id === item.id) continue;
      const sameType = other.data.type === item.data.type;
      if (sameType) both.push({ item: other, sameDepartment: true, sameType: true });
      else if (department.length < limit) department.push({ item: other, sameDepartment: true, sameType: false });
      if (both.length >= limit) break;
    }
    const type: Related<T>[] = [];
    if (both.length + department.length < limit) {
      for (const other of byType.get(item.data.type)!) {
        if (other.data.department === item.data.department) continue;
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
