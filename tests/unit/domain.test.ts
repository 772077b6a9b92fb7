/**
 * The bottom layer: the Chinese patterns, numerals and header roles every other layer reads.
 */
import { describe, expect, it } from 'vitest';
import {
  declaredCountInTitle,
  docNumberParts,
  DOC_NUMBER_IN_TEXT,
  isDocNumber,
  isSlug,
  parseChineseDate,
  parseDocNumber,
  slugify,
  titleWithoutCount,
} from '../../src/domain/patterns.ts';
import { asciiDigits, parseChineseNumber } from '../../src/domain/numerals.ts';
import { roleFromHeader } from '../../src/domain/columns.ts';
import { pageKind, paths, noticeSlugOf, withBase } from '../../src/domain/urls.ts';

describe('发文字号', () => {
  it('knows the standard form and reads the typed variants', () => {
    expect(isDocNumber('国发〔2020〕13号')).toBe(true);
    expect(isDocNumber('国发[2020]13号')).toBe(false);
    expect(parseDocNumber('国发【2020】13号')).toEqual({ value: '国发〔2020〕13号', normalised: true });
    expect(parseDocNumber('鲁政发〔2021〕1号')).toEqual({ value: '鲁政发〔2021〕1号', normalised: false });
    expect(docNumberParts('济高管综字〔2021〕40号')).toEqual({ year: 2021, serial: 40 });
  });
  it('finds every 发文字号 in running text, and nothing else', () => {
    const text = '根据《国务院关于取消和下放一批行政许可事项的决定》（国发〔2020〕13号）、鲁政发〔2021〕1号，序号13';
    expect(text.match(DOC_NUMBER_IN_TEXT)).toEqual(['国发〔2020〕13号', '鲁政发〔2021〕1号']);
  });
});

describe('counts in titles', () => {
  it('reads （N项）, （共N项）, full-width digits and no count', () => {
    expect(declaredCountInTitle('取消行政权力事项（18项）')).toBe(18);
    expect(declaredCountInTitle('国务院决定取消的行政许可事项目录（共29项）')).toBe(29);
    expect(declaredCountInTitle('下放的事项（共２项）')).toBe(2);
    expect(declaredCountInTitle('国务院决定取消的行政审批项目目录（共计152项）')).toBe(152);
    expect(declaredCountInTitle('赋予乡镇（街道）的县级行政权力事项目录')).toBeUndefined();
    expect(titleWithoutCount('国务院决定取消的行政许可事项目录（共29项）')).toBe('国务院决定取消的行政许可事项目录');
  });
});

describe('dates, numerals and slugs', () => {
  it('reads printed dates in both numeral systems, and only real ones', () => {
    expect(parseChineseDate('2021年2月20日')).toBe('2021-02-20');
    expect(parseChineseDate('二〇二〇年九月十三日')).toBe('2020-09-13');
    expect(parseChineseDate('2021年2月29日')).toBeUndefined();
    expect([parseChineseNumber('十'), parseChineseNumber('二十一'), parseChineseNumber('百')]).toEqual([10, 21, undefined]);
    expect(asciiDigits('２０２１')).toBe('2021');
  });
  it('makes and checks URL slugs', () => {
    expect(slugify('Guofa 2020-13.docx')).toBe('guofa-2020-13-docx');
    expect(isSlug('jiaxiang-2021-2')).toBe(true);
    expect(isSlug('Jiaxiang_2021')).toBe(false);
  });
});

describe('column roles from printed headers', () => {
  it.each([
    ['序号', 'seq'],
    ['事项名称及权限', 'name'],
    ['事项名称', 'name'],
    ['项目名称', 'name'],
    ['事项类型', 'type'],
    ['原实施部门', 'department'],
    ['审批部门', 'department'],
    ['实施主体', 'department'],
    ['下放后审批部门', 'receiver'],
    ['承接部门', 'receiver'],
    ['实施层级', 'level'],
    ['设定依据', 'basis'],
    ['取消依据', 'basis'],
    ['市县加强事中事后监管措施', 'measures'],
    ['备注', 'remark'],
    ['处理意见', 'handling'],
    ['审 批\n部 门', 'department'],
    ['处理决定', 'handling'],
    ['委托部门', 'department'],
  ])('%s → %s', (header, role) => {
    expect(roleFromHeader(header)).toBe(role);
  });
  it('leaves any other header to be published as printed', () => {
    expect(roleFromHeader('办理时限')).toBeUndefined();
    expect(roleFromHeader('联系电话')).toBeUndefined();
  });
});

describe('public URLs, built and parsed back', () => {
  it('round-trips every kind of page, with and without a base path', () => {
    for (const base of ['/', '/fgf/']) {
      expect(pageKind(withBase(paths.itemById('guofa-2020-13-a2-01'), base), base)).toBe('item');
      expect(pageKind(withBase(paths.attachment('guofa-2020-13', 2), base), base)).toBe('attachment');
      expect(pageKind(withBase(paths.notice('guofa-2020-13'), base), base)).toBe('notice');
      expect(pageKind(withBase(paths.change('delegated'), base), base)).toBe('browse');
      expect(noticeSlugOf(withBase(paths.attachment('guofa-2020-13', 2), base), base)).toBe('guofa-2020-13');
    }
  });
});
