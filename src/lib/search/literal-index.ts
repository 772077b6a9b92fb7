/**
 * The literal index: built with the search index (scripts/index.ts), it answers "which tiers may hold a page whose
 * text contains this query literally?" without Pagefind. For every character and every pair of adjacent characters
 * (UTF-16 code units; a "gram") of every indexed page's normalised text — exactly the text the literal check reads (./candidates.ts) —
 * it records the tiers that have it. A page containing a term contains every gram of the term, so a tier lacking
 * one of them cannot hold a match: the answer never leaves out a tier with a match (recall is kept), it may keep a
 * tier without one (two grams apart on a page). So a query with no result anywhere (乡村兽医诊所: no page has 诊所)
 * is answered without searching the older tiers, and one found only in an old notice adds that tier alone.
 *
 * Files: pagefind/grams/{id}-{n}.json, `shards` of them, each an object gram → tiers (a bit per tier, in hex); a
 * gram's shard is a hash of it. tiers.json names the id and the number of shards (its `literal` field), so a page
 * never mixes the files of two builds.
 */
import type { TierFinder } from './types.ts';

/** Grams per shard at most, on average: a shard is about 1–2 KB gzipped; a query fetches one per gram. */
export const GRAMS_PER_SHARD = 250;
export const LITERAL_DIR = 'grams/';

export interface LiteralManifest {
  id: string;
  shards: number;
}

/** The grams a term needs: its adjacent pairs of UTF-16 code units, or the term itself when it is one. */
export function termGrams(term: string): string[] {
  if (term.length <= 1) return term ? [term] : [];
  const out = new Set<string>();
  for (let i = 1; i < term.length; i++) out.add(term.slice(i - 1, i + 1));
  return [...out];
}

/** A gram as a number (the build collects millions: numbers are cheaper to keep in a set than strings). */
function gramKey(a: number, b?: number): number {
  return b === undefined ? a : (a + 1) * 0x10000 + b;
}

export function gramOfKey(key: number): string {
  return key < 0x10000 ? String.fromCharCode(key) : String.fromCharCode(Math.floor(key / 0x10000) - 1, key % 0x10000);
}

/** Every gram of a (normalised) text: each UTF-16 code unit and each adjacent pair, as numbers (gramOfKey). */
export function addGrams(text: string, into: Set<number>): void {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    into.add(c);
    if (prev >= 0) into.add(gramKey(prev, c));
    prev = c;
  }
}

/** FNV-1a over the UTF-16 code units: the shard of a gram. */
export function shardOf(gram: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

export function shardFile(manifest: LiteralManifest, n: number): string {
  return `${LITERAL_DIR}${manifest.id}-${n}.json`;
}

/**
 * The shards of the literal index for the grams of each tier (tier n's set at position n): shard number → its JSON
 * text. Deterministic: the same grams give the same files.
 */
export function buildShards(tierGrams: readonly ReadonlySet<number>[]): { shards: number; files: string[]; grams: number } {
  const tiers = new Map<string, bigint>();
  tierGrams.forEach((grams, t) => {
    const bit = 1n << BigInt(t);
    for (const key of grams) {
      const g = gramOfKey(key);
      tiers.set(g, (tiers.get(g) ?? 0n) | bit);
    }
  });
  const shards = Math.max(1, Math.ceil(tiers.size / GRAMS_PER_SHARD));
  const buckets: [string, string][][] = Array.from({ length: shards }, () => []);
  for (const [g, mask] of tiers) buckets[shardOf(g, shards)]!.push([g, mask.toString(16)]);
  const files = buckets.map((b) => JSON.stringify(Object.fromEntries(b.sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0)))));
  return { shards, files, grams: tiers.size };
}

/** The tiers set in a hex mask. */
function tiersOf(mask: bigint, count: number): Set<number> {
  const out = new Set<number>();
  for (let t = 0; t < count; t++) if ((mask >> BigInt(t)) & 1n) out.add(t);
  return out;
}

/**
 * A TierFinder over the literal index: fetches the shards the query's grams fall in (in parallel, each once per
 * visit) and intersects their tiers. `fetchShard` returns a shard's object (gram → hex mask).
 */
export function literalTierFinder(manifest: LiteralManifest, tierCount: number, fetchShard: (file: string) => Promise<Record<string, string>>): TierFinder {
  const shards = new Map<number, Promise<Record<string, string>>>();
  const shard = (n: number) => {
    let p = shards.get(n);
    if (!p) {
      p = fetchShard(shardFile(manifest, n));
      p.catch(() => shards.delete(n));
      shards.set(n, p);
    }
    return p;
  };
  const all = (1n << BigInt(tierCount)) - 1n;
  return async (terms) => {
    const grams = [...new Set(terms.flatMap(termGrams))];
    const found = await Promise.all(grams.map(async (g) => (await shard(shardOf(g, manifest.shards)))[g]));
    let mask = all;
    for (const hex of found) mask &= hex === undefined ? 0n : BigInt(`0x${hex}`);
    return tiersOf(mask, tierCount);
  };
}
