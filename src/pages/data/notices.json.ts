/** /data/notices.json — every notice's metadata, attachments and citations (schema: /data/schema/notices.json). */
import type { APIRoute } from 'astro';
import { openData } from '../../lib/data/site.ts';
import { dataPaths } from '../../lib/data/paths.ts';
import { jsonResponse } from '../../lib/data/endpoints.ts';
import { feedSite } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await openData(site, import.meta.env.BASE_URL);
  const { licence } = feedSite();
  return jsonResponse({
    $schema: data.abs(dataPaths.schema('notices')),
    ...(licence ? { licence } : {}),
    source: data.abs(dataPaths.page()),
    count: data.noticeRecords.length,
    notices: data.noticeRecords,
  }, true);
};
