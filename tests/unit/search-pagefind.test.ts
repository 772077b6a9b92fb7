import { afterAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { loadPagefind, readFragmentFile, type Loaders, type PagefindModule } from '../../src/lib/search/pagefind.ts';
import { INDEX_LANGUAGE } from '../../src/lib/search/index-config.ts';
import { TierSet } from '../../src/lib/search/tier-set.ts';
import type { PagefindFragment } from '../../src/lib/search/fragment.ts';
import type { PagefindApi, PagefindResult } from '../../src/lib/search/types.ts';

/** pagefind.js and the files beside it, recording every call; `bytes`: files fetched as bytes. */
function fakeLoaders(files: Record<string, unknown>, bytes: Record<string, Uint8Array> = {}) {
  const calls: string[] = [];
  const module: PagefindModule = {
    options: async (o) => void calls.push(`options ${JSON.stringify(o)}`),
    init: async () => void calls.push('init'),
    mergeIndex: async (path, o) => void calls.push(`mergeIndex ${path} ${JSON.stringify(o)}`),
    search: async (t) => (calls.push(`search ${t}`), { results: [], filters: {} }),
    filters: async () => ({}),
  };
  const loaders: Loaders = {
    importScript: async (url) => (calls.push(`import ${url}`), module),
    fetchJson: async (url, revalidate) => {
      calls.push(`fetch ${url}${revalidate ? ' (revalidated)' : ''}`);
      if (!(url in files)) throw new Error('404');
      return files[url];
    },
    fetchBytes: async (url) => {
      calls.push(`bytes ${url}`);
      if (!(url in bytes)) throw new Error('404');
      return bytes[url]!;
    },
  };
  return { loaders, calls };
}

/** A page's fragment file as Pagefind writes it (gzip), indexed by Pagefind itself, and its name. */
async function storedFile(url: string, html: string): Promise<{ id: string; gzip: Uint8Array }> {
  const { index, errors } = await createIndex({ forceLanguage: INDEX_LANGUAGE });
  if (!index) throw new Error(errors.join('; '));
  await index.addHTMLFile({ url, content: html });
  const file = (await index.getFiles()).files.find((f) => f.path.startsWith('fragment/'))!;
  return { id: file.path.replace(/^fragment\//, '').replace(/\.pf_fragment$/, ''), gzip: new Uint8Array(file.content) };
}

const PAGE = '<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main data-pagefind-body><h1>典当业特种行业许可证核发</h1><p>取消依据：原《典当管理办法》&lt;第五条&gt;</p></main></body></html>';

describe('readFragmentFile (a fragment file Pagefind wrote)', () => {
  afterAll(() => close());

  it('reads it as Pagefind’s data() hands it over, gzipped or already unzipped by the browser, its URL under the base', async () => {
    const { id, gzip } = await storedFile('/items/x-a1-01/', PAGE);
    const read = (body: Uint8Array) => readFragmentFile({ fetchBytes: async (u) => (u === `/fgf/pagefind/fragment/${id}.pf_fragment` ? body : Promise.reject(new Error(u))) }, '/fgf/pagefind/', id, '/fgf/');
    const fromGzip = await read(gzip);
    const fromPlain = await read(new Uint8Array(gunzipSync(gzip)));
    expect(fromPlain).toEqual(fromGzip);
    expect(fromGzip.url).toBe('/fgf/items/x-a1-01/');
    expect(fromGzip.meta.title).toBe('典当业特种行业许可证核发');
    // data(): `content` without the zero-width spaces between words, `raw_content` with them and < > escaped.
    expect(fromGzip.content).toContain('取消依据：原《典当管理办法》<第五条>');
    expect(fromGzip.raw_content).toContain('\u200b');
    expect(fromGzip.raw_content!.replace(/\u200b/g, '')).toContain('&lt;第五条&gt;');
  });

  it('fails when the file is not there (the adapter then asks data())', async () => {
    await expect(readFragmentFile({ fetchBytes: async () => Promise.reject(new Error('404')) }, '/pagefind/', 'zh-cn_0', '/')).rejects.toThrow('404');
  });
});

describe('the adapter’s fragments', () => {
  const fragment = (url: string): PagefindFragment => ({ url, content: 'x', meta: {} });
  const result = (id: string, calls: string[]): PagefindResult => ({ id, score: 1, data: async () => (calls.push(`data ${id}`), fragment(`/data/${id}/`)) });

  it('are read from the first tier’s files until a tier is merged or a file fails, then through data()', async () => {
    const manifest = { tiers: [tier('pagefind/'), tier('pagefind/tier-1/')] };
    const { id, gzip } = await storedFile('/items/a/', PAGE);
    const { loaders, calls } = fakeLoaders({ '/pagefind/tiers.json': manifest }, { [`/pagefind/fragment/${id}.pf_fragment`]: gzip });
    const { pf } = await loadPagefind('/', loaders);
    expect((await pf.fragment!(result(id, calls))).url).toBe('/items/a/');
    expect(calls).toContain(`bytes /pagefind/fragment/${id}.pf_fragment`);
    expect(calls).not.toContain(`data ${id}`);
    await pf.addTier!(1);
    expect((await pf.fragment!(result(id, calls))).url).toBe(`/data/${id}/`);

    const other = fakeLoaders({ '/pagefind/tiers.json': manifest }, { [`/pagefind/fragment/${id}.pf_fragment`]: gzip });
    const second = (await loadPagefind('/', other.loaders)).pf;
    expect((await second.fragment!(result('zh-cn_gone', other.calls))).url).toBe('/data/zh-cn_gone/');
    expect((await second.fragment!(result(id, other.calls))).url).toBe(`/data/${id}/`);
    expect(other.calls.filter((c) => c.startsWith('bytes '))).toEqual(['bytes /pagefind/fragment/zh-cn_gone.pf_fragment']);
  });
});

const tier = (dir: string) => ({ dir, pages: 3, items: 2, newest: '2024-01-01', oldest: '2023-01-01' });

describe('loadPagefind', () => {
  it('starts Pagefind on the main thread at once, and searches the first index alone without tiers.json', async () => {
    const { loaders, calls } = fakeLoaders({});
    const { pf, tiers, findTiers } = await loadPagefind('/fgf', loaders);
    expect(calls.slice(0, 2).sort()).toEqual(['fetch /fgf/pagefind/tiers.json (revalidated)', 'import /fgf/pagefind/pagefind.js']);
    expect(calls).toContain('options {"noWorker":true}');
    expect(calls.indexOf('init')).toBeGreaterThan(calls.indexOf('options {"noWorker":true}'));
    expect(tiers).toBeUndefined();
    expect(findTiers).toBeUndefined();
    expect(pf.addTier).toBeUndefined();
  });

  it('adds a tier by merging its folder, and answers “which tiers” from the literal index named in tiers.json', async () => {
    const manifest = { tiers: [tier('pagefind/'), tier('pagefind/tier-1/'), tier('pagefind/tier-2/')], literal: { id: 'beef', shards: 1 } };
    const { loaders, calls } = fakeLoaders({ '/pagefind/tiers.json': manifest, '/pagefind/grams/beef-0.json': { 典当: '5', 当业: '1' } });
    const { pf, tiers, findTiers } = await loadPagefind('/', loaders);
    expect(tiers).toHaveLength(3);
    await pf.addTier!(2);
    expect(calls).toContain('mergeIndex /pagefind/tier-2/ {"baseUrl":"/"}');
    expect([...(await findTiers!(['典当']))].sort()).toEqual([0, 2]);
    expect([...(await findTiers!(['典当业']))]).toEqual([0]);
    expect([...(await findTiers!(['诊所']))]).toEqual([]);
    expect(calls.filter((c) => c.startsWith('fetch /pagefind/grams/'))).toEqual(['fetch /pagefind/grams/beef-0.json']);
  });
});

describe('TierSet', () => {
  function api() {
    const merged: number[] = [];
    let release: () => void = () => {};
    const pf: PagefindApi = {
      search: async () => null,
      filters: async () => ({}),
      addTier: (n) => {
        merged.push(n);
        return new Promise<void>((done) => (release = done));
      },
    };
    return { pf, merged, release: () => release() };
  }

  it('adds any tier once, however many ask for it at the same time, and keeps Pagefind’s order', async () => {
    const { pf, merged, release } = api();
    const tiers = new TierSet(pf, 4);
    const a = tiers.add(3);
    const b = tiers.add(3);
    release();
    await Promise.all([a, b]);
    expect(merged).toEqual([3]);
    expect(tiers.loaded()).toEqual([0, 3]);
    expect(tiers.nextMissing()).toBe(1);
    expect(tiers.nextMissing(new Set([2, 3]))).toBe(2);
    expect(tiers.nextMissing(new Set([3]))).toBeUndefined();
    const c = tiers.addNext();
    release();
    await c;
    expect(tiers.pagefindOrder()).toEqual([0, 3, 1]);
  });

  it('is one tier when Pagefind cannot add any', () => {
    const tiers = new TierSet({ search: async () => null, filters: async () => ({}) }, 5);
    expect(tiers.count).toBe(1);
    expect(tiers.all).toBe(true);
  });
});
