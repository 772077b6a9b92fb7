/**
 * The citizen's question answered first: what happened to an item, since when, by which document — on the item
 * page's first screen at 375 px and 1280 px, in list rows, and explained on the browse and terms pages.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadItemEntries } from '../fixtures/items.ts';
import { CHANGE_GROUP_EXPLAIN, CHANGE_GROUPS } from '../../src/domain/glossary.ts';
import { paths } from '../../src/domain/urls.ts';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');
const ITEMS = loadItemEntries(join(CONTENT, 'tables'));
const SOURCE = readFileSync(join(CONTENT, 'sources', 'jiaxiang-2021-2-notice.txt'), 'utf8');

for (const width of [375, 1280]) {
  test(`典当 at ${width} px: 已取消, the date and the document in the first screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    const item = ITEMS.find((i) => i.name === '典当业特种行业许可证核发')!;
    await page.goto(paths.itemById(item.id));
    const status = page.locator('[data-item-status]');
    await expect(status).toHaveText('已取消 · 成文日期 2021年2月20日 · 嘉政发〔2021〕2号 附件1');
    const box = (await status.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(width === 375 ? 812 : 900);
    await expect(page).toHaveTitle(/^典当业特种行业许可证核发：已取消 - /);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^已取消 · 成文日期 2021年2月20日 · 嘉政发〔2021〕2号 附件1。/);
    // What now: the department in charge, the contact line the notice prints, the measures.
    const now = page.getByRole('region', { name: '现在怎么办' });
    await expect(now.getByRole('link', { name: item.department! })).toBeVisible();
    expect(SOURCE).toContain('县为民服务中心主楼404室');
    await expect(now).toContainText('县为民服务中心主楼404室');
  });
}

test('乡村兽医登记 says 取消许可，改为备案, as its 备注 does', async ({ page }) => {
  const item = ITEMS.find((i) => i.name === '乡村兽医登记')!;
  expect(item.remark).toContain('改为备案');
  await page.goto(paths.itemById(item.id));
  await expect(page.locator('[data-item-status] strong')).toHaveText('取消许可，改为备案');
});

test('an item without measures says so and points to its row, which is highlighted', async ({ page }) => {
  const item = ITEMS.find((i) => i.measures === null && i.tableNumber === 2)!;
  await page.goto(paths.itemById(item.id));
  const link = page.locator('.measures-absent a');
  await expect(link).toHaveAttribute('href', `${paths.attachment('jiaxiang-2021-2', 2)}#row-${item.seq}`);
  await link.click();
  const row = page.locator(`#row-${item.seq}`);
  await expect(row).toHaveCSS('outline-style', 'solid');
});

test('/changes/ and /types/ exist, with counts, and every kind of change is explained in one sentence', async ({ page }) => {
  await page.goto(paths.changes());
  for (const g of new Set(ITEMS.map((i) => i.changeGroup))) {
    await expect(page.getByRole('link', { name: CHANGE_GROUPS[g], exact: true })).toHaveAttribute('href', paths.change(g));
    await expect(page.getByRole('main')).toContainText(CHANGE_GROUP_EXPLAIN[g]);
  }
  const cancelled = ITEMS.filter((i) => i.change.action === 'cancel').length;
  await expect(page.getByRole('main')).toContainText(`被取消的事项共${cancelled}项`);
  await page.goto(paths.types());
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(new Set(ITEMS.map((i) => i.type)).size);
  await page.goto(paths.change('cancelled-above'));
  await expect(page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '按调整方式' })).toHaveAttribute('href', paths.changes());
  await page.goto(paths.terms());
  await expect(page.locator('#change-taken-over-above + dd')).toHaveText(CHANGE_GROUP_EXPLAIN['taken-over-above']);
});

test('list rows lead with the status', async ({ page }) => {
  await page.goto(paths.items());
  for (const [name, what] of [
    ['典当业特种行业许可证核发', '已取消'],
    ['乡村兽医登记', '取消许可，改为备案'],
  ] as const) {
    const row = page.locator('main table tbody tr', { has: page.getByRole('link', { name, exact: true }) });
    await expect(row.locator('.col-change')).toHaveText(new RegExp(`${what}$`));
  }
  const byProvince = ITEMS.find((i) => i.changeGroup === 'cancelled-above' && i.change.by === 'province')!;
  const row = page.locator('main table tbody tr', { has: page.getByRole('link', { name: byProvince.name, exact: true }) }).first();
  await expect(row.locator('.col-change')).toHaveText(/省级已取消$/);
});

test('attachment tables link to the notice’s other attachments and back to its text', async ({ page }) => {
  await page.goto(paths.attachment('jiaxiang-2021-2', 1));
  const nav = page.getByRole('navigation', { name: '同一文件的其他附件' });
  await expect(nav.locator('a[rel="prev"]')).toHaveCount(0);
  await expect(nav.locator('a[rel="next"]')).toHaveAttribute('href', paths.attachment('jiaxiang-2021-2', 2));
  await nav.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(new RegExp(`${paths.attachment('jiaxiang-2021-2', 2)}$`));
  await expect(nav.locator('a[rel="prev"]')).toHaveAttribute('href', paths.attachment('jiaxiang-2021-2', 1));
  await page.goto(paths.attachment('jiaxiang-2021-2', 5));
  await expect(nav.locator('a[rel="next"]')).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /返回文件正文/ })).toHaveAttribute('href', paths.notice('jiaxiang-2021-2'));
});
