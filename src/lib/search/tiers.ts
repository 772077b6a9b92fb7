/**
 * The search index in tiers, newest notices first.
 *
 * Pagefind's metadata file lists every page of an index (about 7 bytes a page, gzipped) and every search downloads it
 * before anything else: at 10,000 items that alone is 75 KB, and the first query transfers more than 200 KB. So a
 * large site is indexed as several Pagefind indexes ("tiers"): the first holds the newest notices (with their tables
 * and items) up to `first` pages (500: about 4 KB of metadata), each further tier older notices up to `rest` pages. The search page loads the
 * first tier only and adds the next one (Pagefind's mergeIndex) when a page of results cannot be filled, when the
 * reader asks for more, or when filter counts are needed. A notice never straddles two tiers. A site that fits in
 * the first tier (this one: 66 pages) has one index, exactly as before.
 *
 * The plan is written next to the index as pagefind/tiers.json (see scripts/index.ts); the page reads it
 * with `parseTierManifest`.
 */
import { itemOfUrl, noticeSlugOf, stripBase } from '../../domain/urls.ts';
import type { LiteralManifest } from './literal-index.ts';

/**
 * Pages per tier: the first tier (what a first query loads: 500 pages, about 4 KB of metadata) and every later one
 * (what one Pagefind process indexes: 6,000 pages, about 1.1 GB, so that 100,000 items build within 4 GB beside
 * Astro's own 2.6 GB).
 */
export const TIER_LIMITS = { first: 500, rest: 6000 } as const;

export interface TierLimits {
  first: number;
  rest: number;
}

/** A notice and the number of its pages in the index (the notice, its tables, its items). */
export interface NoticePages {
  slug: string;
  /** ISO date (成文日期): newer notices go first. */
  date: string;
  pages: number;
}

export interface PlannedTier {
  notices: string[];
  pages: number;
}

/** One tier as the search page sees it. */
export interface Tier {
  /** The tier's Pagefind bundle, relative to the site's base: pagefind/ for the first, pagefind/tier-N/ after. */
  dir: string;
  /** Pages in this tier's index. */
  pages: number;
  /** How many of them are items (indexed first, see index-config.ts). */
  items: number;
  /** The newest and the oldest 成文日期 in the tier. */
  newest: string;
  oldest: string;
}

export interface TierManifest {
  tiers: Tier[];
  /** The literal index over every tier (./literal-index.ts), when the build wrote one (a site of two tiers or more). */
  literal?: LiteralManifest;
}

/** The tiers of the index, written by the build beside the first tier's files and read by the search page. */
export const TIERS_MANIFEST = 'tiers.json';

/** Pagefind's script, in the first tier's folder: the search page preloads it and imports it. */
export const PAGEFIND_SCRIPT = 'pagefind.js';

/**
 * Pagefind's WebAssembly for an index whose language has no stemmer (zh-cn: its pagefind-entry.json says
 * "wasm": null, and Pagefind then loads wasm.unknown.pagefind). The search page preloads it; the build checks it is
 * there (scripts/index.ts).
 */
export const PAGEFIND_WASM = 'wasm.unknown.pagefind';

/** The bundle folder of tier `n` (0-based), relative to the site's base. */
export function tierDir(n: number): string {
  return n === 0 ? 'pagefind/' : `pagefind/tier-${n}/`;
}

/** Newest first; the same date in slug order, so the plan does not depend on the order files were read in. */
function newestFirst(a: NoticePages, b: NoticePages): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/**
 * Group notices into tiers, newest first: a tier takes notices while they fit its limit (it always takes at least
 * one, so a notice larger than the limit gets a tier of its own). Notices without pages are left out.
 */
export function planTiers(notices: readonly NoticePages[], limits: TierLimits = TIER_LIMITS): PlannedTier[] {
  for (const [name, v] of Object.entries(limits)) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`tier limit ${name} must be a positive whole number, got ${String(v)}`);
  }
  const tiers: PlannedTier[] = [];
  for (const n of [...notices].filter((x) => x.pages > 0).sort(newestFirst)) {
    const current = tiers.at(-1);
    const limit = tiers.length === 1 ? limits.first : limits.rest;
    if (current && current.pages + n.pages <= limit) {
      current.notices.push(n.slug);
      current.pages += n.pages;
    } else {
      tiers.push({ notices: [n.slug], pages: n.pages });
    }
  }
  return tiers;
}

/**
 * The notice an indexed page belongs to, from its URL (a contract, src/lib/urls.ts): /items/{notice}-a{n}-{seq}/,
 * /notices/{notice}/ and /notices/{notice}/attachments/{n}/. Undefined for any other page.
 */
export function noticeOfPage(url: string, base = '/'): string | undefined {
  const path = stripBase(url, base);
  return itemOfUrl(path)?.notice ?? noticeSlugOf(path);
}

/** Read pagefind/tiers.json; anything malformed is an error (the page then searches the first index alone). */
export function parseTierManifest(json: unknown): TierManifest {
  const fail = (what: string): never => {
    throw new Error(`pagefind/tiers.json: ${what}`);
  };
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { tiers?: unknown }).tiers)) fail('expected { tiers: [...] }');
  const tiers = (json as { tiers: unknown[] }).tiers.map((t, i): Tier => {
    const x = t as Partial<Record<keyof Tier, unknown>>;
    if (typeof x !== 'object' || x === null) return fail(`tiers[${i}] is not an object`);
    if (typeof x.dir !== 'string' || !/^pagefind\/([\w-]+\/)?$/.test(x.dir)) fail(`tiers[${i}].dir: expected pagefind/ or pagefind/NAME/`);
    for (const k of ['pages', 'items'] as const) {
      if (!Number.isInteger(x[k]) || (x[k] as number) < 0) fail(`tiers[${i}].${k}: expected a whole number`);
    }
    for (const k of ['newest', 'oldest'] as const) if (typeof x[k] !== 'string') fail(`tiers[${i}].${k}: expected a date`);
    return { dir: x.dir as string, pages: x.pages as number, items: x.items as number, newest: x.newest as string, oldest: x.oldest as string };
  });
  if (tiers.length === 0) fail('no tier');
  if (tiers[0]!.dir !== tierDir(0)) fail(`tiers[0].dir: expected ${tierDir(0)}`);
  const literal = (json as { literal?: unknown }).literal;
  if (literal === undefined) return { tiers };
  const l = literal as Partial<LiteralManifest>;
  if (typeof l !== 'object' || l === null || typeof l.id !== 'string' || !/^[0-9a-f]+$/.test(l.id)) fail('literal.id: expected a hex id');
  if (!Number.isInteger(l.shards) || (l.shards as number) < 1) fail('literal.shards: expected a positive whole number');
  return { tiers, literal: { id: l.id as string, shards: l.shards as number } };
}
