/**
 * Every page at its public URL, and what each page type must carry: the frame of every page (lang, skip link,
 * header with a search form, breadcrumb, canonical, description, footer with publisher and contact), the notice
 * metadata block, the attachment tables as published, the item page's parts, the browse pages' counts.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadItemEntries } from '../fixtures/items.ts';
import type { Table } from '../../src/schemas/table.ts';
import type { Site } from '../../src/schemas/site.ts';
import { CHANGE_GROUPS, ITEM_FIELDS, ITEM_TYPES, NOTICE_FIELDS, attachmentLabel } from '../../src/domain/glossary.ts';
import { formatChineseDate } from '../../src/domain/patterns.ts';
import { paths } from '../../src/domain/urls.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(ROOT, 'content');
const ITEMS = loadItemEntries(join(CONTENT, 'tables'));
const SITE: Site = JSON.parse(readFileSync(join(CONTENT, 'site.json'), 'utf8'));
const NOTICES = readdirSync(join(CONTENT, 'notices'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const text = readFileSync(join(CONTENT, 'notices', f), 'utf8');
    const data = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown> & {
      title: string;
      docNumber: string;
      issuer: string;
      addressees: string[];
      signedDate: string;
      disclosure?: string;
      validity?: string;
      tasks?: { number: number; title: string }[];
      contact?: { address?: string; email?: string };
    };
    return { slug: f.replace(/\.mdx$/, ''), data };
  });
const TABLES: Table[] = readdirSync(join(CONTENT, 'tables'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(CONTENT, 'tables', f), 'utf8')) as Table)
  .sort((a, b) => a.notice.localeCompare(b.notice) || a.number - b.number);
/** Departments as printed, and as browsed: each spelling content/departments.json groups under its group's name. */
const DEPARTMENTS = [...new Set(ITEMS.flatMap((i) => (i.department === null ? [] : [i.department])))];
const GROUPING = (JSON.parse(readFileSync(join(CONTENT, 'departments.json'), 'utf8')) as { groups: { name: string; aliases: string[] }[] }).groups;
const groupOf = (name: string) => GROUPING.find((g) => g.aliases.includes(name))?.name ?? name;
const DEPARTMENT_GROUPS = [...new Set(DEPARTMENTS.map(groupOf))];
const TYPES = [...new Set(ITEMS.flatMap((i) => (i.type === null ? [] : [i.type])))];
const GROUPS = [...new Set(ITEMS.map((i) => i.changeGroup))];

const ALL_PAGES = [
  paths.home(),
  paths.items(),
  '/notices/',
  '/departments/',
  ...NOTICES.map((n) => paths.notice(n.slug)),
  ...TABLES.map((t) => paths.attachment(t.notice, t.number)),
  ...ITEMS.map((i) => paths.itemById(i.id)),
  ...TYPES.map((t) => paths.type(t)),
  ...[...new Set([...DEPARTMENTS, ...DEPARTMENT_GROUPS])].map((d) => paths.department(d)),
  ...GROUPS.map((g) => `/changes/${g}/`),
];

test('the seed content is what these tests expect: 36 items, 2 notices, 5 tables', () => {
  expect(ITEMS).toHaveLength(36);
  expect(NOTICES).toHaveLength(2);
  expect(TABLES).toHaveLength(5);
});

test('every item, notice, table and browse page answers 200 at its URL; an unknown URL answers 404', async ({ request }) => {
  const failed: string[] = [];
  for (const url of ALL_PAGES) {
    const res = await request.get(url);
    if (res.status() !== 200) failed.push(`${url} → ${res.status()}`);
  }
  expect(failed).toEqual([]);
  expect(ALL_PAGES.length).toBe(4 + 2 + 5 + 36 + TYPES.length + new Set([...DEPARTMENTS, ...DEPARTMENT_GROUPS]).size + GROUPS.length);
  // The seed's 农业农村 spellings are browsed together; each printed spelling keeps its page.
  expect(DEPARTMENT_GROUPS.length).toBe(DEPARTMENTS.length - 1);
  const missing = await request.get('/items/no-such-item/');
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain('页面未找到');
});

test('at 375 px the header is compact, also with large text, and every page starts within its first 120 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const url of [paths.home(), paths.itemById('jiaxiang-2021-2-a1-02'), paths.search()]) {
    await page.goto(url);
    for (const large of [false, true]) {
      await page.evaluate((on) => document.documentElement.classList.toggle('text-large', on), large);
      const box = (await page.getByRole('banner').boundingBox())!;
      expect(box.height, `${url}${large ? ' (large text)' : ''}`).toBeLessThanOrEqual(120);
    }
    await expect(page.getByRole('banner').getByRole('link', { name: '搜索', exact: true })).toBeVisible();
  }
});

/** What every page carries. */
async function expectFrame(page: Page, url: string, { breadcrumb = true, pagefindBody }: { breadcrumb?: boolean; pagefindBody: boolean }) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(canonical).toMatch(/^https?:\/\//);
  expect(new URL(canonical!).pathname).toBe(new URL(url, 'http://x').pathname);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S{10,}/);
  await expect(page).toHaveTitle(/ - 公开$/);
  await expect(page.locator('a.skip-link')).toHaveAttribute('href', '#main');
  await expect(page.locator('main#main')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('link', { name: /^公开/ })).toHaveAttribute('href', '/');
  await expect(banner.getByRole('navigation', { name: '网站导航' })).toBeVisible();
  // One search box per page: the header's, except on the pages that have their own (home, search).
  await expect(page.locator('form[role="search"]')).toHaveCount(1);
  const form = page.locator('form[role="search"]');
  const own = ['/', '/search/'].includes(new URL(url, 'http://x').pathname);
  await expect(banner.locator('form[role="search"]')).toHaveCount(own ? 0 : 1);
  await expect(form).toHaveAttribute('action', '/search/');
  await expect(form).toHaveAttribute('method', 'get');
  await expect(form.locator('input[name="q"]')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: '当前位置' })).toHaveCount(breadcrumb ? 1 : 0);
  // Pagefind indexes the main content region of content pages only.
  const bodies = page.locator('[data-pagefind-body]');
  if (pagefindBody) {
    await expect(bodies).toHaveCount(1);
    await expect(page.locator('main[data-pagefind-body]')).toHaveCount(1);
    await expect(page.locator('nav[aria-label="当前位置"]')).toHaveAttribute('data-pagefind-ignore', '');
  } else {
    await expect(bodies).toHaveCount(0);
  }
  // Footer: who runs the site as content/site.json says (a field left empty is not shown), and the official text note.
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText(`主办单位：${SITE.organiser}`);
  for (const [field, label] of [['operator', '承办单位'], ['phone', '联系电话'], ['siteCode', '网站标识码'], ['icp', 'ICP备案号'], ['publicSecurity', '公安备案号']] as const) {
    if (!SITE[field]) await expect(footer).not.toContainText(label);
  }
  await expect(footer).toContainText('以发文机关公开发布的正式文件为准');
  // No web fonts, nothing from another origin.
  const foreign = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => new URL(n).origin !== location.origin),
  );
  expect(foreign).toEqual([]);
  const fontFaces = await page.evaluate(() => document.fonts.size);
  expect(fontFaces).toBe(0);
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(base).toBeGreaterThanOrEqual(16);
}

test('home: what the site is, who publishes it, latest notices, search and the ways in with counts', async ({ page }) => {
  await page.goto('/');
  await expectFrame(page, '/', { breadcrumb: false, pagefindBody: false });
  const main = page.getByRole('main');
  await expect(main).toContainText(`共${NOTICES.length}份文件、${ITEMS.length}个事项`);
  await expect(main).toContainText('主办单位：嘉祥县人民政府');
  await expect(main.getByRole('search')).toHaveAttribute('action', '/search/');
  const latest = page.getByRole('region', { name: '最新文件' }).getByRole('link');
  const newestFirst = [...NOTICES].sort((a, b) => b.data.signedDate.localeCompare(a.data.signedDate));
  await expect(latest).toHaveText(newestFirst.map((n) => n.data.title));
  for (const [region, keys, label, href, count] of [
    ['按事项类型', TYPES, (k: string) => ITEM_TYPES[k as keyof typeof ITEM_TYPES], paths.type, (k: string) => ITEMS.filter((i) => i.type === k).length],
    ['按实施部门', DEPARTMENT_GROUPS, (k: string) => k, paths.department, (k: string) => ITEMS.filter((i) => i.department !== null && groupOf(i.department) === k).length],
    ['按调整方式', GROUPS, (k: string) => CHANGE_GROUPS[k as keyof typeof CHANGE_GROUPS], (k: string) => `/changes/${k}/`, (k: string) => ITEMS.filter((i) => i.changeGroup === k).length],
  ] as const) {
    const list = page.getByRole('region', { name: region }).getByRole('listitem');
    await expect(list).toHaveCount(keys.length);
    for (const k of keys) {
      const li = list.filter({ has: page.getByRole('link', { name: label(k), exact: true }) });
      await expect(li.getByRole('link')).toHaveAttribute('href', href(k));
      await expect(li).toContainText(`${count(k)}项`);
    }
  }
});

for (const notice of NOTICES) {
  test(`notice ${notice.data.docNumber}: metadata block, full text, attachments`, async ({ page }) => {
    const url = paths.notice(notice.slug);
    await page.goto(url);
    await expectFrame(page, url, { pagefindBody: true });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(notice.data.title);
    const meta = page.locator('.notice-meta dl');
    const pairs = await meta.evaluate((dl) => {
      const out: Record<string, string> = {};
      for (const dt of dl.querySelectorAll('dt')) out[dt.textContent!.trim()] = dt.nextElementSibling!.textContent!.trim();
      return out;
    });
    const expected: Record<string, string> = {
      [NOTICE_FIELDS.title]: notice.data.title,
      [NOTICE_FIELDS.docNumber]: notice.data.docNumber,
      [NOTICE_FIELDS.issuer]: notice.data.issuer,
      [NOTICE_FIELDS.addressees]: notice.data.addressees.join('，'),
      [NOTICE_FIELDS.signedDate]: formatChineseDate(notice.data.signedDate),
    };
    if (notice.data.disclosure) expected[NOTICE_FIELDS.disclosure] = notice.data.disclosure;
    if (notice.data.validity) expected[NOTICE_FIELDS.validity] = notice.data.validity;
    // Exactly these: a field the source does not give is not shown.
    expect(pairs).toEqual(expected);
    const tables = TABLES.filter((t) => t.notice === notice.slug);
    for (const t of tables) {
      await expect(page.locator('.attachment-list').getByRole('link', { name: `${t.number}.${t.title}` })).toHaveAttribute(
        'href',
        paths.attachment(t.notice, t.number),
      );
    }
    for (const task of notice.data.tasks ?? []) {
      await expect(page.locator(`h4#task-${task.number}`)).toHaveText(new RegExp(`^（.+）${task.title}。$`));
    }
  });
}

for (const table of TABLES) {
  const label = attachmentLabel(table.number);
  test(`attachment table ${table.notice} ${label}: caption, every column as printed, every row linking to its item`, async ({ page }) => {
    const url = paths.attachment(table.notice, table.number);
    await page.goto(url);
    await expectFrame(page, url, { pagefindBody: true });
    const t = page.locator('main table');
    await expect(t.locator('caption')).toContainText(label);
    await expect(t.locator('thead th[scope="col"]')).toHaveText(table.columns.map((c) => c.header));
    const rows = t.locator('tbody tr');
    await expect(rows).toHaveCount(table.rows.length);
    const links = await t.locator('tbody th[scope="row"] a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual(table.rows.map((r) => [r.name, `/items/${table.notice}-a${table.number}-${String(r.seq).padStart(2, '0')}/`]));
    // Rows and headers stay out of the search index: each item is indexed on its own page.
    await expect(t.locator('thead[data-pagefind-ignore]')).toHaveCount(1);
    await expect(t.locator('tbody[data-pagefind-ignore]')).toHaveCount(1);
  });
}

test('item page: parts, breadcrumb, previous/next row, related items, search metadata', async ({ page }) => {
  const item = ITEMS.find((i) => i.id === 'jiaxiang-2021-2-a2-07')!;
  const url = paths.itemById(item.id);
  await page.goto(url);
  await expectFrame(page, url, { pagefindBody: true });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.name);
  const crumbs = page.getByRole('navigation', { name: '当前位置' }).getByRole('listitem');
  await expect(crumbs).toHaveText(['首页', '文件', '嘉政发〔2021〕2号', '附件2', item.name]);
  await expect(page.getByRole('region', { name: '市县加强事中事后监管措施' })).toHaveText(new RegExp(ITEM_FIELDS.measuresAbsent));
  const source = page.getByRole('region', { name: ITEM_FIELDS.source });
  await expect(source.getByRole('link', { name: /嘉祥县人民政府关于/ })).toHaveAttribute('href', paths.notice('jiaxiang-2021-2'));
  await expect(source.getByRole('link', { name: /^附件2/ })).toHaveAttribute('href', paths.attachment('jiaxiang-2021-2', 2));
  await expect(source.getByRole('link', { name: '7', exact: true })).toHaveAttribute('href', `${paths.attachment('jiaxiang-2021-2', 2)}#row-7`);
  const prevNext = page.getByRole('navigation', { name: '同一文件中的上一项、下一项' });
  await expect(prevNext).toHaveAttribute('data-pagefind-ignore', '');
  await expect(prevNext.locator('a[rel="prev"]')).toHaveAttribute('href', paths.itemById('jiaxiang-2021-2-a2-06'));
  await expect(prevNext.locator('a[rel="next"]')).toHaveAttribute('href', paths.itemById('jiaxiang-2021-2-a3-01'));
  const related = page.getByRole('region', { name: ITEM_FIELDS.related });
  await expect(related).toHaveAttribute('data-pagefind-ignore', '');
  const hrefs = await related.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    const other = ITEMS.find((i) => paths.itemById(i.id) === href)!;
    expect(other.id).not.toBe(item.id);
    expect(other.department === item.department || other.type === item.type).toBe(true);
  }
  await expect(page.locator('main [data-pagefind-filter="type"]')).toHaveText(ITEM_TYPES[item.type!]);
});

for (const [kind, url, count, omitted] of [
  ['type', paths.type('license'), ITEMS.filter((i) => i.type === 'license').length, '事项类型'],
  ['department', paths.department('省自然资源厅'), ITEMS.filter((i) => i.department === '省自然资源厅').length, '实施部门'],
  ['change', '/changes/cancelled-to-filing/', ITEMS.filter((i) => i.changeGroup === 'cancelled-to-filing').length, '调整方式'],
] as const) {
  test(`browse by ${kind}: the count and one row per item`, async ({ page }) => {
    await page.goto(url);
    // Browse lists repeat their items' names: search sends readers to the item pages instead.
    await expectFrame(page, url, { pagefindBody: false });
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`共${count}项`);
    await expect(page.locator('main table tbody tr')).toHaveCount(count);
    await expect(page.locator('main table thead th')).not.toContainText([omitted]);
  });
}

test('browse by department: a group lists every spelling it groups, each spelling keeps its own page and links to the group', async ({ page }) => {
  for (const g of GROUPING) {
    const members = ITEMS.filter((i) => i.department !== null && g.aliases.includes(i.department));
    expect(members.length).toBeGreaterThan(0);
    await page.goto(paths.department(g.name));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`共${members.length}项`);
    await expect(page.locator('main table tbody th a')).toHaveText(members.map((i) => i.name));
    for (const alias of g.aliases) {
      const own = ITEMS.filter((i) => i.department === alias);
      await page.goto(paths.department(alias));
      await expect(page.getByRole('heading', { level: 1 })).toContainText(`共${own.length}项`);
      await expect(page.getByRole('main').getByRole('link', { name: new RegExp(g.name) })).toHaveAttribute('href', paths.department(g.name));
    }
  }
  await page.goto('/departments/');
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(DEPARTMENT_GROUPS.length);
});

test('/items/ and 404: lists and tools carry no Pagefind body', async ({ page }) => {
  await page.goto(paths.items());
  await expectFrame(page, paths.items(), { pagefindBody: false });
  await expect(page.locator('main table tbody tr')).toHaveCount(ITEMS.length);
  const res = await page.goto('/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面未找到');
  await expect(page.getByRole('main').getByRole('link', { name: '返回首页' })).toHaveAttribute('href', '/');
});
