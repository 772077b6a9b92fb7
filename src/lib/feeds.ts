/**
 * Atom feeds (RFC 4287) for new notices and for every browse list. Pure: the endpoints pass entries built from
 * the collections.
 *
 * - Ids are tag: URIs (RFC 4151) made of the site's host, a date and the base-less path of the page, e.g.
 *   tag:gongkai.example.gov.cn,2021-02-20:/items/jiaxiang-2021-2-a1-02/ — the date is the notice's 成文日期, so an
 *   id depends on the content only and never changes between builds (nor with a deployment under /fgf/).
 * - Dates come from the content: an entry's `updated` is its notice's 成文日期, or the date its 有效性 changed
 *   when later; a feed's `updated` is its newest entry's. Never the build time.
 */

export interface FeedEntry {
  /** Base-less path of the page the entry is about: makes the id. */
  path: string;
  /** The page's absolute URL. */
  url: string;
  title: string;
  summary: string;
  /** YYYY-MM-DD, from the content. */
  published: string;
  updated: string;
  author: string;
  categories?: readonly { term: string; label: string }[];
}

export interface Feed {
  /** Base-less path of the feed itself: makes the id. */
  path: string;
  /** The feed's absolute URL (rel="self") and the list page's (rel="alternate"). */
  self: string;
  alternate: string;
  title: string;
  subtitle?: string;
  author: string;
  rights?: string;
  entries: readonly FeedEntry[];
}

/** The date part of tag: ids for feeds (the year the site's first notice was signed; fixed so feed ids never change). */
export const FEED_TAG_DATE = '2021';

/** Text for XML character data or an attribute; drops characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An RFC 3339 date-time for a content date: midnight, China Standard Time. */
export function atomDate(iso: string): string {
  return `${iso}T00:00:00+08:00`;
}

export function tagId(host: string, date: string, path: string): string {
  return `tag:${host},${date}:${path}`;
}

export function atomFeed(feed: Feed, host: string): string {
  const newest = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), '');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xmlEscape(tagId(host, FEED_TAG_DATE, feed.path))}</id>`,
    `  <title>${xmlEscape(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${xmlEscape(feed.subtitle)}</subtitle>`] : []),
    // A feed with no entry yet (never built: lists exist only with items) still needs a date: the tag date.
    `  <updated>${atomDate(newest || `${FEED_TAG_DATE}-01-01`)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(feed.alternate)}"/>`,
    `  <author><name>${xmlEscape(feed.author)}</name></author>`,
    ...(feed.rights ? [`  <rights>${xmlEscape(feed.rights)}</rights>`] : []),
    ...feed.entries.flatMap((e) => [
      '  <entry>',
      `    <id>${xmlEscape(tagId(host, e.published, e.path))}</id>`,
      `    <title>${xmlEscape(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>`,
      `    <published>${atomDate(e.published)}</published>`,
      `    <updated>${atomDate(e.updated)}</updated>`,
      `    <author><name>${xmlEscape(e.author)}</name></author>`,
      ...(e.categories ?? []).map((c) => `    <category term="${xmlEscape(c.term)}" label="${xmlEscape(c.label)}"/>`),
      `    <summary>${xmlEscape(e.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

/** The later of two YYYY-MM-DD dates (either may be missing). */
export function laterDate(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a;
}

