/**
 * Measuring tools for the benchmark: sizes on disk, the resident memory of a process tree, bytes on the wire.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Request } from '@playwright/test';

export interface DistFigures {
  distBytes: number;
  indexBytes: number;
  pages: number;
  itemPages: number;
  /** The largest item page's HTML (the worst case a reader downloads). */
  itemPageBytes: number;
  itemPageMedianBytes: number;
  /** The largest HTML page of any kind, with its path. */
  largestPage: { path: string; bytes: number };
}

/** Walk a built site once: total size, Pagefind's index, the HTML pages and the item pages among them. */
export function measureDist(dist: string): DistFigures {
  let distBytes = 0;
  let indexBytes = 0;
  let pages = 0;
  const itemSizes: number[] = [];
  let largestPage = { path: '', bytes: 0 };
  const pagefindDir = join(dist, 'pagefind') + sep;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const size = statSync(file).size;
    distBytes += size;
    if (file.startsWith(pagefindDir)) indexBytes += size;
    if (!entry.name.endsWith('.html')) continue;
    pages++;
    const rel = relative(dist, file).split(sep).join('/');
    if (size > largestPage.bytes) largestPage = { path: rel, bytes: size };
    // Item pages are /items/{notice}-a{n}-{seq}/ (the paged list's /items/2/ … are not items).
    if (/^items\/[^/]+-a\d+-\d{2,}\/index\.html$/.test(rel)) itemSizes.push(size);
  }
  itemSizes.sort((a, b) => a - b);
  return {
    distBytes,
    indexBytes,
    pages,
    itemPages: itemSizes.length,
    itemPageBytes: itemSizes.at(-1) ?? 0,
    itemPageMedianBytes: itemSizes[Math.floor(itemSizes.length / 2)] ?? 0,
    largestPage,
  };
}

/** Process ids of `pid` and all its descendants (from /proc/PID/task/TID/children, Linux only). */
function processTree(pid: number): number[] {
  const out: number[] = [];
  const todo = [pid];
  while (todo.length > 0) {
    const p = todo.pop()!;
    out.push(p);
    const tasks = join('/proc', String(p), 'task');
    if (!existsSync(tasks)) continue;
    try {
      for (const tid of readdirSync(tasks)) {
        const children = readFileSync(join(tasks, tid, 'children'), 'utf8').trim();
        if (children) todo.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

export interface ProcessMemory {
  pid: number;
  /** The executable's name (/proc/PID/comm), e.g. node, pagefind_extended. */
  name: string;
  rss: number;
}

/** Resident memory (VmRSS) of each process in the tree of `pid`. */
export function treeMemory(pid: number): ProcessMemory[] {
  const out: ProcessMemory[] = [];
  for (const p of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const rss = /VmRSS:\s+(\d+) kB/.exec(status);
      const name = /Name:\s+(\S+)/.exec(status);
      if (rss) out.push({ pid: p, name: name?.[1] ?? '?', rss: Number(rss[1]) * 1024 });
    } catch {
      // Gone.
    }
  }
  return out;
}

export interface MemorySampler {
  /** The highest total seen so far. */
  peak: () => number;
  /** Stop sampling; the peak, and each process's memory at that moment and its own highest. */
  stop: () => { peak: number; atPeak: ProcessMemory[]; perProcessPeak: Record<string, number> };
}

/** Samples a process tree's memory (the sum over its processes) every `ms` until stopped. */
export function sampleRss(pid: number, ms = 100): MemorySampler {
  let peak = 0;
  let atPeak: ProcessMemory[] = [];
  const perProcessPeak: Record<string, number> = {};
  const tick = () => {
    const parts = treeMemory(pid);
    const total = parts.reduce((a, p) => a + p.rss, 0);
    for (const p of parts) {
      const key = `${p.name}#${p.pid}`;
      perProcessPeak[key] = Math.max(perProcessPeak[key] ?? 0, p.rss);
    }
    if (total > peak) {
      peak = total;
      atPeak = parts;
    }
  };
  const timer = setInterval(tick, ms);
  tick();
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      tick();
      return { peak, atPeak, perProcessPeak };
    },
  };
}

export interface Transfer {
  url: string;
  /** Bytes on the wire: response headers and body as served (scripts/serve.ts compresses text as nginx.conf says). */
  bytes: number;
  /**
   * The same response with every text file gzipped (level 6, whatever its size): the measure the bench's figures
   * have always used, kept so that runs compare across the server's change.
   */
  gzipBytes: number;
}

const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|txt|svg)$/;

/**
 * A response the browser took from its own cache: nothing crossed the network. Chromium reports it with no bytes
 * received (Playwright's sizes(): the body's size is minus the headers'), e.g. the site's icon, kept for a day, which
 * Chromium asks for again on every history entry the search page adds.
 */
export function servedFromCache(sizes: { responseHeadersSize: number; responseBodySize: number }): boolean {
  return sizes.responseHeadersSize > 0 && sizes.responseHeadersSize + sizes.responseBodySize <= 0;
}

/**
 * Counts the bytes of every response a browser context receives, workers' requests included (Pagefind
 * searches in a Web Worker). When Chromium reports no body size (a worker's own script), the file's size
 * in the built site is used: the test server sends files as they are. A response from the browser's cache counts
 * nothing (servedFromCache).
 */
export class NetworkMeter {
  readonly transfers: Transfer[] = [];
  /**
   * Finished requests not counted yet. Counting (Playwright's sizes(), reading and gzipping the file) waits for
   * flush(), after the query's clock has stopped: done as each request finished, it slowed the very requests the
   * bench times (the test server runs in this process), most on the side that fetched more.
   */
  private readonly finished: Request[] = [];
  private readonly dist: string;

  /** Requests started and not yet finished or failed. */
  inflight = 0;
  /** When a request last started or ended (performance.now() in Node). */
  lastActivity = 0;

  constructor(context: BrowserContext, dist: string) {
    this.dist = dist;
    context.on('request', () => {
      this.inflight++;
      this.lastActivity = performance.now();
    });
    context.on('requestfailed', () => {
      this.inflight--;
      this.lastActivity = performance.now();
    });
    context.on('requestfinished', (request) => {
      this.inflight--;
      this.lastActivity = performance.now();
      this.finished.push(request);
    });
  }

  /** True when no request is open and none has started or ended for `ms`. */
  quiet(ms: number): boolean {
    return this.inflight <= 0 && performance.now() - this.lastActivity > ms;
  }

  private async record(request: Request): Promise<void> {
    const sizes = await request.sizes().catch(() => undefined);
    if (sizes && servedFromCache(sizes)) return;
    const path = decodeURIComponent(new URL(request.url()).pathname);
    const file = join(this.dist, path.endsWith('/') ? `${path}index.html` : path);
    const onDisk = existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
    const headers = sizes?.responseHeadersSize ?? 0;
    const body = sizes && sizes.responseBodySize > 0 ? sizes.responseBodySize : (onDisk?.length ?? 0);
    const gzipBody = onDisk && COMPRESSIBLE.test(file) ? gzipSync(onDisk, { level: 6 }).length : body;
    this.transfers.push({ url: request.url(), bytes: headers + body, gzipBytes: headers + gzipBody });
  }

  /** Count every request finished so far. */
  async flush(): Promise<void> {
    while (this.finished.length > 0) await Promise.all(this.finished.splice(0).map((r) => this.record(r)));
  }

  /** A point to count from: everything finished before it has been counted. */
  async mark(): Promise<number> {
    await this.flush();
    return this.transfers.length;
  }

  /** Everything received since `mark`. */
  async since(mark: number): Promise<Transfer[]> {
    await this.flush();
    return this.transfers.slice(mark);
  }
}

export function sum(transfers: Transfer[], key: 'bytes' | 'gzipBytes' = 'bytes'): number {
  return transfers.reduce((a, t) => a + t[key], 0);
}

/** Milliseconds as the bench reports them: to a tenth. */
export const round1 = (n: number) => Math.round(n * 10) / 10;

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
