/**
 * Hostile content (tests/fixtures/hostile/payloads.ts): every payload, in a copy of the real content, is either
 * refused by the check with a message naming its file and line, Chinese first — or valid, and then one real
 * `astro build` of every valid payload publishes it as inert text, with no executable markup anywhere in dist/.
 * Nothing hangs (each case has a time limit) and nothing crashes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, formatError, type ContentError } from '../../src/lib/validation/check-content.ts';
import { copyContent } from '../fixtures/content-cases.ts';
import { PAYLOADS } from '../fixtures/hostile/payloads.ts';
import { executableMarkup, pageProblems } from '../fixtures/hostile/scan-dist.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function fresh() {
  const copy = copyContent();
  roots.push(copy.root);
  return copy;
}

/** What `npm run check` and the build's content guard report (check-content.ts runs read.ts's preflight first). */
function check(root: string, content: string): { errors: ContentError[]; crash?: unknown } {
  try {
    return { errors: checkContent(root, content).errors };
  } catch (crash) {
    return { errors: [], crash };
  }
}

describe('every hostile payload is refused with a clear message, or is valid content', () => {
  it('has at least 30 payloads across frontmatter, tables, the body and the files themselves', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
    for (const where of ['frontmatter', 'table', 'body', 'file']) expect(PAYLOADS.some((p) => p.where === where), where).toBe(true);
  });

  for (const p of PAYLOADS) {
    // The timeout is a ceiling against a check that never ends, not a speed target (those belong in npm run bench):
    // the 20,000-row table took 19 s on a 2-core machine at a load average of 13, against a 15 s limit held here before.
    it(p.name, { timeout: 120_000 }, () => {
      const { root, content } = fresh();
      p.apply(content);
      const { errors, crash } = check(root, content);
      expect(crash, 'the check crashed').toBeUndefined();
      const lines = errors.map(formatError);
      const mine = lines.filter((l) => l.startsWith(`content/${p.file}:`));
      if ('refused' in p.outcome) {
        const match = mine.find((l) => (p.outcome as { refused: RegExp }).refused.test(l));
        expect(match, `no message for content/${p.file} matches ${p.outcome.refused}; got:\n${lines.join('\n').slice(0, 3000)}`).toBeDefined();
        // file:line, then Chinese, then English.
        expect(match).toMatch(/^content\/[^:]+:\d+ /);
        expect(match).toMatch(/[\u4e00-\u9fff][\s\S]* \/ [A-Za-z]/);
      } else {
        expect(crash).toBeUndefined();
        expect(lines, 'valid content was refused').toEqual([]);
      }
    });
  }
});

describe('the build publishes every valid payload as text', () => {
  it('no executable markup in dist/, and each payload shown as text', { timeout: 240_000 }, () => {
    const { root, content } = fresh();
    const inert = PAYLOADS.filter((p) => 'inert' in p.outcome);
    // Edits first, line-end conversions last (they rewrite whole files).
    for (const p of [...inert].sort((a, b) => Number(a.where === 'file') - Number(b.where === 'file'))) p.apply(content);
    expect(check(root, content).errors.map(formatError)).toEqual([]);
    const out = join(root, 'dist');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', GONGKAI_CONTENT_DIR: content, GONGKAI_OUT_DIR: out, GONGKAI_CACHE_DIR: join(root, 'cache') },
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    for (const p of inert) {
      const { page, shown } = (p.outcome as { inert: { page: string; shown: string } }).inert;
      expect(readFileSync(join(out, page), 'utf8'), p.name).toContain(shown);
    }
    expect(executableMarkup(out)).toEqual([]);
  });
});

describe('the build refuses a body MDX would misread', () => {
  it('with the content error naming file:line and the escaped line, before any page is written', { timeout: 240_000 }, () => {
    const { root, content } = fresh();
    PAYLOADS.find((p) => p.name === 'body: 年营业额<500万元的企业，{注}')!.apply(content);
    const out = join(root, 'dist');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', GONGKAI_CONTENT_DIR: content, GONGKAI_OUT_DIR: out, GONGKAI_CACHE_DIR: join(root, 'cache') },
    });
    const output = `${r.stdout}\n${r.stderr}`;
    expect(r.status).not.toBe(0);
    expect(output).toContain('内容检查未通过，未生成任何页面');
    expect(output).toMatch(/content\/notices\/jiaxiang-2021-2\.mdx:\d+ .*年营业额\\<500万元的企业，\\\{注\\\}/);
    expect(output).not.toMatch(/\[vite\]|Could not parse|Unexpected character/);
    expect(existsSync(out) ? readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.html')) : []).toEqual([]);
  });
});

describe('the dist/ scan finds executable markup', () => {
  it('in each form a browser would run', () => {
    const csp = `<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-${'bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='}'">`;
    const page = (body: string) => `<!doctype html><html><head>${csp}</head><body>${body}</body></html>`;
    expect(pageProblems(page('<p>文字 &lt;script&gt;alert(1)&lt;/script&gt;</p><a href="/notices/x/">x</a><script src="/_astro/a.js"></script>'))).toEqual([]);
    // sha256 of "alert(1)": the site's own inline script when the CSP lists it.
    expect(pageProblems(page('<script>alert(1)</script>'))).toEqual([]);
    expect(pageProblems(page('<script>alert(2)</script>'))).toEqual(['inline <script> not hashed in the CSP: alert(2)']);
    expect(pageProblems(page('<script src="https://cdn.example/x.js"></script>'))).toEqual(['<script src="https://cdn.example/x.js">']);
    expect(pageProblems(page('<img src="x" onerror="alert(1)">'))).toEqual(['<img onError=…>']);
    expect(pageProblems(page('<svg onload="alert(1)"></svg>'))).toEqual(['<svg onLoad=…>']);
    expect(pageProblems(page('<a href=" JaVa&#9;ScRiPt:alert(1)">x</a>'))).toHaveLength(1);
    expect(pageProblems(page('<iframe src="https://example.com/"></iframe>'))).toEqual(['<iframe>']);
    expect(pageProblems(page('<object data="x"></object><embed src="x"><base href="https://evil.example/">'))).toEqual(['<object>', '<embed>', '<base>']);
    expect(pageProblems(page('<meta http-equiv="refresh" content="0; url=https://evil.example/">'))).toHaveLength(1);
    expect(pageProblems(page('<meta http-equiv="refresh" content="0; url=/notices/new/">'))).toEqual([]);
  });
});
