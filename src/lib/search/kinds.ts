/**
 * What kind of page a search result is, from its public URL (the URLs are a contract, see src/lib/urls.ts).
 */
export type PageKind = 'item' | 'notice' | 'attachment' | 'browse' | 'other';

/** Strip the site's base path (e.g. /fgf/) from a result URL, keeping the leading slash. */
export function stripBase(url: string, base = '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const path = url.replace(/[?#].*$/, '');
  return path.startsWith(b) ? `/${path.slice(b.length)}` : path;
}

export function pageKind(url: string, base = '/'): PageKind {
  const p = stripBase(url, base);
  if (/^\/items\/[^/]+\/$/.test(p)) return 'item';
  if (/^\/notices\/[^/]+\/attachments\/[^/]+\/$/.test(p)) return 'attachment';
  if (/^\/notices\/[^/]+\/$/.test(p)) return 'notice';
  if (/^\/(items|types|departments|changes)\//.test(p)) return 'browse';
  return 'other';
}

/** The notice slug a notice or attachment URL belongs to. */
export function noticeSlugOf(url: string, base = '/'): string | undefined {
  return /^\/notices\/([^/]+)\//.exec(stripBase(url, base))?.[1];
}
