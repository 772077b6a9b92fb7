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
} from './glossary.ts';

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

/** 事项类型 with at least one item, in the glossary's order, with counts. */
export function typeCounts(items: readonly ItemLike[]): Count<ItemType>[] {
  return ITEM_TYPE_CODES.map((key) => ({
    key,
    label: ITEM_TYPES[key],
    count: items.filter((i) => i.data.type === key).length,
  })).filter((c) => c.count > 0);
}

/** Kinds of change (as a citizen asks about them) with at least one item, in the glossary's order. */
export function changeGroupCounts(items: readonly ItemLike[]): Count<ChangeGroup>[] {
  return CHANGE_GROUP_CODES.map((key) => ({
    key,
    label: CHANGE_GROUPS[key],
    count: items.filter((i) => i.data.changeGroup === key).length,
  })).filter((c) => c.count > 0);
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
