/**
 * Page-level helpers for the layout: the <title>, the canonical URL and the meta description.
 */
import type { Site } from '../schemas/site.ts';
import type { Notice } from '../schemas/notice.ts';
import { formatChineseDate } from '../domain/patterns.ts';
import { filled, siteConfig } from './site.ts';
import { SITE_ABOUT, UI } from './ui.ts';

/** 「典当业特种行业许可证核发 - 公开」 (the name from content/site.json); without a title, the name and its tagline. */
export function pageTitle(title: string | undefined, site: Pick<Site, 'name' | 'tagline'> = siteConfig()): string {
  if (title) return `${title} - ${site.name}`;
  const tagline = filled(site.tagline);
  return tagline ? `${site.name} - ${tagline}` : site.name;
}

/** The description of a page that has none of its own: what the site publishes, and who runs it when the file says. */
export function siteDescription(site: Pick<Site, 'organiser'> = siteConfig()): string {
  const organiser = filled(site.organiser);
  return organiser ? `${SITE_ABOUT}${UI.footer.organiser}：${organiser}。` : SITE_ABOUT;
}

/** A notice page's description: 「嘉祥县人民政府嘉政发〔2021〕2号，2021年2月20日：…的通知」. */
export function noticeDescription(d: Pick<Notice, 'issuer' | 'docNumber' | 'signedDate' | 'title'>): string {
  return `${d.issuer}${d.docNumber}，${formatChineseDate(d.signedDate)}：${d.title}`;
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
