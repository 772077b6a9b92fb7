/**
 * axe-core, the engine @axe-core/playwright wraps, loaded once per browser page as an init script and run with the
 * options AxeBuilder.withTags() passes. AxeBuilder injects the 550 KB engine again for every run and finishes each
 * in a new blank page: about 1.3 s a page on 2 cores against 0.1–0.4 s this way.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

/** WCAG 2.0/2.1 A and AA, WCAG 2.2 AA and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const OPTIONS: RunOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const prepared = new WeakSet<Page>();

/** Make axe available in every document this page loads from now on (call before the first goto). */
export async function withAxe(page: Page): Promise<void> {
  if (prepared.has(page)) return;
  prepared.add(page);
  await page.addInitScript({ content: AXE_SOURCE });
}

/** The current document's violations, one line each: rule, impact, help and up to three targets. */
export async function axeViolations(page: Page): Promise<string[]> {
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

/** How wide the document is against the window: a page that scrolls sideways has scrollWidth > innerWidth. */
export function sidewaysScroll(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
}
