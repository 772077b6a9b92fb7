/**
 * Page-level helpers for the layout: the <title>, the canonical URL and the meta description.
 */
import { SITE } from './ui.ts';

/** 「典当业特种行业许可证核发 - 公开」; the home page is just the site name and tagline. */
export function pageTitle(title: string | undefined): string {
  return title ? `${title} - ${SITE.name}` : `${SITE.name} - ${SITE.tagline}`;
}

/** The canonical URL: the configured site origin (Astro.site) + the page's path (which already carries the base). */
export function canonicalUrl(site: URL | string | undefined, pathname: string): string | undefined {
  if (!site) return undefined;
  return new URL(pathname, site).href;
}

/** A meta description: white space squeezed, cut at `max` characters with an ellipsis. */
export function describe(text: string, max = 120): string {
  const t = text.replace(/[\s\u3000]+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** One step of a breadcrumb trail between 首页 and the current page. */
export interface Crumb {
  label: string;
  href: string;
}

/**
 * The address printed after a link on paper, readable: /departments/%E7%9C%81…/ → /departments/省…/.
 * Returns undefined when the address has nothing to decode (the print style then shows the href itself).
 */
export function printUrl(href: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURI(href);
  } catch {
    return undefined;
  }
  return decoded === href ? undefined : decoded;
}
