/**
 * Accessible at desktop width, with a keyboard, with larger text, without JavaScript and on paper: axe-core (WCAG
 * 2.2 A/AA and best practice) on one page of each kind at 1280 px (audit-every-page.spec.ts runs it on every page at
 * 375 px); Tab reaches every link with a visible focus; print hides the navigation. Screenshots of each kind of page
 * at both widths are `npm run screenshots`, not a test.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { loadItemEntries } from '../fixtures/items.ts';
import { ITEM_FIELDS, ITEM_TYPES } from '../../src/domain/glossary.ts';
import { paths } from '../../src/domain/urls.ts';
import { PAGE_KINDS } from '../../scripts/page-kinds.ts';
import { axeViolations, sidewaysScroll, withAxe } from './axe.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ITEMS = loadItemEntries(join(ROOT, 'content', 'tables'));

test('axe at 1280 px: one page of each kind has no violations and does not scroll sideways', async ({ page }) => {
  test.setTimeout(30_000 + PAGE_KINDS.length * 5_000);
  await withAxe(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const problems: string[] = [];
  // The search page with results is checked once its results are in (audit-every-page.spec.ts, search-page.spec.ts).
  for (const { kind, url } of PAGE_KINDS.filter((k) => k.kind !== 'search-results')) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(kind === '404' ? 404 : 200);
    for (const v of await axeViolations(page)) problems.push(`${kind} ${url}: ${v}`);
    const { scrollWidth, innerWidth } = await sidewaysScroll(page);
    if (scrollWidth > innerWidth) problems.push(`${kind} ${url} scrolls sideways: ${scrollWidth} > ${innerWidth}`);
  }
  expect(problems).toEqual([]);
});

test('axe: the item page with larger text at 375 px, and no page of any kind scrolls sideways then', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await withAxe(page);
  await page.goto(paths.itemById('jiaxiang-2021-2-a2-01'));
  await page.getByRole('button', { name: '大字号' }).click();
  expect(await axeViolations(page)).toEqual([]);
  for (const { url } of PAGE_KINDS) {
    await page.goto(url);
    await expect(page.locator('html')).toHaveClass(/text-large/);
    const { scrollWidth, innerWidth } = await sidewaysScroll(page);
    expect(scrollWidth, url).toBeLessThanOrEqual(innerWidth);
  }
});

/** Tab through the page; every visible link must be reached, each with a visible change of style on focus. */
async function tabThrough(page: Page) {
  const linkCount = await page.locator('a[href]').evaluateAll((links) => {
    links.forEach((a, i) => a.setAttribute('data-k', String(i)));
    return links.length;
  });
  const focusables = await page.locator('a[href], button:not([hidden]), input, [tabindex="0"]').count();
  const reached = new Map<string, { changed: boolean; indicator: boolean }>();
  for (let n = 0; n < focusables + 5; n++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const focused = getComputedStyle(el);
      const style = { outline: `${focused.outlineStyle} ${focused.outlineWidth} ${focused.outlineColor}`, shadow: focused.boxShadow, bg: focused.backgroundColor };
      // The same element's look without focus, from a clone that is not focused.
      const clone = el.cloneNode(true) as HTMLElement;
      clone.removeAttribute('id');
      el.after(clone);
      const rest = getComputedStyle(clone);
      const base = { outline: `${rest.outlineStyle} ${rest.outlineWidth} ${rest.outlineColor}`, shadow: rest.boxShadow, bg: rest.backgroundColor };
      clone.remove();
      const outlineVisible = focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) >= 2 && !focused.outlineColor.endsWith(', 0)');
      return {
        k: el.getAttribute('data-k'),
        changed: JSON.stringify(style) !== JSON.stringify(base),
        indicator: outlineVisible || focused.boxShadow !== 'none',
      };
    });
    if (f?.k != null) reached.set(f.k, { changed: f.changed, indicator: f.indicator });
  }
  const visible = await page.locator('a[href]').evaluateAll((links) =>
    links.filter((a) => (a as HTMLElement).offsetParent !== null || a.classList.contains('skip-link')).map((a) => a.getAttribute('data-k')!),
  );
  return { linkCount, visible, reached };
}

for (const url of [paths.itemById('jiaxiang-2021-2-a1-02'), paths.home(), paths.notice('jinan-hitech-2021-40')]) {
  test(`keyboard alone reaches every link with a visible focus indicator (${url})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url);
    const { visible, reached } = await tabThrough(page);
    expect(visible.length).toBeGreaterThan(10);
    const missed = visible.filter((k) => !reached.has(k));
    expect(missed, 'links never focused').toEqual([]);
    const invisible = [...reached].filter(([, f]) => !f.changed || !f.indicator).map(([k]) => k);
    expect(invisible, 'links without a visible focus indicator').toEqual([]);
  });
}

test('the skip link is the first stop and moves to the main content', async ({ page }) => {
  await page.goto(paths.itemById('jiaxiang-2021-2-a1-02'));
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('print: A4, no navigation or tools, link addresses shown', async ({ page }) => {
  await page.goto(paths.itemById('jiaxiang-2021-2-a1-02'));
  await page.emulateMedia({ media: 'print' });
  const navs = page.locator('nav');
  expect(await navs.count()).toBeGreaterThanOrEqual(3);
  for (const nav of await navs.all()) await expect(nav).toBeHidden();
  await expect(page.getByRole('search')).toBeHidden();
  await expect(page.locator('.skip-link')).toBeHidden();
  await expect(page.getByText(/本页网址：https?:\/\/.+\/items\/jiaxiang-2021-2-a1-02\//)).toBeVisible();
  const after = await page.locator('main a[href^="/types/"]').first().evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('/types/license/');
  const department = await page.locator('main a[href^="/departments/"]').first().evaluate((a) => getComputedStyle(a, '::after').content);
  expect(department).toContain('/departments/县级公安部门/');
  const pageSize = await page.evaluate(() => {
    const sizes: string[] = [];
    const walk = (rules: CSSRuleList) => {
      for (const r of rules) {
        if (r instanceof CSSPageRule) sizes.push(r.style.getPropertyValue('size'));
        else if (r instanceof CSSGroupingRule) walk(r.cssRules);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    return sizes;
  });
  expect(pageSize.map((s) => s.toUpperCase())).toContain('A4');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: '网站导航' })).toBeVisible();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the item page still shows everything', async ({ page }) => {
    const item = ITEMS.find((i) => i.id === 'jiaxiang-2021-2-a1-18')!;
    expect(item.measures?.steps.length).toBeGreaterThan(1);
    await page.goto(paths.itemById(item.id));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.name);
    const facts = page.locator('.item-facts');
    await expect(facts).toContainText(ITEM_TYPES[item.type!]);
    await expect(facts).toContainText(item.department!);
    await expect(facts).toContainText(item.remark!);
    for (const b of item.basis!) await expect(page.getByText(b, { exact: true })).toBeVisible();
    const measures = page.getByRole('region', { name: '加强事中事后监管措施' });
    await expect(measures.locator('.measures-lead')).toHaveText(item.measures!.lead!);
    await expect(measures.locator('ol > li')).toHaveText(item.measures!.steps);
    const source = page.getByRole('region', { name: '出处' });
    await expect(source.getByRole('link', { name: '附件1　取消行政权力事项（18项）' })).toBeVisible();
    await expect(source).toContainText('2021年2月20日');
    await expect(page.getByRole('navigation', { name: '同一文件中的上一项、下一项' }).getByRole('link')).toHaveCount(2);
    await expect(page.getByRole('region', { name: '相关事项' }).getByRole('listitem').first()).toBeVisible();
    // The larger-text switch needs JavaScript, so it is not offered.
    await expect(page.getByRole('button', { name: '大字号' })).toBeHidden();
  });

  test('an item without measures says so plainly', async ({ page }) => {
    await page.goto(paths.itemById('jiaxiang-2021-2-a2-07'));
    await expect(page.getByRole('region', { name: '市县加强事中事后监管措施' })).toContainText(ITEM_FIELDS.measuresAbsent);
  });

  test('/items/ lists all items in published order', async ({ page }) => {
    await page.goto(paths.items());
    await expect(page.locator('main table tbody tr')).toHaveCount(ITEMS.length);
    await expect(page.locator('main table thead button')).toHaveCount(0);
    expect(await page.locator('main table tbody th a').allTextContents()).toEqual(ITEMS.map((i) => i.name));
  });
});
