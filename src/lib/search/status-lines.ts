/**
 * The status line of each item (../status.ts, the line its page leads with) for the search results: written by the
 * build as one small JSON file per notice (`/search/status/{notice}.json`), and the lines of every notice in the
 * index's newest tier (../tiers.ts) once more in one file beside it (`pagefind/status.json`, by scripts/index.ts).
 * The page fetches that one as its search starts, in parallel with Pagefind's own start, so the results a first
 * query finds there have their lines before their fragments arrive; a notice of an older tier is fetched on its own
 * when a result names it. Kept out of Pagefind: its metadata is searchable (a query for 已取消 would find every
 * cancelled item's page and then fail the literal check), and the literal check and the ranking read the page's
 * text alone.
 */
import type { ItemStatus } from '../status.ts';
import { tierDir } from './tiers.ts';

/** The folder of the notices' status files, relative to the site's base. */
export const STATUS_DIR = 'search/status/';

/** The file of a notice's status lines, relative to the site's base. */
export const statusFile = (notice: string) => `${STATUS_DIR}${notice}.json`;

/** The status lines of the newest tier's notices, relative to the site's base. */
export const NEWEST_STATUS_FILE = `${tierDir(0)}status.json`;

/** pagefind/status.json: notice → its status file. */
export interface NewestStatus {
  notices: Record<string, StatusFile>;
}

export type StatusParts = Pick<ItemStatus, 'what' | 'since' | 'source'>;

export interface StatusFile {
  /** Item id → its status line's parts. */
  items: Record<string, StatusParts>;
  /** The notice's 有效性 when it states it is no longer in force (已修订 / 已废止 / 失效): every result says so. */
  lapsed?: string;
}

/** Read a status file; anything malformed is an error (the results are then shown without the line). */
export function parseStatusFile(json: unknown): StatusFile {
  const items = (json as { items?: unknown } | null)?.items;
  if (!items || typeof items !== 'object') throw new Error('status file: expected { items: {…} }');
  for (const [id, s] of Object.entries(items as Record<string, unknown>)) {
    const p = s as Partial<StatusParts> | null;
    if (!p || typeof p.what !== 'string' || typeof p.since !== 'string' || typeof p.source !== 'string') throw new Error(`status file: items.${id} is not a status line`);
  }
  const lapsed = (json as { lapsed?: unknown }).lapsed;
  if (lapsed !== undefined && typeof lapsed !== 'string') throw new Error('status file: lapsed is not text');
  return { items: items as Record<string, StatusParts>, ...(lapsed ? { lapsed } : {}) };
}

/** Read pagefind/status.json; anything malformed is an error (the page then fetches each notice's own file). */
export function parseNewestStatus(json: unknown): NewestStatus {
  const notices = (json as { notices?: unknown } | null)?.notices;
  if (!notices || typeof notices !== 'object' || Array.isArray(notices)) throw new Error(`${NEWEST_STATUS_FILE}: expected { notices: {…} }`);
  const out: Record<string, StatusFile> = {};
  for (const [notice, file] of Object.entries(notices as Record<string, unknown>)) {
    try {
      out[notice] = parseStatusFile(file);
    } catch (e) {
      throw new Error(`${NEWEST_STATUS_FILE}: notices.${notice}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { notices: out };
}
