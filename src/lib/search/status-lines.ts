/**
 * The status line of each item (../status.ts, the line its page leads with) for the search results: written by the
 * build as one small JSON file per notice (`/search/status/{notice}.json`), fetched for the notices of the items a
 * page of results shows. Kept out of Pagefind: in its metadata the line's 发文字号 made items outrank their notice
 * for that 发文字号, and the literal check and the ranking must read the page's text alone.
 */
import type { ItemStatus } from '../status.ts';

/** The file of a notice's status lines, relative to the site's base. */
export const statusFile = (notice: string) => `search/status/${notice}.json`;

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
