import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { noticeFields, refineNotice } from './schemas/notice.ts';
import { refineTable, tableFields } from './schemas/table.ts';
import { itemRowSchema } from './schemas/item.ts';
import { CHANGE_CODES, CHANGE_GROUP_CODES } from './domain/glossary.ts';
import { loadItemEntries } from './lib/items.ts';

// GONGKAI_CONTENT_DIR lets the benchmark build a generated corpus with the real schemas.
const contentDir = process.env.GONGKAI_CONTENT_DIR ?? './content';

/** 通知: content/notices/{slug}.mdx — metadata in the frontmatter, the text as MDX. */
const notices = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir}/notices` }),
  schema: z.strictObject(noticeFields).superRefine(refineNotice),
});

/** 附件表格: content/tables/{slug}/{n}.json */
const tables = defineCollection({
  loader: glob({ pattern: '*/*.json', base: `${contentDir}/tables` }),
  schema: z.strictObject({ ...tableFields, notice: reference('notices') }).superRefine(refineTable),
});

/** 事项: every row of every table, flattened, so pages can getCollection('items') and reference('items'). */
const items = defineCollection({
  loader: () => loadItemEntries(`${contentDir}/tables`),
  schema: z.object({
    ...itemRowSchema.shape,
    notice: reference('notices'),
    table: reference('tables'),
    tableNumber: z.number().int().positive(),
    change: z.enum(CHANGE_CODES),
    changeGroup: z.enum(CHANGE_GROUP_CODES),
    departmentHeader: z.string(),
  }),
});

export const collections = { notices, tables, items };
