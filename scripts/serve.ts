/**
 * A small static server for the built site (dist/), used by `npm start` and by the browser tests.
 * It behaves like the nginx example in scripts/deploy/: directory URLs serve index.html, a missing page
 * serves 404.html with status 404, each path gets the Cache-Control of the nginx location it falls in (read from
 * scripts/deploy/nginx.conf), Pagefind's gzipped files
 * are sent with Content-Encoding: gzip, the pages, scripts, styles and data files are gzipped on the fly as nginx
 * does (its gzip_types and gzip_min_length, read from scripts/deploy/nginx.conf: what Lighthouse and the tests see
 * is what a deployed site sends), and every response carries the security headers of
 * scripts/deploy/security-headers.conf (read from that file; HSTS only applies over HTTPS).
 *
 *   node scripts/serve.ts [--dir dist] [--host 127.0.0.1] [--port 4321] [--base /]
 *
 * --port 0 picks a free port; the first line printed is the URL.
 */
import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { servedCaching, servedGzip, servedSecurityHeaders, type GzipRule } from './deploy/headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/**
 * Pagefind writes its metadata, index chunks, filters, fragments and WebAssembly gzip-compressed. Sent as what they
 * are (Content-Encoding: gzip), the browser unpacks them in its network stack, and Pagefind's script, finding its
 * signature already unpacked, skips its own gunzip on the page's main thread (the nginx example does the same).
 */
const PAGEFIND_GZIPPED = /\.(pf_meta|pf_index|pf_filter|pf_fragment|pagefind)$/;

function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Gzipped bodies by file, while the file is unchanged (a test run or a bench asks for the same scripts often). */
class GzipCache {
  private readonly entries = new Map<string, { mtimeMs: number; size: number; body: Buffer }>();
  private bytes = 0;
  private static readonly MAX_BYTES = 64 * 1024 * 1024;

  get(file: string, { mtimeMs, size }: Stats, level: number): Buffer {
    const hit = this.entries.get(file);
    if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.body;
    const body = gzipSync(readFileSync(file), { level });
    if (this.bytes + body.length > GzipCache.MAX_BYTES) {
      this.entries.clear();
      this.bytes = 0;
    }
    this.entries.set(file, { mtimeMs, size, body });
    this.bytes += body.length;
    return body;
  }
}

/** nginx compresses responses of this type (gzip_types, and text/html always). */
const compressible = (rule: GzipRule, contentType: string) => rule.types.has(contentType.split(';')[0]!.trim());

/** Whether nginx would compress this response: its type is listed, it is long enough, the client accepts gzip. */
function gzipsOnTheFly(rule: GzipRule, contentType: string, size: number, acceptEncoding: string | undefined): boolean {
  return compressible(rule, contentType) && size >= rule.minLength && /\bgzip\b/i.test(acceptEncoding ?? '');
}

/** Request line and headers, at most (nginx.conf: large_client_header_buffers 4 128k). */
export const MAX_REQUEST_HEADER_BYTES = 128 * 1024;

export interface ServeOptions {
  dir: string;
  host?: string;
  port?: number;
  base?: string;
}

export function serve({ dir, host = '127.0.0.1', port = 4321, base = '/' }: ServeOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const security = servedSecurityHeaders();
  const gzip = servedGzip();
  // Cache-Control as the nginx example's locations add it, for the path under the base (/pagefind/…).
  const cacheControl = servedCaching();
  const gzipped = new GzipCache();
  // A shared search link can be long: 10,000 Chinese characters in ?q= are 90 KB percent-encoded (Node's default
  // limit is 16 KB). The nginx example allows the same (large_client_header_buffers).
  const server = createServer({ maxHeaderSize: MAX_REQUEST_HEADER_BYTES }, (req, res) => {
    for (const [name, value] of Object.entries(security)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('Bad Request');
      return;
    }
    // `location` is the path nginx's headers are chosen by: the page's own, or /404.html (error_page) for a miss.
    const send = (file: string, location: string, status = 200) => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string | number> = { 'Content-Type': type, 'Cache-Control': cacheControl(location) };
      let body: Buffer | undefined;
      if (PAGEFIND_GZIPPED.test(file) && isGzip(file)) headers['Content-Encoding'] = 'gzip';
      else if (compressible(gzip, type)) {
        // gzip_vary on: a cache in between keeps the two forms apart.
        headers.Vary = 'Accept-Encoding';
        const stats = statSync(file);
        if (gzipsOnTheFly(gzip, type, stats.size, req.headers['accept-encoding'])) {
          body = gzipped.get(file, stats, gzip.level);
          headers['Content-Encoding'] = 'gzip';
          headers['Content-Length'] = body.length;
        }
      }
      res.writeHead(status, headers);
      if (req.method === 'HEAD') res.end();
      else if (body) res.end(body);
      else createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const page = join(root, '404.html');
      if (existsSync(page)) send(page, '/404.html', 404);
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found');
    };
    if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) return notFound();
    const rel = pathname.slice(prefix.length - 1);
    const target = normalize(join(root, rel));
    if (target !== root && !target.startsWith(root + sep)) return notFound();
    if (existsSync(target) && statSync(target).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/${url.search}`, 'Cache-Control': cacheControl(rel) }).end();
        return;
      }
      const index = join(target, 'index.html');
      return existsSync(index) ? send(index, rel) : notFound();
    }
    if (existsSync(target)) return send(target, rel);
    notFound();
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      done({ server, url: `http://${host}:${actual}${prefix}` });
    });
  });
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

if (import.meta.main) {
  const dir = arg('dir', 'dist');
  if (!existsSync(join(dir, 'index.html')) && !existsSync(join(dir, '404.html')) && !existsSync(dir)) {
    console.error(`没有找到已构建的网站 ${dir}/，请先运行 npm run build / no built site in ${dir}/: run npm run build first`);
    process.exit(1);
  }
  const { url } = await serve({
    dir,
    host: arg('host', '127.0.0.1'),
    port: Number(arg('port', process.env.PORT ?? '4321')),
    base: arg('base', process.env.GONGKAI_BASE ?? '/'),
  });
  console.log(url);
  console.log(`网站已启动 / serving ${dir}/ at ${url} (Ctrl+C 停止 / to stop)`);
}
