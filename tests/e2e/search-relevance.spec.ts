/**
 * Relevance suite: recall and precision@10 of the site search for Chinese, measured in Chromium on the built site.
 *
 * Queries (generated from the content): every 2–4 character substring of the 36 item names, the phrases of the
 * measures, the department names (items and 济南's tasks), and every 发文字号 cited in content/, each in the bracket
 * forms a citizen types (〔〕 [] () （） 【】 ［］). Ground truth: the pages whose indexed text — the built HTML's
 * data-pagefind-body minus what Pagefind leaves out (src/lib/search/index-config.ts) — contains the query, both
 * normalised alike (src/lib/search/normalize.ts). All queries run inside one page as the page runs them, with the
 * synonyms of content/synonyms.json on: the ground truth stays the literal one (a page a synonym adds counts as
 * wrong), so synonyms can only lower the figures. Figures go to the test output and to test-results/relevance.json.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { relevanceFigures } from '../../src/lib/search/relevance.ts';
import { expandQuery } from '../../src/lib/search/synonyms.ts';
import { checkContent } from '../../src/lib/validation/check-content.ts';
import { querySet, runQueries } from './relevance-run.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = resolve(ROOT, process.env.GONGKAI_DIST ?? 'dist');
const SYNONYMS = checkContent(ROOT, join(ROOT, 'content')).synonyms.synonyms;

test('relevance: recall 100% and precision@10 ≥ 95% over the generated query set', async ({ page }) => {
  test.setTimeout(600_000);
  const { items, docNumbers, queries } = querySet();
  expect(items).toHaveLength(36);
  expect(docNumbers).toContain('国发〔2020〕13号');
  expect(queries.length).toBeGreaterThan(1500);

  const { runs, baseline, pages } = await runQueries(page, '/search/', DIST, queries);

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

test('synonyms: every word people type finds every page with the documents\' words, and nothing else', async ({ page }) => {
  const words = SYNONYMS.flatMap((s) => s.words).map((query) => ({ query }));
  expect(words.length).toBeGreaterThan(10);
  const variantsOf = (q: string) => expandQuery(q, SYNONYMS).variants;
  const { runs } = await runQueries(page, '/search/', DIST, words, variantsOf);
  const figures = relevanceFigures(runs);
  expect(runs.filter((r) => r.relevant.length === 0).map((r) => r.query), 'words that find nothing').toEqual([]);
  expect(figures.misses).toEqual([]);
  expect(figures.falseHits).toEqual([]);
  expect(figures.recall).toBe(1);
  expect(figures.precisionAtK).toBe(1);
});
