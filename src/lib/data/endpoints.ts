/** Small helpers the data and feed endpoints share. */
import { atomFeed, type Feed, type FeedEntry } from '../feeds.ts';
import { feedSite } from '../site.ts';
import { dataPaths } from './paths.ts';
import type { OpenData } from './site.ts';

/** JSON, indented for reading; `compact` for the whole-site files, which grow with the site (100,000 items). */
export function jsonResponse(value: unknown, compact = false): Response {
  return new Response(`${compact ? JSON.stringify(value) : JSON.stringify(value, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

export function feedResponse(feed: Feed, host: string): Response {
  return new Response(atomFeed(feed, host), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

/**
 * A list's Atom feed as every feed of the site makes it: its own and its page's absolute URLs, the title ending with
 * the site's name, the 主办单位 as author and the terms of reuse (content/site.json).
 */
export function siteFeedResponse(data: OpenData, feed: { path: string; page: string; title: string; subtitle: string; entries: readonly FeedEntry[] }): Response {
  const own = feedSite();
  return feedResponse(
    {
      path: feed.path,
      self: data.abs(feed.path),
      alternate: data.abs(feed.page),
      title: `${feed.title} - ${own.name}`,
      subtitle: feed.subtitle,
      author: own.author,
      ...(own.licence ? { rights: own.licence } : {}),
      entries: feed.entries,
    },
    data.host,
  );
}

/** A whole-site data file (/data/items.json, /data/notices.json): its schema, the terms of reuse, the records. */
export function dataSetResponse(data: OpenData, name: 'items' | 'notices', records: readonly unknown[]): Response {
  const { licence } = feedSite();
  return jsonResponse(
    {
      $schema: data.abs(dataPaths.schema(name)),
      ...(licence ? { licence } : {}),
      source: data.abs(dataPaths.page()),
      count: records.length,
      [name]: records,
    },
    true,
  );
}

/** Items newest first (by their notice's date, then in published order): what a feed reader shows on top. */
export function newestFirst<T extends { notice: { signedDate: string } }>(list: readonly T[]): T[] {
  return list.map((r, i) => ({ r, i })).sort((a, b) => b.r.notice.signedDate.localeCompare(a.r.notice.signedDate) || a.i - b.i).map((x) => x.r);
}
