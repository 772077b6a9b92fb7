/**
 * What search engines and the other audits rely on: robots.txt names the sitemap by its public URL; the sitemap
 * lists every page of the build (and nothing else) under the public origin and base path the site was built for
 * (GONGKAI_SITE, GONGKAI_BASE); every listed page carries exactly one canonical link equal to its own public URL
 * and lang="zh-CN"; the 404 page is served for unknown URLs, stays out of the sitemap and asks not to be indexed.
 */
import { allPages, basePath, builtPagePaths, expect, pageGroups, problemsInHtml, publicRoot, sitemapFiles, sitemapPages, test } from './audit-pages.ts';

const pages = sitemapPages();

/** Attributes of every tag with this name in an HTML text (enough for <link>, <meta>, <html>). */
function tags(html: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  for (const m of markup.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = (a[2] ?? a[3] ?? a[4] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    }
    out.push(attrs);
  }
  return out;
}

test('the site is built for an absolute public origin', () => {
  const root = publicRoot();
  expect(root, 'dist/sitemap-index.xml names the sitemap by its public URL').toBeDefined();
  expect(new URL(root!).protocol).toMatch(/^https?:$/);
  expect(new URL(root!).pathname, 'the base path ends with /').toMatch(/\/$/);
});

test('robots.txt lets crawlers in and names the sitemap', async ({ request }) => {
  const response = await request.get(`${basePath()}robots.txt`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/plain');
  const lines = (await response.text()).split(/\r?\n/).map((l) => l.trim());
  expect(lines).toContain('User-agent: *');
  expect(lines.filter((l) => /^disallow:\s*\/\s*$/i.test(l)), 'no blanket Disallow: /').toEqual([]);
  expect(lines).toContain(`Sitemap: ${publicRoot()}sitemap-index.xml`);
});

test('the sitemap index lists sitemaps under the public root, and they are served', async ({ request }) => {
  const files = sitemapFiles();
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    expect(file.startsWith(publicRoot()!), `${file} is under ${publicRoot()}`).toBe(true);
    const response = await request.get(new URL(file).pathname);
    expect(response.status(), `${file} is served`).toBe(200);
    expect(response.headers()['content-type']).toContain('xml');
  }
});

test('the sitemap lists every page of the build once, and nothing else', () => {
  expect(pages.length).toBeGreaterThan(0);
  const root = publicRoot()!;
  expect(pages.filter((p) => !p.url.startsWith(root)).map((p) => p.url), 'URLs outside the public root').toEqual([]);
  expect(pages.filter((p) => !p.url.endsWith('/')).map((p) => p.url), 'page URLs end with / (trailingSlash: always)').toEqual([]);
  const listed = pages.map((p) => decodeURI(p.path));
  expect(listed.filter((p, i) => listed.indexOf(p) !== i), 'URLs listed twice').toEqual([]);
  const built = builtPagePaths().filter((p) => p !== `${basePath()}404.html`);
  expect(built.filter((p) => !listed.includes(p)), 'built pages missing from the sitemap').toEqual([]);
  expect(listed.filter((p) => !built.includes(p)), 'sitemap URLs with no page in the build').toEqual([]);
});

test.describe('each page has one canonical link, its own public URL, and lang="zh-CN"', () => {
  for (const [kind, list] of pageGroups(pages)) {
    test(`${kind}: ${list.length} page(s)`, async ({ request }) => {
      const problems = await problemsInHtml(request, list, (html, page) => {
        const found: string[] = [];
        const canonical = tags(html, 'link').filter((l) => (l.rel ?? '').toLowerCase().split(/\s+/).includes('canonical'));
        if (canonical.length !== 1) found.push(`has ${canonical.length} canonical links`);
        else if (canonical[0]!.href !== page.url) found.push(`canonical ${canonical[0]!.href} ≠ ${page.url}`);
        const lang = tags(html, 'html')[0]?.lang;
        if (lang !== 'zh-CN') found.push(`has lang="${lang}"`);
        return found;
      });
      expect(problems, `canonical and lang on ${kind} pages`).toEqual([]);
    });
  }
});

test('an unknown URL gets the 404 page, which is not indexed', async ({ request }) => {
  const notFound = allPages().find((p) => p.path.endsWith('404.html'));
  expect(notFound, 'the build has a 404.html').toBeDefined();
  const response = await request.get(`${basePath()}items/no-such-item-a1-99/`);
  expect(response.status()).toBe(404);
  const html = await response.text();
  const robots = tags(html, 'meta').find((m) => m.name === 'robots');
  expect(robots?.content ?? '', 'the 404 page asks not to be indexed').toContain('noindex');
  expect(tags(html, 'link').filter((l) => (l.rel ?? '').split(/\s+/).includes('canonical')), 'the 404 page has no canonical link').toEqual([]);
  expect(pages.map((p) => p.path), 'the sitemap leaves out the 404 page').not.toContain(notFound!.path);
});
