import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkContent, formatError, summarize } from '../../src/lib/validation/check-content.ts';
import { jsonLine } from '../../src/lib/validation/locate.ts';
import { BROKEN, CONTENT, copyContent } from '../fixtures/content-cases.ts';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe('the committed content', () => {
  it('passes every rule', () => {
    const result = checkContent(join(CONTENT, '..'), CONTENT);
    expect(result.errors.map(formatError)).toEqual([]);
    expect(result.files).toBe(10);
    expect(summarize(result.errors, result.files)).toContain('0 个错误');
  });
});

describe('each broken-content example stops with a message naming file:line, row, field, value and what was expected', () => {
  for (const c of BROKEN) {
    it(c.name, () => {
      const { root, content } = copyContent();
      roots.push(root);
      c.apply(content);
      const { errors } = checkContent(root, content);
      expect(errors.length).toBeGreaterThan(0);
      const lines = errors.map(formatError);
      const mine = lines.filter((l) => l.startsWith(`content/${c.file}:`));
      expect(mine, `no error names content/${c.file}; got:\n${lines.join('\n')}`).not.toEqual([]);
      const match = mine.find((l) => c.expect.every((e) => (typeof e === 'string' ? l.includes(e) : e.test(l))));
      expect(match, `no single message has all of ${c.expect.join(' | ')}; got:\n${mine.join('\n')}`).toBeDefined();
      // Chinese first, English after: every message carries both.
      expect(match).toMatch(/[\u4e00-\u9fff].*\/ [A-Za-z]/);
    });
  }
});

describe('line numbers', () => {
  it('point at the offending value in a JSON table', () => {
    const { root, content } = copyContent();
    roots.push(root);
    BROKEN.find((c) => c.name.startsWith('事项类型'))!.apply(content);
    const file = join(content, 'tables/jiaxiang-2021-2/1.json');
    const { errors } = checkContent(root, content);
    const e = errors.find((x) => x.field === 'rows.2.type')!;
    const line = readFileSync(file, 'utf8').split('\n')[e.line - 1]!;
    expect(line).toContain('"type": "行政处罚决定"');
  });

  it('point at the offending key in MDX frontmatter', () => {
    const { root, content } = copyContent();
    roots.push(root);
    BROKEN.find((c) => c.name === 'a date that is not a real date')!.apply(content);
    const { errors } = checkContent(root, content);
    const e = errors.find((x) => x.field === 'signedDate')!;
    const line = readFileSync(join(content, 'notices/jiaxiang-2021-2.mdx'), 'utf8').split('\n')[e.line - 1]!;
    expect(line).toBe("signedDate: '2021-02-30'");
  });

  it('fall back to the nearest existing parent for a missing field', () => {
    const text = '{\n  "rows": [\n    {\n      "seq": 1\n    }\n  ]\n}\n';
    expect(jsonLine(text, ['rows', 0, 'name'])).toBe(3);
  });
});

describe('npm run check (scripts/check.ts)', () => {
  const run = (dir: string) =>
    spawnSync(process.execPath, [join(CONTENT, '..', 'scripts', 'check.ts'), dir], { cwd: join(dir, '..'), encoding: 'utf8' });

  it('exits 0 with a one-line summary on good content', { timeout: 30_000 }, () => {
    const { root, content } = copyContent();
    roots.push(root);
    const r = run(content);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^内容检查通过：10 个文件，0 个错误 \/ content OK: 10 files, 0 errors（\d+ ms）\n$/);
  });

  it('exits 1 with one line per error and a summary count', { timeout: 30_000 }, () => {
    const { root, content } = copyContent();
    roots.push(root);
    BROKEN[0]!.apply(content);
    BROKEN[3]!.apply(content);
    const r = run(content);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^content\/tables\/jiaxiang-2021-2\/1\.json:\d+ 第 3 行/);
    expect(lines[2]).toMatch(/^内容检查未通过：10 个文件，2 个错误 \/ content check failed: 2 error\(s\)/);
  });
});

describe('placeholder text left by npm run new', () => {
  it('is a warning, with file and line, not an error', () => {
    const { root, content } = copyContent();
    roots.push(root);
    const file = join(content, 'tables/jiaxiang-2021-2/3.json');
    const text = readFileSync(file, 'utf8').replace('"remark": null', '"remark": "待填写：备注"');
    writeFileSync(file, text);
    const { errors, warnings } = checkContent(root, content);
    expect(errors).toEqual([]);
    expect(warnings.map(formatError)).toEqual([
      `content/tables/jiaxiang-2021-2/3.json:${text.split('\n').findIndex((l) => l.includes('待填写')) + 1} 字段 (整个文件) 值 "待填写：备注"： 仍是“待填写”的占位内容，发布前请替换（构建会拒绝） / placeholder text left to fill in: the build refuses it`,
    ]);
  });

  it('does not flag an escaped component name in a notice body', () => {
    const { root, content } = copyContent();
    roots.push(root);
    const file = join(content, 'notices/jiaxiang-2021-2.mdx');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n文中写到 \\<Foo> 时不是组件。\n');
    expect(checkContent(root, content).errors).toEqual([]);
  });
});
