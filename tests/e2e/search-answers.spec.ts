/**
 * The search page answers the question (issue 11, and 有效性 from issue 13), at 375 px and 1280 px: each item result
 * leads with the status line its page leads with; a business word (加油站) also searches the documents' word and says
 * so; a query of several words with no full match shows each word's results; no result names the documents the site
 * holds and says that not found is not “not cancelled”; on a phone the results come first and the filters open behind
 * 「筛选（N）」 and close with 「查看 N 条结果」; without JavaScript the page offers a form and every browse index.
 * axe runs on each state shown with JavaScript (axe itself needs it). Few page loads, several checks each.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { statusLineOf } from './status-line.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };

const status = (page: Page) => page.locator('[data-status]');

async function ready(page: Page, url: string) {
  await page.goto(url);
  await expect(status(page)).not.toBeEmpty();
  await expect(status(page)).not.toHaveText('正在搜索……');
}

async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The status line an item page leads with, as its reader sees it. */
async function itemPageStatus(page: Page, href: string): Promise<string> {
  return statusLineOf(await (await page.request.get(href)).text());
}

const lineText = async (page: Page, li: ReturnType<Page['locator']>) =>
  ((await li.locator('.search-hit-status').textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function submit(page: Page, q: string) {
  const input = page.getByRole('searchbox', { name: '关键词' });
  await input.fill(q);
  await input.press('Enter');
  await expect(status(page)).toContainText(`“${q}”`);
  await expect(page.locator('[data-search-app]')).not.toHaveAttribute('aria-busy', 'true');
}

test.describe('phone, 375 px', () => {
  test.use({ viewport: PHONE });

  test('典当: a result with its status line in the first screen; filters behind 「筛选（N）」, back with 「查看 N 条结果」', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await ready(page, '/search/?q=典当');
    const first = page.locator('[data-hits] .search-hit').first();
    await expect(first.getByRole('link', { name: '典当业特种行业许可证核发' })).toBeVisible();
    await expect(first.locator('.search-hit-status')).toHaveText('已取消 · 成文日期 2021年2月20日 · 嘉政发〔2021〕2号 附件1');
    expect(await lineText(page, first)).toBe(await itemPageStatus(page, '/items/jiaxiang-2021-2-a1-02/'));
    // The lines come from the newest notices' file (this site is one tier: every notice with items), which holds
    // each notice's own file as written; no notice's own file is fetched.
    expect(asked.filter((p) => p.includes('status'))).toEqual(['/pagefind/status.json']);
    const newest = (await (await page.request.get('/pagefind/status.json')).json()) as { notices: Record<string, unknown> };
    expect(Object.keys(newest.notices)).toEqual(['jiaxiang-2021-2']);
    expect(newest.notices['jiaxiang-2021-2']).toEqual(await (await page.request.get('/search/status/jiaxiang-2021-2.json')).json());
    // The first screen (667 px high) shows the result's name and its status line.
    const box = await first.locator('.search-hit-status').boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.height);

    // Results first: the filters wait behind the button.
    const toggle = page.getByRole('button', { name: /^筛选/ });
    await expect(toggle).toHaveText('筛选');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveAttribute('aria-controls', 'search-filters');
    await expect(page.locator('#search-filters')).toBeHidden();
    expect(await axe(page)).toEqual([]);

    // Open with the keyboard: focus moves to the filters' heading, the results step aside.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('#search-filters')).toBeVisible();
    await expect(page.locator('#search-filters-heading')).toBeFocused();
    await expect(page.locator('[data-hits]')).toBeHidden();
    await page.locator('.search-facet label').filter({ hasText: '行政许可' }).getByRole('checkbox').check();
    await expect(status(page)).toContainText('已选 1 项筛选条件');
    await expect(toggle).toHaveText('筛选（1）');
    const back = page.getByRole('button', { name: '查看 1 条结果' });
    await expect(back).toBeInViewport();
    expect(await axe(page)).toEqual([]);

    // Escape closes and returns to the button; 「查看 N 条结果」 returns to the results' heading.
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
    await toggle.click();
    await back.click();
    await expect(page.locator('#search-filters')).toBeHidden();
    await expect(page.locator('#search-results-heading')).toBeFocused();
    await expect(page.locator('[data-hits] .search-hit')).toHaveCount(1);
    await expect(page).toHaveURL(/\?q=%E5%85%B8%E5%BD%93&type=license$/);
  });

  test('a query that finds nothing: the documents the site holds, and “not found” is not “not cancelled”', async ({ page }) => {
    await ready(page, '/search/?q=营业执照');
    const empty = page.locator('[data-empty]');
    await expect(empty).toBeVisible();
    await expect(empty).toContainText('未找到不代表未取消');
    await expect(empty.getByRole('link', { name: '嘉祥县人民政府关于2021年第一批削减县级行政权力事项等事宜的通知' })).toHaveAttribute('href', '/notices/jiaxiang-2021-2/');
    await expect(empty.getByRole('link', { name: '济南高新区管委会综合管理部关于印发济南高新区加强和规范事中事后监管工作方案的通知' })).toHaveAttribute('href', '/notices/jinan-hitech-2021-40/');
    await expect(empty).toContainText('（嘉政发〔2021〕2号）');
    await expect(empty).toContainText('（济高管综字〔2021〕40号）');
    await expect(empty).toContainText('发文机关：济南高新区管委会综合管理部、嘉祥县人民政府');
    // The suggestions are still there.
    await expect(empty.getByRole('link', { name: '典当' })).toHaveAttribute('href', '/search/?q=%E5%85%B8%E5%BD%93');
    await expect(page.locator('[data-per-word]')).toBeHidden();
    expect(await axe(page)).toEqual([]);
  });
});

test.describe('desktop, 1280 px', () => {
  test.use({ viewport: DESKTOP });

  test('加油站 also searches 成品油 and says why; status lines; several words with no full match; no 有效性 filter', async ({ page }) => {
    await ready(page, '/search/?q=加油站');
    await expect(status(page)).toHaveText('“加油站”共找到 2 条结果');
    const also = page.locator('[data-also]');
    await expect(also).toBeVisible();
    await expect(also).toContainText('也搜索了：成品油');
    await expect(also).toContainText('「加油站」→「成品油」');
    await expect(also.getByRole('link', { name: '成品油' })).toHaveAttribute('href', '/search/?q=%E6%88%90%E5%93%81%E6%B2%B9');
    const hrefs = await page.locator('[data-hits] .search-hit-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(['/items/jiaxiang-2021-2-a2-06/', '/items/jiaxiang-2021-2-a5-02/']);
    for (const li of await page.locator('[data-hits] .search-hit').all()) {
      const href = (await li.locator('.search-hit-title a').getAttribute('href'))!;
      await expect(li.locator('.search-hit-status')).not.toBeEmpty();
      expect(await lineText(page, li), href).toBe(await itemPageStatus(page, href));
    }
    await expect(page.locator('[data-hits] .search-hit-excerpt mark').first()).toHaveText('成品油');
    // Filters beside the results, no toggle; no 有效性 filter, as no notice states it.
    await expect(page.getByRole('button', { name: /^筛选/ })).toBeHidden();
    const filters = await page.locator('#search-filters').boundingBox();
    const results = await page.locator('.search-results').boundingBox();
    expect(filters!.x + filters!.width).toBeLessThanOrEqual(results!.x);
    await expect(page.locator('[data-facet="validity"]')).toHaveCount(0);
    await expect(page.locator('[data-facet="type"]')).toBeVisible();
    expect(await axe(page)).toEqual([]);

    // A query that is no synonym says nothing of synonyms.
    await submit(page, '典当');
    await expect(page.locator('[data-also]')).toBeHidden();

    // Two words that no page has together: each word's results, with a link to its own search.
    await submit(page, '典当 兽医');
    await expect(status(page)).toHaveText('“典当 兽医”共找到 0 条结果');
    const perWord = page.locator('[data-per-word]');
    await expect(perWord).toBeVisible();
    await expect(perWord.getByRole('heading', { name: '“典当”：1 条结果' })).toBeVisible();
    await expect(perWord.getByRole('heading', { name: '“兽医”：1 条结果' })).toBeVisible();
    await expect(perWord.getByRole('link', { name: '典当业特种行业许可证核发' })).toHaveAttribute('href', '/items/jiaxiang-2021-2-a1-02/');
    await expect(perWord.getByRole('link', { name: '乡村兽医登记' })).toHaveAttribute('href', '/items/jiaxiang-2021-2-a1-18/');
    await expect(perWord.getByRole('link', { name: '查看“典当”的全部 1 条结果' })).toHaveAttribute('href', '/search/?q=%E5%85%B8%E5%BD%93');
    await expect(perWord.getByRole('link', { name: '查看“兽医”的全部 1 条结果' })).toHaveAttribute('href', '/search/?q=%E5%85%BD%E5%8C%BB');
    await expect(perWord.locator('.search-hit-status').first()).toHaveText('已取消 · 成文日期 2021年2月20日 · 嘉政发〔2021〕2号 附件1');
    await expect(page.locator('[data-empty]')).toContainText('未找到不代表未取消');
    expect(await axe(page)).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test('a form that keeps the query in the URL, and every browse index', async ({ page }) => {
    await page.goto('/search/?q=典当');
    const box = page.locator('main .search-noscript');
    await expect(box).toBeVisible();
    await expect(box).toContainText('搜索需要浏览器启用 JavaScript');
    await expect(box).toContainText('“?q=”');
    const form = box.locator('form');
    await expect(form).toHaveAttribute('action', '/search/');
    await expect(form).toHaveAttribute('method', 'get');
    const links = await box.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    for (const l of [
      ['全部事项', '/items/'],
      ['按事项类型浏览', '/types/'],
      ['按调整方式浏览', '/changes/'],
      ['按实施部门浏览', '/departments/'],
      ['全部文件', '/notices/'],
      ['取消', '/changes/cancelled/'],
      ['行政处罚', '/types/penalty/'],
    ]) expect(links).toContainEqual(l);
    for (const [, href] of links) expect((await page.request.get(href!)).status(), href!).toBe(200);
    // A new query typed here comes back to this page, in its URL.
    await form.getByRole('searchbox').fill('测绘');
    await form.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=%E6%B5%8B%E7%BB%98$/);
  });
});

test('a second query asks the server for search files only: no page, style or icon again', async ({ page }) => {
  await ready(page, '/search/?q=典当');
  // Let the first visit's own requests (the icon among them) end before counting.
  await page.waitForLoadState('networkidle');
  // What reaches the server, as Chromium's network log says (a request answered from the cache does not).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const fromCache = new Set<string>();
  const fetched: { id: string; path: string }[] = [];
  cdp.on('Network.requestServedFromCache', (e) => fromCache.add(e.requestId));
  cdp.on('Network.responseReceived', (e) => {
    if (!e.response.fromDiskCache) fetched.push({ id: e.requestId, path: new URL(e.response.url).pathname });
  });
  await submit(page, '测绘');
  await expect(page.locator('[data-hits] .search-hit').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const paths = fetched.filter((f) => !fromCache.has(f.id)).map((f) => f.path);
  // Pagefind's index chunks and fragments, and the results' status lines: nothing else.
  expect(paths.filter((p) => !p.startsWith('/pagefind/') && !p.startsWith('/search/status/'))).toEqual([]);
  expect(paths.filter((p) => p.endsWith('.pf_fragment')).length).toBeGreaterThan(0);
});
