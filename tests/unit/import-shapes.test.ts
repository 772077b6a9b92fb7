/**
 * Notices shaped unlike the seeds (tests/fixtures/shapes/): each built as a .docx, imported, validated with the
 * content check, and compared with the fixture's own source rows — every printed cell present under its
 * printed header, exactly the printed columns in their order, no field the source does not print.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { SHAPES, expectedTableFile, printedHeader } from '../fixtures/shapes/shapes.ts';
import { writeShapes } from '../fixtures/shapes/write.ts';
import mammoth from 'mammoth';
import { buildShapeDocx, printedCell } from '../fixtures/shapes/build.ts';
import type { ShapeNotice } from '../fixtures/shapes/types.ts';
import type { ImportResult } from '../../src/lib/import/run.ts';
import { actionable } from '../../src/lib/import/run.ts';
import { checkContent, splitFrontmatter } from '../../src/lib/validation/check-content.ts';
import { mdxBodyParagraphs } from '../../src/lib/import/files.ts';
import { flattenTables } from '../../src/lib/items.ts';

let tmp: string;
let contentDir: string;
let imported: Map<string, ImportResult>;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'gk-shapes-test-'));
  contentDir = join(tmp, 'content');
  imported = new Map((await writeShapes(contentDir)).map(({ shape, result }) => [shape.shape, result]));
}, 120_000);
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const tableFile = (slug: string, n: number) => JSON.parse(readFileSync(join(contentDir, 'tables', slug, `${n}.json`), 'utf8'));
const noticeFile = (slug: string) => readFileSync(join(contentDir, 'notices', `${slug}.mdx`), 'utf8');

describe.each(SHAPES.map((s) => [s.shape, s] as [string, ShapeNotice]))('shape %s', (_name, shape) => {
  it(`imports with nothing for the clerk to fix and passes the content check (${shape.about})`, () => {
    const result = imported.get(shape.shape)!;
    expect(actionable(result.issues)).toEqual([]);
    expect(result.check.errors).toEqual([]);
    expect(result.written).toEqual([`content/notices/${shape.slug}.mdx`, ...shape.tables.map((t) => `content/tables/${shape.slug}/${t.number}.json`)]);
  });

  it('writes the notice as printed: its metadata, its body paragraphs, no field the document does not give', () => {
    const fm = parseDocument(splitFrontmatter(noticeFile(shape.slug))!.yaml).toJS();
    expect(fm).toEqual(shape.frontmatter);
    expect(mdxBodyParagraphs(noticeFile(shape.slug))).toEqual(shape.body);
    expect(noticeFile(shape.slug).includes('<AttachmentList />')).toBe(shape.tables.length > 0);
  });

  it.runIf(shape.tables.length > 0)('writes each table file exactly as the source prints it', () => {
    for (const t of shape.tables) expect(tableFile(shape.slug, t.number), `附件${t.number}`).toEqual(expectedTableFile(shape, t));
  });

  it.runIf(shape.tables.length > 0)('keeps every printed cell under its printed header, exactly the printed columns, nothing invented', () => {
    for (const t of shape.tables) {
      const file = tableFile(shape.slug, t.number);
      const headers = t.columns.map((c) => printedHeader(c.header));
      expect(file.printedHeader).toEqual(headers);
      expect(file.columns.map((c: { header: string }) => c.header)).toEqual(headers);
      expect(file.rows).toHaveLength(t.rows.length);
      t.rows.forEach((row, r) => {
        const got = file.rows[r];
        // Exactly the printed columns' keys, plus the row's own change where the source gives one.
        expect(Object.keys(got).sort(), `附件${t.number} 第${r + 1}行`).toEqual([...t.columns.map((c) => c.key), ...(row.change ? ['change'] : [])].sort());
        t.columns.forEach((c, i) => {
          const where = `附件${t.number} 第${r + 1}行 “${headers[i]}”`;
          expect(got[c.key], where).toEqual(row[c.key]);
          // Printed back, the cell reads as the source printed it (nothing lost in the conversion).
          expect(printedCell(c, got[c.key]), where).toEqual(printedCell(c, row[c.key]));
        });
      });
    }
  });
});

describe('the shapes together', () => {
  it('validate as one content dir: every notice, every table, no error, no placeholder', () => {
    const result = checkContent(dirname(contentDir), contentDir);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect([...result.notices.keys()].sort()).toEqual(SHAPES.map((s) => s.slug).sort());
    expect(readdirSync(join(contentDir, 'tables')).sort()).toEqual(SHAPES.filter((s) => s.tables.length).map((s) => s.slug).sort());
  });

  it('say in plain words what happened to each item, and where it went', () => {
    const { tables } = checkContent(dirname(contentDir), contentDir);
    const items = flattenTables(tables.map((t) => t.data));
    const said = (id: string) => items.find((i) => i.id === id)?.changeText;
    // From the fixtures' source: who decided (the title or the issuer) and where the power went (the receiving cell).
    expect(said('guofa-2019-6-a1-01')).toBe('国务院取消');
    expect(said('guofa-2019-6-a2-01')).toBe('国务院下放至省级卫生和计划生育部门');
    expect(said('yangli-2022-3-a1-01')).toBe('赋权给各镇人民政府（街道办事处）');
    expect(said('yangli-2022-3-a2-02')).toBe('委托各镇人民政府（街道办事处）实施');
    expect(['yangli-2022-5-a1-01', 'yangli-2022-5-a1-02', 'yangli-2022-5-a1-03', 'yangli-2022-5-a1-04'].map(said)).toEqual([
      '取消',
      '下放至各镇人民政府（街道办事处）',
      '委托各镇人民政府（街道办事处）实施',
      '调整为行政确认',
    ]);
    // 事项类型 stated by the title (行政许可事项目录) when the table has no such column.
    expect(items.filter((i) => i.notice === 'guofa-2019-6').map((i) => [i.type, i.typeFrom])).toEqual(Array(4).fill(['license', 'title']));
  });

  it('are real Word merges and two-line header cells, not text laid out to look like them', async () => {
    const mixed = SHAPES.find((s) => s.shape === 'mixed')!;
    const html = (await mammoth.convertToHtml({ buffer: await buildShapeDocx(mixed) })).value;
    expect(html.match(/rowspan="2"/g)).toHaveLength(2);
    expect(html).toContain('<p>实施</p><p>部门</p>');
  });

  it('report the column they publish as printed, as information only', () => {
    const township = imported.get('township')!;
    expect(township.issues.filter((i) => i.kind === 'verbatim-column').map((i) => i.where)).toEqual(['附件2 第6列']);
    expect(actionable(township.issues)).toEqual([]);
  });
});
