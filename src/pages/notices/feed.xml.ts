/** /notices/feed.xml — new notices (Atom), newest first. */
import type { APIRoute } from 'astro';
import { openData, noticeFeedEntry } from '../../lib/data/site.ts';
import { dataPaths } from '../../lib/data/paths.ts';
import { feedResponse } from '../../lib/data/endpoints.ts';
import { DATA_UI, SITE_DATA } from '../../lib/data/ui.ts';
import { SITE, UI } from '../../lib/ui.ts';
import { paths } from '../../domain/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await openData(site, import.meta.env.BASE_URL);
  return feedResponse(
    {
      path: dataPaths.noticesFeed(),
      self: data.abs(dataPaths.noticesFeed()),
      alternate: data.abs(paths.notices()),
      title: `${DATA_UI.feedTitleNotices} - ${SITE.name}`,
      subtitle: UI.allNoticesIntro(data.noticeRecords.length),
      author: SITE.name,
      rights: SITE_DATA.licence,
      entries: data.noticeRecords.map(noticeFeedEntry),
    },
    data.host,
  );
};
