/** /data/notices.json — every notice's metadata, attachments and citations (schema: /data/schema/notices.json). */
import type { APIRoute } from 'astro';
import { openData } from '../../lib/data/site.ts';
import { dataSetResponse } from '../../lib/data/endpoints.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await openData(site, import.meta.env.BASE_URL);
  return dataSetResponse(data, 'notices', data.noticeRecords);
};
