/**
 * Published URLs never break. `npm run build` runs this after `astro build` (from scripts/index.ts):
 *
 * - content/published-urls.txt lists every URL the site has ever published, without the deployment's base
 *   (/fgf/), one per line. It lives in the content folder (GONGKAI_CONTENT_DIR), is updated by the build with each
 *   new page, and is committed with the content, so a reviewer sees every URL a commit publishes.
 * - A URL in the list that the build no longer produces stops the build, unless the content says what became of
 *   it: a redirect in content/redirects.json to the page that replaced it (a small page with a meta refresh and a
 *   link is written at the old URL, which works on any static host), or — for a notice that was withdrawn or
 *   repealed — nothing at all, because such a notice keeps its file, with `withdrawn` in its frontmatter, and so
 *   its page, which says 「本文件已于…废止」 and links to what replaces it.
 * - Numbered listing pages (/items/2/, /types/license/3/) are left out: they shift as notices are added; the first
 *   page of every listing is kept.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Redirect } from '../src/schemas/redirects.ts';
import { preflightFile } from '../src/lib/validation/read.ts';
import { formatError, splitFrontmatter } from '../src/lib/validation/check-content.ts';
import { yamlLine } from '../src/lib/validation/locate.ts';
import { parseDocument } from 'yaml';
import { readRedirects, REDIRECTS } from '../src/lib/validation/redirects.ts';

export { REDIRECTS };

export const MANIFEST = 'published-urls.txt';
/** Marks the pages this step writes at redirected URLs. */
const REDIRECT_MARK = '<meta name="generator" content="gongkai-redirect">';

const HEADER = [
  '# 本站发布过的全部网址（不含部署路径前缀，如 /fgf/），每行一个。由 npm run build 自动补充新网址，请随内容一并提交。',
  '# 已发布的网址不得消失：删除或改名前，在 content/redirects.json 中写明跳转；撤回或废止的通知保留文件并在头部信息中加 withdrawn。',
  '# Every URL this site has published (without the base path). npm run build adds new ones: commit this file with',
  '# the content. A URL listed here must stay: redirect it in content/redirects.json, or keep a withdrawn notice.',
];

/** /items/2/, /types/license/3/, /departments/x/2/, /changes/cancelled/2/, /citations/x/2/: numbered pages of a listing. */
export function isListingPage(path: string): boolean {
  return /^\/(?:items|types\/[^/]+|departments\/[^/]+|changes\/[^/]+|citations\/[^/]+)\/\d+\/$/.test(path);
}

/** Every page the build wrote, as base-less site paths (/notices/x/), without 404.html. */
export function builtUrls(site: string): Set<string> {
  const urls = new Set<string>();
  for (const f of readdirSync(site, { recursive: true }).map(String)) {
    const file = f.split(sep).join('/');
    if (!file.endsWith('index.html') || file.startsWith('pagefind/')) continue;
    if (file !== 'index.html' && !file.endsWith('/index.html')) continue;
    // A redirect page left by an earlier build into the same folder is not a page (real pages are ≥ 10 KB).
    const abs = join(site, f);
    if (statSync(abs).size < 2048 && readFileSync(abs, 'utf8').includes(REDIRECT_MARK)) continue;
    urls.add(`/${file.slice(0, -'index.html'.length)}`);
  }
  return urls;
}

/** The manifest's URLs (comments and blank lines skipped). */
export function parseManifest(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export function formatManifest(urls: Iterable<string>): string {
  return `${HEADER.join('\n')}\n${[...new Set(urls)].sort().join('\n')}\n`;
}

export interface UrlPlan {
  /** Problems, one line each (Chinese first). Empty: the build may go on. */
  errors: string[];
  /** Published URLs now missing (each also in errors). */
  missing: string[];
  /** URLs to add to the manifest. */
  added: string[];
  /** The manifest after this build. */
  manifest: string[];
}

/** What this build does to the URL contract: pure, for the tests. */
export function planUrls(published: string[], built: Set<string>, redirects: Redirect[], files: { manifest: string; redirects: string }): UrlPlan {
  const errors: string[] = [];
  const from = new Map(redirects.map((r) => [r.from, r]));
  for (const r of redirects) {
    if (built.has(r.from)) errors.push(`${files.redirects}: ${r.from} 仍是本站页面，不能再跳转到 ${r.to}，请删除这条跳转 / ${r.from} is still a page: remove the redirect`);
    if (!built.has(r.to)) {
      const hop = from.get(r.to);
      errors.push(hop
        ? `${files.redirects}: ${r.from} 跳转到 ${r.to}，而它又跳转到 ${hop.to}：请直接跳转到 ${hop.to} / chained redirect: point ${r.from} at ${hop.to}`
        : `${files.redirects}: ${r.from} 跳转到的 ${r.to} 不是本站页面 / redirect target ${r.to} is not a page of this build`);
    }
  }
  const missing = published.filter((u) => !built.has(u) && !from.has(u));
  for (const u of missing) {
    errors.push(
      `${files.manifest}: 已发布的网址 ${u} 在本次构建中不存在，引用它的链接会失效。请写明它的去向：在 ${files.redirects} 中加 {"from": "${u}", "to": "/新网址/"}；` +
        `若通知被撤回或废止，保留该通知文件并在头部信息中加 withdrawn（页面会显示撤回说明）；若它从未上线（只在本机构建时加入、未提交），可从 ${files.manifest} 删去这一行 / ` +
        `published URL ${u} would disappear: redirect it in ${files.redirects}, keep the withdrawn notice, or — if it was never committed — delete its line`,
    );
  }
  const have = new Set(published);
  const added = [...new Set([...built, ...from.keys()])].filter((u) => !have.has(u) && !isListingPage(u)).sort();
  return { errors, missing, added, manifest: [...published, ...added] };
}

/**
 * A withdrawn notice links to what replaces it (`withdrawn.replacedBy.url`): a path on this site must be a page of
 * this build, or the notice would send its readers to a 404.
 */
export function replacementLinkErrors(contentDir: string, root: string, built: Set<string>): string[] {
  const dir = join(contentDir, 'notices');
  if (!existsSync(dir)) return [];
  const errors: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()) {
    const abs = join(dir, name);
    const text = preflightFile(abs, root).text; // the content check has refused anything unsafe to parse
    const fm = text === undefined ? undefined : splitFrontmatter(text);
    if (!fm) continue;
    const url: unknown = (parseDocument(fm.yaml).toJS() as { withdrawn?: { replacedBy?: { url?: unknown } } } | null)?.withdrawn?.replacedBy?.url;
    if (typeof url === 'string' && url.startsWith('/') && !built.has(url)) {
      const file = relative(root, abs).split(sep).join('/');
      const line = fm.firstLine + yamlLine(fm.yaml, ['withdrawn', 'replacedBy', 'url']) - 1;
      errors.push(`${file}:${line} 字段 withdrawn.replacedBy.url 值 "${url}"： 替代文件的网址不是本站页面 / the replacement's URL is not a page of this build`);
    }
  }
  return errors;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page written at a redirected URL: a meta refresh and a link (works on any static host, JavaScript off too). */
export function redirectPage(to: string, base: string): string {
  const href = escapeHtml(`${base.replace(/\/$/, '')}${to}`);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="robots" content="noindex">
${REDIRECT_MARK}
<meta http-equiv="refresh" content="0; url=${href}">
<title>页面已迁移</title>
</head>
<body>
<p>本页已迁移至 <a href="${href}">${href}</a>。</p>
</body>
</html>
`;
}

/**
 * The build step: check the URL contract for the built site in `site` and the content in `contentDir`, write the
 * redirect pages, and add new URLs to the manifest. Returns false (and writes nothing to the content folder) when a
 * published URL would disappear or a redirect is wrong.
 */
export function publishUrls(options: { site: string; contentDir: string; root?: string; base?: string; log?: (line: string) => void; error?: (line: string) => void }): boolean {
  const { site, contentDir, root = process.cwd(), base = '/', log = console.log, error = console.error } = options;
  const manifestFile = join(contentDir, MANIFEST);
  const files = {
    manifest: relative(root, manifestFile).split(sep).join('/'),
    redirects: relative(root, join(contentDir, REDIRECTS)).split(sep).join('/'),
  };
  const { redirects, errors: redirectErrors } = readRedirects(contentDir, root);
  if (redirectErrors.length > 0) {
    for (const e of redirectErrors) error(formatError(e));
    error('网址检查未通过 / published URL check failed');
    return false;
  }
  const published = existsSync(manifestFile) ? parseManifest(preflightFile(manifestFile, root).text ?? '') : [];
  const built = builtUrls(site);
  const plan = planUrls(published, built, redirects, files);
  plan.errors.push(...replacementLinkErrors(contentDir, root, built));
  if (plan.errors.length > 0) {
    for (const e of plan.errors) error(e);
    error(`网址检查未通过：${plan.errors.length} 个问题 / published URL check failed: ${plan.errors.length} problem(s)`);
    return false;
  }
  const root_ = resolve(site);
  for (const r of redirects) {
    const target = resolve(root_, `.${r.from}`, 'index.html');
    if (!target.startsWith(root_ + sep)) continue; // sitePath refuses "..": belt and braces
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, redirectPage(r.to, base));
  }
  if (plan.added.length > 0 || !existsSync(manifestFile)) {
    writeFileSync(manifestFile, formatManifest(plan.manifest));
    log(`[gongkai:urls] ${files.manifest}：新增 ${plan.added.length} 个已发布网址，请随内容一并提交 / ${plan.added.length} new published URL(s): commit the file`);
  }
  log(`[gongkai:urls] ${plan.manifest.length} 个已发布网址全部可达${redirects.length ? `（其中 ${redirects.length} 个跳转）` : ''} / all ${plan.manifest.length} published URLs resolve`);
  return true;
}
