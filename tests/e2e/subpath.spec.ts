/**
 * The site deployed under a sub-path (GONGKAI_BASE=/fgf/, as on GitHub Pages or behind a county portal):
 * built here with that base into a temporary folder, served under /fgf/ only, and crawled from the home page.
 * Every internal link, form, stylesheet, script, image and canonical URL must stay under /fgf/ and resolve;
 * the 404 page and the sitemap too; and search must find 典当 and link to its item under /fgf/.
 *
 * The same build also splits the search index in tiers as a large site does (src/lib/search/tiers.ts): with a first
 * tier of at most 5 pages, 济南's notice (the newest, 1 page) is tier 0 and 嘉祥's notice with its tables and items
 * (42 pages) tier 1, so nearly every search has to add the second tier. The relevance suite and the filter counts
 * must come out exactly as on the one-index build.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.ts';
import { relevanceFigures } from '../../src/lib/search/relevance.ts';
import { parseTierManifest } from '../../src/lib/search/tiers.ts';
import { pagefindQuery, queryTerms } from '../../src/lib/search/normalize.ts';
import { querySet, runQueries } from './relevance-run.ts';
import { statusLineOf } from './status-line.ts';

const BASE = '/fgf/';
const SITE = 'https://gongkai.example.gov.cn';
const ITEM = `${BASE}items/jiaxiang-2021-2-a1-02/`;
const ROOT = join(import.meta.dirname, '..', '..');

// One build for the whole file: its tests run in order in one worker.
test.describe.configure({ mode: 'default' });

let work: string;
let dist: string;
let server: Server | undefined;
let origin: string;

function build(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'build'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(log) : fail(new Error(`npm run build (base ${BASE}) failed with ${code}:\n${log.slice(-4000)}`))));
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = mkdtempSync(join(tmpdir(), 'gk-subpath-'));
  dist = join(work, 'dist');
  await build({
    ...process.env,
    GONGKAI_BASE: BASE,
    GONGKAI_SITE: SITE,
    GONGKAI_OUT_DIR: dist,
    GONGKAI_CACHE_DIR: join(work, 'cache'),
    GONGKAI_SEARCH_TIER_FIRST: '5',
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  const started = await serve({ dir: dist, base: BASE, port: 0 });
  server = started.server;
  origin = new URL(started.url).origin;
});

test.afterAll(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  if (work) rmSync(work, { recursive: true, force: true });
});

/** URL-bearing attributes of an HTML page (script and style contents left out). */
function references(html: string): { attr: string; value: string }[] {
  const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/gi, '<$1$2>');
  const out: { attr: string; value: string }[] = [];
  for (const m of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const a of m[0].matchAll(/\s(href|src|action|srcset|poster|content)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      const attr = a[1]!.toLowerCase();
      const value = (a[2] ?? a[3] ?? '').replace(/&amp;/g, '&');
      if (attr === 'srcset') for (const part of value.split(',')) out.push({ attr, value: part.trim().split(/\s+/)[0]! });
      else if (attr === 'content') {
        if (/^(https?:)?\//.test(value)) out.push({ attr, value }); // og:url and the like; not CSP or viewport
      } else out.push({ attr, value });
    }
  }
  return out;
}

/** The first path segment under the base: /fgf/search/?q=x → search; a page family that may not exist yet. */
function family(pathname: string): string {
  return pathname.slice(BASE.length).split('/')[0] ?? '';
}

test('every link, form and asset stays under /fgf/ and resolves', async ({ request }) => {
  test.setTimeout(120_000);
  const escapes: string[] = [];
  const broken: string[] = [];
  const notBuilt = new Set<string>();
  const seen = new Set<string>();
  const queue: { path: string; from: string }[] = [{ path: BASE, from: '(start)' }, { path: `${BASE}no-such-page/`, from: '(404 page)' }];
  let pages = 0;
  let assets = 0;

  const visit = (raw: string, pageUrl: string, attr: string) => {
    if (raw === '' || /^(#|mailto:|tel:|javascript:|data:)/i.test(raw)) return;
    const u = new URL(raw, pageUrl);
    const internal = u.origin === origin || u.origin === SITE;
    if (!internal) return;
    const where = `${raw} (${attr} on ${new URL(pageUrl).pathname})`;
    if (!u.pathname.startsWith(BASE) || u.pathname.startsWith(`${BASE}${BASE.slice(1)}`)) {
      escapes.push(where);
      return;
    }
    if (!seen.has(u.pathname)) {
      seen.add(u.pathname);
      queue.push({ path: u.pathname + (u.pathname.endsWith('/search/') ? u.search : ''), from: where });
    }
  };

  while (queue.length > 0) {
    const { path, from } = queue.shift()!;
    const res = await request.get(origin + path, { maxRedirects: 0 });
    const expected = from === '(404 page)' ? 404 : 200;
    if (res.status() !== expected) {
      // A link into a kind of page this build does not have at all (another part of the site still being built)
      // is noted; a missing page of a kind that exists is a broken link.
      if (res.status() === 404 && !existsSync(join(dist, family(path)))) notBuilt.add(`${family(path)}/ ← ${from}`);
      else broken.push(`${path}: HTTP ${res.status()} ← ${from}`);
      if (res.status() !== 404 || !res.headers()['content-type']?.includes('html')) continue;
    }
    const type = res.headers()['content-type'] ?? '';
    if (type.includes('text/html')) {
      pages++;
      for (const { attr, value } of references(await res.text())) visit(value, origin + path, attr);
    } else if (type.includes('text/css')) {
      assets++;
      for (const m of (await res.text()).matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) visit(m[1]!, origin + path, 'css url()');
    } else {
      assets++;
    }
  }

  test.info().annotations.push({ type: 'crawl', description: `${pages} pages and ${assets} assets under ${BASE}` });
  for (const n of notBuilt) test.info().annotations.push({ type: 'not built yet', description: n });
  expect(escapes, 'links that leave the /fgf/ sub-path').toEqual([]);
  expect(broken, 'links that do not resolve').toEqual([]);
  // The crawl reached the notices, their attachment tables and every item.
  expect(pages).toBeGreaterThan(40);
  expect(seen).toContain(`${BASE}notices/jiaxiang-2021-2/`);
  expect(seen).toContain(`${BASE}notices/jiaxiang-2021-2/attachments/1/`);
  expect(seen).toContain(ITEM);
  expect(assets).toBeGreaterThan(0);
});

test('a page outside /fgf/ is not served, and the sitemap lists URLs under /fgf/', async ({ request }) => {
  expect((await request.get(`${origin}/notices/jiaxiang-2021-2/`)).status()).toBe(404);
  const index = await request.get(`${origin}${BASE}sitemap-index.xml`);
  expect(index.status()).toBe(200);
  const sitemaps = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(sitemaps.length).toBeGreaterThan(0);
  const locs: string[] = [];
  for (const s of sitemaps) {
    expect(s.startsWith(`${SITE}${BASE}`), s).toBe(true);
    const res = await request.get(origin + new URL(s).pathname);
    locs.push(...[...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
  }
  expect(locs).toContain(`${SITE}${ITEM}`);
  expect(locs.filter((l) => !l.startsWith(`${SITE}${BASE}`))).toEqual([]);
});

test('Pagefind under /fgf/ (both tiers merged) finds 典当 and links to its item under /fgf/', async ({ page }) => {
  await page.goto(`${origin}${BASE}`);
  const urls = await page.evaluate(async (base) => {
    const pagefind = await import(`${base}pagefind/pagefind.js`);
    const { tiers } = (await (await fetch(`${base}pagefind/tiers.json`)).json()) as { tiers: { dir: string }[] };
    for (const t of tiers.slice(1)) await pagefind.mergeIndex(`${base}${t.dir}`);
    const search = await pagefind.search('典当');
    const data = await Promise.all(search.results.slice(0, 10).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
    return data.map((d: { url: string }) => d.url);
  }, BASE);
  expect(urls).toContain(ITEM);
  expect(urls.filter((u: string) => !u.startsWith(BASE))).toEqual([]);
});

test('the search page under /fgf/ finds 典当 and links to its item', async ({ page, request }) => {
  const searchPage = await request.get(`${origin}${BASE}search/`);
  test.skip(searchPage.status() === 404 && !existsSync(join(dist, 'search')), 'the search page is not built yet (Pagefind is tested directly above)');
  await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('典当')}`);
  // (Result links may carry a highlight parameter; the forms on this page are checked by the crawl above.)
  await expect(page.locator(`a[href^="${ITEM}"]`).first()).toBeVisible();
});

test('the index is in two tiers: 济南 (newest) in pagefind/, 嘉祥 in pagefind/tier-1/', () => {
  const { tiers } = parseTierManifest(JSON.parse(readFileSync(join(dist, 'pagefind', 'tiers.json'), 'utf8')));
  expect(tiers.map((t) => [t.dir, t.pages, t.items, t.newest])).toEqual([
    ['pagefind/', 1, 0, '2021-12-31'],
    ['pagefind/tier-1/', 42, 36, '2021-02-20'],
  ]);
  expect(existsSync(join(dist, 'pagefind', 'tier-1', 'pagefind-entry.json'))).toBe(true);
});

test('tiered: a search that only the older tier answers finds its item, and loads that tier only then', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('乡村兽医')}`);
  await expect(page.locator(`main a[href^="${BASE}items/jiaxiang-2021-2-a1-18/"]`).first()).toBeVisible();
  expect(loaded.some((p) => p.startsWith(`${BASE}pagefind/tier-1/`))).toBe(true);
  // Its status line: the newest notices' file (济南's, which has no items) does not hold it, so its notice's own
  // file is fetched.
  const line = statusLineOf(await (await page.request.get(`${origin}${BASE}items/jiaxiang-2021-2-a1-18/`)).text());
  expect(line).toContain('嘉政发〔2021〕2号 附件1');
  await expect(page.locator('main [data-hits] .search-hit-status').first()).toHaveText(line);
  expect(loaded.filter((p) => p.includes('status'))).toEqual([`${BASE}pagefind/status.json`, `${BASE}search/status/jiaxiang-2021-2.json`]);
  // 济南's work plan is in the first tier: 监管事权 is found there without the second tier.
  const fresh = await page.context().newPage();
  const own: string[] = [];
  fresh.on('request', (r) => own.push(new URL(r.url()).pathname));
  await fresh.goto(`${origin}${BASE}search/?q=${encodeURIComponent('厘清监管事权')}`);
  await expect(fresh.locator(`main a[href^="${BASE}notices/jinan-hitech-2021-40/"]`).first()).toBeVisible();
  await expect(fresh.locator('[data-status]')).toContainText('1');
  expect(own.filter((p) => p.includes('/pagefind/tier-1/') && p.endsWith('.pf_index'))).toEqual([]);
});

test('tiered: the first page says how far back it searched, and “显示更多结果” goes on into the older tier', async ({ page }) => {
  await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('监管')}`);
  const status = page.locator('[data-status]');
  // 济南's work plan (the newest tier) answers first; 嘉祥's items are in the older tier.
  await expect(status).toContainText('目前检索了2021年12月31日以来成文的文件');
  await expect(page.locator('main [data-hits] > li')).toHaveCount(1);
  await page.getByRole('button', { name: '显示更多结果' }).click();
  // A page of results asks for 10 more: 20 in all.
  await expect(page.locator('main [data-hits] > li')).toHaveCount(20);
  await expect(status).not.toContainText('目前检索了');
  await expect(page.locator(`main [data-hits] a[href^="${BASE}items/jiaxiang-2021-2-"]`).first()).toBeVisible();
});

test('tiered: the listing without a query shows all 36 items in order, and 行政处罚 counts 14, 行政许可 19', async ({ page }) => {
  await page.goto(`${origin}${BASE}search/`);
  await expect(page.locator('[data-status]')).toContainText('36');
  const first = await page.locator('main [data-hits] > li a').first().getAttribute('href');
  expect(first).toMatch(new RegExp(`^${BASE}items/jiaxiang-2021-2-a1-01/`));
  await page.goto(`${origin}${BASE}search/?type=penalty`);
  await expect(page.locator('[data-status]')).toContainText('14');
  await page.goto(`${origin}${BASE}search/?type=license`);
  await expect(page.locator('[data-status]')).toContainText('19');
});

test('tiered: relevance suite — recall 100% and precision@10 ≥ 95% for every query with a word to look up', async ({ page }) => {
  test.setTimeout(600_000);
  // On an index too large to check page by page, a query made only of single characters between punctuation
  // (造、涂 from 伪造、涂改) has no word Pagefind can be relied on to find: it is looked up best effort
  // (src/lib/search/README.md). Every other query must find every page.
  const all = querySet().queries;
  const queries = all.filter((q) => pagefindQuery(queryTerms(q.query)).query !== '');
  const bestEffort = all.filter((q) => !queries.includes(q)).map((q) => q.query);
  // Only queries that cross punctuation or a numbered mark (造、涂, ①县), never a plain Chinese word.
  expect(bestEffort.filter((q) => !/[^\p{Script=Han}]/u.test(q))).toEqual([]);
  expect(bestEffort.length).toBeLessThan(all.length * 0.1);
  console.log(`tiered relevance: ${queries.length} queries checked, ${bestEffort.length} best effort (e.g. ${bestEffort.slice(0, 3).join(' ')})`);
  const { runs } = await runQueries(page, `${origin}${BASE}search/`, dist, queries);
  const figures = relevanceFigures(runs);
  console.log(`tiered relevance: recall ${(figures.recall * 100).toFixed(2)}%, precision@10 ${(figures.precisionAtK * 100).toFixed(2)}%`);
  expect(figures.misses, 'queries that missed a relevant page').toEqual([]);
  expect(figures.recall).toBe(1);
  expect(figures.precisionAtK).toBeGreaterThanOrEqual(0.95);
});
