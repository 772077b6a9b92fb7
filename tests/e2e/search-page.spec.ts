/**
 * The search page as a citizen uses it: what people type finds the right page in the top 5; filters narrow the counts;
 * the URL carries the query and filters (reload, back); no-results help; keyboard; axe; the no-JavaScript message.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { loadItemEntries } from '../fixtures/items.ts';

/** What citizens and businesses type, and a page that must be among the first five results. */
const HAND_PICKED: { q: string; expect: string | RegExp; section?: string }[] = [
  { q: '典当', expect: '/items/jiaxiang-2021-2-a1-02/' },
  { q: '典当行', expect: '/items/jiaxiang-2021-2-a1-02/' },
  { q: '乡村兽医', expect: '/items/jiaxiang-2021-2-a1-18/' },
  { q: '兽医', expect: '/items/jiaxiang-2021-2-a1-18/' },
  { q: '乡村兽医登记', expect: '/items/jiaxiang-2021-2-a1-18/' },
  { q: '测绘', expect: '/items/jiaxiang-2021-2-a1-03/' },
  { q: '屠宰', expect: '/items/jiaxiang-2021-2-a1-14/' },
  { q: '生猪', expect: '/items/jiaxiang-2021-2-a1-15/' },
  { q: '供水', expect: '/items/jiaxiang-2021-2-a1-13/' },
  { q: '成品油', expect: '/items/jiaxiang-2021-2-a2-06/' },
  { q: '成品油零售', expect: '/items/jiaxiang-2021-2-a5-02/' },
  { q: '双随机', expect: /\/items\// },
  { q: '“双随机、一公开”', expect: /\/items\// },
  { q: '信用监管', expect: /\/items\// },
  { q: '投诉举报', expect: /\/items\// },
  { q: '改为备案', expect: '/items/jiaxiang-2021-2-a1-18/' },
  { q: '国发〔2020〕13号', expect: '/items/jiaxiang-2021-2-a1-02/' },
  { q: '国发[2020]13号', expect: '/notices/jiaxiang-2021-2/' },
  { q: '国发(2020)13号', expect: '/items/jiaxiang-2021-2-a1-18/' },
  { q: '国发（2020）13号', expect: '/items/jiaxiang-2021-2-a1-02/' },
  { q: '嘉政发〔2021〕2号', expect: '/notices/jiaxiang-2021-2/' },
  { q: '济高管综字[2021]40号', expect: '/notices/jinan-hitech-2021-40/' },
  { q: '济政字〔2021〕16号', expect: '/notices/jinan-hitech-2021-40/' },
  { q: '省自然资源厅', expect: /\/items\/jiaxiang-2021-2-a2-0[234]\// },
  { q: '县级公安部门', expect: '/items/jiaxiang-2021-2-a1-02/' },
  { q: '党群工作部', expect: '/notices/jinan-hitech-2021-40/', section: '#task-1' },
  { q: '厘清监管事权', expect: '/notices/jinan-hitech-2021-40/', section: '#task-1' },
  { q: '证照分离', expect: '/notices/jinan-hitech-2021-40/', section: '#task-4' },
  { q: '一处失信、处处受限', expect: '/notices/jinan-hitech-2021-40/', section: '#task-8' },
  { q: '铬化合物', expect: '/items/jiaxiang-2021-2-a2-01/' },
  { q: '危险化学品', expect: '/items/jiaxiang-2021-2-a2-01/' },
  { q: '林木种子', expect: '/items/jiaxiang-2021-2-a2-02/' },
  { q: '自然保护区', expect: '/items/jiaxiang-2021-2-a2-03/' },
  { q: '航空摄影', expect: '/items/jiaxiang-2021-2-a1-05/' },
  { q: '复混肥', expect: '/items/jiaxiang-2021-2-a2-05/' },
  { q: '原油', expect: '/items/jiaxiang-2021-2-a2-07/' },
  { q: '建筑节能', expect: '/items/jiaxiang-2021-2-a3-01/' },
  { q: '职业卫生', expect: '/items/jiaxiang-2021-2-a3-02/' },
  { q: '抗震设防', expect: '/items/jiaxiang-2021-2-a3-03/' },
  { q: '污水处理', expect: '/items/jiaxiang-2021-2-a3-04/' },
  { q: '野生植物', expect: '/items/jiaxiang-2021-2-a4-01/' },
  { q: '广播电台', expect: '/items/jiaxiang-2021-2-a4-02/' },
  { q: '视听节目', expect: '/items/jiaxiang-2021-2-a4-03/' },
  { q: '检验检测', expect: '/items/jiaxiang-2021-2-a5-01/' },
  { q: '钢筋', expect: '/items/jiaxiang-2021-2-a5-03/' },
  { q: '知识产权', expect: '/items/jiaxiang-2021-2-a5-04/' },
  { q: '地图', expect: '/items/jiaxiang-2021-2-a1-08/' },
  { q: '搬迁', expect: '/items/jiaxiang-2021-2-a1-12/' },
  { q: '民族政策', expect: '/items/jiaxiang-2021-2-a1-01/' },
];

const status = (page: Page) => page.locator('[data-status]');
const hitLinks = (page: Page) => page.locator('.search-hit-title a');

/** Submit a query with the keyboard and wait for the announced result. */
async function search(page: Page, q: string) {
  const input = page.getByRole('searchbox', { name: '关键词' });
  await input.fill(q);
  await input.press('Enter');
  await expect(status(page)).toContainText(q.trim());
  await expect(page.locator('[data-search-app]')).not.toHaveAttribute('aria-busy', 'true');
}

async function topHrefs(page: Page, n = 5): Promise<string[]> {
  return (await hitLinks(page).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''))).slice(0, n);
}

async function ready(page: Page, url: string) {
  await page.goto(url);
  await expect(status(page)).not.toBeEmpty();
  await expect(status(page)).not.toHaveText('正在搜索……');
}

test(`${HAND_PICKED.length} hand-picked queries find the expected page in the top 5`, async ({ page }) => {
  expect(HAND_PICKED.length).toBeGreaterThanOrEqual(30);
  await ready(page, '/search/');
  const failures: string[] = [];
  for (const c of HAND_PICKED) {
    await search(page, c.q);
    const top = await topHrefs(page);
    const ok = top.some((h) => (typeof c.expect === 'string' ? decodeURI(h) === c.expect : c.expect.test(h)));
    if (!ok) failures.push(`${c.q}: expected ${c.expect} in ${JSON.stringify(top.map((h) => decodeURI(h)))}`);
    if (c.section) {
      const sections = await page.locator('.search-hit-sections a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
      if (!sections.some((h) => h?.endsWith(`${c.expect}${c.section}`))) failures.push(`${c.q}: no sub-result ${c.section} in ${JSON.stringify(sections)}`);
    }
    // Every result shown contains the query (the excerpt marks it).
    const marks = await page.locator('.search-hit > .search-hit-excerpt').evaluateAll((ps) => ps.map((p) => p.querySelectorAll('mark').length));
    if (marks.some((n) => n === 0)) failures.push(`${c.q}: a result without a highlighted match`);
  }
  expect(failures).toEqual([]);
});

test('a result shows the name, 事项类型, department, source notice and a highlighted excerpt', async ({ page }) => {
  await ready(page, '/search/?q=典当');
  await expect(page).toHaveTitle(/^“典当”的搜索结果 - /);
  const first = page.locator('.search-hit').first();
  await expect(first.getByRole('link', { name: '典当业特种行业许可证核发' })).toHaveAttribute('href', '/items/jiaxiang-2021-2-a1-02/');
  await expect(first.locator('.search-hit-meta')).toContainText('事项类型：行政许可');
  await expect(first.locator('.search-hit-meta')).toContainText('实施部门：县级公安部门');
  await expect(first.locator('.search-hit-meta')).toContainText('嘉政发〔2021〕2号 附件1');
  await expect(first.locator('.search-hit-excerpt mark').first()).toHaveText('典当');
  // Results are links inside <main>.
  await expect(page.locator('main .search-hit-title a')).toHaveCount(await hitLinks(page).count());
});

test('a notice result and an attachment result name their source: 发文字号, and 附件N (from the page’s metadata)', async ({ page }) => {
  const hit = (href: string) => page.locator('.search-hit').filter({ has: page.locator(`.search-hit-title a[href="${href}"]`) });
  await ready(page, `/search/?q=${encodeURIComponent('嘉政发〔2021〕2号')}`);
  await expect(hit('/notices/jiaxiang-2021-2/').locator('.search-hit-meta')).toContainText('文件发文字号：嘉政发〔2021〕2号');
  await expect(hit('/notices/jiaxiang-2021-2/attachments/1/').locator('.search-hit-meta')).toContainText('附件表格发文字号：嘉政发〔2021〕2号 附件1');
});

test('an empty query lists every item; filters narrow the counts (行政处罚 14, 行政许可 19 of 36)', async ({ page }) => {
  await ready(page, '/search/');
  await expect(status(page)).toHaveText('共 36 个事项，显示第 1—10 条，共 36 条');
  // In the order of the notices' tables and rows, all 36.
  expect(await topHrefs(page, 3)).toEqual(['/items/jiaxiang-2021-2-a1-01/', '/items/jiaxiang-2021-2-a1-02/', '/items/jiaxiang-2021-2-a1-03/']);
  const listed = await page.evaluate(async () => {
    const s = await window.gongkaiSearch!.run({ q: '', filters: { type: [], change: [], department: [], notice: [], year: [], validity: [] } });
    return (await s.all()).hits.map((h) => h.url);
  });
  const ids = loadItemEntries(join(import.meta.dirname, '..', '..', 'content', 'tables')).map((i) => `/items/${i.id}/`);
  expect(listed).toEqual(ids);
  const facet = (label: string) => page.locator('.search-facet label').filter({ hasText: label });
  await expect(facet('行政处罚')).toContainText('（14）');
  await expect(facet('行政许可')).toContainText('（19）');
  await expect(facet('行政检查')).toContainText('（1）');
  await expect(facet('其他行政权力')).toContainText('（2）');

  await facet('行政处罚').getByRole('checkbox').check();
  await expect(status(page)).toContainText('共 14 个事项');
  await expect(page).toHaveURL(/\/search\/\?type=penalty$/);
  // The other type still says what it would add; other filters count within 行政处罚.
  await expect(facet('行政许可')).toContainText('（19）');
  await page.getByRole('button', { name: '显示更多结果' }).click();
  await expect(page.locator('.search-hit')).toHaveCount(14);
  await expect(page.getByRole('button', { name: '显示更多结果' })).toBeHidden();
  for (const meta of await page.locator('.search-hit-meta').allTextContents()) expect(meta).toContain('事项类型：行政处罚');

  await facet('行政许可').getByRole('checkbox').check();
  await expect(status(page)).toContainText('共 33 个事项');
  await expect(page).toHaveURL(/type=license&type=penalty$/);

  await page.getByRole('button', { name: '清除全部筛选' }).click();
  await expect(status(page)).toHaveText('共 36 个事项，显示第 1—10 条，共 36 条');
});

test('the department filter (15 at the seed) shows ten; 「显示全部 15 个部门」 adds the others, counted; one chosen in the address is shown checked', async ({ page }) => {
  // The counts the page must show, from the content: each item's department, or its receiving one.
  const counts = new Map<string, number>();
  for (const i of loadItemEntries(join(import.meta.dirname, '..', '..', 'content', 'tables'))) {
    const d = i.department ?? i.receiver;
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  expect(counts.size).toBe(15);
  const fewest = [...counts].filter(([, n]) => n === 1).map(([d]) => d);
  await ready(page, '/search/');
  const facet = page.locator('[data-facet="department"]');
  const boxes = facet.getByRole('checkbox');
  await expect(boxes).toHaveCount(10);
  const showAll = facet.getByRole('button', { name: '显示全部 15 个部门' });
  await showAll.focus();
  await page.keyboard.press('Enter');
  await expect(boxes).toHaveCount(15);
  await expect(showAll).toHaveCount(0);
  // Focus moves to the first checkbox added, so a keyboard user goes on from there.
  await expect(boxes.nth(10)).toBeFocused();
  const shown = await facet.locator('label').allTextContents();
  expect(new Map(shown.map((t) => [t.replace(/（\d+）$/, ''), Number(/（(\d+)）$/.exec(t)?.[1])]))).toEqual(counts);
  // Most items first: every department with one item comes after those with more.
  expect(shown.slice(-fewest.length).map((t) => t.replace(/（\d+）$/, '')).sort()).toEqual([...fewest].sort());
  // The page's copies and the build's checkboxes are one markup: the same elements, classes and attributes.
  const shapes = await facet.locator('li').evaluateAll((lis) => {
    const shape = (e: Element): string =>
      `<${e.localName} ${[...e.attributes].map((a) => (a.name === 'class' ? `class=${a.value}` : a.name)).sort().join(' ')}>${[...e.children].map(shape).join('')}`;
    return lis.map(shape);
  });
  expect(shapes).toHaveLength(15);
  expect(new Set(shapes).size).toBe(1);

  await facet.locator('label').filter({ hasText: '县级公安部门' }).getByRole('checkbox').check();
  await expect(status(page)).toContainText(`共 ${counts.get('县级公安部门')} 个事项`);
  await expect(page).toHaveURL(/\?department=%E5%8E%BF%E7%BA%A7%E5%85%AC%E5%AE%89%E9%83%A8%E9%97%A8$/);
  // Opened from the address, the page shows that department's checkbox, checked, though it was not written.
  await page.reload();
  await expect(status(page)).toContainText(`共 ${counts.get('县级公安部门')} 个事项`);
  await expect(facet.locator('label').filter({ hasText: '县级公安部门' }).getByRole('checkbox')).toBeChecked();
  await expect(facet.getByRole('checkbox', { checked: true })).toHaveCount(1);
});

test('a query and a filter together: counts narrow, and every result has both', async ({ page }) => {
  await ready(page, '/search/?q=测绘');
  await expect(status(page)).toContainText('“测绘”共找到');
  const total = Number((await status(page).textContent())?.match(/共找到 (\d+) 条/)?.[1]);
  await page.locator('.search-facet label').filter({ hasText: '行政许可' }).getByRole('checkbox').check();
  await expect(status(page)).toContainText('已选 1 项筛选条件');
  const filtered = Number((await status(page).textContent())?.match(/共找到 (\d+) 条/)?.[1]);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(total);
  await expect(page.locator('.search-hit')).toHaveCount(Math.min(filtered, 10));
  for (const meta of await page.locator('.search-hit-meta').allTextContents()) expect(meta).toContain('事项类型：行政许可');
});

test('the URL keeps the query and filters: reload and the back button restore them', async ({ page }) => {
  await ready(page, '/search/?q=%E6%B5%8B%E7%BB%98&type=penalty');
  const input = page.getByRole('searchbox', { name: '关键词' });
  const penalty = page.locator('input[name="type"][value="penalty"]');
  await expect(input).toHaveValue('测绘');
  await expect(penalty).toBeChecked();
  await expect(status(page)).toContainText('“测绘”共找到');
  const first = await topHrefs(page);

  await page.reload();
  await expect(status(page)).toContainText('“测绘”共找到');
  await expect(input).toHaveValue('测绘');
  await expect(penalty).toBeChecked();
  expect(await topHrefs(page)).toEqual(first);

  await search(page, '典当');
  await expect(page).toHaveURL(/q=%E5%85%B8%E5%BD%93&type=penalty/);
  await penalty.uncheck();
  await expect(page).toHaveURL(/\?q=%E5%85%B8%E5%BD%93$/);
  await expect(status(page)).toContainText('“典当”共找到');

  await page.goBack();
  await expect(penalty).toBeChecked();
  await expect(input).toHaveValue('典当');
  await page.goBack();
  await expect(input).toHaveValue('测绘');
  await expect(penalty).toBeChecked();
  await expect(status(page)).toContainText('“测绘”共找到');
  expect(await topHrefs(page)).toEqual(first);
  await page.goForward();
  await expect(input).toHaveValue('典当');
});

test('results follow typing after a pause; Back skips the half-typed words', async ({ page }) => {
  await ready(page, '/search/?q=%E5%85%B8%E5%BD%93');
  const input = page.getByRole('searchbox', { name: '关键词' });
  await input.fill('');
  await input.pressSequentially('乡村兽医', { delay: 40 });
  await expect(status(page)).toContainText('“乡村兽医”共找到');
  await expect(page).toHaveURL(/\?q=%E4%B9%A1%E6%9D%91%E5%85%BD%E5%8C%BB$/);
  expect(decodeURI(await hitLinks(page).first().getAttribute('href') ?? '')).toBe('/items/jiaxiang-2021-2-a1-18/');
  await page.goBack();
  await expect(input).toHaveValue('典当');
  await expect(status(page)).toContainText('“典当”共找到');
});

test('while the reader types, the index for the typed words loads before the typing pause ends', async ({ page }) => {
  await page.clock.install();
  await ready(page, '/search/');
  // The page's timers stand still from here until the test moves them: the typing pause cannot end, so no search
  // can run.
  await page.clock.pauseAt(Date.now() + 60_000);
  const input = page.getByRole('searchbox', { name: '关键词' });
  await input.focus();
  const chunk = page.waitForRequest(/\/pagefind\/index\/[^/]+\.pf_index$/);
  await input.pressSequentially('乡村兽医');
  await chunk;
  await expect(page).toHaveURL(/\/search\/$/);
  await expect(status(page)).not.toContainText('乡村兽医');
  await page.clock.runFor(400);
  await expect(status(page)).toContainText('“乡村兽医”共找到');
  expect(decodeURI(await hitLinks(page).first().getAttribute('href') ?? '')).toBe('/items/jiaxiang-2021-2-a1-18/');
});

test('no search while an input method is composing (拼音 letters), one when the characters are chosen', async ({ page }) => {
  await ready(page, '/search/?q=%E5%85%B8%E5%BD%93');
  const input = page.getByRole('searchbox', { name: '关键词' });
  await input.evaluate((el: HTMLInputElement) => {
    el.focus();
    el.value = 'gongshui';
    el.dispatchEvent(new CompositionEvent('compositionstart'));
    el.dispatchEvent(new InputEvent('input', { isComposing: true, data: 'gongshui' }));
  });
  await page.waitForTimeout(800);
  await expect(status(page)).toContainText('“典当”共找到');
  await expect(page).toHaveURL(/\?q=%E5%85%B8%E5%BD%93$/);
  await input.evaluate((el: HTMLInputElement) => {
    el.value = '供水';
    el.dispatchEvent(new InputEvent('input', { isComposing: true, data: '供水' }));
    el.dispatchEvent(new CompositionEvent('compositionend', { data: '供水' }));
  });
  await expect(status(page)).toContainText('“供水”共找到');
});

test('on the search page its own box is the only one: it searches in place and shows the query', async ({ page }) => {
  await ready(page, '/search/?q=%E5%85%B8%E5%BD%93');
  await expect(page.locator('header input[name="q"]')).toHaveCount(0);
  await expect(page.locator('input[name="q"]')).toHaveCount(1);
  const box = page.getByRole('searchbox', { name: '关键词' });
  await expect(box).toHaveValue('典当');
  await box.fill('供水');
  await box.press('Enter');
  await expect(status(page)).toContainText('“供水”共找到');
  await expect(page).toHaveURL(/\?q=%E4%BE%9B%E6%B0%B4$/);
  expect(decodeURI((await topHrefs(page, 1))[0] ?? '')).toBe('/items/jiaxiang-2021-2-a1-13/');
});

test('no results: the page says so and offers shorter words, the query without filters, examples', async ({ page }) => {
  await ready(page, '/search/?q=乡村兽医诊所');
  await expect(status(page)).toHaveText('“乡村兽医诊所”共找到 0 条结果');
  const empty = page.locator('[data-empty]');
  await expect(empty).toBeVisible();
  await expect(empty.getByRole('heading', { name: '没有找到结果' })).toBeVisible();
  await expect(empty).toContainText('没有找到包含“乡村兽医诊所”的内容。');
  await expect(empty.locator('[data-shorter-links] a').first()).toBeVisible();
  const shorter = await empty.locator('[data-shorter-links] a').allTextContents();
  expect(shorter).toContain('乡村');
  expect(shorter).not.toContain('诊所');
  await expect(empty.getByRole('link', { name: '典当' })).toHaveAttribute('href', '/search/?q=%E5%85%B8%E5%BD%93');
  await expect(page.locator('.search-hit')).toHaveCount(0);

  await ready(page, '/search/?q=典当&type=penalty');
  await expect(status(page)).toContainText('共找到 0 条结果');
  const unfiltered = page.getByRole('link', { name: '去掉筛选条件，在全部内容中搜索' });
  await expect(unfiltered).toBeVisible();
  await unfiltered.click();
  // The item page alone: browse lists and attachment tables' rows are not indexed (each item is, on its own page).
  await expect(status(page)).toContainText('“典当”共找到 1 条结果');
});

test('fully usable by keyboard: query, submit, filters, results, more', async ({ page }) => {
  await ready(page, '/search/');
  const input = page.getByRole('searchbox', { name: '关键词' });
  await input.focus();
  await page.keyboard.type('许可');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '搜索', exact: true }).last()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('“许可”共找到');
  // Tab on to the first filter (beside the results on a wide screen, no toggle) and tick it with the space bar.
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('type', 'checkbox');
  await page.keyboard.press('Space');
  await expect(status(page)).toContainText('已选 1 项筛选条件');
  const more = page.getByRole('button', { name: '显示更多结果' });
  if (await more.isVisible()) {
    const before = await page.locator('.search-hit').count();
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.search-hit')).not.toHaveCount(before);
    // Focus moves to the first new result.
    await expect(page.locator('.search-hit').nth(before).getByRole('link').first()).toBeFocused();
  }
});

test('axe: no WCAG 2.2 A/AA or best-practice violations with results and filters shown', async ({ page }) => {
  await ready(page, '/search/?q=%E5%85%B8%E5%BD%93');
  await expect(page.locator('.search-hit').first()).toBeVisible();
  const withResults = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(withResults.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await ready(page, '/search/?q=%E9%87%8F%E5%AD%90%E8%AE%A1%E7%AE%97');
  await expect(page.locator('[data-empty]')).toBeVisible();
  const empty = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(empty.violations.map((v) => v.id)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page says search needs JavaScript and links to the browse pages', async ({ page }) => {
    await page.goto('/search/?q=典当');
    // What a reader without JavaScript sees in <main> (the <noscript> content, as rendered).
    const shown = await page.evaluate(() => {
      const box = document.querySelector('main .search-noscript') as HTMLElement | null;
      return box
        ? { text: box.innerText, visible: box.getBoundingClientRect().height > 0, links: [...box.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]) }
        : null;
    });
    expect(shown).not.toBeNull();
    expect(shown!.visible).toBe(true);
    expect(shown!.text).toContain('搜索需要浏览器启用 JavaScript');
    expect(shown!.links).toContainEqual(['全部事项', '/items/']);
    expect(shown!.links).toContainEqual(['行政处罚', '/types/penalty/']);
    // The departments with most items, and all fifteen behind one link.
    expect(shown!.links).toContainEqual(['市、县级自然资源管理部门', '/departments/%E5%B8%82%E3%80%81%E5%8E%BF%E7%BA%A7%E8%87%AA%E7%84%B6%E8%B5%84%E6%BA%90%E7%AE%A1%E7%90%86%E9%83%A8%E9%97%A8/']);
    expect(shown!.links).toContainEqual(['全部 15 个部门', '/departments/']);
    // Every link leads to a page that exists.
    for (const [, href] of shown!.links) expect((await page.request.get(href!)).status(), href!).toBe(200);
    // The search form and its empty result area are not shown to no purpose.
    await expect(page.locator('[data-search-app]')).toBeHidden();
  });
});
