/** Small helpers the data and feed endpoints share. */
import { atomFeed, type Feed } from '../feeds.ts';

/** JSON, indented for reading; `compact` for the whole-site files, which grow with the site (100,000 items). */
export function jsonResponse(value: unknown, compact = false): Response {
  return new Response(`${compact ? JSON.stringify(value) : JSON.stringify(value, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

export function feedResponse(feed: Feed, host: string): Response {
  return new Response(atomFeed(feed, host), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

/** Items newest first (by their notice's date, then in published order): what a feed reader shows on top. */
export function newestFirst<T extends { notice: { signedDate: string } }>(list: readonly T[]): T[] {
  return list.map((r, i) => ({ r, i })).sort((a, b) => b.r.notice.signedDate.localeCompare(a.r.notice.signedDate) || a.i - b.i).map((x) => x.r);
}
