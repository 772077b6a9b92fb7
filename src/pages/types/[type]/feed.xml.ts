/** /types/{type}/feed.xml — the items of one 事项类型 (Atom). */
import type { GetStaticPaths } from 'astro';
import { listFeed, listFeedPaths } from '../../../lib/data/list-feeds.ts';

export const getStaticPaths = (() => listFeedPaths('type')) satisfies GetStaticPaths;
export const GET = listFeed('type');
