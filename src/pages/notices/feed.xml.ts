/** /notices/feed.xml — new notices (Atom), newest first. */
import type { APIRoute } from 'astro';
import { openData, noticeFeedEntry } from '../../lib/data/site.ts';
import { dataPaths } from '../../lib/data/paths.ts';
import { feedResponse } from '../../lib/data/endpoints.ts';
import { DATA_UI } from '../../lib/data/ui.ts';
import { feedSite } from '../../lib/site.ts';
import { UI } from '../../lib/ui.ts';
import { paths } from '../../domain/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await openData(site, import.meta.env.BASE_URL);
  const own = feedSite();
  return feedResponse(
    {
      path: dataPaths.noticesFeed(),
      self: data.abs(dataPaths.noticesFeed()),
      alternate: data.abs(paths.notices()),
      title: `${DATA_UI.feedTitleNotices} - ${own.name}`,
      subtitle: UI.allNoticesIntro(data.noticeRecords.length),
      author: own.author,
      ...(own.licence ? { rights: own.licence } : {}),
      entries: data.noticeRecords.map(noticeFeedEntry),
    },
    data.host,
  );
};
