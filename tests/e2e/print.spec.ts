/**
 * 打印全文（含附件） (issue 11, point 7): the notice page links to its print page (a plain link, no JavaScript
 * needed); the print page holds the notice text and every attachment table with every item of the content; in
 * print media it leaves out navigation, search, the breadcrumb and the page's own controls, prints no link address
 * inside a table cell, repeats each table's header row on every printed page and keeps rows whole. Expected items
 * come from content/tables, not from the code.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');
const SLUG = 'jiaxiang-2021-2';
interface RawTable {
  number: number;
  title: string;
  rows: { seq: number; name: string }[];
}
const TABLES: RawTable[] = readdirSync(join(CONTENT, 'tables', SLUG))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(CONTENT, 'tables', SLUG, f), 'utf8')) as RawTable)
  .sort((a, b) => a.number - b.number);

test('a notice prints with all its attachments: the link, the page, what paper shows and leaves out', async ({ page }) => {
  // Without JavaScript the link is a plain page; the script only shows the 打印 button.
  await page.goto(`/notices/${SLUG}/`);
  const link = page.getByRole('link', { name: '打印全文（含附件）' });
  await expect(link).toHaveAttribute('href', `/notices/${SLUG}/print/`);
  await page.emulateMedia({ media: 'print' });
  // On paper the notice page leaves out its link, charts and related lists.
  await expect(link).toBeHidden();
  for (const sel of ['.item-charts', '.cited-by', '.site-nav', 'nav[aria-label="当前位置"]']) {
    for (const el of await page.locator(sel).all()) await expect(el, sel).toBeHidden();
  }
  await page.emulateMedia({ media: 'screen' });
  await link.click();

  await expect(page).toHaveURL(new RegExp(`/notices/${SLUG}/print/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('嘉祥县人民政府关于2021年第一批削减县级行政权力事项等事宜的通知');
  let printed = 0;
  await page.exposeFunction('__printed', () => void printed++);
  await page.evaluate(() => {
    window.print = () => (window as unknown as { __printed: () => void }).__printed();
  });
  const button = page.getByRole('button', { name: '打印', exact: true });
  await button.click();
  await expect.poll(() => printed).toBe(1);

  // Every attachment table, every item of the content, in order, under its printed title.
  const main = page.getByRole('main');
  await expect(main.locator('table.attachment-table')).toHaveCount(TABLES.length);
  await expect(main.getByRole('heading', { level: 2 }).filter({ hasText: /^附件/ })).toHaveText(TABLES.map((t) => `附件${t.number}　${t.title}`));
  const onPage = await main.locator('table.attachment-table tbody tr').evaluateAll((rows) => rows.map((r) => `${r.id} ${r.querySelector('th[scope="row"] a')?.textContent}`));
  const expected = TABLES.flatMap((t) => t.rows.map((row) => `a${t.number}-row-${row.seq} ${row.name}`));
  expect(expected).toHaveLength(36);
  expect(onPage).toEqual(expected);
  // The notice text, its signature and its attachment list (linking down the page) are there too.
  await expect(main.locator('article.document')).toContainText('各级各有关部门单位要认真贯彻落实');
  await expect(main.locator('.attachment-list a').first()).toHaveAttribute('href', '#attachment-1');

  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.site-nav', '.site-search', '.site-text-size', 'nav[aria-label="当前位置"]', '.print-controls', '.skip-link']) {
    for (const el of await page.locator(sel).all()) await expect(el, sel).toBeHidden();
  }
  await expect(button).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(main.locator('table.attachment-table').last()).toBeVisible();
  await expect(page.locator('.site-footer .print-only')).toBeVisible();
  const style = await page.evaluate(() => {
    const cellLinks = [...document.querySelectorAll('.data-table a')];
    const after = cellLinks.map((a) => getComputedStyle(a, '::after').content).filter((c) => c !== 'none' && c !== 'normal');
    return {
      cellLinks: cellLinks.length,
      after,
      theads: [...document.querySelectorAll('.data-table thead')].map((t) => getComputedStyle(t).display),
      rows: [...new Set([...document.querySelectorAll('.data-table tbody tr')].map((r) => getComputedStyle(r).breakInside))],
      // A cited document outside the tables prints its address, readable (not percent-escapes).
      cites: [...document.querySelectorAll('.notice-cites a')].map((a) => getComputedStyle(a, '::after').content),
    };
  });
  expect(style.cellLinks).toBeGreaterThanOrEqual(36);
  expect(style.after).toEqual([]);
  expect(style.theads).toEqual(TABLES.map(() => 'table-header-group'));
  expect(style.rows).toEqual(['avoid']);
  expect(style.cites).toContain('" </citations/国发〔2020〕13号/>"');
});

test('a notice without attachments prints its full text: 打印全文, the plan with all its tasks', async ({ request }) => {
  const notice = await (await request.get('/notices/jinan-hitech-2021-40/')).text();
  expect(notice).toMatch(/<a href="\/notices\/jinan-hitech-2021-40\/print\/"[^>]*>打印全文<\/a>/);
  const res = await request.get('/notices/jinan-hitech-2021-40/print/');
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain('<title>济高管综字〔2021〕40号 全文 - ');
  expect(html).not.toContain('attachment-table');
  // The work plan's nine tasks (content/notices/jinan-hitech-2021-40.mdx) are all on the page.
  const source = readFileSync(join(CONTENT, 'notices', 'jinan-hitech-2021-40.mdx'), 'utf8');
  const tasks = (parse(/^---\n([\s\S]*?)\n---/.exec(source)![1]!) as { tasks: { title: string }[] }).tasks.map((t) => t.title);
  expect(tasks).toHaveLength(9);
  for (const t of tasks) expect(html).toContain(`${t}。</h4>`);
});
