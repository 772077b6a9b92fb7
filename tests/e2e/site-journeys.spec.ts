/**
 * What a citizen, a business and an older reader do on the site, end to end in Chromium:
 * browse to an item and its notice, search from the header, jump to a task of the Jinan plan, sort the list
 * of all items, and make the text larger for every page.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { loadItemEntries } from '../fixtures/items.ts';
import { ITEM_TYPES } from '../../src/domain/glossary.ts';

const ITEMS = loadItemEntries(join(import.meta.dirname, '..', '..', 'content', 'tables'));

test('home → 行政处罚 → an item → its notice', async ({ page }) => {
  await page.goto('/');
  const penalties = ITEMS.filter((i) => i.type === 'penalty');
  const byType = page.getByRole('region', { name: '按事项类型' });
  await expect(byType.getByRole('listitem').filter({ hasText: ITEM_TYPES.penalty })).toContainText(`${penalties.length}项`);
  await byType.getByRole('link', { name: ITEM_TYPES.penalty, exact: true }).click();

  await expect(page).toHaveURL(/\/types\/penalty\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ITEM_TYPES.penalty);
  const rows = page.locator('main table tbody tr');
  await expect(rows).toHaveCount(penalties.length);
  const first = penalties[0]!;
  await rows.first().getByRole('link', { name: first.name }).click();

  await expect(page).toHaveURL(new RegExp(`/items/${first.id}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.name);
  await expect(page.locator('.item-facts')).toContainText(ITEM_TYPES.penalty);
  await page.getByRole('region', { name: '出处' }).getByRole('link', { name: /嘉祥县人民政府关于/ }).click();

  await expect(page).toHaveURL(/\/notices\/jiaxiang-2021-2\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('嘉祥县人民政府关于2021年第一批削减县级行政权力事项等事宜的通知');
});

test('the header search box sends the query to /search/', async ({ page }) => {
  await page.goto('/items/jiaxiang-2021-2-a1-02/');
  const box = page.getByRole('banner').getByRole('searchbox', { name: '搜索事项' });
  await box.fill('乡村兽医');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=%E4%B9%A1%E6%9D%91%E5%85%BD%E5%8C%BB$/);
});

test('the home search box submits too, with the button', async ({ page }) => {
  await page.goto('/');
  const form = page.getByRole('main').getByRole('search');
  await form.getByRole('searchbox').fill('测绘');
  await form.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=%E6%B5%8B%E7%BB%98$/);
});

test('the Jinan plan’s table of contents jumps to task 8', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/notices/jinan-hitech-2021-40/');
  const toc = page.getByRole('navigation', { name: '目录' });
  await expect(toc.locator('a[href^="#task-"]')).toHaveCount(9);
  await toc.getByRole('link', { name: '（八）做好响应惩戒联动' }).click();
  await expect(page).toHaveURL(/#task-8$/);
  const heading = page.locator('#task-8');
  await expect(heading).toHaveText('（八）做好响应惩戒联动。');
  await expect(heading).toBeInViewport();
  // The departments stand with the task.
  await expect(page.locator('section[aria-labelledby="task-8"]')).toContainText('（责任部门：发展改革和科技经济部及各监管职能部门）');
  await expect(page.locator('#task-1')).not.toBeInViewport();
});

test('/items/ sorts by column with JavaScript and says which way', async ({ page }) => {
  await page.goto('/items/');
  const table = page.locator('main table');
  const names = () => table.locator('tbody tr th a').allTextContents();
  const published = await names();
  expect(published).toEqual(ITEMS.map((i) => i.name));

  const nameHeader = table.locator('thead th').first();
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await names();
  const collated = await page.evaluate((list) => [...list].sort(new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' }).compare), published);
  expect(ascending).toEqual(collated);
  expect(ascending).not.toEqual(published);
  await expect(page.locator('[aria-live="polite"]')).toHaveText('已按事项名称升序排列');

  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await names()).toEqual([...collated].reverse());

  const sourceHeader = table.locator('thead th').last();
  await sourceHeader.getByRole('button').click();
  await expect(sourceHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameHeader).not.toHaveAttribute('aria-sort', /.+/);
  expect(await names()).toEqual(published);
});

test('the larger-text switch makes text larger and is remembered on the next page', async ({ page }) => {
  await page.goto('/');
  const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const normal = await bodySize();
  expect(normal).toBeGreaterThanOrEqual(16);
  const toggle = page.getByRole('button', { name: '大字号' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const large = await bodySize();
  expect(large).toBeGreaterThanOrEqual(normal * 1.2);

  await page.goto('/items/jiaxiang-2021-2-a2-07/');
  await expect(page.getByRole('button', { name: '大字号' })).toHaveAttribute('aria-pressed', 'true');
  expect(await bodySize()).toBe(large);
  const h1 = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('h1')!).fontSize));
  expect(h1).toBeGreaterThan(large);

  await page.getByRole('button', { name: '大字号' }).click();
  await page.goto('/notices/jiaxiang-2021-2/');
  await expect(page.getByRole('button', { name: '大字号' })).toHaveAttribute('aria-pressed', 'false');
  expect(await bodySize()).toBe(normal);
});
