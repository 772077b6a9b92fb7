/**
 * The paged browse routes (/types/{type}/, /departments/{name}/, /changes/{group}/) share one way of
 * building their pages: items in source order, grouped once by the route's key, PAGE_SIZE rows a page.
 */
import type { PaginateFunction } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { PAGE_SIZE, sortBySource, type Count } from './browse.ts';

type Item = CollectionEntry<'items'>;

export async function browsePaths<K extends string>(
  paginate: PaginateFunction,
  param: string,
  counts: (items: readonly Item[]) => Count<K>[],
  /** The keys an item is listed under (none, one, or several: a department and a receiving department). */
  keysOf: (item: Item) => readonly string[],
) {
  const items = sortBySource(await getCollection('items'));
  const notices = await getCollection('notices');
  const docNumbers: Record<string, string> = Object.fromEntries(notices.map((n) => [n.id, n.data.docNumber]));
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    for (const k of keysOf(item)) {
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
  }
  return counts(items).flatMap((c) =>
    paginate(groups.get(c.key) ?? [], {
      pageSize: PAGE_SIZE,
      params: { [param]: c.key } as Record<string, string>,
      props: { code: c.key, docNumbers },
    }),
  );
}
