/**
 * The feeds of the browse lists (/types/{type}/feed.xml, /departments/{name}/feed.xml, /changes/{group}/feed.xml):
 * one per list page, with the same items (the same keys as src/lib/browse-routes.ts), newest notice first.
 */
import type { APIRoute } from 'astro';
import { CHANGE_GROUPS, ITEM_TYPES, type ChangeGroup, type ItemType } from '../../domain/glossary.ts';
import { paths } from '../../domain/urls.ts';
import { departmentKeys } from '../browse.ts';
import { siteDepartmentGrouping } from '../departments.ts';
import { UI } from '../ui.ts';
import { newestFirst, siteFeedResponse } from './endpoints.ts';
import { dataPaths } from './paths.ts';
import { itemFeedEntry, openData } from './site.ts';
import type { ItemRecord } from './records.ts';
import { DATA_UI } from './ui.ts';

export type ListKind = 'type' | 'department' | 'change';

/** The list keys an item record is listed under (as on the browse pages). */
export function listKeys(kind: ListKind, r: ItemRecord, groupOf: (name: string) => string): string[] {
  if (kind === 'type') return r.type === null ? [] : [r.type];
  if (kind === 'change') return [r.changeGroup];
  const item = { id: r.id, data: { ...r, notice: { id: r.notice.id }, tableNumber: r.table.number } };
  return [...new Set([...departmentKeys(item), ...departmentKeys(item, groupOf)])];
}

const grouped = new WeakMap<readonly ItemRecord[], Map<ListKind, Map<string, ItemRecord[]>>>();

/** Records by list key, computed once per build and kind. */
function groups(kind: ListKind, records: readonly ItemRecord[]): Map<string, ItemRecord[]> {
  const byKind = grouped.get(records) ?? new Map<ListKind, Map<string, ItemRecord[]>>();
  grouped.set(records, byKind);
  let map = byKind.get(kind);
  if (map) return map;
  const groupOf = kind === 'department' ? siteDepartmentGrouping() : (n: string) => n;
  map = new Map<string, ItemRecord[]>();
  for (const r of records) {
    for (const k of listKeys(kind, r, groupOf)) {
      const list = map.get(k);
      if (list) list.push(r);
      else map.set(k, [r]);
    }
  }
  byKind.set(kind, map);
  return map;
}

const PARAM: Record<ListKind, string> = { type: 'type', department: 'department', change: 'group' };

export async function listFeedPaths(kind: ListKind) {
  const data = await openData(undefined, import.meta.env.BASE_URL);
  return [...groups(kind, data.itemRecords).keys()].map((k) => ({ params: { [PARAM[kind]]: k } }));
}

function describe(kind: ListKind, key: string): { way: string; label: string; page: string; feed: string } {
  if (kind === 'type') return { way: UI.browseType, label: ITEM_TYPES[key as ItemType], page: paths.type(key), feed: dataPaths.typeFeed(key) };
  if (kind === 'change') return { way: UI.browseChange, label: CHANGE_GROUPS[key as ChangeGroup], page: paths.change(key), feed: dataPaths.changeFeed(key) };
  return { way: UI.browseDepartment, label: key, page: paths.department(key), feed: dataPaths.departmentFeed(key) };
}

export function listFeed(kind: ListKind): APIRoute {
  return async ({ params, site }) => {
    const key = params[PARAM[kind]]!;
    const data = await openData(site, import.meta.env.BASE_URL);
    const list = groups(kind, data.itemRecords).get(key) ?? [];
    const d = describe(kind, key);
    return siteFeedResponse(data, {
      path: d.feed,
      page: d.page,
      title: DATA_UI.feedTitleList(d.way, d.label),
      subtitle: UI.browseIntro(d.way, d.label, list.length),
      entries: newestFirst(list).map(itemFeedEntry),
    });
  };
}
