import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { close, createIndex } from 'pagefind';
import { EXCLUDE_SELECTORS, INDEX_LANGUAGE, htmlForIndex, indexOrder } from '../src/lib/search/index-config.ts';
import { pageKind } from '../src/domain/urls.ts';
import {
  PAGEFIND_SCRIPT,
  PAGEFIND_WASM,
  TIERS_MANIFEST,
  TIER_LIMITS,
  noticeOfPage,
  planTiers,
  tierDir,
  type Tier,
  type TierLimits,
} from '../src/lib/search/tiers.ts';
import { checkNoticeFile } from '../src/lib/validation/check-content.ts';
import { publishUrls } from './published-urls.ts';
import { writeFirstPage, writeLiteralIndex, writeNewestStatus } from '../src/lib/search/literal-build.ts';
import { PAGE_SIZE } from '../src/lib/search/first-page.ts';

const BATCH = 200;

/**
 * `npm run build`'s second step (`astro build && node scripts/index.ts`): index the built site with Pagefind (the
 * Chinese-capable extended binary), writing dist/pagefind/. It runs once Astro's process has ended, so the memory
 * Astro held for rendering (1.0 GB at 10,000 items) is free before indexing starts. What is indexed and why:
 * src/lib/search/README.md.
 *
 * A large site is indexed in tiers, newest notices first (src/lib/search/tiers.ts): dist/pagefind/ holds the newest
 * notices up to 500 pages, dist/pagefind/tier-N/ the older ones (up to 6,000 pages each), and
 * dist/pagefind/tiers.json says which is which. Each tier is indexed and written by a fresh Pagefind process, so the
 * memory the indexer needs is that of one tier. GONGKAI_SEARCH_TIER_FIRST and GONGKAI_SEARCH_TIER_PAGES change the
 * limits (tests split this small site in two); GONGKAI_OUT_DIR and GONGKAI_CONTENT_DIR say where the built site and
 * the content are, as for the build.
 *
 * Pages are added one by one in the order of their URLs (items by notice, table and row): a search without a query
 * lists pages in the order they were added, so the search page's listing needs no sort key (which would add a
 * value per page to the index's metadata, the file every first search downloads).
 */
export async function indexSite(site: string, contentDir: string, log: (line: string) => void = console.log): Promise<Tier[]> {
  const files = indexOrder(
    (await readdir(site, { recursive: true }))
      .filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${sep}`))
      .map((f) => relative(site, join(site, f)).split(sep).join('/')),
  );
  if (files.length === 0) throw new Error(`no built pages in ${site}: run astro build first`);
  const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
  const dates = noticeDates(contentDir);

  // Which tier each page goes to: by its notice (pages of no notice go with the newest).
  const noticeOf = new Map(files.map((f) => [f, noticeOfPage(urlOf(f))]));
  const perNotice = new Map<string, number>();
  for (const n of noticeOf.values()) if (n && dates.has(n)) perNotice.set(n, (perNotice.get(n) ?? 0) + 1);
  const plan = planTiers(
    [...perNotice].map(([slug, pages]) => ({ slug, pages, date: dates.get(slug)! })),
    tierLimits(),
  );
  const tierOf = new Map(plan.flatMap((t, i) => t.notices.map((n) => [n, i] as const)));
  const groups: string[][] = Array.from({ length: Math.max(plan.length, 1) }, () => []);
  for (const f of files) {
    const n = noticeOf.get(f);
    groups[(n === undefined ? undefined : tierOf.get(n)) ?? 0]!.push(f);
  }

  const tiers: Tier[] = [];
  let firstItems: string[] = [];
  for (const [i, group] of groups.entries()) {
    const noticeDatesOfTier = (plan[i]?.notices ?? []).map((n) => dates.get(n)!).sort();
    const added = await indexTier(site, group, urlOf, join(site, tierDir(i)));
    if (i === 0) firstItems = added.firstItems;
    tiers.push({
      dir: tierDir(i),
      pages: added.pages,
      items: added.items,
      newest: noticeDatesOfTier.at(-1) ?? '',
      oldest: noticeDatesOfTier[0] ?? '',
    });
  }
  // The literal index (src/lib/search/literal-index.ts) tells the search page which older tiers may hold a query.
  const literal = tiers.length > 1 ? await writeLiteralIndex(tiers.map((t) => join(site, t.dir)), join(site, tierDir(0))) : undefined;
  const manifest = literal ? { tiers, literal: { id: literal.id, shards: literal.shards } } : { tiers };
  await writeFile(join(site, tierDir(0), TIERS_MANIFEST), `${JSON.stringify(manifest)}\n`);
  // The empty search page shows the listing's first page without starting Pagefind (src/lib/search/first-page.ts).
  const shown = await writeFirstPage(join(site, tierDir(0)), firstItems, process.env.GONGKAI_BASE ?? '/');
  if (shown < Math.min(tiers[0]!.items, PAGE_SIZE)) {
    throw new Error(`搜索页首屏列表只有 ${shown} 条，而最新一层有 ${tiers[0]!.items} 个事项 / the search page's first listing (${tierDir(0)}listing.json) has ${shown} of its items`);
  }
  // The newest tier's status lines in one file: the search page fetches it as a search starts (status-lines.ts).
  await writeNewestStatus(site, plan[0]?.notices ?? []);
  // The search page preloads these by name: a Pagefind that names them otherwise must stop the build.
  for (const f of [PAGEFIND_SCRIPT, PAGEFIND_WASM]) {
    if (!existsSync(join(site, tierDir(0), f))) throw new Error(`Pagefind: ${tierDir(0)}${f} was not written (the search page preloads it)`);
  }
  const total = tiers.reduce((s, t) => s + t.pages, 0);
  log(`[gongkai:pagefind] indexed ${total} pages${tiers.length > 1 ? ` in ${tiers.length} tiers (${tiers.map((t) => t.pages).join(' + ')})` : ''}`);
  if (literal) log(`[gongkai:pagefind] literal index: ${literal.grams} grams in ${literal.shards} shards`);
  return tiers;
}

/** The tier limits, from the environment (GONGKAI_SEARCH_TIER_FIRST, GONGKAI_SEARCH_TIER_PAGES) or TIER_LIMITS. */
export function tierLimits(env: NodeJS.ProcessEnv = process.env): TierLimits {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number of pages, got "${raw}"`);
    return n;
  };
  return { first: read('GONGKAI_SEARCH_TIER_FIRST', TIER_LIMITS.first), rest: read('GONGKAI_SEARCH_TIER_PAGES', TIER_LIMITS.rest) };
}

/** Each notice's 成文日期 (signedDate), read the way the content check reads content/notices/{slug}.mdx. */
function noticeDates(contentDir: string): Map<string, string> {
  const dir = join(contentDir, 'notices');
  const out = new Map<string, string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.mdx'))) {
    const notice = checkNoticeFile(join(dir, f), contentDir).data;
    if (notice) out.set(basename(f, '.mdx'), notice.signedDate);
  }
  return out;
}

/**
 * Index one tier's pages into outputPath with a fresh Pagefind process (closed afterwards, which frees its memory).
 * Files are read and handed over in batches; within a batch the requests are sent in order without waiting for each
 * answer (the indexing service takes them in the order they arrive).
 */
async function indexTier(
  site: string,
  files: readonly string[],
  urlOf: (file: string) => string,
  outputPath: string,
): Promise<{ pages: number; items: number; firstItems: string[] }> {
  const { index, errors } = await createIndex({ forceLanguage: INDEX_LANGUAGE, excludeSelectors: [...EXCLUDE_SELECTORS] });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  let pages = 0;
  let items = 0;
  // The item pages indexed first (in the order added): the listing's first page (src/lib/search/first-page.ts).
  const firstItems: string[] = [];
  try {
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = await Promise.all(
        files.slice(i, i + BATCH).map(async (file) => ({ file, content: await readFile(join(site, file), 'utf8') })),
      );
      const added = await Promise.all(
        batch
          .filter((p) => p.content.includes('data-pagefind-body'))
          .map((p) => index.addHTMLFile({ url: urlOf(p.file), content: htmlForIndex(p.content) }).then((r) => ({ ...r, file: p.file }))),
      );
      for (const r of added) if (r.errors.length > 0) throw new Error(`Pagefind: ${r.file}: ${r.errors.join('; ')}`);
      pages += added.length;
      const itemUrls = added.map((r) => urlOf(r.file)).filter((u) => pageKind(u) === 'item');
      items += itemUrls.length;
      firstItems.push(...itemUrls.slice(0, PAGE_SIZE - firstItems.length));
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await close();
  }
  return { pages, items, firstItems };
}

if (import.meta.main) {
  const site = resolve(process.env.GONGKAI_OUT_DIR ?? 'dist');
  const contentDir = resolve(process.env.GONGKAI_CONTENT_DIR ?? 'content');
  // Published URLs never break (scripts/published-urls.ts): one that would disappear stops the build here.
  if (!publishUrls({ site, contentDir, base: process.env.GONGKAI_BASE ?? '/' })) process.exit(1);
  try {
    await indexSite(site, contentDir);
  } catch (e) {
    console.error(`搜索索引未生成 / search index not written: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
