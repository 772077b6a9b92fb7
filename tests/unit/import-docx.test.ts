/**
 * The whole import of a Word file: .docx fixtures built from the recorded seed text (tests/fixtures/docx/)
 * are imported into a temporary content dir, and the result must validate and equal the hand-checked
 * committed files as data. Also: no overwrite without --force, a report of what could not be mapped,
 * progress on a long import, and the command line itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { buildJiaxiangDocx, type BuildOptions, type SeedDocument } from '../fixtures/docx/build-fixture.ts';
import { importDocx, ImportError, type ImportResult } from '../../src/lib/import/run.ts';
import { mdxBodyParagraphs } from '../../src/lib/import/files.ts';
import { splitFrontmatter } from '../../src/lib/validation/check-content.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const COMMITTED = join(ROOT, 'content');
const SLUG = 'jiaxiang-2021-2';
/** The frontmatter fields the Word file carries (the rest, if any, is added by hand after import). */
const FROM_DOCX = ['title', 'docNumber', 'issuer', 'addressees', 'signedDate', 'disclosure', 'attachments', 'cites', 'contact'];

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'gk-import-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

async function fixture(name: string, options: BuildOptions & { mutate?: (seed: SeedDocument) => void } = {}): Promise<string> {
  const file = join(tmp, name);
  writeFileSync(file, await buildJiaxiangDocx(options));
  return file;
}

function frontmatterOf(file: string): Record<string, unknown> {
  return parseDocument(splitFrontmatter(readFileSync(file, 'utf8'))!.yaml).toJS();
}

function tablesOf(contentDir: string): Record<string, unknown> {
  const dir = join(contentDir, 'tables', SLUG);
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]));
}

function expectSameAsCommitted(contentDir: string, result: ImportResult) {
  expect(result.check.errors).toEqual([]);
  expect(result.issues.filter((i) => i.kind !== 'guessed')).toEqual([]);
  // Tables: the same files, equal as data.
  expect(tablesOf(contentDir)).toEqual(tablesOf(COMMITTED));
  // Notice: the frontmatter the docx carries, nothing more, and the same body paragraphs.
  const committed = frontmatterOf(join(COMMITTED, 'notices', `${SLUG}.mdx`));
  const imported = frontmatterOf(join(contentDir, 'notices', `${SLUG}.mdx`));
  for (const k of FROM_DOCX) expect(imported[k], k).toEqual(committed[k]);
  expect(Object.keys(imported).filter((k) => !(k in committed))).toEqual([]);
  const body = (dir: string) => mdxBodyParagraphs(readFileSync(join(dir, 'notices', `${SLUG}.mdx`), 'utf8'));
  expect(body(contentDir)).toEqual(body(COMMITTED));
  expect(body(contentDir)).toHaveLength(3);
  expect(readFileSync(join(contentDir, 'notices', `${SLUG}.mdx`), 'utf8')).toMatch(/<AttachmentList \/>\n\n<Signature \/>\n$/);
}

describe('importing the Jiaxiang notice from Word', { timeout: 60_000 }, () => {
  it('yields content that validates and equals the committed files as data', async () => {
    const docx = await fixture(`${SLUG}.docx`);
    const contentDir = join(tmp, 'plain', 'content');
    const progress: string[] = [];
    const result = await importDocx({ docx, contentDir, onProgress: (m) => progress.push(m) });
    expect(result.slug).toBe(SLUG);
    expect(result.written).toEqual([`content/notices/${SLUG}.mdx`, ...[1, 2, 3, 4, 5].map((n) => `content/tables/${SLUG}/${n}.json`)]);
    expect(result.tables.map((t) => t.rows.length)).toEqual([18, 7, 4, 3, 4]);
    expectSameAsCommitted(contentDir, result);
    // One progress line per table.
    expect(progress.filter((m) => /^附件\d .*：\d+ 行/.test(m))).toHaveLength(5);
  });

  it('reads the same content from real Word bookmarks, soft line breaks and a repeated header row', async () => {
    const docx = await fixture('variant.docx', { bookmarks: 'word', layout: 'soft-breaks', repeatHeader: true });
    const contentDir = join(tmp, 'variant', 'content');
    const result = await importDocx({ docx, contentDir, slug: SLUG });
    expectSameAsCommitted(contentDir, result);
  });

  it('never overwrites existing content without force, and with force replaces it and removes stale tables', async () => {
    const docx = await fixture(`${SLUG}.docx`);
    const contentDir = join(tmp, 'again', 'content');
    await importDocx({ docx, contentDir });
    const notice = join(contentDir, 'notices', `${SLUG}.mdx`);
    writeFileSync(notice, readFileSync(notice, 'utf8').replace('此件公开发布', '已修改'));
    const stale = join(contentDir, 'tables', SLUG, '6.json');
    writeFileSync(stale, '{}\n');
    await expect(importDocx({ docx, contentDir })).rejects.toThrow(ImportError);
    await expect(importDocx({ docx, contentDir })).rejects.toThrow(/已有内容，未作任何修改.*--force/);
    expect(readFileSync(notice, 'utf8')).toContain('已修改');
    const forced = await importDocx({ docx, contentDir, force: true });
    expect(readFileSync(notice, 'utf8')).not.toContain('已修改');
    expect(forced.removed).toEqual([`content/tables/${SLUG}/6.json`]);
    expect(existsSync(stale)).toBe(false);
    expect(forced.check.errors).toEqual([]);
  });

  it('publishes an unknown column and a 事项类型 column with other values as printed, reports a count that differs, and the check points at it', async () => {
    const docx = await fixture('broken.docx', {
      mutate: (seed) => {
        const t1 = seed.tables[0]!;
        t1.rows[0]![6] = ['联系', '电话']; // 备注 → a column no role fits
        t1.rows[2]![3] = ['行政备案']; // 典当 … a 事项类型 that is not one of the ten kinds
        seed.tables[2]!.rows.pop(); // 附件3 declares 4 rows, has 3
      },
    });
    const contentDir = join(tmp, 'broken', 'content');
    const result = await importDocx({ docx, contentDir, slug: SLUG });
    const issue = (kind: string) => result.issues.filter((i) => i.kind === kind).map((i) => `${i.where} ${i.message}`);
    // Model v2: both columns are published as printed under their headers (role verbatim), with an informational
    // warning; the old model reported them as errors (unknown-column, unknown-type) and failed the check on them.
    expect(issue('verbatim-column')).toEqual([expect.stringMatching(/^附件1 第4列 “事项类型”列有不属于十类行政权力的值（如“行政备案”）/), expect.stringMatching(/^附件1 第7列 列“联系电话”按原文原样发布/)]);
    expect(issue('count')).toEqual([expect.stringMatching(/^附件3 标题声明 4 项，表格有 3 行/)]);
    // Nothing was dropped or invented: the text stands in the file under its printed header.
    const t1 = JSON.parse(readFileSync(join(contentDir, 'tables', SLUG, '1.json'), 'utf8'));
    expect(t1.printedHeader).toEqual(['序号', '原实施部门', '事项名称及权限', '事项类型', '取消依据', '加强事中事后监管措施', '联系电话']);
    expect(t1.columns[3]).toEqual({ key: 'col4', role: 'verbatim', header: '事项类型' });
    expect(t1.columns[6]).toEqual({ key: 'col7', role: 'verbatim', header: '联系电话' });
    expect(t1.rows[1].col4).toBe('行政备案');
    expect(t1.rows[0].col4).toBe('行政检查');
    expect(t1.rows[17].col7).toBe('改为备案');
    const messages = result.check.errors.map((e) => `${e.file} ${e.field} ${e.message}`);
    expect(messages).toEqual([expect.stringMatching(/^content\/tables\/jiaxiang-2021-2\/3\.json rows 行数 3 与声明的 4 项不符/)]);
  });

  it('shows progress through a long table', async () => {
    const docx = await fixture('long.docx', {
      mutate: (seed) => {
        const t = seed.tables[0]!;
        const body = t.rows.slice(1);
        t.rows = [t.rows[0]!, ...Array.from({ length: 250 }, (_, i) => body[i % body.length]!.map((cell, c) => (c === 0 ? [String(i + 1)] : cell)))];
        t.title = t.title.replace('18项', '250项');
        seed.head = seed.head.map((l) => l.replace('取消行政权力事项（18项）', '取消行政权力事项（250项）'));
      },
    });
    const contentDir = join(tmp, 'long', 'content');
    const progress: string[] = [];
    const result = await importDocx({ docx, contentDir, slug: 'long-2021-2', onProgress: (m) => progress.push(m), progressEvery: 100 });
    expect(progress.filter((m) => m.startsWith('附件1'))).toEqual([
      '附件1：已处理 100/250 行 / 100 of 250 rows',
      '附件1：已处理 200/250 行 / 200 of 250 rows',
      '附件1 取消行政权力事项（250项）：250 行 / 250 rows',
    ]);
    expect(result.check.errors).toEqual([]);
  });

  it('derives the slug from the 发文字号 when the file name has no letters, and asks for --slug when it cannot', async () => {
    const named = await fixture('嘉政发〔2021〕2号.docx');
    const result = await importDocx({ docx: named, contentDir: join(tmp, 'cn', 'content') });
    expect(result.slug).toBe('2021-2');
    expect(result.issues).toContainEqual(expect.objectContaining({ kind: 'guessed', where: '网址名' }));
    const anonymous = await fixture('通知.docx', { mutate: (seed) => (seed.head = seed.head.filter((l) => !l.includes('嘉政发〔2021〕2号'))) });
    await expect(importDocx({ docx: anonymous, contentDir: join(tmp, 'anon', 'content') })).rejects.toThrow(/请用 --slug 指定/);
    expect(existsSync(join(tmp, 'anon'))).toBe(false);
  });
});

describe('npm run import (the command line)', { timeout: 60_000 }, () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['scripts/import.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('imports, reports and validates; refuses to overwrite; exits non-zero on what it could not map', async () => {
    const docx = await fixture(`${SLUG}.docx`);
    const contentDir = join(tmp, 'cli', 'content');
    mkdirSync(contentDir, { recursive: true });
    const first = cli([docx, '--content-dir', contentDir]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('… 附件1 取消行政权力事项（18项）：18 行');
    expect(first.stdout).toContain('内容检查通过：6 个文件，0 个错误');
    expect(first.stdout).toContain('附件表格 5 个，事项 36 行');

    const again = cli([docx, '--content-dir', contentDir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/已有内容，未作任何修改.*--force/);
    expect(cli([docx, '--content-dir', contentDir, '--force']).status).toBe(0);

    // Model v2: an unknown column is published as printed: exit 0, reported under “请核对” (please check).
    const verbatim = await fixture('verbatim-cli.docx', { mutate: (seed) => (seed.tables[1]!.rows[0]![4] = ['联系电话']) });
    const kept = cli([verbatim, '--slug', 'verbatim-2021-2', '--content-dir', join(tmp, 'cli-verbatim', 'content')]);
    expect(kept.status).toBe(0);
    expect(kept.stdout).toMatch(/\? 附件2 第5列：列“联系电话”按原文原样发布/);
    expect(kept.stdout).toMatch(/内容检查通过/);

    const broken = await fixture('broken-cli.docx', { mutate: (seed) => seed.tables[2]!.rows.pop() });
    const bad = cli([broken, '--slug', 'broken-2021-2', '--content-dir', contentDir]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/✗ 附件3：标题声明 4 项，表格有 3 行/);
    expect(bad.stdout).toMatch(/内容检查未通过/);

    expect(cli([]).status).toBe(2);
    expect(cli([join(tmp, 'missing.docx')]).stderr).toContain('找不到文件');
  });
});
