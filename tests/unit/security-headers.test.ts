/**
 * The nginx example and scripts/serve.ts (npm start, the browser tests) send the same security headers. This reads
 * the nginx files as text, serves a small site with scripts/serve.ts and compares every response's headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { MAX_REQUEST_HEADER_BYTES, serve } from '../../scripts/serve.ts';

const DEPLOY = join(import.meta.dirname, '..', '..', 'scripts', 'deploy');
const snippet = readFileSync(join(DEPLOY, 'security-headers.conf'), 'utf8');
const nginx = readFileSync(join(DEPLOY, 'nginx.conf'), 'utf8');

/** The snippet's headers, read here independently of scripts/deploy/headers.ts. */
const NGINX_HEADERS = new Map(
  [...snippet.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;/gm)].map((m) => [m[1]!.toLowerCase(), m[2]!]),
);

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values.join(' ')];
  }));
}

describe('the nginx example', () => {
  it('sends the headers the issue asks for', () => {
    expect(NGINX_HEADERS.get('x-content-type-options')).toBe('nosniff');
    expect(NGINX_HEADERS.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(NGINX_HEADERS.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(NGINX_HEADERS.get('permissions-policy')).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(NGINX_HEADERS.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    const csp = directives(NGINX_HEADERS.get('content-security-policy') ?? '');
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    // Scripts and styles are left to each page's <meta> policy, which carries that build's hashes: a header
    // script-src (or default-src, its fallback) without them would block the site's own inline scripts.
    for (const d of ['script-src', 'style-src', 'default-src', 'script-src-elem', 'style-src-elem']) expect(csp.has(d), d).toBe(false);
  });

  it('includes the snippet in every location, the sub-path example too', () => {
    const locations = [...nginx.matchAll(/^\s*#?\s*location\b[^{]*\{([\s\S]*?)\n\s*#?\s*\}/gm)];
    expect(locations.length).toBeGreaterThanOrEqual(9);
    for (const l of locations) expect(l[0], l[0]).toContain('include snippets/gongkai-security-headers.conf;');
    // The snippet sits in the HTTPS server (HSTS), the port-80 server only redirects.
    expect(nginx).toMatch(/listen 80;[\s\S]*?return 301 https:\/\/\$host\$request_uri;/);
  });
});

describe('long search links', () => {
  it('nginx and scripts/serve.ts accept the same request size (10,000 Chinese characters in ?q= are 90 KB)', () => {
    const m = /large_client_header_buffers\s+\d+\s+(\d+)k;/.exec(nginx);
    expect(Number(m?.[1]) * 1024).toBe(MAX_REQUEST_HEADER_BYTES);
    expect(MAX_REQUEST_HEADER_BYTES).toBeGreaterThan(Buffer.byteLength(`GET /search/?q=${encodeURIComponent('典'.repeat(10_000))} HTTP/1.1`));
  });
});

describe('scripts/serve.ts sends the same headers', () => {
  let dir: string;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-headers-'));
    mkdirSync(join(dir, 'notices', 'x'), { recursive: true });
    mkdirSync(join(dir, '_astro'));
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>首页</title>');
    writeFileSync(join(dir, 'notices', 'x', 'index.html'), '<!doctype html><title>通知</title>');
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>404</title>');
    writeFileSync(join(dir, '_astro', 'a.js'), 'export {};');
    writeFileSync(join(dir, 'pagefind', 'zh-cn_1.pf_fragment'), 'x');
    ({ server, url } = await serve({ dir, port: 0 }));
  });
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cases: [string, number][] = [
    ['', 200],
    ['notices/x/', 200],
    ['notices/x', 301],
    ['no-such-page/', 404],
    ['_astro/a.js', 200],
    ['pagefind/zh-cn_1.pf_fragment', 200],
    ['%E0%A4%A', 400],
  ];
  for (const [path, status] of cases) {
    it(`/${path} (${status})`, async () => {
      const res = await fetch(url + path, { redirect: 'manual' });
      expect(res.status).toBe(status);
      for (const [name, value] of NGINX_HEADERS) {
        // HSTS means nothing over plain HTTP, where the local server runs: it is the one header left out.
        if (name === 'strict-transport-security') expect(res.headers.get(name)).toBeNull();
        else expect(res.headers.get(name), name).toBe(value);
      }
    });
  }
});

describe('Pagefind’s gzipped files', () => {
  let dir: string;
  let server: Server;
  let url: string;
  const fragment = 'pagefind_dcd{"url":"/items/x/","content":"典当"}';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-gzip-'));
    mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>首页</title>');
    writeFileSync(join(dir, 'pagefind', 'fragment', 'zh-cn_1.pf_fragment'), gzipSync(fragment));
    writeFileSync(join(dir, 'pagefind', 'wasm.unknown.pagefind'), gzipSync('pagefind_dcd\0asm'));
    writeFileSync(join(dir, 'pagefind', 'plain.pf_meta'), 'not gzip');
    ({ server, url } = await serve({ dir, port: 0 }));
  });
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are sent as gzip, so the browser unpacks them (Pagefind then skips its own gunzip)', async () => {
    const res = await fetch(`${url}pagefind/fragment/zh-cn_1.pf_fragment`);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe(fragment);
    expect((await fetch(`${url}pagefind/wasm.unknown.pagefind`)).headers.get('content-encoding')).toBe('gzip');
  });

  it('a file that is not gzip is sent as it is, and the page and scripts never as gzip', async () => {
    const plain = await fetch(`${url}pagefind/plain.pf_meta`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('not gzip');
    expect((await fetch(url)).headers.get('content-encoding')).toBeNull();
  });

  it('the nginx example sends them the same way, wherever it serves Pagefind’s files', () => {
    const gz = [...nginx.matchAll(/^\s*#?\s*location ~ \^\/(?:fgf\/)?pagefind\/\.\+\\\.\(?([a-z_|]+)\)?\$ \{([\s\S]*?)\}/gm)];
    const extensions = gz.map((m) => m[1]!.split('|')).flat().sort();
    expect(extensions).toEqual(['pagefind', 'pagefind', 'pf_filter', 'pf_filter', 'pf_fragment', 'pf_fragment', 'pf_index', 'pf_index', 'pf_meta', 'pf_meta']);
    for (const m of gz) expect(m[2], m[0]).toContain('add_header Content-Encoding gzip always;');
  });
});
