/**
 * Searching on /search/ keeps to the Content-Security-Policy and to this origin: no CSP violation, no request to
 * any other origin, no failed request, no console error while Pagefind loads and answers. Every page's own policy,
 * inline code and requests are audited in audit-every-page.spec.ts (rules in audit-csp.ts).
 */
import { SEARCH_BOX, basePath, expect, test } from './audit-pages.ts';
import { violations, watch } from './audit-csp.ts';

test('searching on /search/ keeps to the policy and to this origin', async ({ auditPage: page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const w = await watch(page, origin);
  try {
    const response = await page.goto(`${basePath()}search/`, { waitUntil: 'load' });
    expect(response?.status(), 'the search page /search/ exists').toBe(200);
    const box = page.locator(SEARCH_BOX).first();
    await expect(box, 'the search page has a search box').toBeVisible();
    await box.fill('典当');
    await box.press('Enter');
    // A result links to the item page of 典当业特种行业许可证核发 (the search runs Pagefind's WebAssembly in a worker).
    await expect(page.locator('main a[href*="/items/jiaxiang-2021-2-a1-02/"]').first()).toBeVisible({ timeout: 15_000 });
    await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => {});
    expect(await violations(page), 'CSP violations while searching').toEqual([]);
    expect(w.foreign, 'requests to other origins while searching').toEqual([]);
    expect(w.errors, 'console errors while searching').toEqual([]);
  } finally {
    w.stop();
  }
});
