/**
 * The open-data building blocks: CSV, cell text, Atom, bar geometry, git history, 有效性, JSON Schemas and the
 * field list of the /data/ page. Expected values are written out here, not computed by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { BOM, csvField, csvRecord, toCsv } from '../../src/lib/data/csv.ts';
import { dataSetResponse, textResponse } from '../../src/lib/data/endpoints.ts';
import type { OpenData } from '../../src/lib/data/site.ts';
import { cellText, measuresText } from '../../src/lib/data/cells.ts';
import { atomFeed, atomDate, tagId, xmlEscape } from '../../src/lib/feeds.ts';
import { barLayout, shortLabel, CHART } from '../../src/components/charts/bars.ts';
import { noticeHistory, readContentHistory } from '../../src/lib/data/history.ts';
import { validitySchema } from '../../src/schemas/notice.ts';
import { lapsedLabel, validityText } from '../../src/lib/data/ui.ts';
import { ITEM_FIELD_DOCS, NOTICE_FIELD_DOCS } from '../../src/lib/data/fields.ts';
import { RECORD_SCHEMAS, itemRecordSchema, jsonSchemaOf, noticeRecordSchema } from '../../src/lib/data/records.ts';
import { absoluteUrl, dataPaths } from '../../src/lib/data/paths.ts';
import { docNumberInText } from '../../src/domain/patterns.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('CSV', () => {
  it('UTF-8 BOM, every field quoted, quotes doubled, CRLF between records, line breaks kept inside a cell', () => {
    expect(toCsv([['序号', '措施'], [1, '甲,"乙"\n2. 丙']])).toBe('\uFEFF"序号","措施"\r\n"1","甲,""乙""\n2. 丙"\r\n');
    expect(BOM).toBe('\uFEFF');
    expect(csvField('=1+1')).toBe('"=1+1"');
    expect(csvRecord([1, '甲,"乙"'])).toBe('"1","甲,""乙"""\r\n');
  });
});

describe('whole-site files, written a batch of records at a time', () => {
  it('the text is the head, every part in order across batches, then the tail', async () => {
    const parts = Array.from({ length: 1201 }, (_, i) => `第${i}项；`);
    const response = textResponse('头：', parts.length, (i) => parts[i]!, '尾\n', 'text/plain; charset=utf-8');
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text.startsWith('头：第0项；第1项；')).toBe(true);
    expect(text.endsWith('第1199项；第1200项；尾\n')).toBe(true);
    expect(text.length).toBe('头：'.length + parts.join('').length + '尾\n'.length);
    expect(await textResponse('[', 0, () => 'x', ']', 'application/json').text()).toBe('[]');
  });
  it('/data/items.json is the same text as JSON.stringify of the whole file', async () => {
    const site = JSON.parse(readFileSync(join(ROOT, 'content', 'site.json'), 'utf8')) as { dataTerms?: string };
    const data = { abs: (p: string) => `https://example.gov.cn${p}` } as unknown as OpenData;
    const records = Array.from({ length: 1203 }, (_, i) => ({ id: `a-a1-${i}`, name: `事项"${i}"`, remark: i % 2 ? null : '备注\n第二行', skipped: undefined }));
    const head = {
      $schema: 'https://example.gov.cn/data/schema/items.json',
      ...(site.dataTerms ? { licence: site.dataTerms } : {}),
      source: 'https://example.gov.cn/data/',
    };
    const response = dataSetResponse(data, 'items', records);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(await response.text()).toBe(`${JSON.stringify({ ...head, count: 1203, items: records })}\n`);
    expect(await dataSetResponse(data, 'notices', []).text()).toBe(`${JSON.stringify({ ...head, $schema: 'https://example.gov.cn/data/schema/notices.json', count: 0, notices: [] })}\n`);
  });
});

describe('cell text', () => {
  it('measures: the lead, then each step numbered as printed', () => {
    expect(measuresText({ lead: '取消许可后，要通过以下措施加强监管：', steps: ['甲。', '乙。'] })).toBe('取消许可后，要通过以下措施加强监管：\n1. 甲。\n2. 乙。');
    expect(measuresText({ steps: ['只有一条。'] })).toBe('1. 只有一条。');
  });
  it('type as its printed label, basis a paragraph a line, empty as ""', () => {
    expect(cellText({ key: 'type', role: 'type', header: '事项类型', value: 'license' })).toBe('行政许可');
    expect(cellText({ key: 'basis', role: 'basis', header: '取消依据', value: ['一。', '二。'] })).toBe('一。\n二。');
    expect(cellText({ key: 'remark', role: 'remark', header: '备注', value: null })).toBe('');
    expect(cellText({ key: 'seq', role: 'seq', header: '序号', value: 7 })).toBe('7');
  });
});

describe('Atom', () => {
  const feed = atomFeed(
    {
      path: '/types/license/feed.xml',
      self: 'https://example.gov.cn/types/license/feed.xml',
      alternate: 'https://example.gov.cn/types/license/',
      title: '事项类型：行政许可 & <其他>',
      author: '公开',
      entries: [
        { path: '/items/a-a1-01/', url: 'https://example.gov.cn/items/a-a1-01/', title: '<script>x</script>', summary: '取消。', published: '2021-02-20', updated: '2021-03-01', author: '嘉祥县人民政府', categories: [{ term: 'license', label: '行政许可' }] },
        { path: '/items/b-a1-01/', url: 'https://example.gov.cn/items/b-a1-01/', title: '乙', summary: '下放。', published: '2020-01-05', updated: '2020-01-05', author: '某县' },
      ],
    },
    'example.gov.cn',
  );
  it('is well-formed XML with the Atom elements, markup in text escaped', () => {
    expect(XMLValidator.validate(feed)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(feed) as { feed: Record<string, unknown> & { entry: Record<string, unknown>[] } };
    expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.feed.id).toBe('tag:example.gov.cn,2021:/types/license/feed.xml');
    expect(doc.feed.title).toBe('事项类型：行政许可 & <其他>');
    // The feed's date is its newest entry's, from the content — never the build time.
    expect(doc.feed.updated).toBe('2021-03-01T00:00:00+08:00');
    expect(doc.feed.entry).toHaveLength(2);
    expect(doc.feed.entry[0]!.id).toBe('tag:example.gov.cn,2021-02-20:/items/a-a1-01/');
    expect(doc.feed.entry[0]!.title).toBe('<script>x</script>');
    expect(feed).not.toContain('<script>');
  });
  it('ids and dates are functions of the content', () => {
    expect(tagId('h', '2021-02-20', '/x/')).toBe('tag:h,2021-02-20:/x/');
    expect(atomDate('2021-02-20')).toBe('2021-02-20T00:00:00+08:00');
    expect(xmlEscape('a\u0001"b')).toBe('a&quot;b');
  });
});

describe('bar chart geometry', () => {
  it('bars proportional to counts, the largest filling the room left for its number', () => {
    const l = barLayout([{ label: '行政许可', count: 19 }, { label: '行政处罚', count: 14 }, { label: '行政检查', count: 1 }]);
    const room = CHART.width - CHART.countRoom;
    expect(l.rows.map((r) => r.barWidth)).toEqual([room, Math.round((14 / 19) * room), Math.max(2, Math.round((1 / 19) * room))]);
    expect(l.rows.map((r) => r.count)).toEqual([19, 14, 1]);
    expect(l.height).toBe(3 * CHART.row + 4);
  });
  it('long labels are cut with an ellipsis (the table beside has them whole)', () => {
    expect(shortLabel('一二三四五', 4)).toBe('一二三…');
    expect(shortLabel('一二三四', 4)).toBe('一二三四');
  });
});

describe('content history from git', () => {
  it('the commits touching a notice’s files, newest first, as git log reports them', () => {
    const history = readContentHistory(join(ROOT, 'content'));
    const expected = execFileSync('git', ['log', '--format=%cs %s', '--', 'content/notices/jiaxiang-2021-2.mdx', 'content/tables/jiaxiang-2021-2'], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(noticeHistory(history, 'jiaxiang-2021-2').map((c) => `${c.date} ${c.subject}`)).toEqual(expected);
  });
  it('outside git: no history (nothing guessed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-nogit-'));
    try {
      expect(readContentHistory(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a shallow clone: no history (its oldest commit would pose as the first publication)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${ROOT}`, join(dir, 'c')], { stdio: 'ignore' });
      expect(readContentHistory(join(dir, 'c', 'content'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('有效性', () => {
  it('status codes of the glossary, optional date and deciding document', () => {
    const v = validitySchema.parse({ status: 'repealed', date: '2023-05-01', by: { docNumber: '嘉政发〔2023〕5号', title: '嘉祥县人民政府关于废止部分文件的通知' } });
    expect(validityText(v)).toBe('已废止（2023年5月1日，依据《嘉祥县人民政府关于废止部分文件的通知》（嘉政发〔2023〕5号））');
    expect(validityText(validitySchema.parse({ status: 'current' }))).toBe('现行有效');
    expect(validityText(undefined)).toBe('');
  });
  it('a notice no longer in force is marked in lists and results; one in force or silent is not', () => {
    expect(lapsedLabel(validitySchema.parse({ status: 'repealed' }))).toBe('已废止');
    expect(lapsedLabel(validitySchema.parse({ status: 'revised' }))).toBe('已修订');
    expect(lapsedLabel(validitySchema.parse({ status: 'expired' }))).toBe('失效');
    expect(lapsedLabel(validitySchema.parse({ status: 'current' }))).toBeUndefined();
    expect(lapsedLabel(undefined)).toBeUndefined();
  });
  it('refuses an unknown status, a date that does not exist and unknown fields', () => {
    expect(validitySchema.safeParse({ status: '有效' }).success).toBe(false);
    expect(validitySchema.safeParse({ status: 'expired', date: '2023-02-30' }).success).toBe(false);
    expect(validitySchema.safeParse({ status: 'expired', when: '2023-02-01' }).success).toBe(false);
  });
});

describe('JSON Schemas and the documented fields', () => {
  it('every published schema compiles as JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    for (const name of Object.keys(RECORD_SCHEMAS) as (keyof typeof RECORD_SCHEMAS)[]) {
      const schema = jsonSchemaOf(name, `https://example.gov.cn/data/schema/${name}.json`);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => ajv.compile(schema)).not.toThrow();
    }
  });
  it('the /data/ page documents exactly the fields of the records', () => {
    expect(ITEM_FIELD_DOCS.map((f) => f.name).sort()).toEqual(Object.keys(itemRecordSchema.shape).sort());
    expect(NOTICE_FIELD_DOCS.map((f) => f.name).sort()).toEqual(Object.keys(noticeRecordSchema.shape).filter((k) => k !== 'withdrawn').sort());
  });
  it('data URLs: files beside their pages, absolute with the site and base', () => {
    expect(dataPaths.itemJson('jiaxiang-2021-2-a1-02')).toBe('/items/jiaxiang-2021-2-a1-02.json');
    expect(dataPaths.tableCsv('jiaxiang-2021-2', 1)).toBe('/notices/jiaxiang-2021-2/attachments/1.csv');
    expect(absoluteUrl('/data/items.json', new URL('https://example.gov.cn'), '/fgf/')).toBe('https://example.gov.cn/fgf/data/items.json');
  });
});

describe('发文字号 in running text', () => {
  it('leading words are not part of the issuer code', () => {
    expect(docNumberInText('根据国发〔2020〕13号')).toBe('国发〔2020〕13号');
    expect(docNumberInText('见嘉政发〔2021〕2号', ['嘉政发〔2021〕2号'])).toBe('嘉政发〔2021〕2号');
    expect(docNumberInText('鲁政发〔2021〕1号')).toBe('鲁政发〔2021〕1号');
  });
});

describe('a notice marked 已废止: its items carry it in the data files', () => {
  it('item record and CSV row', async () => {
    const { itemRecord, itemsCsvRow, ITEMS_CSV_COLUMNS } = await import('../../src/lib/data/records.ts');
    const { citationIndex } = await import('../../src/lib/citations.ts');
    const validity = validitySchema.parse({ status: 'repealed', date: '2023-05-01', by: { title: '嘉祥县人民政府关于废止部分文件的通知', docNumber: '嘉政发〔2023〕5号' } });
    const notice = { id: 'n', data: { title: '通知', docNumber: '嘉政发〔2021〕2号', issuer: '嘉祥县人民政府', addressees: ['各部门'], signedDate: '2021-02-20', validity, cites: [], attachments: [] } };
    const item = {
      id: 'n-a1-01', notice: 'n', table: 'n/1', tableNumber: 1, seq: 1, name: '甲', type: 'license' as const, typeFrom: 'column' as const,
      department: '县级公安部门', departmentHeader: '原实施部门', receiver: null, receiverHeader: null,
      change: { action: 'cancel' as const, by: 'county' as const }, ownChange: false, changeGroup: 'cancelled' as const, changeText: '取消',
      cells: [{ key: 'seq', role: 'seq' as const, header: '序号', value: 1 }, { key: 'name', role: 'name' as const, header: '事项名称', value: '甲' }],
    };
    const r = itemRecord(item, notice as never, { notice: 'n', number: 1, title: '取消行政权力事项（1项）' }, citationIndex([], []), (p) => `https://x${p}`);
    expect(r.validity).toEqual({ status: 'repealed', date: '2023-05-01', by: { title: '嘉祥县人民政府关于废止部分文件的通知', docNumber: '嘉政发〔2023〕5号' } });
    const row = itemsCsvRow(r, validityText);
    expect(row[ITEMS_CSV_COLUMNS.findIndex(([k]) => k === 'validity')]).toBe('已废止（2023年5月1日，依据《嘉祥县人民政府关于废止部分文件的通知》（嘉政发〔2023〕5号））');
    expect(itemRecordSchema.safeParse(r).success).toBe(true);
  });
});
