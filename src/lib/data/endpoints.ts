/** Small helpers the data and feed endpoints share. */
import { atomFeed, type Feed, type FeedEntry } from '../feeds.ts';
import { feedSite } from '../site.ts';
import { dataPaths } from './paths.ts';
import type { OpenData } from './site.ts';

/** JSON, indented for reading (the whole-site files, which grow with the site, are compact: dataSetResponse). */
export function jsonResponse(value: unknown): Response {
  return new Response(`${JSON.stringify(value, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
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

/**
 * A whole-site data file (/data/items.json, /data/notices.json): its schema, the terms of reuse, the records. The
 * text is JSON.stringify's of the whole object, written a batch of records at a time (textResponse).
 */
export function dataSetResponse(data: OpenData, name: 'items' | 'notices', records: readonly unknown[]): Response {
  const { licence } = feedSite();
  const head = JSON.stringify({
    $schema: data.abs(dataPaths.schema(name)),
    ...(licence ? { licence } : {}),
    source: data.abs(dataPaths.page()),
    count: records.length,
    [name]: [],
  });
  // `…,"items":[]}` → `…,"items":[` + the records, comma-separated + `]}`: the same text as stringifying it all.
  return textResponse(head.slice(0, -2), records.length, (i) => `${i > 0 ? ',' : ''}${JSON.stringify(records[i])}`, ']}\n', 'application/json; charset=utf-8');
}

/** Parts encoded per batch, so a whole-site file (300 MB at 100,000 items) is never one string and its copies at once. */
const BATCH = 500;

/** A response whose text is `head`, then part(0) … part(count - 1), then `tail`, encoded a batch of parts at a time. */
export function textResponse(head: string, count: number, part: (i: number) => string, tail: string, contentType: string): Response {
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head));
    },
    pull(controller) {
      const end = Math.min(count, next + BATCH);
      let text = '';
      for (; next < end; next++) text += part(next);
      if (text) controller.enqueue(encoder.encode(text));
      if (next >= count) {
        controller.enqueue(encoder.encode(tail));
        controller.close();
      }
    },
  });
  return new Response(body, { headers: { 'Content-Type': contentType } });
}

/** Items newest first (by their notice's date, then in published order): what a feed reader shows on top. */
export function newestFirst<T extends { notice: { signedDate: string } }>(list: readonly T[]): T[] {
  return list.map((r, i) => ({ r, i })).sort((a, b) => b.r.notice.signedDate.localeCompare(a.r.notice.signedDate) || a.i - b.i).map((x) => x.r);
}
