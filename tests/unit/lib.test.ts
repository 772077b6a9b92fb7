import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellLines, rejoin, splitMeasures, stripBookmarks } from '../../src/lib/text.ts';
import { chineseOrdinal } from '../../src/domain/numerals.ts';
import { itemTypeFromLabel, ITEM_TYPE_CODES, ITEM_TYPES } from '../../src/domain/glossary.ts';
import { formatChineseDate, isRealDate } from '../../src/domain/patterns.ts';
import { itemId, parseItemId } from '../../src/domain/ids.ts';
import { flattenTables } from '../../src/lib/items.ts';
import { changeGroupOf, resolveChange } from '../../src/lib/change.ts';
import { loadItemEntries } from '../fixtures/items.ts';
import { paths, withBase } from '../../src/domain/urls.ts';
import { missingOptional, platformOf } from '../../scripts/complete-lockfile.ts';
import { CONTENT } from '../fixtures/content-cases.ts';

describe('cleaning extracted text', () => {
  it('drops Word bookmark markers', () => {
    expect(stripBookmarks('[bookmark: bookmark4][bookmark: _GoBack]嘉祥县人民政府')).toBe('嘉祥县人民政府');
  });
  it('rejoins names broken by page layout', () => {
    expect(rejoin(['省自然', '资源厅'])).toBe('省自然资源厅');
    expect(cellLines('\u3000')).toEqual([]);
  });
  it('splits measures into a lead and steps, with either full stop after the number', () => {
    expect(splitMeasures('取消许可后，要通过以下措施加强监管：\n1. 纳入日常行业监管。\n2．开展“双随机、一公开”监管。')).toEqual({
      lead: '取消许可后，要通过以下措施加强监管：',
      steps: ['纳入日常行业监管。', '开展“双随机、一公开”监管。'],
    });
    expect(splitMeasures('\u3000')).toBeNull();
  });
  it('refuses measures whose numbering skips, rather than merging or losing a step', () => {
    expect(() => splitMeasures('导语：\n1. 一。\n3. 三。')).toThrow(/措施编号不连续/);
  });
});

describe('labels and identifiers', () => {
  it('has one label per kind of administrative power, and maps labels back', () => {
    expect(ITEM_TYPE_CODES).toHaveLength(10);
    expect(new Set(Object.values(ITEM_TYPES)).size).toBe(10);
    expect(itemTypeFromLabel('行政许可')).toBe('license');
    expect(itemTypeFromLabel(' 其他行政权力 ')).toBe('other');
    expect(itemTypeFromLabel('行政许可证')).toBeUndefined();
  });
  it('prints dates and ordinals as the documents do', () => {
    expect(formatChineseDate('2021-02-20')).toBe('2021年2月20日');
    expect([1, 9, 10, 12, 20, 21].map(chineseOrdinal)).toEqual(['一', '九', '十', '十二', '二十', '二十一']);
  });
  it('knows real dates', () => {
    expect(isRealDate('2021-02-28')).toBe(true);
    expect(isRealDate('2020-02-29')).toBe(true);
    expect(isRealDate('2021-02-29')).toBe(false);
    expect(isRealDate('2021-13-01')).toBe(false);
  });
  it('builds the public item ids and URLs', () => {
    expect(itemId('jiaxiang-2021-2', 1, 2)).toBe('jiaxiang-2021-2-a1-02');
    expect(itemId('x', 3, 123)).toBe('x-a3-123');
    expect(parseItemId('jiaxiang-2021-2-a5-04')).toEqual({ notice: 'jiaxiang-2021-2', table: 5, seq: 4 });
    expect(paths.item('jiaxiang-2021-2', 1, 2)).toBe('/items/jiaxiang-2021-2-a1-02/');
    expect(withBase(paths.attachment('jiaxiang-2021-2', 3), '/fgf/')).toBe('/fgf/notices/jiaxiang-2021-2/attachments/3/');
    expect(withBase('/', '/fgf')).toBe('/fgf/');
  });
});

describe('items', () => {
  it('flattens the tables into 36 items with unique ids', () => {
    const items = loadItemEntries(join(CONTENT, 'tables'));
    expect(items).toHaveLength(36);
    expect(new Set(items.map((i) => i.id)).size).toBe(36);
    expect(items.find((i) => i.id === 'jiaxiang-2021-2-a1-18')).toMatchObject({ name: '乡村兽医登记', changeGroup: 'cancelled-to-filing' });
    const count = (t: string) => items.filter((i) => i.type === t).length;
    expect([count('license'), count('penalty'), count('inspection'), count('other')]).toEqual([19, 14, 1, 2]);
  });
  it('groups changes as a citizen asks about them', () => {
    const group = (preset: Parameters<typeof resolveChange>[0], remark: string | null) => changeGroupOf(resolveChange(preset), remark);
    expect(group('cancelled', null)).toBe('cancelled');
    expect(group('cancelled', '改为备案')).toBe('cancelled-to-filing');
    expect(group('cancelled-by-city', null)).toBe('cancelled-above');
    expect(group('taken-over-by-province', '受省市场监管局委托实施')).toBe('taken-over-above');
    expect(flattenTables([])).toEqual([]);
  });
});

describe('package-lock.json', () => {
  it('holds every platform’s optional binaries, so npm ci works on a Mac too (npm run lockfile)', () => {
    const lock = JSON.parse(readFileSync(join(CONTENT, '..', 'package-lock.json'), 'utf8'));
    expect(Object.keys(missingOptional(lock.packages))).toEqual([]);
    expect(lock.packages['node_modules/@pagefind/darwin-arm64']).toMatchObject({ version: '1.6.0', os: ['darwin'], cpu: ['arm64'] });
  });
  it('reads the platform from a package name', () => {
    expect(platformOf('@pagefind/windows-x64')).toEqual({ os: ['win32'], cpu: ['x64'] });
    expect(platformOf('@astrojs/compiler-binding-linux-arm64-musl')).toEqual({ os: ['linux'], cpu: ['arm64'], libc: ['musl'] });
    expect(missingOptional({ '': {}, 'node_modules/a': { optionalDependencies: { '@a/darwin-arm64': '1.0.0' } } })).toEqual({
      'node_modules/@a/darwin-arm64': { version: '1.0.0', optional: true, os: ['darwin'], cpu: ['arm64'] },
    });
  });
});
