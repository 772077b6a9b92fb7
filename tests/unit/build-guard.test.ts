/**
 * The build itself refuses broken content (no half-published site), and publishes markup typed into a field as text.
 * These run the real `astro build` on a copy of the content, into a temporary folder.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROKEN, copyContent, withMarkupInFields } from '../fixtures/content-cases.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function build(content: string, root: string) {
  const out = join(root, 'dist');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', GONGKAI_CONTENT_DIR: content, GONGKAI_OUT_DIR: out, GONGKAI_CACHE_DIR: join(root, 'cache') },
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, out };
}

function htmlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.html')) : [];
}

describe('astro build', () => {
  it('stops on broken content with the checker message and writes no page', { timeout: 120_000 }, () => {
    const { root, content } = copyContent();
    roots.push(root);
    BROKEN.find((c) => c.name.startsWith('事项类型'))!.apply(content);
    BROKEN.find((c) => c.name === 'a date that is not a real date')!.apply(content);
    const { status, output, out } = build(content, root);
    expect(status).not.toBe(0);
    expect(output).toContain('内容检查未通过，未生成任何页面');
    expect(output).toMatch(/content\/tables\/jiaxiang-2021-2\/1\.json:\d+ 第 3 行.*rows\.2\.type.*"行政处罚决定"/);
    expect(output).toMatch(/content\/notices\/jiaxiang-2021-2\.mdx:\d+ .*signedDate.*"2021-02-30".*不是真实存在的日期/);
    expect(htmlFiles(out)).toEqual([]);
  });

  it('refuses placeholder text that npm run new left to fill in', { timeout: 120_000 }, () => {
    const { root, content } = copyContent();
    roots.push(root);
    const file = join(content, 'tables/jiaxiang-2021-2/3.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"remark": null', '"remark": "待填写：备注"'));
    const { status, output, out } = build(content, root);
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/tables\/jiaxiang-2021-2\/3\.json:\d+ .*"待填写：备注".*占位内容/);
    expect(htmlFiles(out)).toEqual([]);
  });

  it('publishes markup typed into a JSON field as text, never as HTML', { timeout: 120_000 }, () => {
    const { root, content } = copyContent();
    roots.push(root);
    withMarkupInFields(content);
    const { status, output, out } = build(content, root);
    expect(status, output).toBe(0);
    const html = readFileSync(join(out, 'items/jiaxiang-2021-2-a1-02/index.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;粗体&lt;/b&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b>粗体</b>');
  });
});
