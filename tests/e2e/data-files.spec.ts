/**
 * The open data round-trips (issue 13): every download is read back from the served site and compared field by
 * field with the content files — each attachment table as CSV and XLSX, /data/items.json, /data/items.csv,
 * /data/notices.json, /items/{id}.json (36/36 items, every cell) — every JSON file validates against the
 * published JSON Schemas, and every feed is valid Atom whose ids and dates come from the content.
 * Expected values are computed here from content/ (raw JSON and frontmatter), not by the code under test.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import readXlsxFile from 'read-excel-file/node';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ITEM_TYPES, attachmentLabel } from '../../src/domain/glossary.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(ROOT, 'content');
/** content/site.json: the terms of reuse (dataTerms) the data files and feeds carry, and who runs the site. */
const SITE_FILE = JSON.parse(readFileSync(join(CONTENT, 'site.json'), 'utf8')) as { name: string; organiser?: string; dataTerms?: string };

interface RawColumn {
  key: string;
  role?: string;
  header: string;
}
interface RawTable {
  notice: string;
  number: number;
  title: string;
  itemType?: string;
  printedHeader: string[];
  columns: RawColumn[];
  rows: Record<string, unknown>[];
}
const TABLES: RawTable[] = readdirSync(join(CONTENT, 'tables'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(CONTENT, 'tables', f), 'utf8')) as RawTable)
  .sort((a, b) => a.notice.localeCompare(b.notice) || a.number - b.number);
const NOTICES = readdirSync(join(CONTENT, 'notices'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({
    id: f.replace(/\.mdx$/, ''),
    data: parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(CONTENT, 'notices', f), 'utf8'))![1]!) as Record<string, unknown> & {
      title: string;
      docNumber: string;
      issuer: string;
      signedDate: string;
      addressees: string[];
      cites?: { docNumber: string; title: string }[];
      attachments?: { number: number; title: string }[];
    },
  }));
const noticeOf = (id: string) => NOTICES.find((n) => n.id === id)!;
const roleOf = (c: RawColumn) => c.role ?? c.key;
const idOf = (t: RawTable, seq: number) => `${t.notice}-a${t.number}-${String(seq).padStart(2, '0')}`;
const ROWS = TABLES.flatMap((t) => t.rows.map((row) => ({ t, row, id: idOf(t, row.seq as number) })));

/** A cell as text, written independently: 事项类型 label, 依据 a paragraph a line, 监管措施 lead + “1. …” lines. */
function expectedText(role: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (role === 'type') return ITEM_TYPES[value as keyof typeof ITEM_TYPES];
  if (role === 'basis') return (value as string[]).join('\n');
  if (role === 'measures') {
    const m = value as { lead?: string; steps: string[] };
    return [...(m.lead ? [m.lead] : []), ...m.steps.map((s, i) => `${i + 1}. ${s}`)].join('\n');
  }
  return String(value);
}

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

async function get(request: APIRequestContext, path: string) {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return res;
}

test('the content has 36 items in 5 tables', () => {
  expect(ROWS).toHaveLength(36);
  expect(TABLES).toHaveLength(5);
});

for (const t of TABLES) {
  const label = `${t.notice} ${attachmentLabel(t.number)}`;
  test(`${label} as CSV: UTF-8 with BOM, the printed header, one row per item, every cell`, async ({ request }) => {
    const res = await get(request, `/notices/${t.notice}/attachments/${t.number}.csv`);
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(t.printedHeader);
    expect(rows).toHaveLength(t.rows.length + 1);
    t.rows.forEach((row, i) => {
      expect(rows[i + 1], `row ${i + 1}`).toEqual(t.columns.map((c) => expectedText(roleOf(c), row[c.key])));
    });
  });

  test(`${label} as XLSX: sheet ${attachmentLabel(t.number)}, the printed header, one row per item, every cell`, async ({ request }) => {
    const res = await get(request, `/notices/${t.notice}/attachments/${t.number}.xlsx`);
    const sheets = await readXlsxFile(await res.body());
    expect(sheets.map((s) => s.sheet)).toEqual([attachmentLabel(t.number)]);
    const data = sheets[0]!.data;
    expect(data[0]).toEqual(t.printedHeader);
    expect(data).toHaveLength(t.rows.length + 1);
    t.rows.forEach((row, i) => {
      const expected = t.columns.map((c) => (roleOf(c) === 'seq' ? row[c.key] : expectedText(roleOf(c), row[c.key]) || null));
      expect(data[i + 1], `row ${i + 1}`).toEqual(expected);
    });
  });
}

test('/data/items.json: 36 items, each with every printed cell, its notice and table as in the content', async ({ request }) => {
  const file = (await (await get(request, '/data/items.json')).json()) as { count: number; items: Record<string, any>[]; licence: string };
  expect(file.count).toBe(36);
  expect(file.items).toHaveLength(36);
  expect(file.licence).toBe(SITE_FILE.dataTerms);
  for (const { t, row, id } of ROWS) {
    const r = file.items.find((x) => x.id === id)!;
    expect(r, id).toBeDefined();
    const n = noticeOf(t.notice).data;
    expect(r.seq).toBe(row.seq);
    expect(r.name).toBe(row.name);
    expect(r.notice).toMatchObject({ id: t.notice, docNumber: n.docNumber, title: n.title, issuer: n.issuer, signedDate: n.signedDate });
    expect(r.table).toMatchObject({ number: t.number, title: t.title });
    expect(new URL(r.url).pathname).toBe(`/items/${id}/`);
    expect(new URL(r.json).pathname).toBe(`/items/${id}.json`);
    const typeColumn = t.columns.find((c) => roleOf(c) === 'type');
    expect(r.type).toBe(typeColumn ? (row[typeColumn.key] ?? null) : (t.itemType ?? null));
    expect(r.cells).toEqual(t.columns.map((c) => ({ key: c.key, role: roleOf(c), header: c.header, value: row[c.key] ?? null, text: expectedText(roleOf(c), row[c.key]) })));
    const dept = t.columns.find((c) => roleOf(c) === 'department');
    expect(r.department).toBe(dept ? (row[dept.key] ?? null) : null);
    expect(r.validity).toBe((n.validity as unknown) ?? null);
  }
});

test('/items/{id}.json beside each item page: the same record as in /data/items.json', async ({ request }) => {
  const all = (await (await get(request, '/data/items.json')).json()) as { items: { id: string }[] };
  for (const { id } of ROWS) {
    const one = (await (await get(request, `/items/${id}.json`)).json()) as Record<string, unknown>;
    const { $schema, ...record } = one;
    expect(String($schema)).toMatch(/\/data\/schema\/item\.json$/);
    expect(record).toEqual(all.items.find((x) => x.id === id));
  }
  // The page's URL is untouched by the file beside it.
  expect((await request.get(`/items/${ROWS[0]!.id}/`)).headers()['content-type']).toContain('text/html');
});

test('/data/items.csv: one row per item with its 发文字号, 序号, name, 依据 and measures', async ({ request }) => {
  const bytes = await (await get(request, '/data/items.csv')).body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
  expect(rows).toHaveLength(36);
  const col = (name: string) => header!.indexOf(name);
  for (const name of ['编号', '发文字号', '附件', '序号', '事项名称', '事项类型', '依据', '加强事中事后监管措施', '备注']) expect(col(name), name).toBeGreaterThanOrEqual(0);
  for (const { t, row, id } of ROWS) {
    const r = rows.find((x) => x[col('编号')] === id)!;
    expect(r, id).toBeDefined();
    const byRole = (role: string) => t.columns.filter((c) => roleOf(c) === role).map((c) => expectedText(role, row[c.key])).join('\n');
    expect(r[col('发文字号')]).toBe(noticeOf(t.notice).data.docNumber);
    expect(r[col('附件')]).toBe(String(t.number));
    expect(r[col('序号')]).toBe(String(row.seq));
    expect(r[col('事项名称')]).toBe(row.name);
    expect(r[col('依据')]).toBe(byRole('basis'));
    expect(r[col('加强事中事后监管措施')]).toBe(byRole('measures'));
    expect(r[col('备注')]).toBe(byRole('remark'));
  }
});

test('/data/notices.json: every notice with its metadata, citations and attachments (with item counts)', async ({ request }) => {
  const file = (await (await get(request, '/data/notices.json')).json()) as { count: number; notices: Record<string, any>[] };
  expect(file.count).toBe(NOTICES.length);
  for (const n of NOTICES) {
    const r = file.notices.find((x) => x.id === n.id)!;
    for (const k of ['title', 'docNumber', 'issuer', 'addressees', 'signedDate', 'disclosure', 'planTitle', 'letterhead'] as const) expect(r[k], k).toEqual(n.data[k]);
    expect(r.cites.map((c: { docNumber: string; title: string }) => ({ docNumber: c.docNumber, title: c.title }))).toEqual(n.data.cites ?? []);
    expect(r.attachments.map((a: { number: number; title: string; itemCount: number }) => [a.number, a.title, a.itemCount])).toEqual(
      (n.data.attachments ?? []).map((a) => [a.number, a.title, TABLES.find((t) => t.notice === n.id && t.number === a.number)!.rows.length]),
    );
    expect(r.itemCount).toBe(TABLES.filter((t) => t.notice === n.id).reduce((s, t) => s + t.rows.length, 0));
  }
});

test('every published JSON file validates against the published JSON Schemas (and a broken record does not)', async ({ request }) => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const schema = async (name: string) => ajv.compile((await (await get(request, `/data/schema/${name}.json`)).json()) as object);
  const [items, notices, item] = [await schema('items'), await schema('notices'), await schema('item')];
  const itemsFile = (await (await get(request, '/data/items.json')).json()) as { items: Record<string, unknown>[] };
  expect(items(itemsFile), JSON.stringify(items.errors)).toBe(true);
  expect(notices(await (await get(request, '/data/notices.json')).json()), JSON.stringify(notices.errors)).toBe(true);
  for (const { id } of ROWS) {
    const one = await (await get(request, `/items/${id}.json`)).json();
    expect(item(one), `${id}: ${JSON.stringify(item.errors)}`).toBe(true);
  }
  const broken = { ...itemsFile.items[0], type: 'permit' };
  expect(item(broken)).toBe(false);
  const cells = itemsFile.items[0]!.cells as { role: string }[];
  expect(item({ ...itemsFile.items[0], cells: cells.map((c) => (c.role === 'seq' ? { ...c, value: 'one' } : c)) })).toBe(false);
});

// ── Feeds ────────────────────────────────────────────────────────────────────────────────────────────

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) });
type Link = { '@rel': string; '@href': string; '@type'?: string };
type Entry = { id: string; title: string; updated: string; published: string; link: Link[]; summary: string; author: { name: string } };
type AtomFeed = { feed: { id: string; title: string; updated: string; link: Link[]; author: { name: string }; entry?: Entry[] } };

async function readFeed(request: APIRequestContext, path: string): Promise<AtomFeed['feed']> {
  const res = await get(request, path);
  const xml = await res.text();
  expect(XMLValidator.validate(xml), path).toBe(true);
  const doc = parser.parse(xml) as AtomFeed;
  expect(doc.feed, path).toBeDefined();
  return doc.feed;
}

/** The list pages and their item ids, read from the built site's sitemap and pages. */
async function listPages(request: APIRequestContext): Promise<string[]> {
  const index = await (await get(request, '/sitemap-index.xml')).text();
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const urls: string[] = [];
  for (const m of maps) urls.push(...[...(await (await get(request, m)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => new URL(x[1]!).pathname));
  return urls.filter((u) => /^\/(types|departments|changes)\/[^/]+\/$/.test(u));
}

test('every browse list has a valid Atom feed, linked from its page, with its items; ids and dates from the content', async ({ request }) => {
  const lists = await listPages(request);
  expect(lists.length).toBeGreaterThan(10);
  const signed = new Map(ROWS.map(({ t, id }) => [id, noticeOf(t.notice).data.signedDate]));
  for (const list of lists) {
    const html = await (await get(request, list)).text();
    const alt = /<link rel="alternate" type="application\/atom\+xml" href="([^"]+)"/.exec(html);
    expect(alt, `${list} has no feed link in <head>`).not.toBeNull();
    const feedPath = alt![1]!;
    expect(decodeURI(feedPath)).toBe(`${decodeURI(list)}feed.xml`);
    expect(html, `${list}: visible feed link`).toContain(`href="${feedPath}" type="application/atom+xml"`);
    const feed = await readFeed(request, feedPath);
    expect(feed.id).toMatch(/^tag:[^,]+,2021:\//);
    expect(decodeURI(feed.id.replace(/^tag:[^:]+:/, ''))).toBe(decodeURI(feedPath));
    expect(new URL(feed.link.find((l) => l['@rel'] === 'self')!['@href']).pathname).toBe(feedPath);
    expect(new URL(feed.link.find((l) => l['@rel'] === 'alternate')!['@href']).pathname).toBe(list);
    expect(feed.author.name).toBeTruthy();
    // The same items as the page lists.
    const onPage = [...new Set([...html.matchAll(/href="\/items\/([^/"]+)\/"/g)].map((m) => m[1]!))].sort();
    const entries = feed.entry ?? [];
    const ids = entries.map((e) => new URL(e.link[0]!['@href']).pathname.replace(/^\/items\/|\/$/g, ''));
    expect([...ids].sort(), list).toEqual(onPage);
    for (const e of entries) {
      const id = new URL(e.link[0]!['@href']).pathname.replace(/^\/items\/|\/$/g, '');
      const date = signed.get(id)!;
      expect(e.id).toMatch(new RegExp(`^tag:[^,]+,${date}:/items/${id}/$`));
      expect(e.published).toBe(`${date}T00:00:00+08:00`);
      expect(e.updated).toBe(`${date}T00:00:00+08:00`);
      expect(e.title).toBe(ROWS.find((r) => r.id === id)!.row.name);
    }
    expect(feed.updated).toBe(`${[...ids.map((i) => signed.get(i)!)].sort().at(-1)}T00:00:00+08:00`);
  }
});

test('the all-items feed: every item, linked from /items/, valid Atom; ids, dates and the site name from the content', async ({ request }) => {
  const html = await (await get(request, '/items/')).text();
  expect(html).toContain('<link rel="alternate" type="application/atom+xml" href="/items/feed.xml"');
  expect(html).toContain('href="/items/feed.xml" type="application/atom+xml"');
  const feed = await readFeed(request, '/items/feed.xml');
  expect(feed.id).toMatch(/^tag:[^,]+,2021:\/items\/feed\.xml$/);
  expect(new URL(feed.link.find((l) => l['@rel'] === 'self')!['@href']).pathname).toBe('/items/feed.xml');
  expect(new URL(feed.link.find((l) => l['@rel'] === 'alternate')!['@href']).pathname).toBe('/items/');
  expect(feed.title).toBe(`全部事项 - ${SITE_FILE.name}`);
  expect(feed.author.name).toBe(SITE_FILE.organiser || SITE_FILE.name);
  const entries = feed.entry ?? [];
  const ids = entries.map((e) => new URL(e.link[0]!['@href']).pathname.replace(/^\/items\/|\/$/g, ''));
  expect([...ids].sort()).toEqual(ROWS.map((r) => r.id).sort());
  const dates = ids.map((id) => noticeOf(ROWS.find((r) => r.id === id)!.t.notice).data.signedDate);
  expect(dates, 'newest notice first').toEqual([...dates].sort().reverse());
  for (const [i, e] of entries.entries()) {
    const row = ROWS.find((r) => r.id === ids[i])!;
    expect(e.id).toBe(`${feed.id.replace(/,2021:.*$/, '')},${dates[i]}:/items/${row.id}/`);
    expect(e.published).toBe(`${dates[i]}T00:00:00+08:00`);
    expect(e.title).toBe(row.row.name);
  }
  expect(feed.updated).toBe(`${[...dates].sort().at(-1)}T00:00:00+08:00`);
});

test('the new-notices feed: every notice, newest first, dated by its 成文日期', async ({ request }) => {
  const html = await (await get(request, '/notices/')).text();
  expect(html).toContain('<link rel="alternate" type="application/atom+xml" href="/notices/feed.xml"');
  const feed = await readFeed(request, '/notices/feed.xml');
  const expected = [...NOTICES].sort((a, b) => b.data.signedDate.localeCompare(a.data.signedDate));
  expect((feed.entry ?? []).map((e) => e.title)).toEqual(expected.map((n) => n.data.title));
  for (const [i, e] of (feed.entry ?? []).entries()) {
    const n = expected[i]!;
    expect(e.id).toMatch(new RegExp(`^tag:[^,]+,${n.data.signedDate}:/notices/${n.id}/$`));
    expect(e.updated).toBe(`${n.data.signedDate}T00:00:00+08:00`);
    expect(e.author.name).toBe(n.data.issuer);
  }
  expect(feed.updated).toBe(`${expected[0]!.data.signedDate}T00:00:00+08:00`);
});
