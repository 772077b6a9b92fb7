/**
 * The status files of search results (src/scripts/search-answers.ts, StatusLines): fetched once per notice, and the
 * list waits a little for the ones on their way, so that each line comes with its result.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusLines } from '../../src/scripts/search-answers.ts';
import type { Hit } from '../../src/lib/search/types.ts';

const hit = (url: string): Hit => ({ id: url, url, title: url, kind: 'item', meta: {}, filters: {}, excerpt: [], sections: [], titleMatch: false, score: 1 });
const file = { items: { 'jiaxiang-2021-2-a1-02': { what: '已取消', since: '成文日期 2021年2月20日', source: '嘉政发〔2021〕2号 附件1' } } };

/** A fetch whose responses the test releases by hand. */
function heldFetch() {
  const asked: string[] = [];
  const release = new Map<string, () => void>();
  const fetch = vi.fn((url: string) => {
    asked.push(url);
    return new Promise<Response>((resolve) => release.set(url, () => resolve(new Response(JSON.stringify(file)))));
  });
  return { fetch, asked, release };
}

/** Settle promise callbacks (and the body read of a Response). */
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('StatusLines', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('fetches each notice’s file once, whichever of its results named it', async () => {
    const net = heldFetch();
    vi.stubGlobal('fetch', net.fetch);
    const lines = new StatusLines('/');
    lines.prefetch('/items/jiaxiang-2021-2-a1-02/');
    lines.prefetch('/items/jiaxiang-2021-2-a1-03/');
    lines.prefetch('/notices/jiaxiang-2021-2/');
    expect(net.asked).toEqual(['/search/status/jiaxiang-2021-2.json']);
  });

  it('the list waits for a file on its way, and no longer than it arrives', async () => {
    const net = heldFetch();
    vi.stubGlobal('fetch', net.fetch);
    const lines = new StatusLines('/');
    lines.prefetch('/items/jiaxiang-2021-2-a1-02/');
    let done = false;
    const waiting = lines.arrived([hit('/items/jiaxiang-2021-2-a1-02/')], 10_000).then(() => (done = true));
    await flush();
    expect(done).toBe(false);
    net.release.get('/search/status/jiaxiang-2021-2.json')!();
    await waiting;
    expect(done).toBe(true);
  });

  it('…at most the time it is given; and a file not asked for yet is not waited for (nor fetched)', async () => {
    const net = heldFetch();
    vi.stubGlobal('fetch', net.fetch);
    vi.useFakeTimers();
    const lines = new StatusLines('/');
    lines.prefetch('/items/jiaxiang-2021-2-a1-02/');
    let done = false;
    const waiting = lines.arrived([hit('/items/jiaxiang-2021-2-a1-02/')], 150).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(149);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);

    let other = false;
    await lines.arrived([hit('/items/jinan-2022-5-a1-01/'), hit('/notices/jiaxiang-2021-2/')], 150).then(() => (other = true));
    expect(other).toBe(true);
    expect(net.asked).toEqual(['/search/status/jiaxiang-2021-2.json']);
  });
});
