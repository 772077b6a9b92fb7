/**
 * What the security audit holds every page to (audit-every-page.spec.ts runs it on each page of the built site, and
 * audit-security.spec.ts while searching):
 * - a CSP <meta> in <head>, before any script or style, that allows scripts only from this origin, by SHA hash,
 *   and WebAssembly compilation for Pagefind ('self', 'wasm-unsafe-eval', 'sha256-…'; never 'unsafe-inline',
 *   'unsafe-eval', a nonce, a host or a scheme), styles only from this origin or by hash, no plugins
 *   (object-src 'none'), base-uri and every other directive limited to this origin;
 * - every inline <script> and <style> matches one of the policy's hashes; no inline event handler, style="" or
 *   javascript: URL (the policy would block them);
 * - while loading each page and while searching on /search/: no CSP violation, no request to any other origin,
 *   no failed request, no error in the console; and a <link rel="icon">, so no browser probes /favicon.ico.
 */
import { createHash } from 'node:crypto';
import type { ConsoleMessage, Page, Response } from '@playwright/test';

/** What each directive may allow: this origin, or nothing; hashes for scripts and styles; WebAssembly for Pagefind. */
const ALLOWED: Record<string, { keywords: string[]; hashes?: boolean }> = {
  'default-src': { keywords: ["'self'", "'none'"] },
  'script-src': { keywords: ["'self'", "'wasm-unsafe-eval'"], hashes: true },
  'style-src': { keywords: ["'self'"], hashes: true },
  'img-src': { keywords: ["'self'", "'none'"] },
  'font-src': { keywords: ["'self'", "'none'"] },
  'connect-src': { keywords: ["'self'", "'none'"] },
  'worker-src': { keywords: ["'self'", "'none'"] },
  'manifest-src': { keywords: ["'self'", "'none'"] },
  'media-src': { keywords: ["'self'", "'none'"] },
  'frame-src': { keywords: ["'none'"] },
  'child-src': { keywords: ["'self'", "'none'"] },
  'object-src': { keywords: ["'none'"] },
  'base-uri': { keywords: ["'self'", "'none'"] },
  'form-action': { keywords: ["'self'", "'none'"] },
};
const REQUIRED = ['default-src', 'script-src', 'style-src', 'object-src', 'base-uri'];
const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;

export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    // The first occurrence wins, as in a browser.
    if (!directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** Problems with a policy, judged against ALLOWED. */
function policyProblems(policy: Map<string, string[]>): string[] {
  const problems: string[] = [];
  for (const name of REQUIRED) if (!policy.has(name)) problems.push(`CSP has no ${name}`);
  for (const [name, values] of policy) {
    const allowed = ALLOWED[name];
    if (!allowed) {
      if (name !== 'upgrade-insecure-requests') problems.push(`CSP directive ${name} is not expected`);
      continue;
    }
    for (const v of values) {
      const ok = allowed.keywords.includes(v) || (allowed.hashes && HASH.test(v));
      if (!ok) problems.push(`CSP ${name} allows ${v}`);
    }
  }
  return problems;
}

const sha = (text: string, algorithm: string) => createHash(algorithm).update(text, 'utf8').digest('base64');

interface PageFacts {
  metas: { content: string; inHead: boolean }[];
  /** Scripts, styles and style sheets that come before the CSP meta in document order. */
  beforeMeta: string[];
  inlineScripts: string[];
  inlineStyles: string[];
  handlers: string[];
  styleAttributes: string[];
  javascriptUrls: string[];
  foreignResources: string[];
  icons: string[];
}

export async function pageFacts(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const metas = [...document.querySelectorAll('meta[http-equiv]')].filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
    const first = metas[0];
    const beforeMeta = first
      ? [...document.querySelectorAll('script, style, link[rel~="stylesheet"], link[rel~="modulepreload"], link[rel~="preload"]')]
          .filter((el) => el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)
          .map((el) => el.outerHTML.slice(0, 80))
      : [];
    const all = [...document.querySelectorAll('*')];
    const describe = (el: Element) => `<${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}>`;
    const resourceSelectors =
      'script[src], img[src], iframe[src], source[src], video[src], audio[src], track[src], embed[src], object[data], ' +
      'link[rel~="stylesheet"], link[rel~="preload"], link[rel~="modulepreload"], link[rel~="prefetch"], link[rel~="preconnect"], ' +
      'link[rel~="dns-prefetch"], link[rel~="icon"], link[rel~="manifest"], link[rel~="apple-touch-icon"]';
    const foreignResources = [...document.querySelectorAll(resourceSelectors)]
      .map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttribute('data') ?? '')
      .filter((v) => {
        try {
          const u = new URL(v, document.baseURI);
          return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin !== location.origin;
        } catch {
          return false;
        }
      });
    return {
      metas: metas.map((m) => ({ content: m.getAttribute('content') ?? '', inHead: m.parentElement === document.head })),
      beforeMeta,
      inlineScripts: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
      inlineStyles: [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''),
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${describe(el)} ${a.name}`)),
      styleAttributes: all.filter((el) => el.hasAttribute('style')).map(describe),
      javascriptUrls: all.flatMap((el) => [...el.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `${describe(el)} ${a.name}`)),
      foreignResources,
      icons: [...document.querySelectorAll('link[rel~="icon"][href]')].map((l) => l.getAttribute('href')!),
    };
  });
}

/** Static problems of one loaded page: the policy, hashes, what the policy would block. */
export function staticProblems(facts: PageFacts): string[] {
  const problems: string[] = [];
  if (facts.metas.length !== 1) return [`${facts.metas.length} CSP <meta> elements (expected exactly 1)`];
  const meta = facts.metas[0]!;
  if (!meta.inHead) problems.push('the CSP <meta> is not in <head>');
  for (const el of facts.beforeMeta) problems.push(`${el} comes before the CSP <meta>, so the policy does not cover it`);
  const policy = parsePolicy(meta.content);
  problems.push(...policyProblems(policy));
  const hashes = (name: string) => new Set((policy.get(name) ?? []).filter((v) => HASH.test(v)));
  const scriptHashes = hashes('script-src');
  const styleHashes = hashes('style-src');
  const matches = (text: string, set: Set<string>) =>
    [...set].some((h) => {
      const [, alg, value] = /^'sha(\d+)-(.+)'$/.exec(h)!;
      return sha(text, `sha${alg}`) === value;
    });
  for (const s of facts.inlineScripts) {
    if (!matches(s, scriptHashes)) problems.push(`an inline <script> matches no hash in script-src: ${JSON.stringify(s.slice(0, 60))}…`);
  }
  for (const s of facts.inlineStyles) {
    if (!matches(s, styleHashes)) problems.push(`an inline <style> matches no hash in style-src: ${JSON.stringify(s.slice(0, 60))}…`);
  }
  for (const h of facts.handlers) problems.push(`inline event handler ${h} (blocked by the policy; use a script)`);
  for (const s of facts.styleAttributes) problems.push(`style="" attribute on ${s} (blocked by the policy; use a class)`);
  for (const j of facts.javascriptUrls) problems.push(`javascript: URL in ${j}`);
  for (const f of facts.foreignResources) problems.push(`loads ${f} from another origin`);
  // Without <link rel="icon"> every browser asks the host for /favicon.ico on every page (a 404 and a console
  // error, and not this site's file at all under a base path). The links audit checks the icon exists.
  if (facts.icons.length === 0) problems.push('no <link rel="icon">: browsers will request /favicon.ico (404)');
  return problems;
}

export interface Watch {
  foreign: string[];
  errors: string[];
  stop: () => void;
}

const watched = new WeakSet<Page>();

/** Collect, from now on, requests to other origins and console errors; CSP violations are kept by an init script. */
export async function watch(page: Page, origin: string): Promise<Watch> {
  if (!watched.has(page)) {
    watched.add(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}${e.sample ? ` (${e.sample})` : ''} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
  }
  const foreign: string[] = [];
  const errors: string[] = [];
  const onRequest = (r: { url: () => string }) => {
    const url = new URL(r.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && url.origin !== origin) foreign.push(r.url());
  };
  // The browser's own /favicon.ico probe arrives at no fixed moment; the icon is checked statically instead.
  const probe = (url: string | undefined) => !!url && new URL(url).pathname === '/favicon.ico';
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'error' && !probe(m.location().url)) errors.push(`console error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
  };
  const onResponse = (r: Response) => {
    if (r.status() >= 400 && !probe(r.url())) errors.push(`${r.url()} answered ${r.status()}`);
  };
  const onPageError = (e: Error) => errors.push(`uncaught error: ${e.message}`);
  page.on('request', onRequest);
  page.on('response', onResponse);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  return {
    foreign,
    errors,
    stop: () => {
      page.off('request', onRequest);
      page.off('response', onResponse);
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
    },
  };
}

export const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

/**
 * The problems of a page loaded while `w` watched: the policy and what it would block, CSP violations, requests to
 * other origins, failed requests and console errors.
 */
export async function securityProblems(browserPage: Page, w: Watch): Promise<string[]> {
  // Module scripts have run by 'load'; a moment more lets a late request (a lazy image) show.
  await browserPage.waitForTimeout(50);
  const problems = staticProblems(await pageFacts(browserPage));
  for (const v of await violations(browserPage)) problems.push(`CSP violation: ${v}`);
  for (const f of w.foreign) problems.push(`requested ${f} (another origin)`);
  problems.push(...w.errors);
  return problems;
}
