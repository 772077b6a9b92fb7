/**
 * The benchmark's browser half: headless Chromium against the built site, served by scripts/serve.ts.
 * - JavaScript a page loads (external scripts and inline ones).
 * - Search: the search page against Pagefind's own API on the same index, query by query, first and warm, both
 *   in fresh browsers and interleaved (./ratios.ts, ./search-sides.ts).
 */
import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../scripts/serve.ts';
import { CHROMIUM_FLAGS as SHARED_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.ts';
import { measureRatios, type RatioFigures } from './ratios.ts';
import { SLOW_4G } from './search-sides.ts';

export const CHROMIUM_FLAGS = ['--headless=new', ...SHARED_FLAGS];

export interface PageJs {
  path: string;
  /** Bytes of JavaScript: every script file the page loads (as served) plus inline script text. */
  jsBytes: number;
  scripts: string[];
}

export interface BrowserFigures {
  chromium: string;
  pages: PageJs[];
  /** The search page against Pagefind's own API, query by query (undefined when the site has no search page). */
  search?: RatioFigures;
  /** The same on a slow mobile network (`--slow-network`: ./search-sides.ts, SLOW_4G), one round. */
  slowNetwork?: RatioFigures;
}

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

export async function measureInBrowser(
  dist: string,
  jsPages: string[],
  queries: string[],
  older: string[],
  rounds: number,
  log: (s: string) => void,
  slowNetwork = false,
): Promise<BrowserFigures> {
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
    const search = existsSync(join(dist, 'search', 'index.html')) ? await measureRatios(browser, origin, dist, queries, older, rounds, log) : undefined;
    if (search) log(`search page ÷ Pagefind's API (medians over ${queries.length} queries): first ${search.firstVsPagefind}, warm ${search.warmVsPagefind}`);
    else log('no search page with a search box yet');
    // The same on a phone's network, where round trips count more than the machine (the queries no newest notice
    // answers are measured once, above).
    const slow = search && slowNetwork ? await measureRatios(browser, origin, dist, queries, [], 1, log, SLOW_4G) : undefined;
    if (slow) log(`on ${SLOW_4G.name}: first ${slow.firstVsPagefind}, warm ${slow.warmVsPagefind}`);
    return { chromium: browser.version(), pages, ...(search ? { search } : {}), ...(slow ? { slowNetwork: slow } : {}) };
  } finally {
    await browser.close();
    server.close();
  }
}
