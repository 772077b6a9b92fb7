/**
 * The relevance suite's measurement (see search-relevance.spec.ts), shared by the specs that run it on a build:
 * the generated query set, the ground truth read from the built HTML, and every query run as the page runs it
 * (synonyms included, all results) and through Pagefind alone.
 */
import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadItemEntries } from '../fixtures/items.ts';
import { normaliseText } from '../../src/lib/search/normalize.ts';
import { EXCLUDE_SELECTORS, PAGEFIND_SKIPS } from '../../src/lib/search/index-config.ts';
import { buildQuerySet, citedDocNumbers, relevantPages, type QueryRun } from '../../src/lib/search/relevance.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(ROOT, 'content');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

export function querySet() {
  const items = loadItemEntries(join(CONTENT, 'tables'));
  const departments = items.flatMap((i) => [i.department, i.receiver].filter((d): d is string => d !== null));
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
function builtPages(dist: string): string[] {
  return files(dist)
    .filter((f) => f.endsWith('index.html') && !relative(dist, f).startsWith('pagefind'))
    .map((f) => `/${relative(dist, f).replace(/index\.html$/, '')}`);
}

/**
 * Run `queries` on the search page at `searchUrl` (a build in `dist`): for each, the page's engine's full result
 * list and Pagefind's alone, with the relevant pages (ground truth).
 */
export async function runQueries(page: Page, searchUrl: string, dist: string, queries: readonly { query: string }[], variantsOf: (q: string) => readonly string[] = (q) => [q]) {
  await page.goto(searchUrl);
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
    { urls: builtPages(dist), skips: [...PAGEFIND_SKIPS, ...EXCLUDE_SELECTORS], base },
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
        const empty = { type: [], change: [], department: [], notice: [], year: [], validity: [] };
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
      // A page is relevant if it contains the query, or one of its variants in the documents' words (synonyms).
      const relevant = [...new Set(variantsOf(query).flatMap((v) => relevantPages(v, pages)))];
      runs.push({ query, relevant, returned: r.ours.map(decodeURI) });
      baseline.push({ query, relevant, returned: r.raw.map(decodeURI) });
    });
  }

  return { runs, baseline, pages };
}
