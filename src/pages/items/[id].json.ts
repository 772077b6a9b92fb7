/** /items/{id}.json — one item's record beside its page /items/{id}/ (schema: /data/schema/item.json). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { openData } from '../../lib/data/site.ts';
import { dataPaths } from '../../lib/data/paths.ts';
import { jsonResponse } from '../../lib/data/endpoints.ts';

export const getStaticPaths = (async () => (await getCollection('items')).map((i) => ({ params: { id: i.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const data = await openData(site, import.meta.env.BASE_URL);
  const record = data.recordById.get(params.id!)!;
  return jsonResponse({ $schema: data.abs(dataPaths.schema('item')), ...record });
};
