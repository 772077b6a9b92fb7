/**
 * The search page against Pagefind's own API on the same index, in the same run, query by query: each side in a
 * fresh browser context, interleaved (page, API, page, API …, which of the two goes first alternating from query to
 * query and round to round), so the noise of a shared machine falls on both. Ratios are page ÷ API; the figures the
 * issue's targets use are the medians over the bench queries.
 */
import type { Browser } from '@playwright/test';
import { median, round1 } from './measure.ts';
import { openPagefindApi, openSearchPage, type NetworkConditions, type QueryTiming, type Side } from './search-sides.ts';

/** A query both sides run first, before the warm ones (not one of the bench queries). */
export const WARM_UP_QUERY = '许可';
/** The pause after that first query, before the warm ones. */
const WARM_PAUSE_MS = 1500;

export interface QueryRatio {
  query: string;
  page: { first: QueryTiming; warm: QueryTiming };
  api: { first: QueryTiming; warm: QueryTiming };
  /** page ÷ API, time and gzip bytes. */
  first: { ms: number; bytes: number };
  warm: { ms: number; bytes: number };
}

export interface OlderQuery {
  query: string;
  page: QueryTiming;
  /** The page's time ÷ the median first query's time on the page (the "typical first query"). */
  vsTypicalFirst: number;
}

export interface RatioFigures {
  /** The network both sides were measured on, when not the test server's own (./search-sides.ts, SLOW_4G). */
  network?: string;
  rounds: number;
  queries: QueryRatio[];
  /** Medians over the bench queries of the per-query ratios (time). */
  firstVsPagefind: number;
  warmVsPagefind: number;
  /** The same for gzip bytes. */
  firstBytesVsPagefind: number;
  warmBytesVsPagefind: number;
  page: { firstMs: number; warmMs: number; firstGzipBytes: number; firstGzipMaxBytes: number };
  api: { firstMs: number; warmMs: number; firstGzipBytes: number };
  /** Queries the newest tier cannot answer (found only in an old notice, or nowhere): the page alone. */
  older: OlderQuery[];
  /**
   * The empty search page (no query, no filter): it shows the listing's first page the build wrote
   * (pagefind/listing.json) without starting Pagefind; `pagefindStarted` when it fetched Pagefind's metadata.
   */
  empty: { page: QueryTiming; pagefindStarted: boolean };
}

const ratio = (a: number, b: number) => (a > 0 && b > 0 ? Math.round((a / b) * 1000) / 1000 : -1);
/** The median of ratios: of an even number, the mean of the middle two, kept to the one more digit it has. */
const medianRatio = (values: number[]) => Math.round(median(values) * 10000) / 10000;

/** The run with the median time of several runs of one query (its bytes and marks come with it). */
function medianRun(runs: QueryTiming[]): QueryTiming {
  const ok = runs.filter((r) => r.ms >= 0).sort((a, b) => a.ms - b.ms);
  return ok[Math.floor((ok.length - 1) / 2)] ?? runs[0]!;
}

/** Run `a` and `b` one after the other, which goes first alternating with `turn`. */
async function interleave<T>(turn: number, a: () => Promise<T>, b: () => Promise<T>): Promise<[T, T]> {
  if (turn % 2 === 0) {
    const x = await a();
    return [x, await b()];
  }
  const y = await b();
  return [await a(), y];
}

async function firstOf(open: () => Promise<Side | undefined>): Promise<QueryTiming | undefined> {
  const side = await open();
  if (!side) return undefined;
  await side.close();
  return side.first;
}

export async function measureRatios(
  browser: Browser,
  origin: string,
  dist: string,
  queries: readonly string[],
  older: readonly string[],
  rounds: number,
  log: (s: string) => void,
  network?: NetworkConditions,
): Promise<RatioFigures | undefined> {
  const runs = new Map<string, { pageFirst: QueryTiming[]; apiFirst: QueryTiming[]; pageWarm: QueryTiming[]; apiWarm: QueryTiming[] }>();
  for (const q of queries) runs.set(q, { pageFirst: [], apiFirst: [], pageWarm: [], apiWarm: [] });
  const olderRuns = new Map<string, QueryTiming[]>(older.map((q) => [q, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [i, q] of queries.entries()) {
      const [page, api] = await interleave(
        i + round,
        () => firstOf(() => openSearchPage(browser, origin, dist, q, network)),
        () => firstOf(() => openPagefindApi(browser, origin, dist, q, network)),
      );
      if (!page || !api) return undefined;
      runs.get(q)!.pageFirst.push(page);
      runs.get(q)!.apiFirst.push(api);
      log(`  first ${q}: page ${page.ms} ms ${(page.gzipBytes / 1024).toFixed(0)} KB, API ${api.ms} ms ${(api.gzipBytes / 1024).toFixed(0)} KB`);
    }
    const [pageSide, apiSide] = await Promise.all([
      openSearchPage(browser, origin, dist, WARM_UP_QUERY, network),
      openPagefindApi(browser, origin, dist, WARM_UP_QUERY, network),
    ]);
    // A reader reads the first results before the next query; the browser meanwhile finishes what the first queries
    // of this round left (the contexts just closed). Without the pause, whichever side went first in a round paid
    // for it: its first warm query ran 1.4–1.9× the other's.
    await new Promise((resolve) => setTimeout(resolve, WARM_PAUSE_MS));
    for (const [i, q] of queries.entries()) {
      const [page, api] = await interleave(i + round, () => pageSide!.next(q), () => apiSide.next(q));
      runs.get(q)!.pageWarm.push(page);
      runs.get(q)!.apiWarm.push(api);
      log(`  warm ${q}: page ${page.ms} ms, API ${api.ms} ms`);
    }
    await pageSide?.close();
    await apiSide.close();
    for (const q of older) {
      const page = await firstOf(() => openSearchPage(browser, origin, dist, q, network));
      if (page) olderRuns.get(q)!.push(page);
      if (page) log(`  older ${q}: page ${page.ms} ms ${(page.gzipBytes / 1024).toFixed(0)} KB, ${page.results} results`);
    }
  }
  const perQuery: QueryRatio[] = queries.map((q) => {
    const r = runs.get(q)!;
    const page = { first: medianRun(r.pageFirst), warm: medianRun(r.pageWarm) };
    const api = { first: medianRun(r.apiFirst), warm: medianRun(r.apiWarm) };
    return {
      query: q,
      page,
      api,
      first: { ms: ratio(page.first.ms, api.first.ms), bytes: ratio(page.first.gzipBytes, api.first.gzipBytes) },
      warm: { ms: ratio(page.warm.ms, api.warm.ms), bytes: ratio(page.warm.gzipBytes, api.warm.gzipBytes) },
    };
  });
  const typicalFirst = median(perQuery.map((q) => q.page.first.ms));
  const empty = await firstOf(() => openSearchPage(browser, origin, dist, '', network));
  if (!empty) return undefined;
  log(`  empty page: ${empty.ms} ms ${(empty.gzipBytes / 1024).toFixed(0)} KB, ${empty.results} results`);
  return {
    ...(network ? { network: network.name } : {}),
    rounds,
    queries: perQuery,
    firstVsPagefind: medianRatio(perQuery.map((q) => q.first.ms)),
    warmVsPagefind: medianRatio(perQuery.map((q) => q.warm.ms)),
    firstBytesVsPagefind: medianRatio(perQuery.map((q) => q.first.bytes)),
    warmBytesVsPagefind: medianRatio(perQuery.map((q) => q.warm.bytes)),
    page: {
      firstMs: round1(typicalFirst),
      warmMs: round1(median(perQuery.map((q) => q.page.warm.ms))),
      firstGzipBytes: median(perQuery.map((q) => q.page.first.gzipBytes)),
      firstGzipMaxBytes: Math.max(...perQuery.map((q) => q.page.first.gzipBytes)),
    },
    api: {
      firstMs: round1(median(perQuery.map((q) => q.api.first.ms))),
      warmMs: round1(median(perQuery.map((q) => q.api.warm.ms))),
      firstGzipBytes: median(perQuery.map((q) => q.api.first.gzipBytes)),
    },
    older: older.map((q) => {
      const page = medianRun(olderRuns.get(q)!);
      return { query: q, page, vsTypicalFirst: ratio(page.ms, typicalFirst) };
    }),
    empty: { page: empty, pagefindStarted: (empty.byKind?.['meta'] ?? 0) > 0 },
  };
}
