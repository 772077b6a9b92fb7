/**
 * The open data of the whole site, built once per build from the validated collections (the entries the pages
 * render): item and notice records, the citation index, and the feeds' entries. Used by the endpoints under
 * /data/, /items/{id}.json, the table downloads, the feeds and the /citations/ pages.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { groupBy, sortBySource, latestNotices } from '../browse.ts';
import { citationIndex, type CitationIndex } from '../citations.ts';
import { absoluteUrl } from './paths.ts';
import { itemRecord, noticeRecord, type ItemRecord, type NoticeRecord, type Abs } from './records.ts';
import type { FeedEntry } from '../feeds.ts';
import { laterDate } from '../feeds.ts';
import { paths } from '../../domain/urls.ts';
import { itemPlace } from '../../domain/glossary.ts';
import { formatChineseDate } from '../../domain/patterns.ts';
import { validityText } from './ui.ts';

export interface OpenData {
  notices: CollectionEntry<'notices'>[];
  tables: CollectionEntry<'tables'>[];
  items: CollectionEntry<'items'>[];
  index: CitationIndex;
  itemRecords: ItemRecord[];
  noticeRecords: NoticeRecord[];
  recordById: Map<string, ItemRecord>;
  noticeById: Map<string, CollectionEntry<'notices'>>;
  itemsByNotice: Map<string, CollectionEntry<'items'>[]>;
  abs: Abs;
  host: string;
}

const cache = new Map<string, Promise<OpenData>>();

/** `site` is Astro's configured origin (context.site / Astro.site); `base` is import.meta.env.BASE_URL. */
export function openData(site: URL | undefined, base: string): Promise<OpenData> {
  const key = `${site?.href ?? ''}|${base}`;
  let data = cache.get(key);
  if (!data) {
    data = build(site, base);
    cache.set(key, data);
  }
  return data;
}

async function build(site: URL | undefined, base: string): Promise<OpenData> {
  const notices = latestNotices(await getCollection('notices'));
  const tables = (await getCollection('tables')).sort((a, b) => a.data.notice.id.localeCompare(b.data.notice.id) || a.data.number - b.data.number);
  const items = sortBySource(await getCollection('items'));
  const index = citationIndex(
    notices.map((n) => ({ id: n.id, docNumber: n.data.docNumber, title: n.data.title, signedDate: n.data.signedDate, cites: n.data.cites })),
    items.map((i) => ({ id: i.id, notice: i.data.notice.id, name: i.data.name, tableNumber: i.data.tableNumber, seq: i.data.seq, cells: i.data.cells })),
  );
  const abs: Abs = (p) => absoluteUrl(p, site, base);
  const noticeById = new Map(notices.map((n) => [n.id, n]));
  const tableById = new Map(tables.map((t) => [t.id, t]));
  const itemRecords = items.map((i) => {
    const t = tableById.get(i.data.table.id)!;
    return itemRecord({ ...i.data, id: i.id, notice: i.data.notice.id, table: i.data.table.id }, noticeById.get(i.data.notice.id)!, { notice: t.data.notice.id, number: t.data.number, title: t.data.title }, index, abs);
  });
  const counts = new Map<string, Map<number, number>>();
  for (const i of items) {
    const c = counts.get(i.data.notice.id) ?? new Map<number, number>();
    c.set(i.data.tableNumber, (c.get(i.data.tableNumber) ?? 0) + 1);
    counts.set(i.data.notice.id, c);
  }
  const noticeRecords = notices.map((n) => noticeRecord(n, counts.get(n.id) ?? new Map(), index, abs));
  return { notices, tables, items, index, itemRecords, noticeRecords, recordById: new Map(itemRecords.map((r) => [r.id, r])), noticeById, itemsByNotice: groupBy(items, (i) => i.data.notice.id), abs, host: site?.hostname ?? 'localhost' };
}

/** An item as a feed entry: its name; what happened to it, its type and department, and where it is printed. */
export function itemFeedEntry(r: ItemRecord): FeedEntry {
  const facts = [r.typeLabel, r.department].filter(Boolean).join('，');
  const validity = validityText(r.validity);
  return {
    path: paths.itemById(r.id),
    url: r.url,
    title: r.name,
    summary: `${r.changeText}。${facts ? `${facts}。` : ''}${itemPlace(r.notice.docNumber, r.table.number, r.seq)}，${formatChineseDate(r.notice.signedDate)}。${validity ? `有效性：${validity}。` : ''}`,
    published: r.notice.signedDate,
    updated: laterDate(r.notice.signedDate, r.validity?.date),
    author: r.notice.issuer,
    categories: [
      ...(r.type && r.typeLabel ? [{ term: r.type, label: r.typeLabel }] : []),
      { term: r.changeGroup, label: r.changeGroupLabel },
    ],
  };
}

/** A notice as a feed entry. */
export function noticeFeedEntry(r: NoticeRecord): FeedEntry {
  const validity = validityText(r.validity ?? null);
  return {
    path: paths.notice(r.id),
    url: r.url,
    title: r.title,
    summary: `${r.issuer}${r.docNumber}，${formatChineseDate(r.signedDate)}。${r.itemCount ? `附件列有${r.itemCount}个事项。` : ''}${validity ? `有效性：${validity}。` : ''}`,
    published: r.signedDate,
    updated: laterDate(r.signedDate, r.validity?.date),
    author: r.issuer,
  };
}
