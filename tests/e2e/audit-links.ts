/**
 * Every internal link and #anchor resolves (audit-every-page.spec.ts runs this on each page of the sitemap and the
 * 404 page): every URL a loaded page references (a, area, link, script, img, source, iframe, form action, srcset) on
 * this site is requested and must answer 200 as it is written (no redirect: links carry their trailing slash), and every
 * fragment must name an element id (or <a name>) on the target page. Links to the public origin the site is
 * built for count as internal. Links to other sites are not fetched (the tests run offline).
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { publicRoot } from './audit-pages.ts';

interface Reference {
  tag: string;
  attr: string;
  value: string;
  /** Resolved against the document's base URL. */
  url: string;
}

interface Target {
  status: number;
  type: string;
  ids: Set<string>;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Element ids (and <a name>) of an HTML document as served. */
function idsOf(html: string): Set<string> {
  const ids = new Set<string>();
  // Outside <script>/<style> text, an attribute is the only place `id=` can stand (text escapes its quotes).
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  const value = (m: RegExpMatchArray) => decodeEntities(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of markup.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) ids.add(value(m));
  for (const tag of markup.matchAll(/<a\s[^>]*>/gi)) {
    const m = /\sname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag[0]);
    if (m) ids.add(value(m));
  }
  return ids;
}

/** Targets already requested by this worker: path → answer. */
const targets = new Map<string, Promise<Target>>();

function fetchTarget(request: APIRequestContext, path: string): Promise<Target> {
  let t = targets.get(path);
  if (!t) {
    t = (async () => {
      const response = await request.get(path, { maxRedirects: 0 });
      const type = response.headers()['content-type'] ?? '';
      const ids = type.includes('text/html') ? idsOf(await response.text()) : new Set<string>();
      return { status: response.status(), type, ids };
    })();
    targets.set(path, t);
  }
  return t;
}

/** The broken references of the page loaded in `browserPage`, each once. */
export async function linkProblems(browserPage: Page, request: APIRequestContext, origin: string): Promise<string[]> {
  const { references, ids } = await browserPage.evaluate(() => {
    const attrs: [string, string][] = [
      ['a', 'href'],
      ['area', 'href'],
      ['link', 'href'],
      ['script', 'src'],
      ['img', 'src'],
      ['source', 'src'],
      ['iframe', 'src'],
      ['video', 'src'],
      ['audio', 'src'],
      ['track', 'src'],
      ['form', 'action'],
      ['object', 'data'],
    ];
    const refs: { tag: string; attr: string; value: string; url: string }[] = [];
    const add = (el: Element, attr: string, value: string) => refs.push({ tag: el.localName, attr, value, url: new URL(value, document.baseURI).href });
    for (const [tag, attr] of attrs) {
      for (const el of document.querySelectorAll(`${tag}[${attr}]`)) add(el, attr, el.getAttribute(attr)!);
    }
    for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
      for (const candidate of el.getAttribute('srcset')!.split(',')) {
        const value = candidate.trim().split(/\s+/)[0];
        if (value) add(el, 'srcset', value);
      }
    }
    const found = [...document.querySelectorAll('[id]')].map((e) => e.id);
    const named = [...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name')!);
    return { references: refs, ids: [...found, ...named] };
  });
  const here = new Set(ids);
  const publicBase = publicRoot();
  const broken: string[] = [];
  const describe = (r: Reference) => `<${r.tag} ${r.attr}="${r.value}">`;
  for (const r of references as Reference[]) {
    if (/^javascript:/i.test(r.value.trim())) {
      broken.push(`${describe(r)}: javascript: URLs are not links`);
      continue;
    }
    let url = new URL(r.url);
    // A link to the public site (a canonical URL, say) is a link into this site.
    if (publicBase && url.href.startsWith(publicBase)) url = new URL(url.pathname + url.search + url.hash, origin);
    if (url.origin !== origin) continue;
    if (r.value.startsWith('#')) {
      const id = decodeURIComponent(r.value.slice(1));
      if (id && !here.has(id)) broken.push(`${describe(r)}: no element with id "${id}" on this page`);
      continue;
    }
    const target = await fetchTarget(request, url.pathname);
    if (target.status !== 200) {
      const redirect = target.status >= 300 && target.status < 400 ? ' (a redirect: link to the final URL)' : '';
      broken.push(`${describe(r)}: ${url.pathname} answers ${target.status}${redirect}`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && !target.ids.has(fragment)) broken.push(`${describe(r)}: ${url.pathname} has no element with id "${fragment}"`);
  }
  return [...new Set(broken)];
}

