/** /departments/{name}/feed.xml — the items of one department, as printed or as its group (Atom). */
import type { GetStaticPaths } from 'astro';
import { listFeed, listFeedPaths } from '../../../lib/data/list-feeds.ts';

export const getStaticPaths = (() => listFeedPaths('department')) satisfies GetStaticPaths;
export const GET = listFeed('department');
