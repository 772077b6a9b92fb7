/**
 * What the build derives from the fragments Pagefind wrote, once every tier is indexed (scripts/index.ts): the
 * literal index (./literal-index.ts) and the listing's first page (./first-page.ts); and, from the notices' status
 * files Astro wrote, the newest tier's status lines in one file (./status-lines.ts). Node only.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { asLoaded, fragmentText, parseStoredFragments, servedFragment, type PagefindFragment } from './fragment.ts';
import { normaliseText } from './normalize.ts';
import { LITERAL_DIR, addGrams, buildShards, shardFile, type LiteralManifest } from './literal-index.ts';
import { hitFromFragment } from './candidates.ts';
import { FIRST_PAGE_FILE } from './first-page.ts';
import { NEWEST_STATUS_FILE, parseStatusFile, statusFile, type NewestStatus } from './status-lines.ts';

/** The fragments in one stored .pf_fragment file (one page, or a group of pages keyed by hash). */
export function storedFragments(file: Buffer): PagefindFragment[] {
  return parseStoredFragments(gunzipSync(file));
}

/**
 * The grams of every page of one tier, read from its Pagefind bundle folder: of the text the literal check reads
 * (./candidates.ts, preparePage: the fragment's text, normalised).
 */
export async function tierGrams(bundle: string): Promise<Set<number>> {
  const grams = new Set<number>();
  const dir = join(bundle, 'fragment');
  for (const f of (await readdir(dir)).filter((x) => x.endsWith('.pf_fragment'))) {
    for (const fragment of storedFragments(await readFile(join(dir, f)))) addGrams(normaliseText(fragmentText(asLoaded(fragment))), grams);
  }
  return grams;
}

/**
 * Write the literal index of the tiers' bundles (newest first) into `firstBundle` (pagefind/) and return what
 * tiers.json says of it. Earlier builds' shards in the folder are removed.
 */
export async function writeLiteralIndex(bundles: readonly string[], firstBundle: string): Promise<LiteralManifest & { grams: number; bytes: number }> {
  const perTier: Set<number>[] = [];
  for (const b of bundles) perTier.push(await tierGrams(b));
  const { shards, files, grams } = buildShards(perTier);
  const id = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
  const manifest = { id, shards };
  const dir = join(firstBundle, LITERAL_DIR);
  if (existsSync(dir)) await rm(dir, { recursive: true });
  await mkdir(dir, { recursive: true });
  await Promise.all(files.map((text, n) => writeFile(join(firstBundle, shardFile(manifest, n)), text)));
  return { ...manifest, grams, bytes: files.reduce((a, f) => a + Buffer.byteLength(f), 0) };
}

/**
 * The first page of the listing without a query (./first-page.ts): the hits the engine makes of `urls` (the first
 * item pages of the newest tier, in the order they were indexed), from the fragments in `bundle`, written to
 * `bundle`/listing.json. URLs are as the page sees them: under the site's `base`.
 */
export async function writeFirstPage(bundle: string, urls: readonly string[], base: string): Promise<number> {
  const wanted = new Set(urls);
  const byUrl = new Map<string, PagefindFragment>();
  const dir = join(bundle, 'fragment');
  for (const f of (await readdir(dir)).filter((x) => x.endsWith('.pf_fragment'))) {
    for (const fragment of storedFragments(await readFile(join(dir, f)))) if (wanted.has(fragment.url)) byUrl.set(fragment.url, fragment);
  }
  const hits = urls.flatMap((url) => {
    const stored = byUrl.get(url);
    const hit = stored ? hitFromFragment(url, 0, servedFragment(stored, base), [], base) : null;
    return hit ? [hit] : [];
  });
  await writeFile(join(bundle, FIRST_PAGE_FILE), `${JSON.stringify({ hits })}\n`);
  return hits.length;
}

/**
 * pagefind/status.json: the status files of `notices` (the newest tier's) in one, read from the site Astro built. A
 * notice without items has no status file and no entry; a status file that is there but unreadable stops the build.
 */
export async function writeNewestStatus(site: string, notices: readonly string[]): Promise<void> {
  const out: NewestStatus = { notices: {} };
  for (const notice of notices) {
    const file = join(site, statusFile(notice));
    if (!existsSync(file)) continue;
    try {
      out.notices[notice] = parseStatusFile(JSON.parse(await readFile(file, 'utf8')));
    } catch (e) {
      throw new Error(`状态文件无法读取 / unreadable status file ${statusFile(notice)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  await writeFile(join(site, NEWEST_STATUS_FILE), `${JSON.stringify(out)}\n`);
}
