/** /data/items.json — every item, as the item pages show it (schema: /data/schema/items.json). */
import type { APIRoute } from 'astro';
import { openData } from '../../lib/data/site.ts';
import { dataPaths } from '../../lib/data/paths.ts';
import { jsonResponse } from '../../lib/data/endpoints.ts';
import { feedSite } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await openData(site, import.meta.env.BASE_URL);
  const { licence } = feedSite();
  return jsonResponse({
    $schema: data.abs(dataPaths.schema('items')),
    ...(licence ? { licence } : {}),
    source: data.abs(dataPaths.page()),
    count: data.itemRecords.length,
    items: data.itemRecords,
  }, true);
};
