/** /data/items.json — every item, as the item pages show it (schema: /data/schema/items.json). */
import type { APIRoute } from 'astro';
import { openData } from '../../lib/data/site.ts';
import { dataSetResponse } from '../../lib/data/endpoints.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await openData(site, import.meta.env.BASE_URL);
  return dataSetResponse(data, 'items', data.itemRecords);
};
