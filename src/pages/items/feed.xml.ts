/** /items/feed.xml — every item, as /items/ lists them (Atom), newest notice first. */
import type { APIRoute } from 'astro';
import { openData, itemFeedEntry } from '../../lib/data/site.ts';
import { dataPaths } from '../../lib/data/paths.ts';
import { feedResponse, newestFirst } from '../../lib/data/endpoints.ts';
import { feedSite } from '../../lib/site.ts';
import { UI } from '../../lib/ui.ts';
import { paths } from '../../domain/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await openData(site, import.meta.env.BASE_URL);
  const own = feedSite();
  return feedResponse(
    {
      path: dataPaths.itemsFeed(),
      self: data.abs(dataPaths.itemsFeed()),
      alternate: data.abs(paths.items()),
      title: `${UI.itemsTitle} - ${own.name}`,
      subtitle: UI.itemsIntro(data.itemRecords.length),
      author: own.author,
      ...(own.licence ? { rights: own.licence } : {}),
      entries: newestFirst(data.itemRecords).map(itemFeedEntry),
    },
    data.host,
  );
};
