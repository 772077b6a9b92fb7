import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
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
/** The tables as the content check read and validated them (once per build, shared with the build's guard). */
const checkedTables = () => loadContent(process.cwd(), resolve(contentDir)).tables.map((t) => t.data);

/** 通知: content/notices/{slug}.mdx — metadata in the frontmatter, the text as MDX. */
const notices = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir}/notices` }),
  schema: z.strictObject(noticeFields).superRefine(refineNotice),
});

/** 附件表格: content/tables/{slug}/{n}.json, id {slug}/{n}. Validated by the content check, rows and all. */
const tables = defineCollection({
  loader: () => checkedTables().map((t) => ({ ...t, id: tableId(t.notice, t.number) })),
  schema: z.object({ ...tableFields, notice: reference('notices') }),
});

/** 事项: every row of every table, flattened, so pages can getCollection('items') and reference('items'). */
const items = defineCollection({
  loader: () => flattenTables(checkedTables()),
  schema: z.object({
    ...itemEntryFields,
    notice: reference('notices'),
    table: reference('tables'),
  }),
});

export const collections = { notices, tables, items };
