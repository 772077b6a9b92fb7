/** /changes/{group}/feed.xml — the items of one kind of change (Atom). */
import type { GetStaticPaths } from 'astro';
import { listFeed, listFeedPaths } from '../../../lib/data/list-feeds.ts';

export const getStaticPaths = (() => listFeedPaths('change')) satisfies GetStaticPaths;
export const GET = listFeed('change');
