/**
 * Every page of the built site (the sitemap's pages and the 404 page), each loaded once at phone width (375 px, where
 * a page is most likely to break) and held to four audits:
 * - axe-core: 0 violations of WCAG 2.0/2.1 A and AA, WCAG 2.2 AA and axe's best practices (axe.ts; site-a11y.spec.ts
 *   runs axe on one page of each kind at 1280 px);
 * - no sideways scroll;
 * - every internal link and #anchor resolves (audit-links.ts);
 * - the Content-Security-Policy, inline code, other origins, failed requests and console errors (audit-csp.ts).
 * Pages are grouped by kind, one test per kind, so every failing page of a kind is listed in one message.
 */
import { SEARCH_BOX, allPages, basePath, expect, pageGroups, test } from './audit-pages.ts';
import { axeViolations, sidewaysScroll, withAxe } from './axe.ts';
import { linkProblems } from './audit-links.ts';
import { securityProblems, watch } from './audit-csp.ts';

const pages = allPages();
const PHONE = { width: 375, height: 740 };

test('the site has pages to audit', () => {
  expect(pages.length, 'no pages: build the site and check dist/sitemap-index.xml').toBeGreaterThan(0);
});

test.describe('every page: axe at 375 px, no sideways scroll, links and anchors, CSP and origins', () => {
  for (const [kind, list] of pageGroups(pages)) {
    test(`${kind}: ${list.length} page(s)`, async ({ auditPage, request, baseURL }) => {
      test.setTimeout(30_000 + list.length * 6_000);
      const origin = new URL(baseURL!).origin;
      await withAxe(auditPage);
      const before = auditPage.viewportSize();
      await auditPage.setViewportSize(PHONE);
      const problems: string[] = [];
      try {
        for (const page of list) {
          const path = decodeURI(page.path);
          const w = await watch(auditPage, origin);
          try {
            const response = await auditPage.goto(page.path, { waitUntil: 'load' });
            if (response?.status() !== 200) {
              problems.push(`${path} answers ${response?.status()}`);
              continue;
            }
            for (const p of await securityProblems(auditPage, w)) problems.push(`${path} ${p}`);
            for (const p of await linkProblems(auditPage, request, origin)) problems.push(`${path} ${p}`);
            for (const v of await axeViolations(auditPage)) problems.push(`${path} axe: ${v}`);
            const { scrollWidth, innerWidth } = await sidewaysScroll(auditPage);
            if (scrollWidth > innerWidth) problems.push(`${path} scrolls sideways at 375 px: ${scrollWidth} > ${innerWidth}`);
          } finally {
            w.stop();
          }
        }
      } finally {
        if (before) await auditPage.setViewportSize(before);
      }
      expect(problems, `problems on ${kind} pages`).toEqual([]);
    });
  }
});

test('axe: the search page with results, at 375 px', async ({ auditPage: page }) => {
  await withAxe(page);
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    const response = await page.goto(`${basePath()}search/`, { waitUntil: 'load' });
    expect(response?.status(), 'the search page /search/ exists').toBe(200);
    const box = page.locator(SEARCH_BOX).first();
    await box.fill('测绘');
    await box.press('Enter');
    await expect(page.locator('main a[href*="/items/"]').first()).toBeVisible({ timeout: 15_000 });
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    if (before) await page.setViewportSize(before);
  }
});
