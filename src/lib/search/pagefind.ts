/**
 * The Pagefind adapter: Pagefind's script for the first tier of the index (pagefind/pagefind.js) as the engine's
 * `PagefindApi`, with `addTier(n)` merging tier n listed in pagefind/tiers.json (./tiers.ts; Pagefind's
 * mergeIndex), and a `TierFinder` over the build's literal index (./literal-index.ts) when tiers.json names one.
 * Without a readable tiers.json the first index is searched alone.
 */
import { PAGEFIND_SCRIPT, TIERS_MANIFEST, parseTierManifest, tierDir, type Tier } from './tiers.ts';
import { FIRST_PAGE_FILE, parseFirstPage, type FirstPage } from './first-page.ts';
import { literalTierFinder } from './literal-index.ts';
import { timed } from './marks.ts';
import { parseStoredFragments, servedFragment, type PagefindFragment } from './fragment.ts';
import type { PagefindApi, TierFinder } from './types.ts';

/** What the adapter uses of pagefind.js. */
export interface PagefindModule extends PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  /** Start loading the index (Pagefind ≥ 1.0; otherwise the first search does). */
  init?(): Promise<void>;
}

export interface LoadedPagefind {
  pf: PagefindApi;
  tiers?: Tier[];
  findTiers?: TierFinder;
}

export interface Loaders {
  importScript(url: string): Promise<PagefindModule>;
  fetchJson(url: string, revalidate: boolean): Promise<unknown>;
  /** A file's bytes as the browser hands them over (a Content-Encoding: gzip already undone). */
  fetchBytes(url: string): Promise<Uint8Array>;
}

async function fetchOk(url: string, init?: RequestInit): Promise<Response> {
  const r = await fetch(url, init);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r;
}

const browserLoaders: Loaders = {
  importScript: (url) => import(/* @vite-ignore */ url) as Promise<PagefindModule>,
  fetchJson: async (url, revalidate) => (await fetchOk(url, revalidate ? { cache: 'no-cache' } : {})).json(),
  fetchBytes: async (url) => new Uint8Array(await (await fetchOk(url)).arrayBuffer()),
};

const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A page's fragment read from its file in `bundle` (a tier's folder), as Pagefind's data() would hand it over
 * (./fragment.ts, servedFragment), its URL under `base`. The nginx example serves the file with Content-Encoding: gzip
 * (the browser unzips it); a server that does not sends the gzip itself, unzipped here (DecompressionStream).
 */
export async function readFragmentFile(loaders: Pick<Loaders, 'fetchBytes'>, bundle: string, id: string, base: string): Promise<PagefindFragment> {
  const file = `${bundle}fragment/${id}.pf_fragment`;
  let bytes = await loaders.fetchBytes(file);
  if (isGzip(bytes)) {
    if (typeof DecompressionStream !== 'function') throw new Error(`${file}: gzip, and no DecompressionStream`);
    bytes = await gunzip(bytes);
  }
  const found = parseStoredFragments(bytes);
  if (found.length !== 1) throw new Error(`${file}: ${found.length} fragments`);
  return servedFragment(found[0]!, base);
}

export async function loadPagefind(base: string, loaders: Loaders = browserLoaders): Promise<LoadedPagefind> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const script = loaders.importScript(`${root}${tierDir(0)}${PAGEFIND_SCRIPT}`).then(async (pf) => {
    // The main thread: Pagefind's worker would fetch the WebAssembly again (it cannot use the page's preload) and its
    // own script, 68 KB more, and measured slower at 10,000 items (first query 1.3×, warm 1.8× Pagefind's API).
    await pf.options({ noWorker: true });
    // Pagefind fetches its entry file, metadata and WebAssembly from here on, while tiers.json is on its way.
    void pf.init?.();
    return pf;
  });
  // Revalidated on every visit (like Pagefind's own pagefind-entry.json): it must match the index just deployed.
  const tiersJson = loaders
    .fetchJson(`${root}${tierDir(0)}${TIERS_MANIFEST}`, true)
    .then(parseTierManifest)
    .catch(() => undefined);
  const [pf, manifest] = await timed('pagefind-load', () => Promise.all([script, tiersJson]));
  const tiers = manifest?.tiers;
  const api: PagefindApi = { search: (t, o) => pf.search(t, o), filters: () => pf.filters(), ...(pf.preload ? { preload: (t) => pf.preload!(t) } : {}) };
  // While the first tier is searched alone, each result's fragment is read from its file (readFragmentFile), not
  // through data(): data() also builds an excerpt and sub-results, splitting the whole text into words for each, which
  // the page never shows (its own come from ./candidates.ts): main-thread time for every result a page checks. A
  // result of merged tiers does not say which tier's folder holds its file, so from the first merge on, and after
  // any failure (a fragment file by another name: Pagefind's grouped fragments), data() it is.
  let direct = true;
  api.fragment = async (r) => {
    if (!direct) return r.data();
    try {
      return await readFragmentFile(loaders, `${root}${tierDir(0)}`, r.id, root);
    } catch {
      direct = false;
      return r.data();
    }
  };
  if (!tiers || tiers.length < 2) return { pf: api, ...(tiers ? { tiers } : {}) };
  api.addTier = async (n) => {
    const tier = tiers[n];
    if (n > 0 && tier) {
      direct = false;
      await pf.mergeIndex(`${root}${tier.dir}`, { baseUrl: root });
    }
  };
  const literal = manifest.literal;
  if (!literal) return { pf: api, tiers };
  // The shards' names carry the build's id: cached like Pagefind's own hashed files.
  const fetchShard = (file: string) => loaders.fetchJson(`${root}${tierDir(0)}${file}`, false) as Promise<Record<string, string>>;
  return { pf: api, tiers, findTiers: literalTierFinder(literal, tiers.length, fetchShard) };
}

/** The listing's first page the build wrote (./first-page.ts), revalidated like tiers.json; undefined if unreadable. */
export async function loadFirstPage(base: string, loaders: Loaders = browserLoaders): Promise<FirstPage | undefined> {
  const root = base.endsWith('/') ? base : `${base}/`;
  return loaders
    .fetchJson(`${root}${tierDir(0)}${FIRST_PAGE_FILE}`, true)
    .then(parseFirstPage)
    .catch(() => undefined);
}
