/**
 * Published URLs never break (scripts/published-urls.ts, run by `npm run build` after astro build): the manifest
 * content/published-urls.txt grows with every new page; a listed URL that the build no longer produces stops the
 * build unless content/redirects.json redirects it; redirect pages are written at the old URLs, under any base.
 * The last test removes a notice from a copy of the real content and runs the real build.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { builtUrls, formatManifest, isListingPage, parseManifest, planUrls, publishUrls, redirectPage } from '../../scripts/published-urls.ts';
import { withdrawnSchema } from '../../src/schemas/withdrawn.ts';
import { checkContent } from '../../src/lib/validation/check-content.ts';
import { readRedirects } from '../../src/lib/validation/redirects.ts';
import { pageProblems } from '../fixtures/hostile/scan-dist.ts';
import { copyContent } from '../fixtures/content-cases.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const REAL_PAGE = `<!doctype html><html lang="zh-CN"><head><title>页</title></head><body>${'正文'.repeat(1000)}</body></html>`;

/** A built site with these pages (base-less paths) and a content folder. */
function fixture(pages: string[], manifest?: string[], redirects?: unknown) {
  const root = mkdtempSync(join(tmpdir(), 'gk-urls-'));
  dirs.push(root);
  const site = join(root, 'dist');
  const contentDir = join(root, 'content');
  mkdirSync(contentDir, { recursive: true });
  for (const p of [...pages, '/404']) {
    const file = p === '/404' ? join(site, '404.html') : join(site, `.${p}`, 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, REAL_PAGE);
  }
  mkdirSync(join(site, 'pagefind'), { recursive: true });
  writeFileSync(join(site, 'pagefind', 'index.html'), 'not a page');
  if (manifest) writeFileSync(join(contentDir, 'published-urls.txt'), formatManifest(manifest));
  if (redirects !== undefined) writeFileSync(join(contentDir, 'redirects.json'), typeof redirects === 'string' ? redirects : JSON.stringify(redirects, null, 2));
  const out: string[] = [];
  const run = (base = '/') => publishUrls({ site, contentDir, root, base, log: (l) => out.push(l), error: (l) => out.push(l) });
  const manifestNow = () => parseManifest(readFileSync(join(contentDir, 'published-urls.txt'), 'utf8'));
  return { root, site, contentDir, out, run, manifestNow };
}

const PAGES = ['/', '/notices/', '/notices/a-2021-1/', '/notices/a-2021-1/attachments/1/', '/items/', '/items/2/', '/items/a-2021-1-a1-01/', '/types/license/', '/types/license/2/', '/departments/县级公安部门/', '/search/'];

describe('the manifest', () => {
  it('is created by the first build with every page but 404 and numbered listing pages, sorted', () => {
    const f = fixture(PAGES);
    expect(f.run()).toBe(true);
    expect(f.manifestNow()).toEqual(['/', '/departments/县级公安部门/', '/items/', '/items/a-2021-1-a1-01/', '/notices/', '/notices/a-2021-1/', '/notices/a-2021-1/attachments/1/', '/search/', '/types/license/']);
    expect(readFileSync(join(f.contentDir, 'published-urls.txt'), 'utf8')).toMatch(/^# 本站发布过的全部网址/);
    expect(f.out.join('\n')).toContain('新增 9 个已发布网址');
  });

  it('grows with a new page and is left alone when nothing is new', () => {
    const f = fixture([...PAGES, '/notices/b-2022-3/'], PAGES.filter((p) => !isListingPage(p)));
    const before = readFileSync(join(f.contentDir, 'published-urls.txt'), 'utf8');
    expect(f.run()).toBe(true);
    expect(f.manifestNow()).toContain('/notices/b-2022-3/');
    expect(f.out.join('\n')).toContain('新增 1 个');
    const grown = readFileSync(join(f.contentDir, 'published-urls.txt'), 'utf8');
    expect(grown).not.toBe(before);
    expect(f.run()).toBe(true);
    expect(readFileSync(join(f.contentDir, 'published-urls.txt'), 'utf8')).toBe(grown);
  });

  it('numbered listing pages are not contract URLs, item pages are', () => {
    for (const p of ['/items/2/', '/types/license/3/', '/departments/县级公安部门/2/', '/changes/cancelled/2/', '/citations/国发〔2020〕13号/2/']) expect(isListingPage(p), p).toBe(true);
    for (const p of ['/items/', '/items/a-2021-1-a1-02/', '/notices/2021/', '/types/license/', '/departments/', '/citations/国发〔2020〕13号/'] ) expect(isListingPage(p), p).toBe(false);
  });
});

describe('a published URL that would disappear', () => {
  it('stops the build, names the URL and the manifest, and says how to fix it; the manifest is not rewritten', () => {
    const f = fixture(PAGES.filter((p) => !p.startsWith('/notices/a-2021-1/attachments/')), PAGES.filter((p) => !isListingPage(p)));
    const before = readFileSync(join(f.contentDir, 'published-urls.txt'), 'utf8');
    expect(f.run()).toBe(false);
    const report = f.out.join('\n');
    expect(report).toMatch(/^content\/published-urls\.txt: 已发布的网址 \/notices\/a-2021-1\/attachments\/1\/ 在本次构建中不存在.*content\/redirects\.json.*withdrawn.* \/ published URL/m);
    expect(report).toContain('网址检查未通过');
    expect(readFileSync(join(f.contentDir, 'published-urls.txt'), 'utf8')).toBe(before);
  });

  it('is fine once redirected: a redirect page is written at the old URL, under the base, and stays in the manifest', () => {
    const f = fixture(PAGES.filter((p) => p !== '/notices/a-2021-1/attachments/1/'), PAGES.filter((p) => !isListingPage(p)), {
      redirects: [{ from: '/notices/a-2021-1/attachments/1/', to: '/notices/a-2021-1/', reason: '附件并入正文' }],
    });
    expect(f.run('/fgf/')).toBe(true);
    const stub = readFileSync(join(f.site, 'notices/a-2021-1/attachments/1/index.html'), 'utf8');
    expect(stub).toContain('<meta http-equiv="refresh" content="0; url=/fgf/notices/a-2021-1/">');
    expect(stub).toContain('<a href="/fgf/notices/a-2021-1/">');
    expect(stub).toContain('lang="zh-CN"');
    expect(pageProblems(stub, '/fgf/')).toEqual([]);
    expect(f.manifestNow()).toContain('/notices/a-2021-1/attachments/1/');
    // The next build into the same folder does not mistake the redirect page for a page.
    expect(builtUrls(f.site).has('/notices/a-2021-1/attachments/1/')).toBe(false);
    expect(f.run('/fgf/')).toBe(true);
  });

  it('a redirect must lead to a page of this build, never from one, and never through another redirect', () => {
    const built = new Set(['/a/', '/b/']);
    const files = { manifest: 'content/published-urls.txt', redirects: 'content/redirects.json' };
    expect(planUrls(['/a/', '/b/'], built, [{ from: '/a/', to: '/b/' }], files).errors[0]).toMatch(/\/a\/ 仍是本站页面/);
    expect(planUrls(['/c/'], built, [{ from: '/c/', to: '/gone/' }], files).errors[0]).toMatch(/\/gone\/ 不是本站页面/);
    expect(planUrls(['/c/', '/d/'], built, [{ from: '/c/', to: '/d/' }, { from: '/d/', to: '/a/' }], files).errors[0]).toMatch(/请直接跳转到 \/a\//);
    expect(planUrls(['/c/'], built, [{ from: '/c/', to: '/a/' }], files)).toEqual({ errors: [], missing: [], added: ['/a/', '/b/'], manifest: ['/c/', '/a/', '/b/'] });
  });
});

describe('content/redirects.json', () => {
  const read = (json: unknown) => {
    const f = fixture([], undefined, json);
    return readRedirects(f.contentDir, f.root);
  };
  it('is optional', () => {
    const f = fixture([]);
    expect(readRedirects(f.contentDir, f.root)).toEqual({ redirects: [], errors: [] });
  });
  it('refuses paths that are not site paths, naming file:line', () => {
    for (const bad of ['notices/x/', '/notices/x', '//evil.example/', 'https://evil.example/', '/a/../../etc/', '/a b/', '/"><script>/', 'javascript:alert(1)//']) {
      const r = read({ redirects: [{ from: '/ok/', to: bad }] });
      expect(r.errors, bad).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ file: 'content/redirects.json', line: 5, field: 'redirects.0.to', value: bad });
      expect(r.errors[0]!.message).toMatch(/^[\u4e00-\u9fff].* \/ [a-z]/);
    }
  });
  it('refuses a URL redirected twice, to itself, unknown fields, and broken JSON', () => {
    expect(read({ redirects: [{ from: '/a/', to: '/b/' }, { from: '/a/', to: '/c/' }] }).errors[0]!.message).toContain('重复');
    expect(read({ redirects: [{ from: '/a/', to: '/a/' }] }).errors[0]!.message).toContain('自身');
    expect(read({ redirects: [{ from: '/a/', to: '/b/', code: 302 }] }).errors).toHaveLength(1);
    expect(read('{"redirects": [').errors[0]!.message).toContain('JSON 语法错误');
    expect(read('{"redirects": [], "redirects": []}').errors[0]!.message).toContain('两次');
  });
  it('npm run check reads it too', () => {
    const { root, content } = copyContent();
    dirs.push(root);
    writeFileSync(join(content, 'redirects.json'), JSON.stringify({ redirects: [{ from: '/notices/old/', to: 'javascript:alert(1)' }] }, null, 2));
    const errors = checkContent(root, content).errors;
    expect(errors).toEqual([expect.objectContaining({ file: 'content/redirects.json', line: 5, field: 'redirects.0.to' })]);
  });
  it('a broken redirects file stops the build step with file:line', () => {
    const f = fixture(['/'], ['/'], { redirects: [{ from: 'x', to: '/' }] });
    expect(f.run()).toBe(false);
    expect(f.out[0]).toMatch(/^content\/redirects\.json:4 /);
  });
});

describe('a withdrawn notice links to a page that exists', () => {
  const notice = (url: string) => `---\ntitle: 标题\nwithdrawn:\n  action: 废止\n  date: '2023-05-01'\n  reason: 已重新规定\n  replacedBy:\n    title: 新通知\n    url: ${url}\n---\n\n正文。\n`;
  it('a site path that is not a page of this build stops the build, naming file:line', () => {
    const f = fixture(['/', '/notices/a-2021-1/']);
    mkdirSync(join(f.contentDir, 'notices'));
    writeFileSync(join(f.contentDir, 'notices', 'a-2021-1.mdx'), notice('/notices/b-2023-5/'));
    expect(f.run()).toBe(false);
    expect(f.out[0]).toBe('content/notices/a-2021-1.mdx:9 字段 withdrawn.replacedBy.url 值 "/notices/b-2023-5/"： 替代文件的网址不是本站页面 / the replacement\'s URL is not a page of this build');
  });
  it('a page of this build, or another site, is fine', () => {
    const f = fixture(['/', '/notices/a-2021-1/', '/notices/b-2023-5/']);
    mkdirSync(join(f.contentDir, 'notices'));
    writeFileSync(join(f.contentDir, 'notices', 'a-2021-1.mdx'), notice('/notices/b-2023-5/'));
    writeFileSync(join(f.contentDir, 'notices', 'c-2020-1.mdx'), notice('https://www.gov.cn/zhengce/content/2023-05/01/content_1.htm'));
    expect(f.run()).toBe(true);
  });
});

describe('a withdrawn notice (src/schemas/withdrawn.ts)', () => {
  it('says what, when, why, and what replaces it', () => {
    const ok = { action: '废止', date: '2023-05-01', reason: '相关事项已重新规定', replacedBy: { title: '嘉祥县人民政府关于……的通知', docNumber: '嘉政发〔2023〕5号', url: '/notices/jiaxiang-2023-5/' } };
    expect(withdrawnSchema.safeParse(ok).success).toBe(true);
    expect(withdrawnSchema.safeParse({ action: '撤回', date: '2023-05-01', reason: '发文有误' }).success).toBe(true);
    expect(withdrawnSchema.safeParse({ ...ok, replacedBy: { ...ok.replacedBy, url: 'https://www.jiaxiang.gov.cn/art/2023/5/1/art_1.html' } }).success).toBe(true);
    for (const bad of [
      { ...ok, action: '删除' },
      { ...ok, date: '2023-02-30' },
      { ...ok, reason: '' },
      { ...ok, replacedBy: { ...ok.replacedBy, url: 'javascript:alert(1)' } },
      { ...ok, replacedBy: { ...ok.replacedBy, url: 'http://example.com/' } },
      { ...ok, replacedBy: { ...ok.replacedBy, docNumber: '嘉政发2023-5' } },
      { ...ok, extra: 1 },
    ]) expect(withdrawnSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('the real build', () => {
  it('removing a notice stops npm run build until its URLs are redirected', { timeout: 240_000 }, () => {
    const { root, content } = copyContent();
    dirs.push(root);
    const out = join(root, 'dist');
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', GONGKAI_CONTENT_DIR: content, GONGKAI_OUT_DIR: out, GONGKAI_CACHE_DIR: join(root, 'cache') };
    const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env });
    const astro = [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'];
    const step = [join(ROOT, 'scripts/index.ts')];
    // The committed manifest lists the plan's page.
    expect(parseManifest(readFileSync(join(content, 'published-urls.txt'), 'utf8'))).toContain('/notices/jinan-hitech-2021-40/');
    unlinkSync(join(content, 'notices/jinan-hitech-2021-40.mdx'));
    expect(checkContent(root, content).errors).toEqual([]);
    expect(node(astro).status).toBe(0);
    const failed = node(step);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(/published-urls\.txt: 已发布的网址 \/notices\/jinan-hitech-2021-40\/ 在本次构建中不存在/);
    expect(failed.stderr).not.toMatch(/\n\s+at /); // a content error, not a stack trace
    expect(existsSync(join(out, 'pagefind'))).toBe(false); // stopped before indexing

    // Every page of the notice is gone (its own, and any page only it gave rise to): redirect each to the list.
    const missing = planUrls(parseManifest(readFileSync(join(content, 'published-urls.txt'), 'utf8')), builtUrls(out), [], { manifest: '', redirects: '' }).missing;
    expect(missing).toContain('/notices/jinan-hitech-2021-40/');
    for (const u of missing) expect(failed.stderr).toContain(`已发布的网址 ${u} 在本次构建中不存在`);
    writeFileSync(join(content, 'redirects.json'), JSON.stringify({ redirects: missing.map((from) => ({ from, to: '/notices/', reason: '测试：通知移除' })) }));
    const ok = node(step);
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(join(out, 'notices/jinan-hitech-2021-40/index.html'), 'utf8')).toContain('url=/notices/');
  });
});
