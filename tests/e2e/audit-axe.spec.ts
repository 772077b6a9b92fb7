/**
 * axe-core on every page of the built site (the sitemap's pages and the 404 page), and on the search page with
 * results showing: 0 violations of WCAG 2.0/2.1 A and AA, WCAG 2.2 AA and axe's best practices.
 *
 * The engine is axe-core itself (the one @axe-core/playwright wraps), loaded once per browser page as an init
 * script and run with the same options AxeBuilder.withTags() passes. AxeBuilder injects the 550 KB engine again
 * for every page and finishes each run in a new blank page: about 1.3 s a page on 2 cores against 0.1–0.4 s here,
 * which is the difference between a minute and a quarter of that for the ~70 pages of the site.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { SEARCH_BOX, allPages, basePath, expect, pageGroups, test } from './audit-pages.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const OPTIONS: RunOptions = { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const pages = allPages();
const prepared = new WeakSet<Page>();

/** Make axe available in every document this page loads from now on. */
async function prepare(page: Page): Promise<void> {
  if (prepared.has(page)) return;
  prepared.add(page);
  await page.addInitScript({ content: AXE_SOURCE });
}

async function violations(page: Page): Promise<string[]> {
  const results = await page.evaluate(
    (options) => (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<AxeResults> } }).axe.run(document, options),
    OPTIONS,
  );
  return results.violations.map((v) => {
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
    const more = v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : '';
    return `${v.id} (${v.impact}): ${v.help} — ${targets}${more}`;
  });
}

test('the site has pages to check', () => {
  expect(pages.length, 'no pages: build the site and check dist/sitemap-index.xml').toBeGreaterThan(0);
});

test.describe('axe: 0 violations', () => {
  for (const [kind, list] of pageGroups(pages)) {
    test(`${kind}: ${list.length} page(s)`, async ({ auditPage }) => {
      test.setTimeout(30_000 + list.length * 5_000);
      await prepare(auditPage);
      const problems: string[] = [];
      for (const page of list) {
        const response = await auditPage.goto(page.path, { waitUntil: 'load' });
        if (response?.status() !== 200) {
          problems.push(`${decodeURI(page.path)} answers ${response?.status()}`);
          continue;
        }
        for (const v of await violations(auditPage)) problems.push(`${decodeURI(page.path)} ${v}`);
      }
      expect(problems, `axe violations on ${kind} pages`).toEqual([]);
    });
  }
});

test('axe: the search page with results', async ({ auditPage: page }) => {
  await prepare(page);
  const response = await page.goto(`${basePath()}search/`, { waitUntil: 'load' });
  expect(response?.status(), 'the search page /search/ exists').toBe(200);
  const box = page.locator(SEARCH_BOX).first();
  await box.fill('测绘');
  await box.press('Enter');
  await expect(page.locator('main a[href*="/items/"]').first()).toBeVisible({ timeout: 15_000 });
  expect(await violations(page)).toEqual([]);
});
