import { defineCollection, reference } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { resolve } from 'node:path';
import { noticeFields, refineNotice } from './schemas/notice.ts';
import { tableFields } from './schemas/table.ts';
import { itemEntryFields } from './schemas/item.ts';
import { tableId } from './domain/ids.ts';
import { flattenTables } from './lib/items.ts';
import { loadContent } from './lib/validation/check-content.ts';

// GONGKAI_CONTENT_DIR lets the benchmark build a generated corpus with the real schemas.
const contentDir = process.env.GONGKAI_CONTENT_DIR ?? './content';
/** The content as the content check read and validated it: once per build, shared with the build's guard. */
const checked = () => loadContent(process.cwd(), resolve(contentDir));
const ref = (collection: 'notices' | 'tables', id: string) => ({ collection, id });

/**
 * The collections are filled from the check's reading, not by reading and validating the files again: each entry
 * is stored as the check parsed it (references written as Astro's schema would write them). The schemas below give
 * the entries their types.
 */
function fromCheck(name: string, entries: () => { id: string; data: Record<string, unknown>; body?: string; filePath?: string; source?: string }[]): Loader {
  return {
    name,
    load: async ({ store, generateDigest, watcher }) => {
      const fill = () => {
        store.clear();
        for (const e of entries()) {
          store.set({
            id: e.id,
            data: e.data,
            digest: generateDigest(e.source ?? e.data),
            // A notice's MDX body is compiled by Astro's MDX pipeline when a page renders it (as the glob loader does).
            ...(e.filePath !== undefined ? { body: e.body, filePath: e.filePath, deferredRender: true } : {}),
          });
        }
      };
      fill();
      // `astro dev`: an edited content file is checked and shown again (the check's cache sees its new size/time).
      const dir = resolve(contentDir);
      watcher?.add(dir);
      for (const event of ['add', 'change', 'unlink'] as const) watcher?.on(event, (path: string) => path.startsWith(dir) && fill());
    },
  };
}

/** 通知: content/notices/{slug}.mdx — metadata in the frontmatter, the text as MDX. */
const notices = defineCollection({
  loader: fromCheck('gongkai-notices', () => {
    const c = checked();
    return [...c.notices].map(([id, data]) => {
      const { file, source } = c.noticeSources.get(id)!;
      return { id, data, source, filePath: file, body: source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '') };
    });
  }),
  schema: z.strictObject(noticeFields).superRefine(refineNotice),
});

/** 附件表格: content/tables/{slug}/{n}.json, id {slug}/{n}. */
const tables = defineCollection({
  loader: fromCheck('gongkai-tables', () => checked().tables.map(({ data }) => ({ id: tableId(data.notice, data.number), data: { ...data, notice: ref('notices', data.notice) } }))),
  schema: z.object({ ...tableFields, notice: reference('notices') }),
});

/** 事项: every row of every table, flattened, so pages can getCollection('items') and reference('items'). */
const items = defineCollection({
  loader: fromCheck('gongkai-items', () =>
    flattenTables(checked().tables.map((t) => t.data)).map(({ id, notice, table, ...data }) => ({
      id,
      data: { ...data, notice: ref('notices', notice), table: ref('tables', table) },
    })),
  ),
  schema: z.object({
    ...itemEntryFields,
    notice: reference('notices'),
    table: reference('tables'),
  }),
});

export const collections = { notices, tables, items };
