import { describe, expect, it } from 'vitest';
import { ELLIPSIS, excerpt, highlight, matchRanges, segmentsText } from '../../src/lib/search/excerpt.ts';
import { queryTerms } from '../../src/lib/search/normalize.ts';

describe('matchRanges', () => {
  it('finds a query typed with other brackets in the original text', () => {
    const text = '依据《国务院关于取消和下放一批行政许可事项的决定》（国发〔2020〕13号）取消该事项。';
    const [r] = matchRanges(text, queryTerms('国发[2020]13号'));
    expect(text.slice(r![0], r![1])).toBe('国发〔2020〕13号');
  });

  it('covers text broken by white space, merges overlapping matches', () => {
    expect(matchRanges('乡村 兽医', queryTerms('乡村兽医'))).toEqual([[0, 5]]);
    expect(matchRanges('典当典当', ['典当', '当典'])).toEqual([[0, 4]]);
  });
});

describe('highlight', () => {
  it('marks every occurrence and keeps the rest as text', () => {
    expect(highlight('典当行、典当业', ['典当'])).toEqual([
      { text: '典当', mark: true },
      { text: '行、', mark: false },
      { text: '典当', mark: true },
      { text: '业', mark: false },
    ]);
  });

  it('keeps markup in the text as text (segments are rendered as text nodes)', () => {
    const segs = highlight('<b>典当</b>', ['典当']);
    expect(segmentsText(segs)).toBe('<b>典当</b>');
    expect(segs.find((s) => s.mark)?.text).toBe('典当');
  });
});

describe('excerpt', () => {
  const long = `${'甲'.repeat(100)}典当${'乙'.repeat(100)}`;

  it('is a window around the match with ellipses where text was cut', () => {
    const segs = excerpt(long, ['典当'], { length: 40 });
    expect(segs[0]).toEqual({ text: ELLIPSIS, mark: false });
    expect(segs[segs.length - 1]).toEqual({ text: ELLIPSIS, mark: false });
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['典当']);
    expect(segmentsText(segs).length).toBeLessThanOrEqual(42);
  });

  it('prefers a match past the title', () => {
    const text = `典当业特种行业许可证核发 ${'丙'.repeat(50)} 及时将典当行纳入监管`;
    const segs = excerpt(text, ['典当'], { length: 30, preferFrom: 12 });
    expect(segmentsText(segs)).toContain('典当行');
  });

  it('opens at a label, not in the middle of one, when one starts near the planned start', () => {
    // As the index holds an item's facts: each label, a space, its value (src/lib/search/index-config.ts).
    const text =
      '事项类型 行政许可 实施部门 市行政审批服务局 调整方式 上级承接后加强监管（附件5：市级承接后需市县加强监管） 备注 受省市场监管局委托实施 ' +
      '所属文件 嘉祥县人民政府关于2021年第一批削减县级行政权力事项等事宜的通知';
    // Planned: 7 characters before 备注, inside 需市县加强监管; no space within 10 before it, the next one is right before 备注.
    const segs = excerpt(text, ['备注'], { length: 30 });
    expect(segmentsText(segs)).toBe(`${ELLIPSIS}备注 受省市场监管局委托实施 所属文件 嘉祥县人民政府关于2${ELLIPSIS}`);
    // Planned: 7 characters before 上级承接, at the end of 市行政审批服务局; the space after it is 2 on, nearer than the one 8 back.
    expect(segmentsText(excerpt(text, ['上级承接'], { length: 30 }))).toBe(`${ELLIPSIS}调整方式 上级承接后加强监管（附件5：市级承接后需市县加强监${ELLIPSIS}`);
  });

  it('keeps its planned start in a long run of text with nowhere to open', () => {
    const segs = excerpt(long, ['典当'], { length: 40 });
    // 10 characters of 甲 before the match (a quarter of the window), as before.
    expect(segmentsText(segs).startsWith(`${ELLIPSIS}${'甲'.repeat(10)}典当`)).toBe(true);
  });

  it('without a match shows the beginning, white space squeezed', () => {
    expect(segmentsText(excerpt('一  二\n三', [], { length: 10 }))).toBe('一 二 三');
  });
});
