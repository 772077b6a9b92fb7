/**
 * Public URLs (a contract: people cite them). Every internal link goes through here so the site
 * also works under a sub-path (GONGKAI_BASE=/fgf/).
 */
import { itemId, parseItemId } from './ids.ts';

export function withBase(path: string, base: string = import.meta.env?.BASE_URL ?? '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\//, '');
}

export const paths = {
  home: () => '/',
  notice: (slug: string) => `/notices/${slug}/`,
  attachment: (slug: string, n: number) => `/notices/${slug}/attachments/${n}/`,
  /** The notice's full text with every attachment table, to print or save as PDF. */
  print: (slug: string) => `/notices/${slug}/print/`,
  item: (slug: string, n: number, seq: number) => `/items/${itemId(slug, n, seq)}/`,
  itemById: (id: string) => `/items/${id}/`,
  items: () => '/items/',
  notices: () => '/notices/',
  departments: () => '/departments/',
  changes: () => '/changes/',
  change: (group: string) => `/changes/${group}/`,
  types: () => '/types/',
  type: (code: string) => `/types/${code}/`,
  terms: () => '/about/terms/',
  department: (name: string) => `/departments/${encodeURIComponent(name)}/`,
  search: (q?: string) => (q ? `/search/?q=${encodeURIComponent(q)}` : '/search/'),
};

// ── Parsing a public URL back (search results, the index step): the inverse of `paths`.

export type PageKind = 'item' | 'notice' | 'attachment' | 'browse' | 'other';

/** Strip the site's base path (e.g. /fgf/) from a result URL, keeping the leading slash. */
export function stripBase(url: string, base = '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const path = url.replace(/[?#].*$/, '');
  return path.startsWith(b) ? `/${path.slice(b.length)}` : path;
}

/**
 * The item an item page's URL names (/items/{notice}-a{n}-{seq:02}/); undefined for any other page, the list of all
 * items' later pages (/items/2/) included.
 */
export function itemOfUrl(url: string, base = '/'): { id: string; notice: string; table: number; seq: number } | undefined {
  const segment = /^\/items\/([^/]+)\/$/.exec(stripBase(url, base))?.[1];
  let id: string | undefined;
  try {
    id = segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    return undefined; // broken percent-encoding names no item
  }
  const parsed = id === undefined ? undefined : parseItemId(id);
  return parsed && { id: id!, ...parsed };
}

export function pageKind(url: string, base = '/'): PageKind {
  const p = stripBase(url, base);
  if (itemOfUrl(p)) return 'item';
  if (/^\/notices\/[^/]+\/attachments\/[^/]+\/$/.test(p)) return 'attachment';
  if (/^\/notices\/[^/]+\/$/.test(p)) return 'notice';
  if (/^\/(items|types|departments|changes)\//.test(p)) return 'browse';
  return 'other';
}

/** The notice slug a notice or attachment URL belongs to. */
export function noticeSlugOf(url: string, base = '/'): string | undefined {
  return /^\/notices\/([^/]+)\//.exec(stripBase(url, base))?.[1];
}
