/**
 * The nginx example and scripts/serve.ts (npm start, the browser tests) send the same security headers. This reads
 * the nginx files as text, serves a small site with scripts/serve.ts and compares every response's headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Server } from 'node:http';
import { get, type IncomingMessage } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MAX_REQUEST_HEADER_BYTES, serve } from '../../scripts/serve.ts';
import { nginxLocation, readNginxCaching, readNginxGzip } from '../../scripts/deploy/headers.ts';

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

/** A small site in a temporary folder (path → content), served by scripts/serve.ts for the tests of one block. */
function servedSite(files: Record<string, string | Buffer>): { readonly url: string } {
  let dir = '';
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-serve-'));
    for (const [path, body] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), body);
    }
    ({ server, url } = await serve({ dir, port: 0 }));
  });
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get url() {
      return url;
    },
  };
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

/** One file of each kind the nginx example tells apart: the headers and the caching are checked on it. */
const site = servedSite({
  'index.html': '<!doctype html><title>首页</title>',
  '404.html': '<!doctype html><title>未找到</title>',
  'notices/x/index.html': '<!doctype html><title>通知</title>',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  '_astro/a.1234.js': 'export {};',
  'pagefind/pagefind.js': 'export {};',
  'pagefind/fragment/zh-cn_1.pf_fragment': gzipSync('pagefind_dcd{}'),
  'pagefind/wasm.unknown.pagefind': gzipSync('pagefind_dcd\0asm'),
});

describe('scripts/serve.ts sends the same headers', () => {

  const cases: [string, number][] = [
    ['', 200],
    ['notices/x/', 200],
    ['notices/x', 301],
    ['no-such-page/', 404],
    ['_astro/a.1234.js', 200],
    ['pagefind/fragment/zh-cn_1.pf_fragment', 200],
    ['%E0%A4%A', 400],
  ];
  for (const [path, status] of cases) {
    it(`/${path} (${status})`, async () => {
      const res = await fetch(site.url + path, { redirect: 'manual' });
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
  const fragment = 'pagefind_dcd{"url":"/items/x/","content":"典当"}';
  const site = servedSite({
    'index.html': '<!doctype html><title>首页</title>',
    'pagefind/fragment/zh-cn_1.pf_fragment': gzipSync(fragment),
    'pagefind/wasm.unknown.pagefind': gzipSync('pagefind_dcd\0asm'),
    'pagefind/plain.pf_meta': 'not gzip',
  });

  it('are sent as gzip, so the browser unpacks them (Pagefind then skips its own gunzip)', async () => {
    const res = await fetch(`${site.url}pagefind/fragment/zh-cn_1.pf_fragment`);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe(fragment);
    expect((await fetch(`${site.url}pagefind/wasm.unknown.pagefind`)).headers.get('content-encoding')).toBe('gzip');
  });

  it('a file that is not gzip is sent as it is, and a page under nginx’s gzip_min_length is not compressed', async () => {
    const plain = await fetch(`${site.url}pagefind/plain.pf_meta`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('not gzip');
    expect((await fetch(site.url)).headers.get('content-encoding')).toBeNull();
  });

  it('the nginx example sends them the same way, wherever it serves Pagefind’s files', () => {
    const gz = [...nginx.matchAll(/^\s*#?\s*location ~ \^\/(?:fgf\/)?pagefind\/\.\+\\\.\(?([a-z_|]+)\)?\$ \{([\s\S]*?)\}/gm)];
    const extensions = gz.map((m) => m[1]!.split('|')).flat().sort();
    expect(extensions).toEqual(['pagefind', 'pagefind', 'pf_filter', 'pf_filter', 'pf_fragment', 'pf_fragment', 'pf_index', 'pf_index', 'pf_meta', 'pf_meta']);
    for (const m of gz) expect(m[2], m[0]).toContain('add_header Content-Encoding gzip always;');
  });
});

/** A raw GET (fetch would unpack the body): status, headers and the bytes as sent. */
function rawGet(target: string, headers: Record<string, string>): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((done, fail) => {
    get(target, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ res, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

describe('text compressed on the fly, as nginx does', () => {
  // Over nginx.conf's gzip_min_length (1024): a page, a script and a data file of the site, and a CSV (text/csv is
  // not among its gzip_types: the open data is sent as it is).
  const page = `<!doctype html><title>事项</title>${'<p>乡村兽医登记许可</p>'.repeat(200)}`;
  const script = `export const words = ${JSON.stringify('典当'.repeat(600))};`;
  const csv = `事项名称,实施部门\n${'典当业特种行业许可证核发,县公安局\n'.repeat(100)}`;
  const site = servedSite({ 'index.html': page, '_astro/page.js': script, 'items.csv': csv, 'small.json': '{"q":"典当"}' });

  it('a page and a script over 1 KB are gzipped for a client that accepts gzip, and unpack to the file', async () => {
    for (const [path, text] of [['', page], ['_astro/page.js', script]] as const) {
      const { res, body } = await rawGet(site.url + path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(res.headers['content-encoding'], path).toBe('gzip');
      expect(res.headers.vary, path).toBe('Accept-Encoding');
      expect(Number(res.headers['content-length'])).toBe(body.length);
      expect(body.length).toBeLessThan(Buffer.byteLength(text));
      expect(gunzipSync(body).toString('utf8')).toBe(text);
    }
  });

  it('sent as they are to a client that does not accept gzip, to a HEAD without a body, and for types nginx leaves alone', async () => {
    const plain = await rawGet(site.url, { 'accept-encoding': 'identity' });
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(plain.res.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString('utf8')).toBe(page);
    const data = await rawGet(`${site.url}items.csv`, { 'accept-encoding': 'gzip' });
    expect(data.res.headers['content-encoding']).toBeUndefined();
    expect(data.body.toString('utf8')).toBe(csv);
    const small = await rawGet(`${site.url}small.json`, { 'accept-encoding': 'gzip' });
    expect(small.res.headers['content-encoding']).toBeUndefined();
    const head = await fetch(site.url, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    expect(head.headers.get('content-encoding')).toBe('gzip');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('the rule is read from nginx.conf: its gzip_types (and text/html), gzip_min_length and gzip_comp_level', () => {
    const rule = readNginxGzip(nginx);
    for (const type of ['text/html', 'text/css', 'text/javascript', 'application/json', 'application/xml', 'image/svg+xml']) expect(rule.types.has(type), type).toBe(true);
    expect(rule.types.has('text/csv')).toBe(false);
    expect(rule.minLength).toBe(1024);
    expect(rule.level).toBe(6);
    expect(readNginxGzip('gzip off;\ngzip_types text/css;').types.size).toBe(0);
    expect(() => readNginxGzip('gzip on;\ngzip_min_length 1k;')).toThrow(/gzip_min_length 1k/);
  });
});

describe('caching, as the nginx example does', () => {
  it('nginx’s choice of location: exact, then the first matching regular expression, then the longest prefix', () => {
    const conf = [
      'location / { add_header Cache-Control "no-cache" always; }',
      'location /pagefind/ { add_header Cache-Control "hour" always; }',
      '# location /commented/ { add_header Cache-Control "never" always; }',
      'location ~ ^/pagefind/.+\\.(pf_fragment|pf_index)$ { add_header Cache-Control "year" always; }',
      'location ~ ^/pagefind/.+\\.pf_index$ { add_header Cache-Control "second regex" always; }',
      'location = /favicon.svg { add_header Cache-Control "day" always; }',
    ].join('\n');
    const locations = readNginxCaching(conf);
    const chosen = (path: string) => nginxLocation(locations, path)?.cacheControl;
    expect(locations).toHaveLength(5);
    expect(chosen('/notices/x/')).toBe('no-cache');
    expect(chosen('/commented/x')).toBe('no-cache');
    expect(chosen('/pagefind/pagefind.js')).toBe('hour');
    expect(chosen('/pagefind/fragment/zh_1.pf_fragment')).toBe('year');
    expect(chosen('/pagefind/index/zh_1.pf_index')).toBe('year');
    expect(chosen('/favicon.svg')).toBe('day');
    expect(() => readNginxCaching('location / { try_files $uri =404; }')).toThrow(/location \/ has no add_header Cache-Control/);
  });

  describe('scripts/serve.ts sends what nginx.conf says for each kind of file', () => {
    // The values are nginx.conf's, copied here as the fixture: a change to either side shows.
    const cases: [string, number, string][] = [
      ['', 200, 'no-cache'],
      ['notices/x/', 200, 'no-cache'],
      ['notices/x', 301, 'no-cache'],
      ['_astro/a.1234.js', 200, 'public, max-age=31536000, immutable'],
      ['pagefind/pagefind.js', 200, 'public, max-age=3600'],
      ['pagefind/fragment/zh-cn_1.pf_fragment', 200, 'public, max-age=31536000, immutable'],
      ['pagefind/wasm.unknown.pagefind', 200, 'public, max-age=3600'],
      ['favicon.svg', 200, 'public, max-age=86400'],
      // A miss is 404.html (error_page): its own location's header, not the one of the path asked for.
      ['pagefind/fragment/gone.pf_fragment', 404, 'no-cache'],
      ['_astro/gone.js', 404, 'no-cache'],
    ];
    for (const [path, status, cache] of cases) {
      it(`/${path} (${status}): ${cache}`, async () => {
        const res = await fetch(site.url + path, { redirect: 'manual' });
        expect(res.status).toBe(status);
        expect(res.headers.get('cache-control')).toBe(cache);
      });
    }
  });
});
