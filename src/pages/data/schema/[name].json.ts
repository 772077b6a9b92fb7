/** /data/schema/{item,items,notice,notices}.json — JSON Schemas generated from the zod schemas of the records. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { RECORD_SCHEMAS, jsonSchemaOf, type RecordSchemaName } from '../../../lib/data/records.ts';
import { dataPaths, absoluteUrl } from '../../../lib/data/paths.ts';
import { jsonResponse } from '../../../lib/data/endpoints.ts';

export const getStaticPaths = (() => Object.keys(RECORD_SCHEMAS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const name = params.name as RecordSchemaName;
  return jsonResponse(jsonSchemaOf(name, absoluteUrl(dataPaths.schema(name), site, import.meta.env.BASE_URL)));
};
