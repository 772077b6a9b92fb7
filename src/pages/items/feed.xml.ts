/** /items/feed.xml — every item, as /items/ lists them (Atom), newest notice first. */
import type { APIRoute } from 'astro';
import { openData, itemFeedEntry } from '../../lib/data/site.ts';
import { dataPaths } from '../../lib/data/paths.ts';
import { newestFirst, siteFeedResponse } from '../../lib/data/endpoints.ts';
import { UI } from '../../lib/ui.ts';
import { paths } from '../../domain/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await openData(site, import.meta.env.BASE_URL);
  return siteFeedResponse(data, {
    path: dataPaths.itemsFeed(),
    page: paths.items(),
    title: UI.itemsTitle,
    subtitle: UI.itemsIntro(data.itemRecords.length),
    entries: newestFirst(data.itemRecords).map(itemFeedEntry),
  });
};
