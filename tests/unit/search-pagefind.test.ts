import { describe, expect, it } from 'vitest';
import { loadPagefind, type Loaders, type PagefindModule } from '../../src/lib/search/pagefind.ts';
import { TierSet } from '../../src/lib/search/tier-set.ts';
import type { PagefindApi } from '../../src/lib/search/types.ts';

/** pagefind.js and the files beside it, recording every call. */
function fakeLoaders(files: Record<string, unknown>) {
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
  };
  return { loaders, calls };
}

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
