/**
 * The benchmark's browser half: headless Chromium against the built site, served by scripts/serve.ts.
 * - JavaScript a page loads (external scripts and inline ones).
 * - Search: the first query in a fresh browser (nothing cached) and warm queries after it, both through the
 *   real search page when the site has one with a search box, and directly through Pagefind's own API
 *   (/pagefind/pagefind.js) to separate the engine from the page.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../scripts/serve.ts';
import { CHROMIUM_FLAGS as SHARED_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.ts';
import { NetworkMeter, median, sum, type Transfer } from './measure.ts';

export const CHROMIUM_FLAGS = ['--headless=new', ...SHARED_FLAGS];

export interface PageJs {
  path: string;
  /** Bytes of JavaScript: every script file the page loads (as served) plus inline script text. */
  jsBytes: number;
  scripts: string[];
}

export interface QueryTiming {
  query: string;
  ms: number;
  /** Bytes as served by scripts/serve.ts (no compression). */
  bytes: number;
  /** Bytes if the server gzips text files (Pagefind's index files are gzipped already). */
  gzipBytes: number;
  results: number;
}

export interface SearchFigures {
  /** 'page': typed into the search box on /search/; 'api': pagefind.search() on a page of the site. */
  mode: 'page' | 'api';
  /** Bytes of the search page itself (HTML, CSS), apart from the search's scripts and Pagefind's files (page mode). */
  pageLoadBytes?: number;
  pageLoadGzipBytes?: number;
  first: QueryTiming;
  warm: QueryTiming[];
  warmMedianMs: number;
  warmMaxMs: number;
  /** Bytes of Pagefind's files fetched for the first query, by kind. */
  firstByKind: ReturnType<typeof byKind>;
  /** Each query as the first one, in a fresh browser (page mode). */
  cold?: QueryTiming[];
  /** The same for queries the newest tier of a large index cannot answer (vocabulary.ts, OLDER_QUERIES). */
  coldOlder?: QueryTiming[];
  note?: string;
}

export interface BrowserFigures {
  chromium: string;
  pages: PageJs[];
  search: { page?: SearchFigures; api: SearchFigures };
}

/** The search page's own box (the header's site-wide box is a plain form that leads to this page). */
const SEARCH_BOX = 'main input[type="search"], main input[name="q"]';

function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (!path.includes('/pagefind/')) return path.endsWith('.js') ? 'site-js' : 'site';
  if (path.endsWith('worker.js')) return 'worker';
  if (path.endsWith('.js')) return 'js';
  if (path.includes('wasm')) return 'wasm';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_fragment')) return 'fragments';
  if (path.endsWith('.pf_filter')) return 'filters';
  if (path.endsWith('.json')) return 'entry';
  if (path.endsWith('.css')) return 'css';
  return 'other';
}

function byKind(transfers: Transfer[]): Record<string, { files: number; bytes: number; gzipBytes: number }> {
  const out: Record<string, { files: number; bytes: number; gzipBytes: number }> = {};
  for (const t of transfers) {
    const k = (out[kindOf(t.url)] ??= { files: 0, bytes: 0, gzipBytes: 0 });
    k.files++;
    k.bytes += t.bytes;
    k.gzipBytes += t.gzipBytes;
  }
  return out;
}

const isPagefind = (t: Transfer) => new URL(t.url).pathname.includes('/pagefind/');

/** Let late network events reach Node before counting. */
const settle = (page: Page) => page.waitForTimeout(150);

async function pageJs(browser: Browser, origin: string, path: string): Promise<PageJs> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: { url: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    scripts.push({ url: response.url(), bytes: body.length });
  });
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  const inline = await page.$$eval('script:not([src])', (els) => els.map((e) => new TextEncoder().encode(e.textContent ?? '').length));
  await context.close();
  const external = scripts.reduce((a, s) => a + s.bytes, 0);
  return {
    path,
    jsBytes: external + inline.reduce((a, b) => a + b, 0),
    scripts: [...scripts.map((s) => new URL(s.url).pathname), ...inline.map((b) => `inline (${b} B)`)],
  };
}

/** Pagefind's own API, loaded into a page of the site (its CSP allows same-origin scripts and WebAssembly). */
async function searchApi(browser: Browser, origin: string, dist: string, queries: string[]): Promise<SearchFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const meter = new NetworkMeter(context, dist);
  await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
  const run = (q: string) =>
    page.evaluate(async (query) => {
      const started = performance.now();
      const w = window as unknown as { __pf?: Promise<{ search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }> }> };
      w.__pf ??= import('/pagefind/pagefind.js' as string);
      const pagefind = await w.__pf;
      const found = await pagefind.search(query);
      await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
      return { ms: performance.now() - started, results: found.results.length };
    }, q);
  const timings: QueryTiming[] = [];
  let firstByKind: ReturnType<typeof byKind> = {};
  for (const [i, q] of queries.entries()) {
    const mark = await meter.mark();
    const r = await run(q);
    await settle(page);
    const got = await meter.since(mark);
    if (i === 0) firstByKind = byKind(got);
    timings.push({ query: q, ms: Math.round(r.ms * 10) / 10, bytes: sum(got), gzipBytes: sum(got, 'gzipBytes'), results: r.results });
  }
  await context.close();
  const warm = timings.slice(1);
  return {
    mode: 'api',
    first: timings[0]!,
    warm,
    warmMedianMs: median(warm.map((t) => t.ms)),
    warmMaxMs: Math.max(...warm.map((t) => t.ms)),
    firstByKind,
  };
}

/**
 * Wait until the search has finished: the page changed after `since`, no element is aria-busy, no request is
 * open or has moved for 300 ms, and the DOM has not changed for 600 ms. Returns the last change's time
 * (page clock, ms since navigation start), or -1 after 15 s.
 */
async function settled(page: Page, meter: NetworkMeter, since: number): Promise<number> {
  const limit = performance.now() + 15_000;
  while (performance.now() < limit) {
    await page.waitForTimeout(25);
    const { last, busy, now } = await page.evaluate(() => ({
      last: (window as unknown as { __lastChange: number }).__lastChange,
      busy: document.querySelector('[aria-busy="true"]') !== null,
      now: performance.now(),
    }));
    if (last > since && !busy && meter.quiet(300) && now - last > 600) return last;
  }
  return -1;
}

/**
 * The real search page, as a reader meets it.
 * - First query: a fresh browser opens /search/?q=… (where every page's header search box leads); the time runs
 *   from the start of that navigation to the results on screen (the last DOM change, once nothing has changed for
 *   600 ms), and the bytes are everything the search needed: Pagefind's files and the page's scripts. The page's
 *   HTML and CSS are counted apart (pageLoadBytes). "Results on screen" means: no element aria-busy, no request
 *   open, and no DOM change for 600 ms; the time is that of the last change.
 * - Warm queries: the next queries are put in the page's own search box and the form submitted (as Enter does;
 *   typing alone waits for a pause first, which is the page's choice, not the search's speed), timed from the
 *   submit to the last DOM change.
 */
/** Open /search/?q=… in a fresh browser context and wait for the results: the first query a reader makes. */
async function openSearch(browser: Browser, origin: string, dist: string, q: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const meter = new NetworkMeter(context, dist);
  await page.addInitScript(() => {
    const w = window as unknown as { __lastChange: number };
    w.__lastChange = 0;
    new MutationObserver(() => {
      w.__lastChange = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
  const box = page.locator(SEARCH_BOX).first();
  if ((await box.count()) === 0) {
    await context.close();
    return undefined;
  }
  const ended = await settled(page, meter, 0);
  await settle(page);
  const got = await meter.since(0);
  const isPageItself = (t: Transfer) => {
    const path = new URL(t.url).pathname;
    return !isPagefind(t) && !/\.m?js$/.test(path);
  };
  const searchBytes = got.filter((t) => !isPageItself(t));
  const timing: QueryTiming = {
    query: q,
    ms: ended < 0 ? -1 : Math.round(ended * 10) / 10,
    bytes: sum(searchBytes),
    gzipBytes: sum(searchBytes, 'gzipBytes'),
    results: await page.locator('main a[href*="/items/"]').count(),
  };
  return { context, page, meter, box, timing, searchBytes, pageItself: got.filter(isPageItself) };
}

/** Every query as a first query: each in a fresh browser (nothing cached), so none profits from another's files. */
async function coldQueries(browser: Browser, origin: string, dist: string, queries: string[]): Promise<QueryTiming[]> {
  const out: QueryTiming[] = [];
  for (const q of queries) {
    const opened = await openSearch(browser, origin, dist, q);
    if (!opened) return [];
    out.push(opened.timing);
    await opened.context.close();
  }
  return out;
}

async function searchPage(browser: Browser, origin: string, dist: string, queries: string[], older: string[]): Promise<SearchFigures | undefined> {
  const [q0, ...rest] = queries;
  const opened = await openSearch(browser, origin, dist, q0!);
  if (!opened) return undefined;
  const { context, page, meter, box, searchBytes } = opened;
  const timings: QueryTiming[] = [opened.timing];
  const firstByKind = byKind(searchBytes);
  let note = opened.timing.ms < 0 ? `the page did not settle within 15 s for "${q0}"` : undefined;
  for (const q of rest) {
    const mark = await meter.mark();
    const started = await box.evaluate((el, query) => {
      const input = el as HTMLInputElement;
      input.focus();
      input.value = query;
      const t = performance.now();
      if (input.form) input.form.requestSubmit();
      else input.dispatchEvent(new Event('input', { bubbles: true }));
      return t;
    }, q);
    const ended = await settled(page, meter, started);
    if (ended < 0) note = `the page did not change within 15 s after searching for "${q}"`;
    await settle(page);
    const got = await meter.since(mark);
    const results = await page.locator('main a[href*="/items/"]').count();
    timings.push({ query: q, ms: ended < 0 ? -1 : Math.round((ended - started) * 10) / 10, bytes: sum(got), gzipBytes: sum(got, 'gzipBytes'), results });
  }
  await context.close();
  const warm = timings.slice(1).filter((t) => t.ms >= 0);
  const pageItself = opened.pageItself;
  const cold = await coldQueries(browser, origin, dist, queries);
  const coldOlder = await coldQueries(browser, origin, dist, older);
  return {
    mode: 'page',
    pageLoadBytes: sum(pageItself),
    pageLoadGzipBytes: sum(pageItself, 'gzipBytes'),
    first: timings[0]!,
    warm,
    warmMedianMs: median(warm.map((t) => t.ms)),
    warmMaxMs: warm.length ? Math.max(...warm.map((t) => t.ms)) : -1,
    firstByKind,
    cold,
    coldOlder,
    ...(note ? { note } : {}),
  };
}

export async function measureInBrowser(dist: string, jsPages: string[], queries: string[], older: string[], log: (s: string) => void): Promise<BrowserFigures> {
  const { server, url } = await serve({ dir: dist, port: 0 });
  const origin = url.replace(/\/$/, '');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const pages: PageJs[] = [];
    for (const path of jsPages) {
      if (!existsSync(join(dist, path, 'index.html'))) continue;
      pages.push(await pageJs(browser, origin, path));
    }
    log(`JavaScript per page measured (${pages.length} pages)`);
    const api = await searchApi(browser, origin, dist, queries);
    log(`Pagefind API: first query ${api.first.ms} ms, warm median ${api.warmMedianMs} ms`);
    const page = existsSync(join(dist, 'search', 'index.html')) ? await searchPage(browser, origin, dist, queries, older) : undefined;
    if (page) log(`search page: first query ${page.first.ms} ms, warm median ${page.warmMedianMs} ms`);
    else log('no search page with a search box yet: search measured through the Pagefind API only');
    return { chromium: browser.version(), pages, search: { ...(page ? { page } : {}), api } };
  } finally {
    await browser.close();
    server.close();
  }
}
