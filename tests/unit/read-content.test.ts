/**
 * Reading content files defensively (src/lib/validation/read.ts): bytes, hidden characters, JSON and YAML hazards.
 * The hostile suite (hostile-content.test.ts) runs these on whole files; here, the edges of each rule.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { decodeContent, hiddenCharacter, invalidUtf8Offset, jsonHazards, preflightContent, yamlHazards } from '../../src/lib/validation/read.ts';
import { CONTENT } from '../fixtures/content-cases.ts';

describe('the committed content', () => {
  it('passes the preflight', () => {
    expect(preflightContent(join(CONTENT, '..'), CONTENT)).toEqual([]);
  });
});

describe('hidden characters', () => {
  it('lets ordinary Chinese government text through: full-width space, no-break space, emoji, CJK extension B', () => {
    for (const s of ['嘉政发〔2021〕2号', '一、　总体要求', 'a\u00a0b', '表格\t制表', '第一行\r\n第二行', '𠀀𪚥', '👍']) expect(hiddenCharacter(s), s).toBeUndefined();
  });
  it('finds bidi controls, zero-width and control characters, lone surrogates and noncharacters, at their index', () => {
    const cases: [string, number, number][] = [
      ['嘉政发\u202e〔2021〕', 3, 0x202e],
      ['\u2066x', 0, 0x2066],
      ['典\u200b当', 1, 0x200b],
      ['a\u00adb', 1, 0xad],
      ['x\u0000', 1, 0],
      ['x\u001b[31m', 1, 0x1b],
      ['x\u0085', 1, 0x85],
      ['ab\ud800', 2, 0xd800],
      ['\udc00', 0, 0xdc00],
      ['x\ufffe', 1, 0xfffe],
      ['x\ufeffy', 1, 0xfeff],
      ['x\u{e0041}', 1, 0xe0041],
    ];
    for (const [s, index, code] of cases) expect(hiddenCharacter(s), JSON.stringify(s)).toMatchObject({ index, code });
  });
});

describe('bytes', () => {
  it('finds the first invalid UTF-8 sequence', () => {
    expect(invalidUtf8Offset(Buffer.from('嘉政发〔2021〕2号 👍', 'utf8'))).toBe(-1);
    expect(invalidUtf8Offset(Buffer.from([0x61, 0xb5, 0xe4]))).toBe(1); // GBK 典
    expect(invalidUtf8Offset(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong '/'
    expect(invalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // an encoded surrogate
    expect(invalidUtf8Offset(Buffer.from([0x61, 0xe5, 0x98]))).toBe(1); // cut short
    expect(invalidUtf8Offset(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
  });
  it('names the line of a bad byte, refuses a BOM, accepts CRLF', () => {
    expect(decodeContent(Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0xb5, 0xe4])).problems[0]).toMatchObject({ line: 3 });
    expect(decodeContent(Buffer.from('\ufeff{}', 'utf8')).problems[0]!.message).toMatch(/^文件以 BOM.* \/ the file starts with a byte order mark/);
    expect(decodeContent(Buffer.from('a\r\nb', 'utf8'))).toEqual({ text: 'a\r\nb', problems: [] });
  });
});

describe('JSON', () => {
  it('finds duplicate keys in the same object only, with their line and row', () => {
    const text = '{\n  "rows": [\n    { "name": "甲", "seq": 1 },\n    { "name": "乙",\n      "name": "丙" }\n  ],\n  "title": "x"\n}';
    expect(jsonHazards(text)).toEqual([expect.objectContaining({ line: 5, row: 2, field: 'rows.1.name', value: 'name' })]);
  });
  it('refuses nesting deeper than a table needs without recursing into it', () => {
    expect(jsonHazards(`{"a": "[[[[", "b": ${'['.repeat(1_000_000)}`)).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('嵌套') })]);
    expect(jsonHazards(`{"a": ${'['.repeat(30)}${']'.repeat(30)}}`)).toEqual([]);
  });
});

describe('YAML frontmatter', () => {
  it('names anchors, aliases, merge keys and tags at their file line', () => {
    const yaml = 'title: 标题\nissuer: &i 县政府\nletterhead: *i\nbase: &b {a: 1}\nmore:\n  <<: *b\ndate: !!timestamp 2021-01-01\n';
    const found = yamlHazards(yaml, 2).map((p) => [p.line, p.value]);
    expect(found).toEqual([[3, '&i'], [4, '*i'], [5, '&b'], [7, '<<'], [7, '*b'], [8, 'tag:yaml.org,2002:timestamp']]);
  });
  // Expanded, these 30 levels of ten aliases would be 10^30 nodes: a check that expanded them would never end, and
  // the timeout is only that ceiling, not a speed target.
  it('never expands an alias bomb', { timeout: 60_000 }, () => {
    const lines = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 30; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(i === 1 ? '*a' : `*a${i - 1}`).join(',')}]`);
    expect(yamlHazards(lines.join('\n'), 2).length).toBeGreaterThan(29);
  });
});
