/**
 * axe-core on every page of the built site (the sitemap's pages and the 404 page) at phone width, 375 px, where a
 * page is most likely to break (site-a11y.spec.ts runs axe on one page of each kind at 1280 px), and on the search
 * page with results showing: 0 violations of WCAG 2.0/2.1 A and AA, WCAG 2.2 AA and axe's best practices. The same
 * visit checks that no page scrolls sideways at 375 px.
 */
import { SEARCH_BOX, allPages, basePath, expect, pageGroups, test } from './audit-pages.ts';
import { axeViolations, sidewaysScroll, withAxe } from './axe.ts';

const pages = allPages();
const PHONE = { width: 375, height: 740 };

test('the site has pages to check', () => {
  expect(pages.length, 'no pages: build the site and check dist/sitemap-index.xml').toBeGreaterThan(0);
});

test.describe('axe at 375 px: 0 violations, and no sideways scroll', () => {
  for (const [kind, list] of pageGroups(pages)) {
    test(`${kind}: ${list.length} page(s)`, async ({ auditPage }) => {
      test.setTimeout(30_000 + list.length * 5_000);
      await withAxe(auditPage);
      const before = auditPage.viewportSize();
      await auditPage.setViewportSize(PHONE);
      const problems: string[] = [];
      try {
        for (const page of list) {
          const response = await auditPage.goto(page.path, { waitUntil: 'load' });
          const path = decodeURI(page.path);
          if (response?.status() !== 200) {
            problems.push(`${path} answers ${response?.status()}`);
            continue;
          }
          for (const v of await axeViolations(auditPage)) problems.push(`${path} ${v}`);
          const { scrollWidth, innerWidth } = await sidewaysScroll(auditPage);
          if (scrollWidth > innerWidth) problems.push(`${path} scrolls sideways: ${scrollWidth} > ${innerWidth}`);
        }
      } finally {
        if (before) await auditPage.setViewportSize(before);
      }
      expect(problems, `axe violations and sideways scroll on ${kind} pages`).toEqual([]);
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
