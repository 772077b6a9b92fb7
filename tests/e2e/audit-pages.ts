/**
 * Shared by the audit specs (tests/e2e/audit-*.spec.ts): the built site's page list, read from its sitemap,
 * and one browser page per worker that the audits reuse (a context per test costs more than the audit itself).
 *
 * The sitemap gives public URLs (https://gongkai.example.gov.cn/items/…/, or with a base path /fgf/items/…/);
 * the test server (tests/playwright.config.ts) serves the same paths on 127.0.0.1, so a page's path is the
 * public URL's path.
 */
import { test as base, type APIRequestContext, type Page } from '@playwright/test';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The built site under test: GONGKAI_DIST, as in tests/playwright.config.ts. */
export const dist = resolve(root, process.env.GONGKAI_DIST ?? 'dist');

export interface SitePage {
  /** The public URL, as the sitemap lists it. */
  url: string;
  /** Its path on the test server (includes the base path). */
  path: string;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((m) => decodeXml(m[1]!));
}

/** The sitemap files the index names (public URLs), or [] when the site has no sitemap index. */
export function sitemapFiles(): string[] {
  const index = join(dist, 'sitemap-index.xml');
  return existsSync(index) ? locs(readFileSync(index, 'utf8')) : [];
}

/** Every page the sitemap lists, in its order. */
export function sitemapPages(): SitePage[] {
  const pages: SitePage[] = [];
  for (const file of sitemapFiles()) {
    const local = join(dist, basename(new URL(file).pathname));
    if (!existsSync(local)) continue;
    for (const url of locs(readFileSync(local, 'utf8'))) pages.push({ url, path: new URL(url).pathname });
  }
  return pages;
}

/** The public origin and base path the site was built for, as its sitemap shows them: https://host/base/ */
export function publicRoot(): string | undefined {
  const first = sitemapFiles()[0];
  return first ? new URL('.', first).href : undefined;
}

/** The site's base path (/ or /fgf/), from the sitemap. */
export function basePath(): string {
  const r = publicRoot();
  return r ? new URL(r).pathname : '/';
}

/** The 404 page, which the sitemap rightly leaves out but readers do see. */
export function notFoundPage(): SitePage | undefined {
  if (!existsSync(join(dist, '404.html'))) return undefined;
  const path = `${basePath()}404.html`;
  return { url: (publicRoot() ?? 'http://localhost/') + '404.html', path };
}

/** Every page a reader can land on: the sitemap's pages and the 404 page. */
export function allPages(): SitePage[] {
  const nf = notFoundPage();
  return [...sitemapPages(), ...(nf ? [nf] : [])];
}

/**
 * Pages grouped by kind (home, notices, attachments, items, types, departments, changes, search, 404 …), so an
 * audit runs as one test per kind: a failing page does not cost a new browser worker, and every failing page of
 * the kind is listed in one message.
 */
export function pageGroups(pages: SitePage[] = allPages()): [string, SitePage[]][] {
  const prefix = basePath();
  const groups = new Map<string, SitePage[]>();
  for (const page of pages) {
    const rest = page.path.startsWith(prefix) ? page.path.slice(prefix.length) : page.path;
    const first = rest.split('/')[0] ?? '';
    const kind =
      rest === ''
        ? 'home'
        : rest === '404.html'
          ? '404'
          : /^notices\/[^/]+\/attachments\//.test(rest)
            ? 'attachments'
            : /^[^/]+\/$/.test(rest)
              ? `/${first}/`
              : first;
    groups.set(kind, [...(groups.get(kind) ?? []), page]);
  }
  return [...groups];
}

/** Every HTML file in the build, as a server path (index.html → the directory's URL). */
export function builtPagePaths(): string[] {
  if (!existsSync(dist)) return [];
  const prefix = basePath();
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => relative(dist, join(d.parentPath, d.name)).split(sep).join('/'))
    .filter((rel) => !rel.startsWith('pagefind/'))
    .map((rel) => prefix + rel.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/** The search page's own search box (inside <main>; the header's box is a plain form leading to the page). */
/**
 * Fetch each page's HTML and collect what `inspect` finds wrong, each line prefixed with the page's path.
 * A page that does not answer 200 is a problem of its own.
 */
export async function problemsInHtml(
  request: APIRequestContext,
  list: SitePage[],
  inspect: (html: string, page: SitePage) => string[] | Promise<string[]>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const page of list) {
    const response = await request.get(page.path);
    if (response.status() !== 200) {
      problems.push(`${decodeURI(page.path)} answers ${response.status()}`);
      continue;
    }
    for (const p of await inspect(await response.text(), page)) problems.push(`${decodeURI(page.path)} ${p}`);
  }
  return problems;
}

export const SEARCH_BOX = 'main input[type="search"], main input[name="q"]';

/** One page per worker, reused by every test in it. */
export const test = base.extend<object, { auditPage: Page }>({
  auditPage: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL, locale, viewport } = workerInfo.project.use;
      const context = await browser.newContext({
        ...(baseURL ? { baseURL } : {}),
        ...(locale ? { locale } : {}),
        ...(viewport ? { viewport } : {}),
      });
      const page = await context.newPage();
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
