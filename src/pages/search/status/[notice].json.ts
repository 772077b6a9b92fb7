/**
 * /search/status/{notice}.json — the status line of each item of a notice (src/lib/status.ts), for the search results
 * (src/lib/search/status-lines.ts). Built from the same model the item pages use; nothing is invented.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { groupBy } from '../../../lib/browse.ts';
import { lapsedLabel } from '../../../lib/data/ui.ts';
import { itemStatus } from '../../../lib/status.ts';
import type { StatusFile } from '../../../lib/search/status-lines.ts';

export const getStaticPaths = (async () => {
  const items = await getCollection('items');
  const notices = await getCollection('notices');
  // Grouped once: a filter over every item for each notice grew with the square of the site.
  const byNotice = groupBy(items, (i) => i.data.notice.id);
  return notices.flatMap((n) => {
    const own = byNotice.get(n.id) ?? [];
    if (own.length === 0) return [];
    const lapsed = lapsedLabel(n.data.validity);
    const file: StatusFile = { items: {}, ...(lapsed ? { lapsed } : {}) };
    for (const i of own) {
      const { what, since, source } = itemStatus(i.data, n.data);
      file.items[i.id] = { what, since, source };
    }
    return [{ params: { notice: n.id }, props: { file } }];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(`${JSON.stringify((props as { file: StatusFile }).file)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
