/**
 * `npm run new -- notice`: skeleton files that pass the content check as they are, with a checklist for the
 * clerk; flags or answered questions; never an overwrite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkContent } from '../../src/lib/validation/check-content.ts';
import { ADDRESSEE_PLACEHOLDER, normaliseDate, scaffoldFiles } from '../../src/lib/scaffold.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'gk-new-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const INPUT = { slug: 'jiaxiang-2024-1', title: '嘉祥县人民政府关于某事的通知', docNumber: '嘉政发〔2024〕1号', issuer: '嘉祥县人民政府', date: '2024-03-01' };

function writeAll(contentDir: string, files: { path: string; content: string }[]) {
  for (const f of files) {
    mkdirSync(dirname(join(contentDir, f.path)), { recursive: true });
    writeFileSync(join(contentDir, f.path), f.content);
  }
}

describe('skeleton files', () => {
  it('pass the content check, with and without empty tables', () => {
    for (const tables of [0, 3]) {
      const contentDir = join(tmp, `lib-${tables}`, 'content');
      const files = scaffoldFiles({ ...INPUT, tables });
      expect(files.map((f) => f.path)).toEqual([`notices/${INPUT.slug}.mdx`, ...Array.from({ length: tables }, (_, i) => `tables/${INPUT.slug}/${i + 1}.json`)]);
      writeAll(contentDir, files);
      const result = checkContent(join(tmp, `lib-${tables}`), contentDir);
      expect(result.errors).toEqual([]);
      expect(result.files).toBe(1 + tables);
      const notice = result.notices.get(INPUT.slug)!;
      expect(notice).toMatchObject({ title: INPUT.title, docNumber: INPUT.docNumber, issuer: INPUT.issuer, signedDate: '2024-03-01', addressees: [ADDRESSEE_PLACEHOLDER] });
      expect(notice.attachments).toHaveLength(tables);
    }
  });
  it('carry a checklist comment for the clerk, and the components the body needs', () => {
    const mdx = scaffoldFiles({ ...INPUT, tables: 1 })[0]!.content;
    const comment = /\{\/\*([\s\S]*?)\*\/\}/.exec(mdx)?.[1] ?? '';
    expect(comment).toContain('发布前核对清单');
    expect(comment).toContain(`npm run import -- 原件.docx --slug ${INPUT.slug}`);
    expect(comment.match(/\[ \] \d+\./g)?.length).toBeGreaterThanOrEqual(8);
    expect(mdx.trimEnd().endsWith('<AttachmentList />\n\n<Signature />')).toBe(true);
    expect(scaffoldFiles(INPUT)[0]!.content).not.toContain('<AttachmentList />');
  });
  it('leave no placeholder warning of their own when every field is given: the checklist comment never trips the check', () => {
    const root = join(tmp, 'complete');
    const contentDir = join(root, 'content');
    const files = scaffoldFiles({ ...INPUT, addressees: ['各镇人民政府', '县政府各部门'] });
    writeAll(contentDir, files);
    const result = checkContent(root, contentDir);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(files[0]!.content).toContain('发布前核对清单');
    // With empty tables, only the table titles still to write are flagged — never a line of the checklist.
    const withTables = join(tmp, 'complete-tables');
    writeAll(join(withTables, 'content'), scaffoldFiles({ ...INPUT, addressees: ['各镇人民政府'], tables: 2 }));
    const flagged = checkContent(withTables, join(withTables, 'content')).warnings;
    const mdx = scaffoldFiles({ ...INPUT, addressees: ['各镇人民政府'], tables: 2 })[0]!.content.split('\n');
    const commentLines = new Set(mdx.flatMap((l, i) => (i >= mdx.indexOf('{/*') && i <= mdx.indexOf('*/}') ? [i + 1] : [])));
    expect(flagged.filter((w) => w.file.endsWith('.mdx') && commentLines.has(w.line))).toEqual([]);
    expect(flagged.map((w) => w.value)).toEqual(['待填写：附件1标题（0项）', '待填写：附件2标题（0项）', '待填写：附件1标题（0项）', '待填写：附件2标题（0项）']);
  });
  it('accept dates the way clerks type them, and only real ones', () => {
    for (const raw of ['2021-02-20', '2021-2-20', '2021/2/20', '2021.2.20', '2021年2月20日', '二〇二一年二月二十日', '２０２１年２月２０日']) expect(normaliseDate(raw), raw).toBe('2021-02-20');
    for (const raw of ['2021-02-30', '20210220', '2月20日', '']) expect(normaliseDate(raw), raw).toBeUndefined();
  });
});

describe('npm run new -- notice (the command line)', { timeout: 60_000 }, () => {
  const cli = (args: string[], input = '') => spawnSync(process.execPath, ['scripts/new.ts', 'notice', ...args], { cwd: ROOT, encoding: 'utf8', input });
  const flags = (contentDir: string, slug = INPUT.slug) => ['--slug', slug, '--title', INPUT.title, '--doc-number', INPUT.docNumber, '--issuer', INPUT.issuer, '--date', '2024年3月1日', '--content-dir', contentDir];

  it('creates valid files from flags, that npm run check accepts, and refuses to overwrite them', () => {
    const contentDir = join(tmp, 'cli', 'content');
    const made = cli([...flags(contentDir), '--tables', '2', '--addressees', '各镇人民政府，县政府各部门']);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('内容检查通过：3 个文件，0 个错误');
    const check = spawnSync(process.execPath, ['scripts/check.ts', contentDir], { cwd: ROOT, encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/内容检查通过：3 个文件，0 个错误/);
    const file = join(contentDir, 'notices', `${INPUT.slug}.mdx`);
    expect(readFileSync(file, 'utf8')).toContain('addressees:\n  - 各镇人民政府\n  - 县政府各部门\n');

    writeFileSync(file, readFileSync(file, 'utf8') + '\n已编辑\n');
    const again = cli(flags(contentDir));
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已存在，不会覆盖');
    expect(readFileSync(file, 'utf8')).toContain('已编辑');
  });

  it('asks for what the flags do not give, again until an answer is valid', () => {
    const contentDir = join(tmp, 'asked', 'content');
    const answers = ['Not A Slug', 'asked-2024-2', INPUT.title, '嘉政发2024年2号', '嘉政发〔2024〕2号', INPUT.issuer, '2024-02-30', '2024-02-29', ''].join('\n') + '\n';
    const r = cli(['--content-dir', contentDir], answers);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/✗/g)).toHaveLength(3);
    expect(checkContent(join(tmp, 'asked'), contentDir).notices.get('asked-2024-2')).toMatchObject({ docNumber: '嘉政发〔2024〕2号', signedDate: '2024-02-29' });
  });

  it('says which flags are missing when there is no one to ask, and writes nothing', () => {
    const contentDir = join(tmp, 'none', 'content');
    const r = cli(['--slug', 'none-2024-1', '--content-dir', contentDir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('缺少 --title --doc-number --issuer --date');
    expect(checkContent(join(tmp, 'none'), contentDir).files).toBe(0);
    expect(cli(['--slug', 'Bad Slug']).status).toBe(2);
  });
});
