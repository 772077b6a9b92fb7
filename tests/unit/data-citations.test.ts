/**
 * Citations both ways (src/lib/citations.ts). Recognition is held to the sources: every 发文字号 and every
 * 《》 title printed in content/sources/*.txt is found (none missed), and nothing else is (none invented); the
 * notices' own 发文字号 and the Jinan plan's own title are the documents themselves, not citations.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { citationIndex, citationLabel, citationPages, citationPath, citationSegments, citedByList, mentionsInText } from '../../src/lib/citations.ts';
import { loadItemEntries } from '../fixtures/items.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(ROOT, 'content');

const NOTICES = readdirSync(join(CONTENT, 'notices'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const fm = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(CONTENT, 'notices', f), 'utf8'))![1]!) as {
      title: string;
      docNumber: string;
      signedDate: string;
      planTitle?: string;
      cites?: { docNumber: string; title: string }[];
    };
    return { id: f.replace(/\.mdx$/, ''), ...fm, cites: fm.cites ?? [] };
  });
const ITEMS = loadItemEntries(join(CONTENT, 'tables'));
const INDEX = citationIndex(NOTICES, ITEMS);

/** The sources, read without the code under test: lines joined (the Jinan text breaks lines mid-title). */
function sourceDocuments() {
  const numbers = new Set<string>();
  const titles = new Map<string, string | undefined>();
  for (const f of readdirSync(join(CONTENT, 'sources'))) {
    const raw = readFileSync(join(CONTENT, 'sources', f), 'utf8');
    // Titles may break across lines (the Jinan text is laid out as printed): lines joined.
    const text = raw.replace(/[\t ]*\r?\n[\t ]*/g, '');
    for (const m of text.matchAll(/《([^《》]+)》(?:（([^（）]+号)）)?/g)) titles.set(m[1]!, m[2] ?? titles.get(m[1]!));
    // A 发文字号, line by line: Han characters, 〔year〕, serial, 号 (the Jinan source prints “40 号” with a space).
    for (const line of raw.split('\n')) {
      for (const m of line.matchAll(/([\u4e00-\u9fff]+)〔(\d{4})〕\s*(\d+)\s*号/g)) numbers.add(`${m[1]}〔${m[2]}〕${m[3]}号`);
    }
  }
  return { numbers, titles };
}

describe('recognition against the seeds', () => {
  const { numbers, titles } = sourceDocuments();
  const own = new Set(NOTICES.flatMap((n) => [n.docNumber, n.title, ...(n.planTitle ? [n.planTitle] : [])]));
  // Sanity: the sources print 7 发文字号 and 15 《》 titles (2 of them the seeds' own).
  it('the sources print 7 发文字号 and 15 titles', () => {
    expect(numbers.size).toBe(7);
    expect(titles.size).toBe(15);
  });

  it('every cited 发文字号 and title has a document, and no document is invented', () => {
    const expected = new Set<string>();
    for (const n of numbers) if (!own.has(n)) expected.add(n);
    for (const [title, number] of titles) if (!own.has(title)) expected.add(number ?? title);
    expect(expected.size).toBe(14);
    expect(new Set(INDEX.documents.map((d) => d.key))).toEqual(expected);
    for (const d of INDEX.documents) {
      if (d.title) expect(titles.has(d.title), d.title).toBe(true);
      if (d.docNumber) expect(numbers.has(d.docNumber), d.docNumber).toBe(true);
      // A numbered document cited with its title somewhere carries both.
      if (d.docNumber && [...titles.values()].includes(d.docNumber)) expect(d.title).toBeDefined();
    }
  });

  it('each item cites exactly the documents its 依据 and 监管措施 cells print', () => {
    for (const item of ITEMS) {
      const text = JSON.stringify([item.basis ?? null, item.measures ?? null]);
      const expected = new Set<string>();
      for (const m of text.matchAll(/《([^《》]+)》(?:（([^（）]+号)）)?/g)) expected.add(m[2] ?? [...titles].find(([t]) => t === m[1])?.[1] ?? m[1]!);
      expect(new Set(INDEX.byItem.get(item.id)), item.id).toEqual(expected);
    }
  });

  it('国发〔2020〕13号 is cited by the Jiaxiang notice and by items 1-2 and 1-18', () => {
    const d = INDEX.byKey.get('国发〔2020〕13号')!;
    expect(d.title).toBe('国务院关于取消和下放一批行政许可事项的决定');
    expect(d.notices).toEqual(['jiaxiang-2021-2']);
    expect(d.items.map((i) => i.id)).toEqual(['jiaxiang-2021-2-a1-02', 'jiaxiang-2021-2-a1-18']);
    expect(d.items[0]!.headers).toEqual(['取消依据']);
    expect(citationLabel(d)).toBe('《国务院关于取消和下放一批行政许可事项的决定》（国发〔2020〕13号）');
  });

  it('each notice cites what its frontmatter lists', () => {
    for (const n of NOTICES) expect(INDEX.byNotice.get(n.id)).toEqual(n.cites.map((c) => c.docNumber));
  });
});

describe('mentionsInText', () => {
  it('pairs, bare 发文字号, bare titles, each once, in order', () => {
    expect(mentionsInText('根据《甲法》（国发〔2020〕13号）和鲁政发〔2021〕1号，依照《乙条例》；又见《甲法》（国发〔2020〕13号）。')).toEqual([
      { title: '甲法', docNumber: '国发〔2020〕13号' },
      { docNumber: '鲁政发〔2021〕1号' },
      { title: '乙条例' },
    ]);
  });
  it('nothing in text without a citation', () => {
    expect(mentionsInText('通过“双随机、一公开”监管等方式加强监管。2021年第1号')).toEqual([]);
  });
});

describe('citationIndex across notices', () => {
  const a = { id: 'a', docNumber: '嘉政发〔2021〕2号', title: '甲通知', signedDate: '2021-02-20', cites: [] };
  const b = { id: 'b', docNumber: '嘉政发〔2022〕1号', title: '乙通知', signedDate: '2022-01-01', cites: [{ docNumber: '嘉政发〔2021〕2号', title: '甲通知' }] };
  const cell = (text: string) => ({ key: 'basis', role: 'basis' as const, header: '设定依据', value: [text] });
  const items = [
    { id: 'b-a1-01', notice: 'b', name: 'x', tableNumber: 1, seq: 1, cells: [cell('《甲通知》取消。')] },
    { id: 'a-a1-01', notice: 'a', name: 'y', tableNumber: 1, seq: 1, cells: [cell('见嘉政发〔2021〕2号')] },
  ];
  const index = citationIndex([a, b], items);
  it('a cited document on the site is its notice, found by 发文字号 or by title', () => {
    const d = index.byKey.get('嘉政发〔2021〕2号')!;
    expect(d.onSite).toBe('a');
    expect(d.notices).toEqual(['b']);
    expect(d.items.map((i) => i.id)).toEqual(['b-a1-01']);
    // Looked up from its notice (its page's 「被以下文件引用」); a notice nothing cites has none.
    expect(index.byOnSite.get('a')).toBe(d);
    expect(index.byOnSite.has('b')).toBe(false);
  });
  it('a notice and its own items do not cite the notice itself', () => {
    expect(index.byItem.get('a-a1-01')).toEqual([]);
  });
  it('URLs are the 发文字号 or title, percent-encoded', () => {
    expect(citationPath('国发〔2020〕13号')).toBe(`/citations/${encodeURIComponent('国发〔2020〕13号')}/`);
    expect(decodeURIComponent(citationPath('山东省测绘管理条例'))).toBe('/citations/山东省测绘管理条例/');
    expect(decodeURIComponent(citationPath('甲/乙'))).toBe('/citations/甲／乙/');
  });
});

describe('citationSegments: the cited text links to its page', () => {
  it('a 《title》（号） mention, a bare title and a bare 发文字号 become links; the rest stays text', () => {
    const item = ITEMS.find((i) => i.id === 'jiaxiang-2021-2-a1-02')!;
    expect(citationSegments(item.basis![0]!, INDEX)).toEqual([
      { text: '《国务院关于取消和下放一批行政许可事项的决定》（国发〔2020〕13号）', path: citationPath('国发〔2020〕13号') },
      { text: '取消该事项。' },
    ]);
    expect(citationSegments('原设定依据为《山东省测绘管理条例》，另见国发〔2020〕13号。', INDEX)).toEqual([
      { text: '原设定依据为' },
      { text: '《山东省测绘管理条例》', path: citationPath('山东省测绘管理条例') },
      { text: '，另见' },
      { text: '国发〔2020〕13号', path: citationPath('国发〔2020〕13号') },
      { text: '。' },
    ]);
    expect(citationSegments('没有引用。', INDEX)).toEqual([{ text: '没有引用。' }]);
  });
  it('a document on this site links to its notice page', () => {
    const index = citationIndex(
      [
        { id: 'a', docNumber: '嘉政发〔2021〕2号', title: '甲通知', signedDate: '2021-02-20', cites: [] },
        { id: 'b', docNumber: '嘉政发〔2022〕1号', title: '乙通知', signedDate: '2022-01-01', cites: [{ docNumber: '嘉政发〔2021〕2号', title: '甲通知' }] },
      ],
      [],
    );
    expect(citationSegments('根据《甲通知》（嘉政发〔2021〕2号）', index)).toEqual([{ text: '根据' }, { text: '《甲通知》（嘉政发〔2021〕2号）', path: '/notices/a/' }]);
  });
});

describe('citationPages: a document cited by more items than a page holds', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `x-2021-1-a1-${String(i + 1).padStart(3, '0')}`, headers: ['依据'] }));

  it('250 citing items, 100 a page: three pages of 100, 100 and 50, in order; the notices on the first only', () => {
    const pages = citationPages({ notices: ['a-2021-1', 'b-2022-3'], items: items(250) }, 100);
    expect(pages.map((p) => [p.current, p.last, p.start, p.items.length])).toEqual([
      [1, 3, 0, 100],
      [2, 3, 100, 100],
      [3, 3, 200, 50],
    ]);
    expect(pages[1]!.items[0]!.id).toBe('x-2021-1-a1-101');
    expect(pages[2]!.items.at(-1)!.id).toBe('x-2021-1-a1-250');
    expect(pages.map((p) => p.notices)).toEqual([['a-2021-1', 'b-2022-3'], [], []]);
  });

  it('one page when the items fit, or when only notices cite the document', () => {
    expect(citationPages({ notices: [], items: items(100) }, 100).map((p) => [p.current, p.last, p.items.length])).toEqual([[1, 1, 100]]);
    expect(citationPages({ notices: ['a-2021-1'], items: [] }, 100)).toEqual([{ current: 1, last: 1, items: [], start: 0, notices: ['a-2021-1'] }]);
  });
});

describe('citedByList: 「被以下文件引用」 on a cited notice’s page', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `x-2021-1-a1-${String(i + 1).padStart(2, '0')}`, headers: ['依据'] }));
  const notices = (n: number) => Array.from({ length: n }, (_, i) => `n-2022-${i + 1}`);

  it('twelve citing items and twelve notices: all of them, nothing left out', () => {
    const list = citedByList({ notices: notices(12), items: items(12) });
    expect(list.notices).toHaveLength(12);
    expect(list.items.map((i) => i.id)).toEqual(items(12).map((i) => i.id));
    expect(list.shortened).toBe(false);
  });

  it('thirteen citing items: the first ten, in order, and marked shortened (the page links to the whole list)', () => {
    const list = citedByList({ notices: notices(2), items: items(13) });
    expect(list.items.map((i) => i.id)).toEqual(items(10).map((i) => i.id));
    expect(list.notices).toEqual(notices(2));
    expect(list.shortened).toBe(true);
  });

  it('thirteen citing notices: the first ten', () => {
    const list = citedByList({ notices: notices(13), items: [] });
    expect(list.notices).toEqual(notices(10));
    expect(list.shortened).toBe(true);
  });
});
