/**
 * The ranking rule, in one place. Results (pages that contain every term of the query, see ./candidates.ts) are
 * ordered by:
 *   1. the title contains the query (an item named 典当业特种行业许可证核发 before a page that only mentions 典当);
 *   2. content before lists: item, notice and attachment pages before browse pages (类型/部门/调整方式 lists);
 *   3. Pagefind's score (term frequency, with item names weighted as the page's heading);
 *   4. Pagefind's order, for ties.
 */
import type { Hit } from './types.ts';

/** 0 for the best group; see the rule above (1 and 2). */
function group(h: Hit): number {
  return (h.titleMatch ? 0 : 2) + (h.kind === 'browse' ? 1 : 0);
}

export function rankHits(hits: readonly Hit[]): Hit[] {
  return hits
    .map((h, i) => ({ h, i }))
    .sort((a, b) => group(a.h) - group(b.h) || b.h.score - a.h.score || a.i - b.i)
    .map((x) => x.h);
}
