import { describe, expect, it } from 'vitest';
import { CandidateChecker, batchSize, splitAdjacent } from '../../src/lib/search/candidates.ts';
import { itemsOfTiers } from '../../src/lib/search/listing.ts';
import type { PagefindResult } from '../../src/lib/search/types.ts';

const result = (id: string, text: string, words: number[] = [], loads: string[] = []): PagefindResult => ({
  id,
  score: 1,
  words,
  data: async () => {
    loads.push(id);
    return { url: `/items/${id}/`, content: text, meta: { title: text.slice(0, 4) }, filters: {}, anchors: [] };
  },
});

describe('CandidateChecker', () => {
  it('keeps the candidates that contain every term literally, in their order, fetching each fragment once', async () => {
    const loads: string[] = [];
    const checker = new CandidateChecker('/');
    const rs = [result('a', '典当行许可', [], loads), result('b', '典型当事人', [], loads), result('c', '〔2021〕典当', [], loads)];
    expect((await checker.checkAll(rs, ['典当'])).map((h) => h.id)).toEqual(['a', 'c']);
    expect((await checker.checkAll(rs, ['(2021)', '典当'])).map((h) => h.id)).toEqual(['c']);
    expect(loads).toEqual(['a', 'b', 'c']);
  });

  it('names each page that passes the check as soon as it does, not the pages that fail, nor after the whole batch', async () => {
    const told: string[] = [];
    let release!: () => void;
    const slow: PagefindResult = { ...result('slow', '典当'), data: () => new Promise((ok) => (release = () => ok({ url: '/items/slow/', content: '典当', meta: {}, filters: {} }))) };
    const checker = new CandidateChecker('/', (hit) => told.push(hit.url));
    const all = checker.checkAll([result('a', '典当行许可'), result('b', '典型当事人'), slow], ['典当']);
    await new Promise((ok) => setTimeout(ok, 0));
    expect(told).toEqual(['/items/a/']);
    release();
    expect((await all).map((h) => h.id)).toEqual(['a', 'slow']);
    expect(told).toEqual(['/items/a/', '/items/slow/']);
  });

  it('fetches a fragment again after a failed load', async () => {
    let fail = true;
    const r: PagefindResult = { id: 'x', score: 1, data: async () => (fail ? Promise.reject(new Error('offline')) : { url: '/items/x/', content: '测绘', meta: {}, filters: {} }) };
    const checker = new CandidateChecker();
    await expect(checker.check(r, ['测绘'])).rejects.toThrow('offline');
    fail = false;
    expect((await checker.check(r, ['测绘']))?.id).toBe('x');
  });
});

describe('splitAdjacent', () => {
  it('tells candidates whose matched words sit side by side from the others, each in Pagefind’s order', () => {
    const { near, apart } = splitAdjacent([result('apart', '', [3, 9]), result('near', '', [12, 5, 13]), result('none', ''), result('near2', '', [0, 1])]);
    expect(near.map((x) => x.id)).toEqual(['near', 'near2']);
    expect(apart.map((x) => x.id)).toEqual(['apart', 'none']);
  });
});

describe('batchSize', () => {
  it('fetches what the missing results need at the rate found so far, between 2 and the batch size', () => {
    expect(batchSize(10, 0, 0, 10)).toBe(10);
    expect(batchSize(2, 10, 8, 10)).toBe(3);
    expect(batchSize(1, 10, 10, 10)).toBe(2);
    expect(batchSize(5, 10, 1, 10)).toBe(10);
    expect(batchSize(Number.POSITIVE_INFINITY, 10, 5, 10)).toBe(10);
  });
});

describe('itemsOfTiers', () => {
  const rs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => result(`${prefix}${i}`, ''));

  it('takes each tier’s first `items` results, newest tier first, whatever order Pagefind holds them in', () => {
    // Pagefind holds tier 0 (3 pages, 2 items), then tier 2 (2 pages, 1 item), then tier 1 (2 pages, 2 items).
    const results = [...rs('t0-', 3), ...rs('t2-', 2), ...rs('t1-', 2)];
    const sizes = [{ pages: 3, items: 2 }, { pages: 2, items: 2 }, { pages: 2, items: 1 }];
    expect(itemsOfTiers(results, [0, 2, 1], sizes).map((r) => r.id)).toEqual(['t0-0', 't0-1', 't1-0', 't1-1', 't2-0']);
  });

  it('stops at the first tier missing: a listing never skips older notices', () => {
    const results = [...rs('t0-', 3), ...rs('t2-', 2)];
    const sizes = [{ pages: 3, items: 2 }, { pages: 2, items: 2 }, { pages: 2, items: 1 }];
    expect(itemsOfTiers(results, [0, 2], sizes).map((r) => r.id)).toEqual(['t0-0', 't0-1']);
  });
});
