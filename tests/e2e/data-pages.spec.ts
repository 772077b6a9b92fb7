/**
 * The pages of issue 13 in the browser: /data/ (every download, every field, the terms, the schemas), the
 * citation pages (国发〔2020〕13号 lists every notice and item citing it, from the content), the home page's and
 * the notice page's charts (accessible SVG and the numbers as a table), the table page's downloads, the notice
 * page's history from git. (Screenshots of /data/ and a citation page: npm run screenshots.)
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ITEM_TYPES, attachmentLabel } from '../../src/domain/glossary.ts';
import { formatChineseDate } from '../../src/domain/patterns.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(ROOT, 'content');
/** content/site.json: the terms of reuse the /data/ page and the data files carry. */
const SITE_FILE = JSON.parse(readFileSync(join(CONTENT, 'site.json'), 'utf8')) as { dataTerms?: string };

interface RawTable {
  notice: string;
  number: number;
  columns: { key: string; role?: string }[];
  rows: Record<string, unknown>[];
}
const TABLES: RawTable[] = readdirSync(join(CONTENT, 'tables'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(CONTENT, 'tables', f), 'utf8')) as RawTable);
const NOTICES = readdirSync(join(CONTENT, 'notices'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ id: f.replace(/\.mdx$/, ''), data: parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(CONTENT, 'notices', f), 'utf8'))![1]!) as { docNumber: string; title: string; cites?: { docNumber: string; title: string }[] } }));
const ROWS = TABLES.flatMap((t) => t.rows.map((row) => ({ t, row, id: `${t.notice}-a${t.number}-${String(row.seq).padStart(2, '0')}` })));
/** The text of a row's 依据 and 监管措施 cells. */
const citingText = (t: RawTable, row: Record<string, unknown>) =>
  JSON.stringify(t.columns.filter((c) => ['basis', 'measures'].includes(c.role ?? c.key)).map((c) => row[c.key] ?? null));

test('/data/: every download linked and served, every field documented, the terms, the schemas', async ({ page, request }) => {
  await page.goto('/data/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('开放数据');
  for (const href of ['/data/items.json', '/data/items.csv', '/data/notices.json', '/data/schema/item.json', '/data/schema/items.json', '/data/schema/notice.json', '/data/schema/notices.json', '/notices/feed.xml', '/citations/']) {
    await expect(page.locator(`main a[href="${href}"]`).first(), href).toBeVisible();
    expect((await request.get(href)).status(), href).toBe(200);
  }
  for (const t of TABLES) {
    for (const ext of ['csv', 'xlsx']) await expect(page.locator(`main a[href="/notices/${t.notice}/attachments/${t.number}.${ext}"]`)).toHaveCount(1);
  }
  const items = (await (await request.get('/data/items.json')).json()) as { items: Record<string, unknown>[] };
  const documented = await page.locator('main table.field-table tbody th code').allTextContents();
  for (const key of Object.keys(items.items[0]!)) expect(documented, key).toContain(key);
  // Allowed values come from the glossary: every 事项类型 label is listed.
  const text = await page.locator('main').innerText();
  for (const label of Object.values(ITEM_TYPES)) expect(text).toContain(label);
  expect(SITE_FILE.dataTerms).toBeTruthy();
  await expect(page.locator('.data-licence')).toHaveText(SITE_FILE.dataTerms!);
});

/** The paragraphs of 依据 and 监管措施 as the content prints them: basis paragraphs; measures lead, then steps. */
function citingParagraphs(t: RawTable, row: Record<string, unknown>): { role: string; texts: string[] }[] {
  return t.columns
    .filter((c) => ['basis', 'measures'].includes(c.role ?? c.key) && row[c.key] != null)
    .map((c) => {
      const v = row[c.key] as string[] | { lead?: string; steps: string[] };
      return { role: c.role ?? c.key, texts: Array.isArray(v) ? v : [...(v.lead === undefined ? [] : [v.lead]), ...v.steps] };
    });
}
/** Cited documents in running text, found here independently: 《title》 with its （…号） when printed, or a 发文字号. */
const MENTION = /《[^《》]+》(?:（[^（）]+号）)?|[\u4e00-\u9fff]+〔\d{4}〕\d+号/g;

test('cited text links: every cited document in 依据 and 监管措施 links to its page, the text unchanged character for character', async ({ page }) => {
  // All 36 items' cells are on the print page (the attachment tables) and on the item pages (fetched as HTML).
  await page.goto('/notices/jiaxiang-2021-2/print/');
  const check = (where: string, got: { text: string; links: { text: string; href: string }[] }[], texts: string[]) => {
    expect(got.map((g) => g.text), where).toEqual(texts);
    for (const [i, text] of texts.entries()) {
      const mentions = text.match(MENTION) ?? [];
      expect(got[i]!.links.map((l) => l.text), `${where}: ${text}`).toEqual(mentions);
      for (const l of got[i]!.links) {
        const number = /（([^（）]+号)）$/.exec(l.text)?.[1] ?? (/^[^《]+号$/.test(l.text) ? l.text : undefined);
        expect(l.href, l.text).toBe(number ? `/citations/${number}/` : `/citations/${l.text.slice(1, -1)}/`);
      }
    }
  };
  let linked = 0;
  const itemUrls = ROWS.map((r) => `/items/${r.id}/`);
  const itemHtml = await page.evaluate((urls) => Promise.all(urls.map((u) => fetch(u).then((r) => r.text()))), itemUrls);
  for (const [n, { t, row, id }] of ROWS.entries()) {
    const cells = citingParagraphs(t, row);
    const inTable = await page.locator(`#a${t.number}-row-${row.seq}`).evaluate((tr, sel) => {
      return [...tr.querySelectorAll(sel)].map((container) =>
        [...container.querySelectorAll(':scope > p, :scope > ol > li')].map((el) => ({
          text: el.textContent ?? '',
          links: [...el.querySelectorAll('a')].map((a) => ({ text: a.textContent ?? '', href: decodeURI(a.getAttribute('href') ?? '') })),
        })),
      );
    }, '.basis, .measures');
    const onItemPage = await page.evaluate(
      ({ html, sel }) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        return [...doc.querySelectorAll(`main ${sel}`)].map((container) =>
          [...container.querySelectorAll(':scope > p, :scope > ol > li')].map((el) => ({
            text: el.textContent ?? '',
            links: [...el.querySelectorAll('a')].map((a) => ({ text: a.textContent ?? '', href: decodeURI(a.getAttribute('href') ?? '') })),
          })),
        );
      },
      { html: itemHtml[n]!, sel: '.basis, .measures' },
    );
    // The item page orders measures before 依据; the table keeps the printed column order.
    const byRole = (role: string) => cells.filter((c) => c.role === role).map((c) => c.texts);
    const tableOrder = cells.map((c) => c.texts);
    const pageOrder = [...byRole('measures'), ...byRole('basis')];
    expect(inTable.length, `${id} table`).toBe(tableOrder.length);
    expect(onItemPage.length, `${id} page`).toBe(pageOrder.length);
    tableOrder.forEach((texts, i) => check(`${id} table`, inTable[i]!, texts));
    pageOrder.forEach((texts, i) => check(`${id} page`, onItemPage[i]!, texts));
    linked += tableOrder.flat().flatMap((x) => x.match(MENTION) ?? []).length;
  }
  // Not vacuous: the content's 依据 and 监管措施 cite documents in most rows of 附件1 and in 附件2 and 5.
  expect(linked).toBeGreaterThan(30);
});

test('/citations/: every cited document with its counts; 国发〔2020〕13号 lists every notice and item citing it', async ({ page }) => {
  await page.goto('/citations/');
  const rows = page.locator('main table tbody tr');
  await expect(rows).toHaveCount(14);
  const number = '国发〔2020〕13号';
  const notices = NOTICES.filter((n) => (n.data.cites ?? []).some((c) => c.docNumber === number));
  const items = ROWS.filter(({ t, row }) => citingText(t, row).includes(number));
  expect(notices.map((n) => n.id)).toEqual(['jiaxiang-2021-2']);
  expect(items).toHaveLength(2);
  const row = rows.filter({ hasText: number });
  await expect(row.locator('td')).toHaveText([String(notices.length), String(items.length)], { useInnerText: true });
  await row.getByRole('link').click();
  await expect(page).toHaveURL(`/citations/${encodeURIComponent(number)}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`《国务院关于取消和下放一批行政许可事项的决定》（${number}）`);
  for (const n of notices) await expect(page.locator(`main a[href="/notices/${n.id}/"]`)).toHaveText(n.data.title);
  for (const { id, row: r } of items) await expect(page.locator(`main a[href="/items/${id}/"]`)).toHaveText(String(r.name));
  await expect(page.locator('main a[href^="/items/"]')).toHaveCount(items.length);
});

test('every document cited only by title has its page listing the items whose cells print it', async ({ page }) => {
  for (const title of ['山东省测绘管理条例', '山东省生猪屠宰管理办法', '中华人民共和国行政许可法']) {
    await page.goto(`/citations/${encodeURIComponent(title)}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`《${title}》`);
    const expected = ROWS.filter(({ t, row }) => citingText(t, row).includes(`《${title}》`)).map((r) => `/items/${r.id}/`);
    expect(expected.length).toBeGreaterThan(0);
    const links = await page.locator('main a[href^="/items/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(expected.sort());
  }
});

test('a notice lists what it cites, linking each to its citation page', async ({ page }) => {
  for (const n of NOTICES) {
    await page.goto(`/notices/${n.id}/`);
    for (const c of n.data.cites ?? []) {
      await expect(page.locator('.notice-cites').getByRole('link', { name: `《${c.title}》（${c.docNumber}）` })).toHaveAttribute('href', `/citations/${encodeURIComponent(c.docNumber)}/`);
    }
  }
});

test('home page: charts by 事项类型, kind of change and department, each with title, description and the numbers as a table', async ({ page }) => {
  await page.goto('/');
  const charts = page.locator('section[aria-labelledby="charts"] figure.bar-chart');
  await expect(charts).toHaveCount(3);
  for (const fig of await charts.all()) {
    const svg = fig.locator('svg[role="img"]');
    const labelled = (await svg.getAttribute('aria-labelledby'))!.split(' ');
    expect(labelled).toHaveLength(2);
    await expect(svg.locator('title')).toHaveAttribute('id', labelled[0]!);
    await expect(svg.locator('desc')).toHaveAttribute('id', labelled[1]!);
    await expect(fig.locator('table caption')).toBeAttached();
  }
  // 事项类型: counted from the content's rows.
  const byType = new Map<string, number>();
  for (const { t, row } of ROWS) {
    const col = t.columns.find((c) => (c.role ?? c.key) === 'type');
    const code = col ? (row[col.key] as string | null) : null;
    if (code) byType.set(ITEM_TYPES[code as keyof typeof ITEM_TYPES], (byType.get(ITEM_TYPES[code as keyof typeof ITEM_TYPES]) ?? 0) + 1);
  }
  const typeTable = charts.nth(0).locator('table tbody tr');
  const shown = await typeTable.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), Number(tr.querySelector('td')!.textContent)] as [string, number]));
  expect(new Map(shown)).toEqual(byType);
  const desc = await charts.nth(0).locator('desc').textContent();
  for (const [label, n] of byType) expect(desc).toContain(`${label}${n}项`);
  // Bars are drawn in proportion: the longest bar is the largest count.
  const widths = await charts.nth(0).locator('rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
  const counts = shown.map(([, n]) => n);
  expect(widths.indexOf(Math.max(...widths))).toBe(counts.indexOf(Math.max(...counts)));
  // Kind of change: the chart's table agrees with the home page's own counts.
  const changeCounts = await page.locator('section[aria-labelledby="by-change"] .count-list li').evaluateAll((lis) => lis.map((li) => [li.querySelector('a')!.textContent, li.querySelector('.count')!.textContent!.replace(/项$/, '')]));
  const changeTable = await charts.nth(1).locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelector('td')!.textContent]));
  expect(changeTable).toEqual(changeCounts);
  // Drawn at build time: no script in the charts.
  await expect(page.locator('section[aria-labelledby="charts"] script')).toHaveCount(0);
});

test('notice page: charts of its items, and its history from git (最后更新)', async ({ page }) => {
  const id = 'jiaxiang-2021-2';
  await page.goto(`/notices/${id}/`);
  await expect(page.locator('section[aria-labelledby="notice-charts"] figure.bar-chart')).toHaveCount(3);
  const last = execFileSync('git', ['log', '-1', '--format=%cs', '--', `content/notices/${id}.mdx`, `content/tables/${id}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const subjects = execFileSync('git', ['log', '--format=%s', '--', `content/notices/${id}.mdx`, `content/tables/${id}`], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  await expect(page.locator('.change-history > p')).toHaveText(`最后更新：${formatChineseDate(last)}`);
  await expect(page.locator('.change-history-list li')).toHaveCount(Math.min(10, subjects.length));
  await expect(page.locator('.change-history-list li').first()).toContainText(subjects[0]!);
  // The Jinan plan has no attachment table: no charts.
  await page.goto('/notices/jinan-hitech-2021-40/');
  await expect(page.locator('figure.bar-chart')).toHaveCount(0);
});

test('table page: CSV and XLSX downloads of the table', async ({ page }) => {
  for (const t of TABLES) {
    await page.goto(`/notices/${t.notice}/attachments/${t.number}/`);
    const box = page.locator('section.downloads');
    const csv = box.locator('a[type="text/csv"]');
    const xlsx = box.locator('a[type$="spreadsheetml.sheet"]');
    await expect(csv).toHaveAttribute('href', `/notices/${t.notice}/attachments/${t.number}.csv`);
    await expect(xlsx).toHaveAttribute('href', `/notices/${t.notice}/attachments/${t.number}.xlsx`);
    // Each link names its table for a screen reader.
    await expect(csv).toHaveAccessibleName(new RegExp(`CSV.*${attachmentLabel(t.number)}`));
    await expect(xlsx).toHaveAccessibleName(new RegExp(`XLSX.*${attachmentLabel(t.number)}`));
  }
});

