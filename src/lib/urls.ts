/**
 * Public URLs (a contract: people cite them). Every internal link goes through here so the site
 * also works under a sub-path (GONGKAI_BASE=/fgf/).
 */
import { itemId } from './ids.ts';

export function withBase(path: string, base: string = import.meta.env?.BASE_URL ?? '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\//, '');
}

export const paths = {
  home: () => '/',
  notice: (slug: string) => `/notices/${slug}/`,
  attachment: (slug: string, n: number) => `/notices/${slug}/attachments/${n}/`,
  item: (slug: string, n: number, seq: number) => `/items/${itemId(slug, n, seq)}/`,
  itemById: (id: string) => `/items/${id}/`,
  items: () => '/items/',
  notices: () => '/notices/',
  departments: () => '/departments/',
  change: (group: string) => `/changes/${group}/`,
  type: (code: string) => `/types/${code}/`,
  department: (name: string) => `/departments/${encodeURIComponent(name)}/`,
  search: (q?: string) => (q ? `/search/?q=${encodeURIComponent(q)}` : '/search/'),
};
