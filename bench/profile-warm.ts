/**
 * node bench/profile-warm.ts [--dist bench/work/10000/dist] [--reps 5] [--cpu FILE] — where a warm query's time
 * goes on the search page, against Pagefind's own API on the same index, in one run. Not part of the tests.
 *
 * Each round opens a fresh search page and a fresh API page (nothing cached), runs the bench's warm-up query on
 * both, then each bench query on both sides, interleaved, as `npm run bench` does; each query's figures are the
 * median over `reps` rounds. For the page side the `search:*` measures (src/lib/search/marks.ts) are placed on the
 * query's own clock: before Pagefind's search (the form, the URL, the engine's set-up), Pagefind's search, the
 * fragments, then up to the results list's change (checking, ranking, rendering) and from there to the last DOM
 * change (what the page adds after the list: status lines, suggestions). With --cpu, a V8 CPU profile of the page
 * side's warm queries is written to FILE (open it in Chrome DevTools) and its heaviest functions are printed.
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { serve } from '../scripts/serve.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.ts';
import { median } from './measure.ts';
import { openPagefindApi, submitQuery } from './search-sides.ts';
import { QUERIES } from './vocabulary.ts';
import { WARM_UP_QUERY } from './ratios.ts';
import { flag, option } from './args.ts';

const dist = option('dist', 'bench/work/10000/dist');
const reps = Number(option('reps', '5'));
const cpuFile = option('cpu', '');
/** --engine: the page side calls the page's engine directly (window.gongkaiSearch), without the form, URL or DOM. */
const engineOnly = flag('engine');
/** --pre JS: with --engine, run this in the page just before the engine (to see what a step of the page costs). */
const pre = option('pre', '');

interface Split {
  total: number;
  before: number;
  search: number;
  fragments: number;
  /** From the fragments to the result list's last change. */
  render: number;
  /** From the result list's last change to the page's last change. */
  tail: number;
  /** Every measure, summed by name. */
  marks: Record<string, number>;
}

/** Submit the page's form with `q`; resolve when results are shown and the page has been still for 400 ms. */
async function pageQuery(page: Page, q: string): Promise<Split> {
  if (engineOnly) return engineQuery(page, q);
  await page.evaluate(() => performance.clearMeasures());
  const started = await submitQuery(page, q);
  for (;;) {
    await page.waitForTimeout(100);
    const s = await page.evaluate(() => ({
      last: (window as unknown as { __lastChange: number }).__lastChange,
      busy: document.querySelector('[aria-busy="true"]') !== null,
      now: performance.now(),
    }));
    if (s.last > started && !s.busy && s.now - s.last > 400) break;
  }
  return page.evaluate((t0) => {
    const w = window as unknown as { __lastChange: number; __listChange: number };
    const last = w.__lastChange;
    const list = Math.max(w.__listChange, t0);
    const ms = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('search:'));
    const marks: Record<string, number> = {};
    for (const m of ms) marks[m.name] = (marks[m.name] ?? 0) + m.duration;
    const of = (name: string) => ms.filter((m) => m.name === name);
    const search = of('search:pagefind-search')[0];
    const frags = of('search:fragments');
    const fragStart = frags[0]?.startTime ?? search?.startTime ?? t0;
    const fragEnd = frags.length ? Math.max(...frags.map((m) => m.startTime + m.duration)) : search ? search.startTime + search.duration : t0;
    return {
      total: last - t0,
      before: (search?.startTime ?? t0) - t0,
      search: search?.duration ?? 0,
      fragments: fragEnd - fragStart,
      render: list - fragEnd,
      tail: last - list,
      marks,
    };
  }, started);
}

/** The page's engine alone: run(state) to its first page of results, with the same split (render and tail 0). */
async function engineQuery(page: Page, q: string): Promise<Split> {
  return page.evaluate(async ({ text, pre }) => {
    performance.clearMeasures();
    const t0 = performance.now();
    // eslint-disable-next-line no-new-func
    if (pre) new Function('q', pre)(text);
    const search = window.gongkaiSearch!;
    const s = await search.run({ q: text, filters: { type: [], change: [], department: [], notice: [], year: [], validity: [], docNumber: [] } as never });
    s.outcome();
    const end = performance.now();
    const ms = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('search:'));
    const marks: Record<string, number> = {};
    for (const m of ms) marks[m.name] = (marks[m.name] ?? 0) + m.duration;
    const first = ms.find((m) => m.name === 'search:pagefind-search');
    const frags = ms.filter((m) => m.name === 'search:fragments');
    const fragStart = frags[0]?.startTime ?? end;
    return { total: end - t0, before: (first?.startTime ?? t0) - t0, search: first?.duration ?? 0, fragments: end - fragStart, render: 0, tail: 0, marks };
  }, { text: q, pre });
}

/** Pagefind's own API in the page `openPagefindApi` set up: search, then the first ten results' data. */
async function apiQuery(page: Page, q: string): Promise<{ total: number; search: number; data: number }> {
  return page.evaluate(async (text) => {
    const pf = await (window as unknown as { __pf: Promise<{ search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }> }> }).__pf;
    const t = performance.now();
    const found = await pf.search(text);
    const s = performance.now();
    await Promise.all(found.results.slice(0, 10).map((x) => x.data()));
    const e = performance.now();
    return { total: e - t, search: s - t, data: e - s };
  }, q);
}

const { server, url } = await serve({ dir: dist, port: 0 });
const origin = url.replace(/\/$/, '');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', ...CHROMIUM_FLAGS] });
try {
  const rows = new Map<string, { page: Split[]; api: { total: number; search: number; data: number }[] }>(QUERIES.map((q) => [q, { page: [], api: [] }]));
  let cdp: CDPSession | undefined;
  for (let r = 0; r < reps; r++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __lastChange: number; __listChange: number };
      w.__lastChange = 0;
      w.__listChange = 0;
      new MutationObserver((records) => {
        w.__lastChange = performance.now();
        if (records.some((m) => (m.target as Element).closest?.('[data-hits]'))) w.__listChange = w.__lastChange;
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.goto(`${origin}/search/?q=${encodeURIComponent(WARM_UP_QUERY)}`, { waitUntil: 'load' });
    await pageQuery(page, WARM_UP_QUERY);
    const api = await openPagefindApi(browser, origin, dist, WARM_UP_QUERY);
    const apiPage = api.page;
    // The CPU profile covers the last round's warm queries.
    if (cpuFile && r === reps - 1) {
      cdp = await ctx.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    for (const [i, q] of QUERIES.entries()) {
      const row = rows.get(q)!;
      if ((i + r) % 2 === 0) {
        row.page.push(await pageQuery(page, q));
        row.api.push(await apiQuery(apiPage, q));
      } else {
        row.api.push(await apiQuery(apiPage, q));
        row.page.push(await pageQuery(page, q));
      }
    }
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      writeFileSync(cpuFile, JSON.stringify(profile));
      printHeaviest(profile);
    }
    await api.close();
    await ctx.close();
  }
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(`\n${'query'.padEnd(10)}   page     API  ratio │ before  search  frags  render   tail │ API search   data │ prepare  check`);
  const ratios: number[] = [];
  const apiParts = { search: [] as number[], data: [] as number[] };
  const parts = { before: [] as number[], search: [] as number[], fragments: [] as number[], render: [] as number[], tail: [] as number[] };
  for (const [q, row] of rows) {
    const pick = (k: keyof Omit<Split, 'marks'>) => median(row.page.map((s) => s[k]));
    const m = (k: string) => median(row.page.map((s) => s.marks[`search:${k}`] ?? 0));
    const p = pick('total');
    const a = median(row.api.map((x) => x.total));
    ratios.push(p / a);
    for (const k of Object.keys(parts) as (keyof typeof parts)[]) parts[k].push(pick(k));
    console.log(`${q.padEnd(10, '　')} ${f(p)} ${f(a)} ${(p / a).toFixed(2).padStart(6)} │${f(pick('before'))} ${f(pick('search'))}${f(pick('fragments'))} ${f(pick('render'))} ${f(pick('tail'))} │${f(median(row.api.map((x) => x.search)))}${f(median(row.api.map((x) => x.data)))} │${f(m('prepare'))}${f(m('literal-check'))}`);
    apiParts.search.push(median(row.api.map((x) => x.search)));
    apiParts.data.push(median(row.api.map((x) => x.data)));
  }
  console.log(`median ratio ${median(ratios).toFixed(3)}; medians: before ${median(parts.before).toFixed(1)}, search ${median(parts.search).toFixed(1)}, fragments ${median(parts.fragments).toFixed(1)}, render ${median(parts.render).toFixed(1)}, tail ${median(parts.tail).toFixed(1)} ms; API search ${median(apiParts.search).toFixed(1)}, data ${median(apiParts.data).toFixed(1)} ms`);
} finally {
  await browser.close();
  server.close();
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time, and the time by script. */
function printHeaviest(p: CpuProfile): void {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const byFn = new Map<string, number>();
  const byUrl = new Map<string, number>();
  for (const n of p.nodes) {
    const t = self.get(n.id) ?? 0;
    const file = n.callFrame.url.replace(/^.*\//, '') || '(native)';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    byUrl.set(file, (byUrl.get(file) ?? 0) + t);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log('CPU by script (ms):', top(byUrl, 12).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  for (const [k, v] of top(byFn, 25)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
}
