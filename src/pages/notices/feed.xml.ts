/** /notices/feed.xml — new notices (Atom), newest first. */
import type { APIRoute } from 'astro';
import { openData, noticeFeedEntry } from '../../lib/data/site.ts';
import { dataPaths } from '../../lib/data/paths.ts';
import { siteFeedResponse } from '../../lib/data/endpoints.ts';
import { DATA_UI } from '../../lib/data/ui.ts';
import { UI } from '../../lib/ui.ts';
import { paths } from '../../domain/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await openData(site, import.meta.env.BASE_URL);
  return siteFeedResponse(data, {
    path: dataPaths.noticesFeed(),
    page: paths.notices(),
    title: DATA_UI.feedTitleNotices,
    subtitle: UI.allNoticesIntro(data.noticeRecords.length),
    entries: data.noticeRecords.map(noticeFeedEntry),
  });
};
