/**
 * The two sides the benchmark compares, each in its own fresh browser context:
 * - the search page: a reader opens /search/?q=… (where every page's header box leads); the clock runs from the
 *   navigation's start to the results on screen (no element aria-busy, no request open, no DOM change for 600 ms;
 *   the time of the last change);
 * - Pagefind's own API on the same index (its first tier, pagefind/): the site's home page calls
 *   pagefind.search(q) when its document is parsed (when a page's module script would run) and loads the first ten
 *   results' data, which is what a page needs to show them; the clock runs from the same navigation start to the
 *   last data() resolved.
 * Warm: the next query in the same page (the search page's form submitted, as Enter does; pagefind.search() again).
 */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { NetworkMeter, round1, sum, type Transfer } from './measure.ts';
import { paths } from '../src/domain/urls.ts';
import { NEWEST_STATUS_FILE, STATUS_DIR } from '../src/lib/search/status-lines.ts';

export interface QueryTiming {
  query: string;
  ms: number;
  /** Bytes as served by scripts/serve.ts (text compressed as the nginx example does). */
  bytes: number;
  /** Bytes with every text file gzipped (Pagefind's index files are gzipped already): the figures' measure. */
  gzipBytes: number;
  results: number;
  /** Bytes by kind of file (Pagefind's metadata, index chunks, fragments …), gzip. */
  byKind?: Record<string, number>;
  /** The page's own performance measures (search:*), ms: where its time went. */
  marks?: Record<string, number>;
}

/** The search page's own box (the header's site-wide box is a plain form that leads to this page). */
const SEARCH_BOX = 'main input[type="search"], main input[name="q"]';
const PAGEFIND = '/pagefind/pagefind.js';

export function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (isStatus(path)) return 'status';
  if (!path.includes('/pagefind/')) return path.endsWith('.js') ? 'site-js' : 'site';
  if (path.includes('/grams/')) return 'literal-index';
  if (path.endsWith('worker.js')) return 'worker';
  if (path.endsWith('.js')) return 'js';
  if (path.includes('wasm')) return 'wasm';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_fragment')) return 'fragments';
  if (path.endsWith('.pf_filter')) return 'filters';
  if (path.endsWith('.json')) return 'entry';
  return 'other';
}

function byKind(transfers: Transfer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of transfers) out[kindOf(t.url)] = (out[kindOf(t.url)] ?? 0) + t.gzipBytes;
  return out;
}

/** The results' status lines: the newest notices' file (pagefind/status.json) and a notice's own (search/status/). */
function isStatus(path: string): boolean {
  return path.endsWith(`/${NEWEST_STATUS_FILE}`) || path.includes(`/${STATUS_DIR}`);
}
const isPagefind = (t: Transfer) => new URL(t.url).pathname.includes('/pagefind/');
/** What a search costs: Pagefind's files, the page's scripts and its results' status lines (not its HTML and CSS). */
const isSearchCost = (t: Transfer) => isPagefind(t) || isStatus(new URL(t.url).pathname) || /\.m?js$/.test(new URL(t.url).pathname);

/** Let late network events reach Node before counting. */
const settle = (page: Page) => page.waitForTimeout(150);

function timing(query: string, ms: number, got: Transfer[], results: number, marks?: Record<string, number>): QueryTiming {
  return { query, ms: round1(ms), bytes: sum(got), gzipBytes: sum(got, 'gzipBytes'), results, byKind: byKind(got), ...(marks ? { marks } : {}) };
}

/**
 * Wait until the search page has finished: it changed after `since`, nothing is aria-busy, no request has been open
 * or moved for 300 ms and the DOM has not changed for 600 ms. The last change's time (page clock), or -1 after 15 s.
 * The page watches itself (a timer every 50 ms, a few microseconds each): asking it from here every 100 ms put a
 * DevTools round trip on its main thread in the middle of most queries, which Pagefind's side never had.
 */
async function settled(page: Page, meter: NetworkMeter, since: number): Promise<number> {
  const limit = performance.now() + 15_000;
  while (performance.now() < limit) {
    const last = await page.evaluate(
      ({ since, timeout }) =>
        new Promise<number>((resolve) => {
          const end = performance.now() + timeout;
          const tick = () => {
            const last = (window as unknown as { __lastChange: number }).__lastChange;
            const busy = document.querySelector('[aria-busy="true"]') !== null;
            const now = performance.now();
            const still = last > since && !busy && now - last > 600;
            if (still || now > end) resolve(still ? last : -1);
            else setTimeout(tick, 50);
          };
          tick();
        }),
      { since, timeout: Math.max(limit - performance.now(), 0) },
    );
    if (last < 0) return -1;
    if (meter.quiet(300)) return last;
    await page.waitForTimeout(100);
  }
  return -1;
}

/** The page's own measures (src/lib/search/marks.ts), summed by name. */
async function pageMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const m of performance.getEntriesByType('measure')) {
      if (m.name.startsWith('search:')) out[m.name] = Math.round(((out[m.name] ?? 0) + m.duration) * 10) / 10;
    }
    return out;
  });
}

const resultCount = (page: Page) => page.locator('main a[href*="/items/"]').count();

export interface Side {
  first: QueryTiming;
  /** Run another query in the same page: the warm case. */
  next(q: string): Promise<QueryTiming>;
  close(): Promise<void>;
  /** The browser page of this side (for a closer look, bench/profile-warm.ts). */
  page: Page;
}

/** A network to measure on: each request's round trip and the link's speed (Chromium's network emulation). */
export interface NetworkConditions {
  name: string;
  latencyMs: number;
  downloadKbps: number;
  uploadKbps: number;
}

/**
 * A phone on a county network: Lighthouse's mobile setting ("slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750
 * kbit/s up), which its performance scores assume.
 */
export const SLOW_4G: NetworkConditions = { name: 'slow 4G (150 ms, 1.6 Mbit/s)', latencyMs: 150, downloadKbps: 1638.4, uploadKbps: 750 };

/** A fresh context and page, on `network` when given (the page's workers' requests included). */
async function freshPage(browser: Browser, network?: NetworkConditions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latencyMs,
      downloadThroughput: (network.downloadKbps * 1024) / 8,
      uploadThroughput: (network.uploadKbps * 1024) / 8,
    });
  }
  return { context, page };
}

/**
 * A warm query as a reader makes it, on the search page: the page's clock when the form was submitted. The reader's
 * box had the focus and the query well before Enter: what focusing and the new text set off (the focus ring, the
 * input method's state in the browser, laying out the box's text: a value set just before requestSubmit() had it lay
 * out the page first, 1 ms of the query's time) happens before the clock starts.
 */
export async function submitQuery(page: Page, query: string): Promise<number> {
  const box = page.locator(SEARCH_BOX).first();
  await box.focus();
  await box.evaluate((el, text) => {
    (el as HTMLInputElement).value = text;
  }, query);
  await page.waitForTimeout(100);
  return box.evaluate((el) => {
    const t = performance.now();
    (el as HTMLInputElement).form?.requestSubmit();
    return t;
  });
}

/** The search page, opened at /search/?q=… (or /search/ for '') in a fresh context; undefined when the site has no search page. */
export async function openSearchPage(browser: Browser, origin: string, dist: string, q: string, network?: NetworkConditions): Promise<Side | undefined> {
  const { context, page } = await freshPage(browser, network);
  const meter = new NetworkMeter(context, dist);
  await page.addInitScript(() => {
    const w = window as unknown as { __lastChange: number };
    w.__lastChange = 0;
    new MutationObserver(() => {
      w.__lastChange = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.goto(`${origin}${paths.search(q)}`, { waitUntil: 'load' });
  const box: Locator = page.locator(SEARCH_BOX).first();
  if ((await box.count()) === 0) {
    await context.close();
    return undefined;
  }
  const ended = await settled(page, meter, 0);
  await settle(page);
  const first = timing(q, ended, (await meter.since(0)).filter(isSearchCost), await resultCount(page), await pageMarks(page));
  const next = async (query: string) => {
    const mark = await meter.mark();
    await page.evaluate(() => performance.clearMeasures());
    const started = await submitQuery(page, query);
    const end = await settled(page, meter, started);
    await settle(page);
    return timing(query, end < 0 ? -1 : end - started, await meter.since(mark), await resultCount(page), await pageMarks(page));
  };
  return { first, next, close: () => context.close(), page };
}

interface PagefindWindow {
  __pf?: Promise<{ search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }> }>;
  __pfFirst?: Promise<{ ms: number; results: number }>;
}

/** Pagefind's own API on the home page, in a fresh context: the first query starts when the document is parsed. */
export async function openPagefindApi(browser: Browser, origin: string, dist: string, q: string, network?: NetworkConditions): Promise<Side> {
  const { context, page } = await freshPage(browser, network);
  const meter = new NetworkMeter(context, dist);
  await page.addInitScript(
    ({ query, script }) => {
      const w = window as unknown as PagefindWindow;
      w.__pfFirst = new Promise((resolve, reject) => {
        document.addEventListener(
          'DOMContentLoaded',
          () => {
            w.__pf = import(script);
            w.__pf
              .then(async (pf) => {
                const found = await pf.search(query);
                await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
                return { ms: performance.now(), results: found.results.length };
              })
              .then(resolve, reject);
          },
          { once: true },
        );
      });
    },
    { query: q, script: PAGEFIND },
  );
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  const r = await page.evaluate(() => (window as unknown as PagefindWindow).__pfFirst!);
  await settle(page);
  const first = timing(q, r.ms, (await meter.since(0)).filter(isPagefind), r.results);
  const next = async (query: string) => {
    const mark = await meter.mark();
    const w = await page.evaluate(async (text) => {
      const pf = await (window as unknown as PagefindWindow).__pf!;
      const t = performance.now();
      const found = await pf.search(text);
      await Promise.all(found.results.slice(0, 10).map((x) => x.data()));
      return { ms: performance.now() - t, results: found.results.length };
    }, query);
    await settle(page);
    return timing(query, w.ms, await meter.since(mark), w.results);
  };
  return { first, next, close: () => context.close(), page };
}
