/**
 * node bench/main-thread.ts [--dist dist] [--path /search/?q=典当] [--reps 3] — the main thread's long tasks while a
 * page loads, by CPU time (a Chromium trace's thread time, which a loaded machine does not inflate the way it does
 * wall time), and an estimate of Lighthouse's total blocking time on its phone: Σ max(0, 4 × task − 50 ms) (4 ×:
 * Lighthouse's CPU slowdown). Tasks before the first paint are counted too (Lighthouse counts from it). Each long
 * task is listed with the trace events that took most of it. Not part of the tests.
 */
import { chromium } from '@playwright/test';
import { serve } from '../scripts/serve.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.ts';
import { option } from './args.ts';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

const dist = option('dist', 'dist');
const path = option('path', `/search/?q=${encodeURIComponent('典当')}`);
const reps = Number(option('reps', '3'));
const SLOWDOWN = 4;

const { server, url } = await serve({ dir: dist, port: 0, base: '/' });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
try {
  for (let r = 0; r < reps; r++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    await browser.startTracing(undefined, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
    await page.goto(new URL(path, url).href);
    await page.waitForTimeout(4000);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const events = trace.traceEvents;
    // The page's main thread: where its document was parsed.
    const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(url.replace(/\/$/, '')));
    if (!parse) throw new Error('no ParseHTML event for the page in the trace');
    const mine = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
    const tasks = mine.filter((e) => e.name === 'RunTask');
    let blocking = 0;
    let cpu = 0;
    const lines: string[] = [];
    for (const t of tasks) {
      const ms = (t.tdur ?? t.dur ?? 0) / 1000;
      cpu += ms;
      if (ms * SLOWDOWN <= 50) continue;
      blocking += ms * SLOWDOWN - 50;
      const by = new Map<string, number>();
      for (const k of mine) {
        if (k === t || k.ts < t.ts || k.ts + (k.dur ?? 0) > t.ts + (t.dur ?? 0)) continue;
        by.set(k.name, (by.get(k.name) ?? 0) + (k.tdur ?? k.dur ?? 0) / 1000);
      }
      const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, v]) => `${n} ${v.toFixed(1)}`).join(' · ');
      lines.push(`  +${Math.round((t.ts - tasks[0]!.ts) / 1000)} ms: ${ms.toFixed(0)} ms (${top})`);
    }
    console.log(`${path} round ${r + 1}: estimated blocking time at ${SLOWDOWN}× ${Math.round(blocking)} ms, main thread ${Math.round(cpu)} ms of CPU`);
    for (const l of lines) console.log(l);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
