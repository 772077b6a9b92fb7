import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  changeGroupCounts,
  departmentCounts,
  itemsOfTable,
  latestNotices,
  neighbourhood,
  pagePath,
  pageWindow,
  departmentGrouping,
  sortBySource,
  sourceSortKey,
  typeCounts,
  type ItemLike,
} from '../../src/lib/browse.ts';
import { loadItemEntries } from '../fixtures/items.ts';
import { planToc } from '../../src/lib/toc.ts';
import { nextDirection, sortOrder } from '../../src/scripts/sort.ts';
import { canonicalUrl, describe as describeText, pageTitle, printUrl } from '../../src/lib/page.ts';

/** The real seed items, shaped like collection entries. */
const ITEMS: ItemLike[] = loadItemEntries(join(import.meta.dirname, '..', '..', 'content', 'tables')).map((r) => ({
  id: r.id,
  data: { ...r, notice: { id: r.notice } },
}));

function item(id: string, over: Partial<ItemLike['data']> = {}): ItemLike {
  return {
    id,
    data: { notice: { id: 'n' }, tableNumber: 1, seq: 1, name: id, type: 'license', department: '甲部门', receiver: null, changeGroup: 'cancelled', ...over },
  };
}

describe('counts for the ways in', () => {
  it('counts 事项类型 in glossary order, leaving out types without items', () => {
    expect(typeCounts(ITEMS).map((c) => [c.key, c.label, c.count])).toEqual([
      ['license', '行政许可', 19],
      ['penalty', '行政处罚', 14],
      ['inspection', '行政检查', 1],
      ['other', '其他行政权力', 2],
    ]);
  });
  it('counts kinds of change, 改为备案 apart from plain 取消', () => {
    expect(changeGroupCounts(ITEMS).map((c) => [c.key, c.count])).toEqual([
      ['cancelled', 17],
      ['cancelled-to-filing', 1],
      ['cancelled-above', 11],
      ['taken-over-above', 7],
    ]);
  });
  it('counts a department and a receiving department, each grouped by content/departments.json', () => {
    const a = item('a', { department: '县农业农村局', receiver: '乡镇人民政府' });
    const b = item('b', { department: '县农业农村部门' });
    const groupOf = departmentGrouping([{ name: '农业农村部门', aliases: ['县农业农村局', '县农业农村部门'] }]);
    expect(departmentCounts([a, b]).map((c) => [c.key, c.count])).toEqual([
      ['县农业农村部门', 1],
      ['县农业农村局', 1],
      ['乡镇人民政府', 1],
    ]);
    expect(departmentCounts([a, b], groupOf).map((c) => [c.key, c.count])).toEqual([
      ['农业农村部门', 2],
      ['乡镇人民政府', 1],
    ]);
  });
  it('counts departments as printed, most items first, and the counts add up', () => {
    const counts = departmentCounts(ITEMS);
    expect(counts[0]).toEqual({ key: '市、县级自然资源管理部门', label: '市、县级自然资源管理部门', count: 7 });
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(36);
    expect(new Set(counts.map((c) => c.key)).size).toBe(counts.length);
    for (let i = 1; i < counts.length; i++) expect(counts[i - 1]!.count).toBeGreaterThanOrEqual(counts[i]!.count);
  });
});

describe('order', () => {
  it('sorts by notice, 附件 and 序号 numerically (附件10 after 附件2)', () => {
    const a = item('a', { tableNumber: 10, seq: 1 });
    const b = item('b', { tableNumber: 2, seq: 11 });
    const c = item('c', { tableNumber: 2, seq: 2 });
    expect(sortBySource([a, b, c]).map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect([a, b, c].map(sourceSortKey).sort()).toEqual([c, b, a].map(sourceSortKey));
  });
  it('puts the newest notice first', () => {
    const old = { id: 'old', data: { signedDate: '2021-02-20', title: '乙' } };
    const recent = { id: 'new', data: { signedDate: '2021-12-31', title: '甲' } };
    expect(latestNotices([old, recent]).map((n) => n.id)).toEqual(['new', 'old']);
    expect(latestNotices([old, recent], 1).map((n) => n.id)).toEqual(['new']);
  });
  it('lists one table in published order', () => {
    expect(itemsOfTable(ITEMS, 'jiaxiang-2021-2', 4).map((i) => i.id)).toEqual([
      'jiaxiang-2021-2-a4-01',
      'jiaxiang-2021-2-a4-02',
      'jiaxiang-2021-2-a4-03',
    ]);
  });
});

describe('previous and next row', () => {
  const all = neighbourhood(ITEMS);
  it('crosses from the last row of one attachment to the first of the next', () => {
    const { prev, next } = all.get('jiaxiang-2021-2-a1-18')!;
    expect(prev?.id).toBe('jiaxiang-2021-2-a1-17');
    expect(next?.id).toBe('jiaxiang-2021-2-a2-01');
  });
  it('has no previous row at the start and no next row at the end', () => {
    expect(all.get('jiaxiang-2021-2-a1-01')!.prev).toBeUndefined();
    expect(all.get('jiaxiang-2021-2-a5-04')!.next).toBeUndefined();
  });
  it('stays within one notice', () => {
    const other = item('x-a1-01', { notice: { id: 'x' } });
    const n = neighbourhood([...ITEMS, other]).get('x-a1-01')!;
    expect([n.prev, n.next]).toEqual([undefined, undefined]);
  });
});

describe('related items', () => {
  it('ranks same department and type first, then department, then type, never itself', () => {
    const me = item('me', { department: 'D', type: 'penalty' });
    const both = item('both', { department: 'D', type: 'penalty', seq: 9 });
    const dept = item('dept', { department: 'D', type: 'license', seq: 2 });
    const type = item('type', { department: 'E', type: 'penalty', seq: 1 });
    const none = item('none', { department: 'E', type: 'license' });
    const related = neighbourhood([type, none, dept, me, both]).get('me')!.related;
    expect(related.map((r) => r.item.id)).toEqual(['both', 'dept', 'type']);
    expect(related[0]).toMatchObject({ sameDepartment: true, sameType: true });
    expect(related[2]).toMatchObject({ sameDepartment: false, sameType: true });
  });
  it('keeps to the limit, and every seed item is related only by a shared department or type', () => {
    const me = ITEMS.find((i) => i.id === 'jiaxiang-2021-2-a1-03')!;
    const related = neighbourhood(ITEMS, 4).get(me.id)!.related;
    expect(related).toHaveLength(4);
    expect(related.every((r) => r.item.data.department === me.data.department)).toBe(true);
    for (const [id, n] of neighbourhood(ITEMS)) {
      const self = ITEMS.find((i) => i.id === id)!;
      for (const r of n.related) {
        expect(r.item.id).not.toBe(id);
        expect(r.sameDepartment || r.sameType).toBe(true);
        expect(r.sameDepartment).toBe(r.item.data.department === self.data.department);
        expect(r.sameType).toBe(r.item.data.type === self.data.type);
      }
    }
  });
  it('relates no item by a department or 事项类型 its source does not give', () => {
    const me = item('me', { department: null, type: null });
    const other = item('other', { department: null, type: null, seq: 2 });
    expect(neighbourhood([me, other]).get('me')!.related).toEqual([]);
  });
});

describe('neighbourhood, all items at once', () => {
  it('agrees on a mixed case too, and stays within one notice for previous/next', () => {
    const list = [
      item('me', { department: 'D', type: 'penalty', seq: 5 }),
      item('both', { department: 'D', type: 'penalty', seq: 9 }),
      item('dept', { department: 'D', type: 'license', seq: 2 }),
      item('type', { department: 'E', type: 'penalty', seq: 1 }),
      item('other', { notice: { id: 'z' }, department: 'E', type: 'license', seq: 1 }),
    ];
    const all = neighbourhood(list, 2);
    expect(all.get('me')!.related.map((r) => r.item.id)).toEqual(['both', 'dept']);
    expect(all.get('both')!.next).toBeUndefined();
    expect(all.get('other')!.prev).toBeUndefined();
  });
});

describe('paging', () => {
  it('keeps page 1 at the list URL and numbers the rest', () => {
    expect(pagePath('/types/license/', 1)).toBe('/types/license/');
    expect(pagePath('/types/license/', 2)).toBe('/types/license/2/');
    expect(pagePath('/items', 3)).toBe('/items/3/');
  });
  it('shows the ends and the pages near the current one, with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, null, 10]);
  });
});

describe('plan table of contents', () => {
  const headings = [
    { depth: 3, slug: 'a', text: '一、总体要求' },
    { depth: 4, slug: 'a1', text: '（一）工作目标' },
    { depth: 3, slug: 'b', text: '二、主要任务' },
    { depth: 3, slug: 'c', text: '三、保障措施' },
  ];
  const tasks = [
    { number: 1, title: '厘清监管事权', role: 'responsible' as const, departments: '甲' },
    { number: 2, title: '强化清单管理', role: 'lead' as const, departments: '乙' },
  ];
  const label = (t: { number: number; title: string }) => `${t.number}${t.title}`;
  const note = (t: { departments: string }) => t.departments;
  it('nests sub-headings and puts the tasks under 主要任务, each linking to #task-N', () => {
    const toc = planToc(headings, tasks, label, note, '任务');
    expect(toc.map((e) => e.href)).toEqual(['#a', '#b', '#c']);
    expect(toc[0]!.children.map((c) => c.label)).toEqual(['（一）工作目标']);
    expect(toc[1]!.children).toEqual([
      { href: '#task-1', label: '1厘清监管事权', note: '甲', children: [] },
      { href: '#task-2', label: '2强化清单管理', note: '乙', children: [] },
    ]);
  });
  it('lists tasks as their own group when no heading names them', () => {
    const toc = planToc(headings.filter((h) => h.slug !== 'b'), tasks, label, note, '任务');
    expect(toc.at(-1)).toMatchObject({ label: '任务', href: '#task-1' });
    expect(toc.at(-1)!.children).toHaveLength(2);
  });
});

describe('table sorting', () => {
  it('sorts Chinese by pinyin and numbers by value, stable on ties', () => {
    expect(sortOrder(['张', '安', '李'], 'ascending')).toEqual([1, 2, 0]);
    expect(sortOrder(['附件10', '附件2', '附件1'], 'ascending')).toEqual([2, 1, 0]);
    expect(sortOrder(['b', 'a', 'b'], 'descending')).toEqual([0, 2, 1]);
  });
  it('flips the direction on a second click', () => {
    expect(nextDirection(null)).toBe('ascending');
    expect(nextDirection('ascending')).toBe('descending');
    expect(nextDirection('descending')).toBe('ascending');
  });
});

describe('page metadata', () => {
  it('builds the canonical URL from the site and the path (which carries the base)', () => {
    expect(canonicalUrl('https://example.gov.cn', '/fgf/items/x/')).toBe('https://example.gov.cn/fgf/items/x/');
    expect(canonicalUrl(new URL('https://example.gov.cn/'), '/departments/%E5%8E%BF/')).toBe('https://example.gov.cn/departments/%E5%8E%BF/');
    expect(canonicalUrl(undefined, '/')).toBeUndefined();
  });
  it('prints a department link with its name, not percent-escapes', () => {
    expect(printUrl('/departments/%E7%9C%81%E5%95%86%E5%8A%A1%E5%8E%85/')).toBe('/departments/省商务厅/');
    expect(printUrl('/types/license/')).toBeUndefined();
    expect(printUrl('/bad/%E0%A4%A/')).toBeUndefined();
  });
  it('titles a page with the site name', () => {
    expect(pageTitle('典当业特种行业许可证核发')).toBe('典当业特种行业许可证核发 - 公开');
  });
  it('squeezes and shortens a description', () => {
    expect(describeText('甲\n\n乙　丙')).toBe('甲 乙 丙');
    const long = describeText('字'.repeat(300), 10);
    expect(long).toHaveLength(10);
    expect(long.endsWith('…')).toBe(true);
  });
});
