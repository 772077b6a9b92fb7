/**
 * The notice body is data, never code: the safe MDX subset (src/lib/validation/body.ts), read from the MDX syntax
 * tree the build compiles. Every refusal names the line and says what to write instead, Chinese first.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mdxToMdast } from 'satteri';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FIXES, checkBody, isPureComment, unsafeUrl, type MdxParser } from '../../src/lib/validation/body.ts';
import { mdxText } from '../../src/lib/import/files.ts';
import { scaffoldFiles } from '../../src/lib/scaffold.ts';
import type { Notice } from '../../src/schemas/notice.ts';
import { CONTENT } from '../fixtures/content-cases.ts';

const notice = { planTitle: '方案', tasks: [{ number: 1 }] } as unknown as Notice;
const FRONT = '---\ntitle: 标题\n---\n\n'; // the body starts on line 5
const check = (body: string) => checkBody(FRONT + body, notice);
const one = (body: string) => {
  const errors = check(body);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return errors[0]!;
};

describe('what a body may contain', () => {
  it('accepts the committed notices', () => {
    for (const f of ['jiaxiang-2021-2.mdx', 'jinan-hitech-2021-40.mdx']) {
      expect(checkBody(readFileSync(join(CONTENT, 'notices', f), 'utf8'), notice)).toEqual([]);
    }
  });

  it('accepts paragraphs, headings, lists, tables, emphasis, line breaks, footnotes, safe links and comments', () => {
    const body = [
      '### 一、总体要求',
      '第一段，**加粗**、*强调*、<strong>坚持依法依规。</strong>坚持权责法定。<br />换行',
      '1\\. 不是列表；PM2.5\\<35，a \\> b，\\{注\\}',
      '- 甲\n- 乙\n\n1. 一\n2. 二',
      '| 序号 | 事项 |\n|---|---|\n| 1 | 典当 |',
      '见[国务院](https://www.gov.cn/)、[邮箱](mailto:a@b.cn)、[附件1](/notices/x/attachments/1/)、[任务](#task-1)。',
      '脚注[^1]\n\n[^1]: 说明',
      '{/* 核对清单：待核对 */}',
      '<AttachmentList />\n\n<Signature />\n\n<PlanTitle />\n\n<TaskList />',
    ].join('\n\n');
    expect(check(body)).toEqual([]);
  });

  it('accepts what npm run import writes (mdxText) for text MDX would misread', () => {
    for (const text of ['PM2.5<35', '年营业额<500万元的企业，{注}', 'a > b', '{x}', '<script>alert(1)</script>', '# 不是标题', '`代码`', '$5', '&lt;']) {
      expect(check(mdxText(text)), text).toEqual([]);
    }
  });

  it('accepts what npm run new writes (its checklist is an MDX comment)', () => {
    const files = scaffoldFiles({ slug: 'x-2024-1', title: '关于的通知', docNumber: '某政发〔2024〕1号', issuer: '某县人民政府', date: '2024-01-02', tables: 1 });
    const mdx = files.find((f) => f.path.endsWith('.mdx'))!.content;
    expect(mdx).toContain('{/*');
    expect(checkBody(mdx, notice)).toEqual([]);
  });
});

describe('text MDX would misread is an error with the escaped form to use', () => {
  it('「PM2.5<35」', () => {
    const e = one('空气质量 PM2.5<35 为优。');
    expect(e.line).toBe(5);
    expect(e.message).toContain('写作：空气质量 PM2.5\\<35 为优。');
    expect(e.message).toMatch(/^[\u4e00-\u9fff].* \/ [A-Za-z]/);
  });

  it('`年营业额<500万元的企业，{注}` names both and gives the whole escaped line', () => {
    const errors = check('第一段。\n\n年营业额<500万元的企业，{注}');
    expect(errors.map((e) => e.line)).toEqual([7, 7]);
    for (const e of errors) expect(e.message).toContain('年营业额\\<500万元的企业，\\{注\\}');
  });

  it('an unclosed brace and a line-initial > (a block quote)', () => {
    expect(one('见 {注').message).toContain('见 \\{注');
    expect(one('> 35 的为超标').message).toContain('\\>');
  });

  it('every misread character of a file is found in one run', () => {
    const errors = check('a<1\n\nb<2\n\nc<3');
    expect(errors.map((e) => e.line)).toEqual([5, 7, 9]);
  });
});

describe('code and markup are refused, naming the line, with a hint', () => {
  const cases: [string, string, RegExp][] = [
    ['import', 'import fs from "node:fs"', /import \/ export/],
    ['export', 'export const a = 1', /import \/ export/],
    ['file read', '{(await import("node:fs")).readFileSync("/etc/hostname","utf8")}', /表达式.*\\\{\(await/],
    ['environment', '文本 {process.env.HOME}', /表达式.*文本 \\\{process\.env\.HOME\\\}/],
    ['code after a comment', '{/* 注 */ process.env.HOME}', /表达式/],
    ['script', '<script>alert(1)</script>', /HTML 标签.*<script>/],
    ['iframe', '<iframe src="https://example.com"></iframe>', /<iframe>/],
    ['img onerror', '<img src="x" onerror="alert(1)" />', /<img>/],
    ['svg onload', '<svg onload="alert(1)" />', /<svg>/],
    ['anchor', '<a href="https://example.com">x</a>', /\[文字\]\(https/],
    ['fragment', '<>x</>', /<>/],
    ['member element', '<a.b />', /<a\.b>/],
    ['attribute on strong', '<strong onclick="x">x</strong>', /不能带属性/],
    ['unknown component', '<Foo />', /没有这个组件/],
    ['event attribute on a component', '<Signature onClick="alert(1)" />', /事件属性 onClick/],
    ['expression prop', '<Signature title={process.env.HOME} />', /写定的文字/],
    ['spread prop', '<Signature {...props} />', /展开/],
    ['javascript: link', '[点此](javascript:alert(1))', /javascript:/],
    ['javascript: with a leading space and an entity', '[点此](< java&#115;cript:alert(1)>)', /javascript:/],
    ['JavaScript&colon;', '[点此](JavaScript&colon;alert(1))', /javascript:/],
    ['tab inside the scheme', '[点此](<java\tscript:alert(1)>)', /javascript:/],
    ['data: link', '[点此](data:text/html;base64,PHNjcmlwdD4=)', /data:/],
    ['vbscript: link', '[点此](VBScript:msgbox(1))', /vbscript:/],
    ['reference definition', '[x]: javascript:alert(1)\n\n[点此][x]', /javascript:/],
    ['protocol-relative', '[点此](//evil.example/)', /https:\/\//],
    ['backslash host', '[点此](/\\evil.example/)', /https:\/\//],
    ['image', '![图](https://example.com/x.png)', /图片/],
    ['inline code', '`x`', /\\`/],
    ['HTML comment', '<!-- 注释 -->', /\\</],
  ];
  for (const [name, body, message] of cases) {
    it(name, () => {
      const errors = check(`第一段。\n\n${body}`);
      expect(errors.length, JSON.stringify(errors)).toBeGreaterThan(0);
      expect(errors[0]!.line).toBe(7);
      expect(errors[0]!.field).toBe('body');
      expect(errors.map((e) => e.message).join('\n')).toMatch(message);
      for (const e of errors) expect(e.message).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff][\s\S]* \/ [A-Za-z]/);
    });
  }

  it('a component that needs frontmatter data it does not have', () => {
    const bare = {} as Notice;
    expect(checkBody(`${FRONT}<TaskList />`, bare)[0]!.message).toContain('tasks');
  });
});

describe('text that would make the MDX parser slow is refused before it parses, or parsed a bounded number of times', () => {
  // The build's parser, counted: how often the check parses a text is its cost, the same on any machine.
  const parses = { count: 0, chars: 0 };
  const counted: MdxParser = (text) => {
    parses.count++;
    parses.chars = Math.max(parses.chars, text.length);
    return mdxToMdast(text);
  };
  const check = (body: string) => checkBody(FRONT + body, notice, counted);
  beforeEach(() => {
    parses.count = 0;
    parses.chars = 0;
  });
  it('30,000 unclosed { (quadratic for the parser): refused unparsed', () => {
    const errors = check(Array(3).fill(`注${'{'.repeat(10_000)}`).join('\n\n'));
    expect(errors[0]!.message).toMatch(/未转义的 \{ 有 30000 个，超过上限 1000/);
    expect(parses.count).toBe(0);
  });
  it('a line longer than anyone types: refused unparsed', () => {
    const errors = check(`第一段。\n\n${'文'.repeat(25_000)}`);
    expect(errors).toEqual([expect.objectContaining({ line: 7, message: expect.stringContaining('这一行长达 25000 个字符') })]);
    expect(parses.count).toBe(0);
  });
  it('1,000 unclosed { before a long text: the escape loop stops after its rounds with what it found', () => {
    const body = `${'{'.repeat(1_000)}\n\n${Array(13).fill('文'.repeat(19_999)).join('\n\n')}`;
    const errors = check(body);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.line)).toContain(5);
    // One parse per escaped character, then the report: not one per { in the text.
    expect(parses.count).toBe(MAX_FIXES + 1);
    expect(parses.chars).toBeLessThan((FRONT + body).length + MAX_FIXES + 1);
  });
});

describe('link targets', () => {
  it('allows http(s), mailto and paths on this site', () => {
    for (const u of ['https://www.gov.cn/', 'http://example.com/a?b#c', 'mailto:a@b.cn', '/notices/x/', '#task-1', '../x/', '?q=典当']) {
      expect(unsafeUrl(u), u).toBeUndefined();
    }
  });
  it('refuses script, data and other schemes however they are written', () => {
    for (const u of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:x', 'java\nscript:x', '\u0001javascript:x', 'java\u200bscript:x', 'java script:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x/', '//evil.example/', '/\\evil.example/']) {
      expect(unsafeUrl(u), JSON.stringify(u)).toBeDefined();
    }
  });
});

describe('MDX comments', () => {
  it('only comments are comments', () => {
    expect(isPureComment('/* a */')).toBe(true);
    expect(isPureComment(' /* a */ /* b */ ')).toBe(true);
    expect(isPureComment('// a\n')).toBe(true);
    expect(isPureComment('')).toBe(false);
    expect(isPureComment('/* a */ x')).toBe(false);
    expect(isPureComment('/* a')).toBe(false);
    expect(isPureComment('/* a */ */ x /*')).toBe(false);
  });
});
