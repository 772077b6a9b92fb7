/**
 * npm run bench [-- --items 10000] — how the site scales: generate a corpus of N items valid under the real
 * schemas, build and index it with the real build (astro build + Pagefind), measure time, memory and sizes,
 * then search it in headless Chromium. Prints a table and writes bench/results/latest.json and
 * bench/results/{N}.json. Run by hand; never part of the tests.
 *
 * Options:
 *   --items N      items in the corpus (default 10000; the seed notices' 36 rows are among them)
 *   --seed S       random seed for the corpus (default 20210220)
 *   --work DIR     where the corpus, the build and its cache go (default bench/work/N, git-ignored)
 *   --profile      write a V8 CPU profile of the build to DIR/profile/ (open in Chrome DevTools)
 *   --no-browser   skip the browser measurements
 *   --max-rss-mb M stop the build when its processes together hold more than M MB (default: 75% of the
 *                  machine's memory), so a run that cannot fit fails alone instead of starving the machine
 *   --reuse        measure the corpus and build of an earlier run in the same --work folder again (browser
 *                  figures anew, build figures as recorded then)
 *   --clean        remove the work folder afterwards (by default it is kept)
 *   --rounds R     measure each search query R times on each side (default 3: one run's ratios move by about
 *                  ±0.15 on a shared machine); the median run counts
 *   --slow-network measure the search once more on a slow mobile network (Lighthouse's slow 4G: 150 ms round
 *                  trips, 1.6 Mbit/s), both sides, one round
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, totalmem, release } from 'node:os';
import { join, resolve } from 'node:path';
import { checkContent, formatError } from '../src/lib/validation/check-content.ts';
import { generateCorpus } from './generate.ts';
import { measureDist, sampleRss, treeMemory, kb, mb } from './measure.ts';
import { measureInBrowser, type BrowserFigures } from './browser.ts';
import { OLDER_QUERIES, QUERIES } from './vocabulary.ts';
import { WARM_UP_QUERY } from './ratios.ts';
import { flag, option } from './args.ts';

const root = process.cwd();
const items = Number(option('items', '10000'));
if (!Number.isInteger(items) || items < 1) {
  console.error(`--items 应为正整数 / --items must be a positive whole number, got ${option('items', '')}`);
  process.exit(2);
}
const seed = Number(option('seed', '20210220'));
const work = resolve(option('work', join('bench', 'work', String(items))));
const contentDir = join(work, 'content');
const outDir = join(work, 'dist');
const cacheDir = join(work, 'cache');
const maxRss = Number(option('max-rss-mb', String(Math.round((totalmem() * 0.75) / 1024 / 1024)))) * 1024 * 1024;
const started = performance.now();
/** Rounds of the interleaved search measurement: each query's figures are the median run. */
const rounds = Number(option('rounds', '3'));

const stages = 4;
let stage = 0;
function step(title: string): void {
  stage++;
  console.log(`\n[${stage}/${stages}] ${title}`);
}
function log(s: string): void {
  const t = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`${t} s  ${s}`);
}

// --reuse: measure an earlier run's corpus and build again (its build figures are kept in work/build.json).
const buildRecord = join(work, 'build.json');
const reuse = flag('reuse') && existsSync(join(outDir, 'index.html')) && existsSync(buildRecord);

// 1. Corpus
let corpus: { items: number; notices: number; tables: number; plans: number };
if (reuse) {
  step(`沿用语料 / reusing the corpus in ${contentDir} (--reuse)`);
} else {
  step(`生成语料 / generating a corpus of ${items.toLocaleString('en')} items → ${contentDir}`);
  corpus = generateCorpus({ items, dir: contentDir, seed, root });
}
const checked = checkContent(root, contentDir);
corpus = {
  items: checked.tables.reduce((a, t) => a + t.data.rows.length, 0),
  notices: checked.notices.size,
  tables: checked.tables.length,
  plans: [...checked.notices.values()].filter((n) => n.tasks).length,
};
log(`${corpus.items} items in ${corpus.tables} tables of ${corpus.notices} notices (${corpus.plans} work plans)`);
if (checked.errors.length > 0) {
  for (const e of checked.errors.slice(0, 20)) console.error(formatError(e));
  console.error(`生成的语料未通过内容检查 / the generated corpus fails the content check: ${checked.errors.length} errors`);
  process.exit(1);
}
log(`content check: ${checked.files} files, 0 errors`);

// 2. Build and index
step(reuse ? `沿用构建 / reusing the build in ${outDir} and its figures (--reuse)` : '构建并建立索引 / astro build + Pagefind (a clean build: the cache is emptied first)');
if (!reuse) {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
}
mkdirSync(work, { recursive: true });
const profileDir = join(work, 'profile');
const nodeArgs = flag('profile') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const buildLog = join(work, 'build.log');

interface Phase {
  at: number;
  line: string;
}
interface BuildResult {
  seconds: number;
  peakRss: number;
  memory: { atPeakMB: Record<string, number>; perProcessPeakMB: Record<string, number> };
  phases: Phase[];
  code: number | null;
  /** Set when the build was stopped for holding more memory than --max-rss-mb. */
  stoppedAt?: number;
}

async function build(): Promise<BuildResult> {
  const logFile = createWriteStream(buildLog);
  // What `npm run build` runs (package.json): astro build, then scripts/index.ts once Astro's process has ended.
  // Through a shell so that both are one process tree for the memory sampler; --profile profiles Astro's part.
  const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const node = sh(process.execPath);
  const command = `${node} ${[...nodeArgs, astro].map(sh).join(' ')} build && ${node} ${sh(join(root, 'scripts', 'index.ts'))}`;
  const child = spawn('/bin/sh', ['-c', command], {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      GONGKAI_CONTENT_DIR: contentDir,
      GONGKAI_OUT_DIR: outDir,
      GONGKAI_CACHE_DIR: cacheDir,
      GONGKAI_BASE: '/',
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const t0 = performance.now();
  const rss = sampleRss(child.pid!, 100);
  let stoppedAt: number | undefined;
  let lastOutput = 0;
  const guard = setInterval(() => {
    // A heartbeat through the phases that print nothing for long (Pagefind indexing).
    const now = (performance.now() - t0) / 1000;
    if (now - lastOutput >= 15) {
      lastOutput = now;
      const parts = treeMemory(child.pid!).filter((p) => p.rss > 50 * 1024 * 1024);
      log(`  … ${now.toFixed(0)} s, memory now ${parts.map((p) => `${p.name} ${mb(p.rss)}`).join(' + ')}`);
    }
    if (rss.peak() > maxRss && stoppedAt === undefined) {
      stoppedAt = rss.peak();
      log(`  stopping the build: its processes hold ${mb(stoppedAt)}, more than --max-rss-mb ${mb(maxRss)}`);
      for (const p of treeMemory(child.pid!).reverse()) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  }, 200);
  const phases: Phase[] = [];
  let rendered = 0;
  let warnings = 0;
  let lastShown = 0;
  let buffered = '';
  const onData = (chunk: Buffer) => {
    logFile.write(chunk);
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const raw of lines) {
      // eslint-disable-next-line no-control-regex
      const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trim();
      if (!line) continue;
      const at = (performance.now() - t0) / 1000;
      if (/[├└]─/.test(line)) {
        rendered++;
        if (at - lastShown >= 2) {
          lastShown = at;
          lastOutput = at;
          log(`  … ${rendered.toLocaleString('en')} pages rendered, ${mb(rss.peak())} peak so far`);
        }
        continue;
      }
      if (/\[WARN\]/.test(line)) {
        warnings++;
        continue;
      }
      if (/\[(build|content|vite|@astrojs\/sitemap|gongkai:[\w-]+)\]|generating static routes|✓ Completed|error/i.test(line)) {
        phases.push({ at, line: line.replace(/^\d\d:\d\d:\d\d\s*/, '') });
        lastOutput = at;
        log(`  ${line.replace(/^\d\d:\d\d:\d\d\s*/, '')}`);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(guard);
  const seconds = (performance.now() - t0) / 1000;
  logFile.end();
  if (warnings > 0) log(`  (${warnings} warnings from the build, see the build log)`);
  const memory = rss.stop();
  const toMB = (n: number) => Math.round(n / 1024 / 1024);
  return {
    seconds,
    peakRss: memory.peak,
    memory: {
      atPeakMB: Object.fromEntries(memory.atPeak.map((p) => [`${p.name}#${p.pid}`, toMB(p.rss)])),
      perProcessPeakMB: Object.fromEntries(Object.entries(memory.perProcessPeak).filter(([, v]) => v > 20 * 1024 * 1024).map(([k, v]) => [k, toMB(v)])),
    },
    phases,
    code,
    ...(stoppedAt !== undefined ? { stoppedAt } : {}),
  };
}

const built: BuildResult = reuse ? (JSON.parse(readFileSync(buildRecord, 'utf8')) as BuildResult) : await build();
if (built.code === 0 && !reuse) writeFileSync(buildRecord, JSON.stringify(built, null, 2));
if (built.code !== 0) {
  const why = built.stoppedAt !== undefined ? `stopped at ${mb(built.stoppedAt)} (--max-rss-mb)` : `exit ${built.code}`;
  console.error(`构建失败 / the build failed (${why}) after ${built.seconds.toFixed(0)} s; see ${buildLog}`);
  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const failed = {
    items,
    failed: why,
    buildSeconds: Math.round(built.seconds * 10) / 10,
    peakRssMB: Math.round(built.peakRss / 1024 / 1024),
    memory: built.memory,
    phasesSeen: built.phases.map((p) => `${p.at.toFixed(1)} s ${p.line}`),
    machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryMB: Math.round(totalmem() / 1024 / 1024) },
    date: new Date().toISOString(),
  };
  writeFileSync(join(resultsDir, `${items}.json`), JSON.stringify(failed, null, 2) + '\n');
  process.exit(1);
}
log(`built and indexed in ${built.seconds.toFixed(1)} s, peak memory ${mb(built.peakRss)} (build log: ${buildLog})`);
log(`memory at the peak, by process: ${Object.entries(built.memory.atPeakMB).map(([k, v]) => `${k} ${v} MB`).join(', ')}`);

/** Where the time went, from the moments Astro's log lines arrived. */
function phaseSummary(phases: Phase[], total: number) {
  const find = (re: RegExp, after = 0) => phases.find((p) => p.at >= after && re.test(p.line))?.at;
  const renderStart = find(/generating static routes/);
  const renderEnd = renderStart !== undefined ? find(/✓ Completed in/, renderStart) : undefined;
  const sitemap = find(/@astrojs\/sitemap/);
  const indexed = find(/gongkai:pagefind.*indexed/);
  const r = (n: number | undefined) => (n === undefined ? null : Math.round(n * 10) / 10);
  return {
    setupAndBundleSeconds: r(renderStart),
    renderSeconds: renderStart !== undefined && renderEnd !== undefined ? r(renderEnd - renderStart) : null,
    sitemapSeconds: renderEnd !== undefined && sitemap !== undefined ? r(sitemap - renderEnd) : null,
    indexSeconds: sitemap !== undefined && indexed !== undefined ? r(indexed - sitemap) : null,
    exitSeconds: indexed !== undefined ? r(total - indexed) : null,
  };
}
const phases = phaseSummary(built.phases, built.seconds);

// 3. Sizes
step('测量输出 / measuring the built site');
const dist = measureDist(outDir);
log(`${dist.pages} pages, ${mb(dist.distBytes)} in all, index ${mb(dist.indexBytes)}, largest item page ${kb(dist.itemPageBytes)}`);

// 4. Browser
let browser: BrowserFigures | undefined;
if (flag('no-browser')) {
  step('浏览器测量已跳过 / browser measurements skipped (--no-browser)');
} else {
  step(`浏览器测量 / headless Chromium: JavaScript per page and ${QUERIES.length} searches`);
  const sampleNotice = checked.tables[0]?.data.notice ?? 'jiaxiang-2021-2';
  const jsPages = [
    '/',
    `/notices/${sampleNotice}/`,
    `/notices/${sampleNotice}/attachments/1/`,
    '/items/jiaxiang-2021-2-a1-02/',
    '/items/',
    '/notices/',
    '/types/license/',
    '/departments/',
    '/search/',
  ];
  browser = await measureInBrowser(outDir, jsPages, QUERIES, OLDER_QUERIES, rounds, log, flag('slow-network'));
}

// Results
const search = browser?.search;
const itemJs = browser?.pages.find((p) => p.path.startsWith('/items/') && p.path !== '/items/');
/** The page outside /search/ that loads the most JavaScript. */
const mostJs = (browser?.pages ?? []).filter((p) => p.path !== '/search/').sort((a, b) => b.jsBytes - a.jsBytes)[0];
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const result = {
  items: corpus.items,
  notices: corpus.notices,
  tables: corpus.tables,
  pages: dist.pages,
  buildSeconds: round(built.seconds),
  msPerPage: round((built.seconds * 1000) / dist.pages, 2),
  peakRssMB: Math.round(built.peakRss / 1024 / 1024),
  memory: built.memory,
  distBytes: dist.distBytes,
  indexBytes: dist.indexBytes,
  itemPageBytes: dist.itemPageBytes,
  itemPageMedianBytes: dist.itemPageMedianBytes,
  largestPage: dist.largestPage,
  jsBytesItemPage: itemJs?.jsBytes ?? null,
  /** The search page ÷ Pagefind's own API on the same index: medians over the bench queries of per-query ratios. */
  firstVsPagefind: search?.firstVsPagefind ?? null,
  warmVsPagefind: search?.warmVsPagefind ?? null,
  firstBytesVsPagefind: search?.firstBytesVsPagefind ?? null,
  warmBytesVsPagefind: search?.warmBytesVsPagefind ?? null,
  firstQueryMs: search?.page.firstMs ?? null,
  warmQueryMs: search?.page.warmMs ?? null,
  firstQueryGzipBytes: search?.page.firstGzipBytes ?? null,
  firstQueryGzipMaxBytes: search?.page.firstGzipMaxBytes ?? null,
  pagefindFirstQueryMs: search?.api.firstMs ?? null,
  pagefindWarmQueryMs: search?.api.warmMs ?? null,
  pagefindFirstQueryGzipBytes: search?.api.firstGzipBytes ?? null,
  emptySearchPage: search ? { ms: search.empty.page.ms, gzipBytes: search.empty.page.gzipBytes, results: search.empty.page.results, pagefindStarted: search.empty.pagefindStarted } : null,
  olderQueries: search?.older.map((o) => ({ query: o.query, ms: o.page.ms, gzipBytes: o.page.gzipBytes, results: o.page.results, vsTypicalFirst: o.vsTypicalFirst })) ?? null,
  searchMeasuredOn: search
    ? `the /search/ page against Pagefind's API on the same index (its first tier), each query first in a fresh browser on both sides, then warm after ${JSON.stringify(WARM_UP_QUERY)}; interleaved; ${search.rounds} round(s); medians over ${search.queries.length} queries`
    : null,
  phases,
  jsBytesByPage: Object.fromEntries((browser?.pages ?? []).map((p) => [p.path, { bytes: p.jsBytes, scripts: p.scripts }])),
  search: search ?? null,
  /** The same on a slow mobile network (--slow-network), one round. */
  slowNetwork: browser?.slowNetwork ?? null,
  machine: {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryMB: Math.round(totalmem() / 1024 / 1024),
    freeMemoryMB: Math.round(freemem() / 1024 / 1024),
    os: `${process.platform} ${release()}`,
    node: process.version,
    astro: JSON.parse(readFileSync(join(root, 'node_modules', 'astro', 'package.json'), 'utf8')).version as string,
    pagefind: JSON.parse(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')).version as string,
    chromium: browser?.chromium ?? null,
  },
  seed,
  reusedBuild: reuse,
  date: new Date().toISOString(),
  totalSeconds: round((performance.now() - started) / 1000),
};

// Targets (issues 5 and 14). ≤ 10,000 items → the 10,000-item targets; above → the 100,000-item ones.
const large = items > 10_000;
type Row = [string, string, string, boolean | null];
const na = 'n/a';
const rows: Row[] = [
  ['items / pages', `${result.items} / ${result.pages}`, '', null],
  ['build + index', `${result.buildSeconds} s (${result.msPerPage} ms/page)`, large ? '≤ 600 s' : '≤ 60 s', result.buildSeconds <= (large ? 600 : 60)],
  ['peak memory (build tree)', `${result.peakRssMB} MB`, large ? '≤ 4096 MB' : '≤ 1536 MB', result.peakRssMB <= (large ? 4096 : 1536)],
  ['dist size', mb(result.distBytes), '', null],
  ['index size (pagefind/)', mb(result.indexBytes), '', null],
  ['item page HTML (largest)', kb(result.itemPageBytes), '≤ 30 KB', result.itemPageBytes <= 30 * 1024],
  ['largest page (HTML)', result.largestPage ? `${kb(result.largestPage.bytes)}, ${result.largestPage.path}` : na, '', null],
  ['JS on an item page', result.jsBytesItemPage === null ? na : kb(result.jsBytesItemPage), 'text-size switch only', null],
  ['JS, most outside /search/', mostJs ? `${kb(mostJs.jsBytes)} on ${mostJs.path}` : na, 'text-size switch only', null],
];
if (search) {
  rows.push(
    ['first query ÷ Pagefind API (median)', `${search.firstVsPagefind} (bytes ${search.firstBytesVsPagefind})`, '≤ 1.1', search.firstVsPagefind > 0 && search.firstVsPagefind <= 1.1],
    ['warm query ÷ Pagefind API (median)', `${search.warmVsPagefind} (bytes ${search.warmBytesVsPagefind})`, '≤ 1.1', search.warmVsPagefind > 0 && search.warmVsPagefind <= 1.1],
    ['first query, page (median / API)', `${search.page.firstMs} ms / ${search.api.firstMs} ms`, '', null],
    ['warm query, page (median / API)', `${search.page.warmMs} ms / ${search.api.warmMs} ms`, '', null],
    ['first query bytes, gzip (median, max)', `${kb(search.page.firstGzipBytes)}, ${kb(search.page.firstGzipMaxBytes)} (API ${kb(search.api.firstGzipBytes)})`, '≤ 150 KB', search.page.firstGzipMaxBytes <= 150 * 1024],
  );
  for (const o of search.older) {
    const maxBytes = large ? 1024 * 1024 : 300 * 1024;
    const okBytes = o.page.gzipBytes <= maxBytes;
    const okTime = large || (o.vsTypicalFirst > 0 && o.vsTypicalFirst <= 2);
    rows.push([
      `  ${o.query} (${o.page.results} results)`,
      `${kb(o.page.gzipBytes)}, ${o.page.ms} ms = ${o.vsTypicalFirst}× a typical first query`,
      large ? '≤ 1 MB' : '≤ 300 KB, ≤ 2×',
      okBytes && okTime,
    ]);
  }
  const slow = browser?.slowNetwork;
  if (slow) {
    rows.push(
      [`on ${slow.network}: first ÷ API`, `${slow.firstVsPagefind} (${slow.page.firstMs} ms / ${slow.api.firstMs} ms)`, '', null],
      [`on ${slow.network}: warm ÷ API`, `${slow.warmVsPagefind} (${slow.page.warmMs} ms / ${slow.api.warmMs} ms)`, '', null],
    );
  }
  const { empty } = search;
  rows.push([
    'empty search page (no query)',
    `${kb(empty.page.gzipBytes)}, ${empty.page.ms} ms, ${empty.page.results} results, Pagefind ${empty.pagefindStarted ? 'started' : 'not started'}`,
    'the build\'s first page',
    empty.page.results > 0 && !empty.pagefindStarted,
  ]);
}
const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length)), Math.max(...rows.map((r) => r[2].length))];
console.log(`\n结果 / results (${result.machine.cores} cores, ${Math.round(result.machine.memoryMB / 1024)} GB, ${result.machine.cpu})`);
for (const [name, value, target, ok] of rows) {
  console.log(`  ${name.padEnd(w[0]!)}  ${value.padEnd(w[1]!)}  ${target.padEnd(w[2]!)}  ${ok === null ? '' : ok ? '✓' : '✗'}`);
}
console.log(`  phases: ${Object.entries(phases).map(([k, v]) => `${k.replace('Seconds', '')} ${v ?? '?'} s`).join(', ')}`);
if (search) {
  console.log('  per query (page ÷ API): first / warm');
  for (const q of search.queries) {
    console.log(`    ${q.query}: first ${q.first.ms} (${q.page.first.ms} / ${q.api.first.ms} ms; ${kb(q.page.first.gzipBytes)} / ${kb(q.api.first.gzipBytes)}), warm ${q.warm.ms} (${q.page.warm.ms} / ${q.api.warm.ms} ms)`);
  }
}

const resultsDir = join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const json = JSON.stringify(result, null, 2) + '\n';
writeFileSync(join(resultsDir, 'latest.json'), json);
writeFileSync(join(resultsDir, `${items}.json`), json);
console.log(`\n已写入 / written: bench/results/latest.json, bench/results/${items}.json (${result.totalSeconds} s in all)`);
if (flag('clean')) rmSync(work, { recursive: true, force: true });
