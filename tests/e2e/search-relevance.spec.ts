/**
 * Relevance suite: recall and precision@10 of the site search for Chinese, measured in Chromium on the built site.
 *
 * Queries (generated from the content): every 2–4 character substring of the 36 item names, the phrases of the
 * measures, the department names (items and 济南's tasks), and every 发文字号 cited in content/, each in the bracket
 * forms a citizen types (〔〕 [] () （） 【】 ［］). Ground truth: the pages whose indexed text — the built HTML's
 * data-pagefind-body minus what Pagefind leaves out (src/lib/search/index-config.ts) — contains the query, both
 * normalised alike (src/lib/search/normalize.ts). All queries run inside one page through the page's own engine.
 * Figures go to the test output and to test-results/relevance.json.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadItemEntries } from '../../src/lib/items.ts';
import { normaliseText } from '../../src/lib/search/normalize.ts';
import { EXCLUDE_SELECTORS, PAGEFIND_SKIPS } from '../../src/lib/search/index-config.ts';
import {
  buildQuerySet,
  citedDocNumbers,
  relevanceFigures,
  relevantPages,
  type QueryRun,
} from '../../src/lib/search/relevance.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(ROOT, 'content');
const DIST = resolve(ROOT, process.env.GONGKAI_DIST ?? 'dist');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

function querySet() {
  const items = loadItemEntries(join(CONTENT, 'tables'));
  const departments = items.map((i) => i.department);
  for (const f of files(join(CONTENT, 'notices')).filter((f) => f.endsWith('.mdx'))) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(f, 'utf8'))?.[1] ?? '';
    const data = parseYaml(front) as { tasks?: { departments?: string }[] };
    for (const t of data.tasks ?? []) if (t.departments) departments.push(t.departments);
  }
  const docNumbers = [...new Set(files(CONTENT).flatMap((f) => citedDocNumbers(readFileSync(f, 'utf8'))))];
  return {
    items,
    docNumbers,
    queries: buildQuerySet({
      itemNames: items.map((i) => i.name),
      measures: items.flatMap((i) => (i.measures ? [i.measures.lead ?? '', ...i.measures.steps] : [])),
      departments,
      docNumbers,
    }),
  };
}

/** Site-relative URLs of the built pages (/items/x/), from the files in the build. */
function builtPages(): string[] {
  return files(DIST)
    .filter((f) => f.endsWith('index.html') && !relative(DIST, f).startsWith('pagefind'))
    .map((f) => `/${relative(DIST, f).replace(/index\.html$/, '')}`);
}

test('relevance: recall 100% and precision@10 ≥ 95% over the generated query set', async ({ page }) => {
  test.setTimeout(600_000);
  const { items, docNumbers, queries } = querySet();
  expect(items).toHaveLength(36);
  expect(docNumbers).toContain('国发〔2020〕13号');
  expect(queries.length).toBeGreaterThan(1500);

  await page.goto('/search/');
  await page.waitForFunction(() => window.gongkaiSearch !== undefined);
  const base = (await page.locator('[data-search-app]').getAttribute('data-base')) ?? '/';

  // The indexed text of every page, read from the built HTML the way Pagefind reads it.
  const raw = await page.evaluate(
    async ({ urls, skips, base }) => {
      const out: [string, string][] = [];
      for (const url of urls) {
        const html = await (await fetch(base + url.slice(1))).text();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const bodies = [...doc.querySelectorAll('[data-pagefind-body]')];
        if (bodies.length === 0) continue;
        const text = bodies
          .map((b) => {
            for (const el of b.querySelectorAll(skips.join(','))) el.remove();
            return b.textContent ?? '';
          })
          .join('\n');
        out.push([base + url.slice(1), text]);
      }
      return out;
    },
    { urls: builtPages(), skips: [...PAGEFIND_SKIPS, ...EXCLUDE_SELECTORS], base },
  );
  const pages = new Map(raw.map(([url, text]) => [url, normaliseText(text)]));
  expect(pages.size).toBeGreaterThan(40);

  // Run every query through the page's engine (all results, best first) and, for comparison, through Pagefind alone.
  const runs: QueryRun[] = [];
  const baseline: QueryRun[] = [];
  const CHUNK = 150;
  for (let i = 0; i < queries.length; i += CHUNK) {
    const chunk = queries.slice(i, i + CHUNK).map((q) => q.query);
    const results = await page.evaluate(
      async ({ chunk, base }) => {
        const engine = window.gongkaiSearch!;
        const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as {
          search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
        };
        const empty = { type: [], change: [], department: [], notice: [], year: [] };
        const out: { ours: string[]; raw: string[] }[] = [];
        for (const q of chunk) {
          const session = await engine.run({ q, filters: empty });
          const all = await session.all();
          const r = await pf.search(q);
          const rawUrls = await Promise.all(r.results.map(async (x) => (await x.data()).url));
          out.push({ ours: all.hits.map((h) => h.url), raw: rawUrls });
        }
        return out;
      },
      { chunk, base },
    );
    results.forEach((r, j) => {
      const query = chunk[j]!;
      const relevant = relevantPages(query, pages);
      runs.push({ query, relevant, returned: r.ours.map(decodeURI) });
      baseline.push({ query, relevant, returned: r.raw.map(decodeURI) });
    });
  }

  const ours = relevanceFigures(runs);
  const pagefindAlone = relevanceFigures(baseline);
  const bySource = Object.fromEntries(
    (['name', 'measure', 'department', 'docNumber'] as const).map((s) => [s, queries.filter((q) => q.source === s).length]),
  );
  const summary = {
    queries: ours.queries,
    queriesWithRelevant: ours.queriesWithRelevant,
    querySources: bySource,
    pagesIndexed: pages.size,
    recall: ours.recall,
    precisionAt10: ours.precisionAtK,
    pagefindAlone: { recall: pagefindAlone.recall, precisionAt10: pagefindAlone.precisionAtK },
    misses: ours.misses.slice(0, 50),
    falseHits: ours.falseHits.slice(0, 50),
  };
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results', 'relevance.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `relevance: ${ours.queries} queries (${JSON.stringify(bySource)}) over ${pages.size} pages — ` +
      `recall ${(ours.recall * 100).toFixed(2)}%, precision@10 ${(ours.precisionAtK * 100).toFixed(2)}% ` +
      `(Pagefind alone: recall ${(pagefindAlone.recall * 100).toFixed(2)}%, precision@10 ${(pagefindAlone.precisionAtK * 100).toFixed(2)}%)`,
  );

  expect(ours.misses, 'queries that missed a relevant page').toEqual([]);
  expect(ours.recall).toBe(1);
  expect(ours.precisionAtK).toBeGreaterThanOrEqual(0.95);
});
