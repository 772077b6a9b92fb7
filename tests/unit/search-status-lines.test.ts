/**
 * The status files of search results (src/scripts/search-answers.ts, StatusLines): the newest notices' lines in one
 * file (pagefind/status.json) fetched as a search starts, a notice's own file only for a notice that one does not
 * hold, each once; and the list waits a little for the ones on their way, so that each line comes with its result.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusLines } from '../../src/scripts/search-answers.ts';
import { NEWEST_STATUS_FILE, parseNewestStatus } from '../../src/lib/search/status-lines.ts';
import type { Hit } from '../../src/lib/search/types.ts';

const hit = (url: string): Hit => ({ id: url, url, title: url, kind: 'item', meta: {}, filters: {}, excerpt: [], sections: [], titleMatch: false, score: 1 });
const jiaxiang = { items: { 'jiaxiang-2021-2-a1-02': { what: '已取消', since: '成文日期 2021年2月20日', source: '嘉政发〔2021〕2号 附件1' } } };
const NEWEST = `/${NEWEST_STATUS_FILE}`;
const OWN = '/search/status/jiaxiang-2021-2.json';

/** A fetch whose responses the test releases by hand, each with the body `bodies` gives its URL (404 when none). */
function heldFetch(bodies: Record<string, unknown>) {
  const asked: string[] = [];
  const release = new Map<string, () => void>();
  const fetch = vi.fn((url: string, _init?: RequestInit) => {
    asked.push(url);
    return new Promise<Response>((resolve) =>
      release.set(url, () => resolve(url in bodies ? new Response(JSON.stringify(bodies[url])) : new Response('', { status: 404 }))),
    );
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

  it('a search start fetches the newest notices’ file once; their results need no file of their own', async () => {
    const net = heldFetch({ [NEWEST]: { notices: { 'jiaxiang-2021-2': jiaxiang } } });
    vi.stubGlobal('fetch', net.fetch);
    const lines = new StatusLines('/');
    lines.start();
    lines.start();
    lines.prefetch('/items/jiaxiang-2021-2-a1-02/');
    lines.prefetch('/items/jiaxiang-2021-2-a1-03/');
    net.release.get(NEWEST)!();
    await flush();
    await flush();
    expect(net.asked).toEqual([NEWEST]);
    // Revalidated on every visit, as pagefind/tiers.json is: a line must not outlive a new deployment.
    expect(net.fetch.mock.calls[0]?.[1]).toEqual({ cache: 'no-cache' });
  });

  it('a notice the newest file does not hold (an older tier’s) is fetched on its own, once, whichever result named it', async () => {
    const net = heldFetch({ [NEWEST]: { notices: {} }, [OWN]: jiaxiang });
    vi.stubGlobal('fetch', net.fetch);
    const lines = new StatusLines('/');
    lines.prefetch('/items/jiaxiang-2021-2-a1-02/');
    lines.prefetch('/items/jiaxiang-2021-2-a1-03/');
    lines.prefetch('/notices/jiaxiang-2021-2/');
    expect(net.asked).toEqual([NEWEST]);
    net.release.get(NEWEST)!();
    await flush();
    await flush();
    expect(net.asked).toEqual([NEWEST, OWN]);
  });

  it('without a readable newest file (none written, or malformed) each notice’s own file is fetched', async () => {
    for (const body of [undefined, { notices: [] }]) {
      const net = heldFetch(body === undefined ? { [OWN]: jiaxiang } : { [NEWEST]: body, [OWN]: jiaxiang });
      vi.stubGlobal('fetch', net.fetch);
      const lines = new StatusLines('/fgf/');
      lines.prefetch('/fgf/items/jiaxiang-2021-2-a1-02/');
      net.release.get(`/fgf${NEWEST}`)!();
      await flush();
      await flush();
      expect(net.asked).toEqual([`/fgf${NEWEST}`, `/fgf${OWN}`]);
    }
  });

  it('the list waits for a file on its way (the newest, for a result no one has named yet), and no longer than it arrives', async () => {
    const net = heldFetch({ [NEWEST]: { notices: { 'jiaxiang-2021-2': jiaxiang } } });
    vi.stubGlobal('fetch', net.fetch);
    const lines = new StatusLines('/');
    lines.start();
    let done = false;
    const waiting = lines.arrived([hit('/items/jiaxiang-2021-2-a1-02/')], 10_000).then(() => (done = true));
    await flush();
    expect(done).toBe(false);
    net.release.get(NEWEST)!();
    await waiting;
    expect(done).toBe(true);
    expect(net.asked).toEqual([NEWEST]);
  });

  it('…at most the time it is given; before any search started nothing is waited for (nor fetched)', async () => {
    const net = heldFetch({});
    vi.stubGlobal('fetch', net.fetch);
    vi.useFakeTimers();
    const idle = new StatusLines('/');
    let other = false;
    await idle.arrived([hit('/items/jinan-2022-5-a1-01/'), hit('/notices/jiaxiang-2021-2/')], 150).then(() => (other = true));
    expect(other).toBe(true);
    expect(net.asked).toEqual([]);

    const lines = new StatusLines('/');
    lines.prefetch('/items/jiaxiang-2021-2-a1-02/');
    let done = false;
    const waiting = lines.arrived([hit('/items/jiaxiang-2021-2-a1-02/')], 150).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(149);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });
});

describe('parseNewestStatus', () => {
  it('reads notice → status file, and names the notice whose lines are malformed', () => {
    expect(parseNewestStatus({ notices: { 'jiaxiang-2021-2': jiaxiang } }).notices['jiaxiang-2021-2']).toEqual(jiaxiang);
    expect(parseNewestStatus({ notices: {} }).notices).toEqual({});
    expect(() => parseNewestStatus({ notices: [] })).toThrow(/expected \{ notices/);
    expect(() => parseNewestStatus(null)).toThrow(/expected \{ notices/);
    expect(() => parseNewestStatus({ notices: { 'x-2021-1': { items: { 'x-2021-1-a1-01': { what: '已取消' } } } } })).toThrow(/notices\.x-2021-1: .*items\.x-2021-1-a1-01/);
  });
});
