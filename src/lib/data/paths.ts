/**
 * Where the open data, feeds and citation pages live (base-less paths, like src/domain/urls.ts `paths`; links go
 * through withBase). Files sit beside the page they describe: /notices/{slug}/attachments/{n}.csv next to
 * /notices/{slug}/attachments/{n}/, /items/{id}.json next to /items/{id}/ (a file, so the page's folder URL is
 * untouched), a list's feed inside its folder: /types/{type}/feed.xml.
 */
import { citationPath } from '../citations.ts';

export const dataPaths = {
  page: () => '/data/',
  itemsJson: () => '/data/items.json',
  itemsCsv: () => '/data/items.csv',
  noticesJson: () => '/data/notices.json',
  schema: (name: string) => `/data/schema/${name}.json`,
  itemJson: (id: string) => `/items/${id}.json`,
  tableCsv: (slug: string, n: number) => `/notices/${slug}/attachments/${n}.csv`,
  tableXlsx: (slug: string, n: number) => `/notices/${slug}/attachments/${n}.xlsx`,
  citations: () => '/citations/',
  citation: citationPath,
  noticesFeed: () => '/notices/feed.xml',
  itemsFeed: () => '/items/feed.xml',
  typeFeed: (code: string) => `/types/${code}/feed.xml`,
  departmentFeed: (name: string) => `/departments/${encodeURIComponent(name)}/feed.xml`,
  changeFeed: (group: string) => `/changes/${group}/feed.xml`,
};

/** An absolute URL for a data file: the public origin (Astro's `site`) + base + path; base + path without a site. */
export function absoluteUrl(path: string, site: URL | string | undefined, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = b + path.replace(/^\//, '');
  return site ? new URL(p, site).href : p;
}
