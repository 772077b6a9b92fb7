/** The committed content against the recorded sources: the counts the documents declare, and the structure. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../../src/lib/validation/check-content.ts';
import { CONTENT } from '../fixtures/content-cases.ts';
import { chineseOrdinal } from '../../src/domain/numerals.ts';

const source = (name: string) => readFileSync(join(CONTENT, 'sources', name), 'utf8');
const { notices, tables } = checkContent(join(CONTENT, '..'), CONTENT);
const rowsOf = (slug: string) =>
  tables
    .filter((t) => t.data.notice === slug)
    .sort((a, b) => a.data.number - b.data.number)
    .map((t) => t.data.rows.length);

describe('嘉政发〔2021〕2号', () => {
  const text = source('jiaxiang-2021-2-notice.txt');

  it('has as many rows per table as the notice text declares (18 + 7 + 4 + 3 + 4)', () => {
    const m = /取消(\d+)项行政权力，对省级取消的(\d+)项行政许可、市级取消的(\d+)项行政许可、省级承接的(\d+)项行政许可和市级承接的(\d+)项行政许可/.exec(text);
    expect(m).not.toBeNull();
    const declared = m!.slice(1).map(Number);
    expect(declared).toEqual([18, 7, 4, 3, 4]);
    expect(rowsOf('jiaxiang-2021-2')).toEqual(declared);
  });

  it('has a table for every attachment the notice lists, with the title as printed', () => {
    const listed = [...text.matchAll(/^(?:附件：)?(\d)\.(.+（\d+项）)$/gm)].map((m) => ({ number: Number(m[1]), title: m[2]! }));
    expect(listed).toHaveLength(5);
    expect(notices.get('jiaxiang-2021-2')!.attachments).toEqual(listed);
    for (const { number, title } of listed) {
      const table = tables.find((t) => t.data.notice === 'jiaxiang-2021-2' && t.data.number === number)!;
      expect(table.data.title).toBe(title);
      // The table heading in the source (附件N, then its title) matches too.
      expect(text).toMatch(new RegExp(`附件${number}\\s*\\n${title.replace(/[()（）]/g, '.')}`));
    }
  });

  it('keeps 附件2 row 7 although the source lists no measures for it', () => {
    const t2 = tables.find((t) => t.data.notice === 'jiaxiang-2021-2' && t.data.number === 2)!;
    expect(t2.data.rows[6]).toMatchObject({ seq: 7, name: '原油销售、仓储经营许可初审', measures: null });
  });

  it('records only the cancellation basis column in 附件1, and 实施部门 where 附件4–5 print it', () => {
    const headers = (n: number) => tables.find((t) => t.data.notice === 'jiaxiang-2021-2' && t.data.number === n)!.data.columns.map((c) => c.header);
    expect(headers(1)).toContain('取消依据');
    for (const n of [2, 3, 4, 5]) expect(headers(n)).not.toContain('取消依据');
    for (const n of [1, 2, 3]) expect(headers(n)).toContain('原实施部门');
    for (const n of [4, 5]) expect(headers(n)).toContain('实施部门');
  });
});

describe('济高管综字〔2021〕40号', () => {
  const text = source('jinan-hitech-2021-40-workplan.txt');
  const tasksText = text.slice(text.indexOf('二、主要任务'), text.indexOf('三、保障措施'));

  it('has as many tasks as the plan prints under 二、主要任务 (9), in order, with their titles', () => {
    const printed = [...tasksText.matchAll(/^（([一二三四五六七八九十]+)）([^。]+)。/gm)].map((m) => ({ ordinal: m[1], title: m[2] }));
    const tasks = notices.get('jinan-hitech-2021-40')!.tasks!;
    expect(printed).toHaveLength(9);
    expect(tasks).toHaveLength(printed.length);
    tasks.forEach((t, i) => {
      expect(chineseOrdinal(t.number)).toBe(printed[i]!.ordinal);
      expect(t.title).toBe(printed[i]!.title);
    });
  });

  it('keeps each task’s departments as printed, with 牵头部门 where the plan says so', () => {
    const printed = [...tasksText.replace(/\s+/g, '').matchAll(/（(责任部门|牵头部门)：([^）]+)）/g)].map((m) => `${m[1]}:${m[2]}`);
    const tasks = notices.get('jinan-hitech-2021-40')!.tasks!;
    expect(tasks.map((t) => `${t.role === 'lead' ? '牵头部门' : '责任部门'}:${t.departments}`)).toEqual(printed);
  });
});
