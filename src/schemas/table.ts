import { z } from 'astro/zod';
import { CHANGE_CODES, CHANGES, COLUMN_KEYS, type ColumnKey } from '../domain/glossary.ts';
import { itemRowSchema } from './item.ts';
import { slug, text } from './common.ts';

/** A column as printed in the table's header row (附件4–5 say 实施部门 where 附件1–3 say 原实施部门). */
export const columnSchema = z.strictObject({
  key: z.enum(COLUMN_KEYS),
  header: text,
});

/** The count a table title declares: 取消行政权力事项（18项） → 18. */
export function declaredCountInTitle(title: string): number | undefined {
  const m = /（(\d+)项）$/.exec(title);
  return m ? Number(m[1]) : undefined;
}

const REQUIRED_COLUMNS: ColumnKey[] = ['seq', 'department', 'name', 'type', 'measures', 'remark'];
const changeList = CHANGE_CODES.map((c) => `${c}（${CHANGES[c].long}）`).join('、');

/** Rules within one table file. Cross-file rules live in src/lib/validation/. */
export const tableFields = {
  notice: slug,
  number: z.number().int().positive(),
  title: text,
  declaredCount: z.number().int().nonnegative(),
  change: z.enum(CHANGE_CODES, { error: `调整方式应为 ${changeList} 之一 / change must be one of the five kinds` }),
  columns: z.array(columnSchema).min(1),
  rows: z.array(itemRowSchema),
};

type TableShape = {
  title: string;
  declaredCount: number;
  columns: { key: ColumnKey }[];
  rows: { seq: number; basis?: unknown }[];
};

export function refineTable(t: TableShape, ctx: z.RefinementCtx): void {
  const inTitle = declaredCountInTitle(t.title);
  if (inTitle === undefined) {
    ctx.addIssue({ code: 'custom', path: ['title'], input: t.title, message: '标题应以（N项）结尾 / title must end with （N项）' });
  } else if (inTitle !== t.declaredCount) {
    ctx.addIssue({
      code: 'custom',
      path: ['declaredCount'],
      input: t.declaredCount,
      message: `与标题所列的 ${inTitle} 项不符 / differs from the ${inTitle} the title declares`,
    });
  }
  if (t.rows.length !== t.declaredCount) {
    ctx.addIssue({
      code: 'custom',
      path: ['rows'],
      input: `${t.rows.length} 行`,
      message: `行数 ${t.rows.length} 与声明的 ${t.declaredCount} 项不符 / found ${t.rows.length} rows but the title declares ${t.declaredCount}`,
    });
  }
  t.rows.forEach((row, i) => {
    if (row.seq !== i + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['rows', i, 'seq'],
        input: row.seq,
        message: `序号应为 ${i + 1}（按 1..N 连续编号） / seq must be ${i + 1} (1..N in order)`,
      });
    }
  });
  const keys = t.columns.map((c) => c.key);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i) {
      ctx.addIssue({ code: 'custom', path: ['columns', i, 'key'], input: k, message: '列重复 / column repeats' });
    }
  });
  for (const k of REQUIRED_COLUMNS) {
    if (!keys.includes(k)) {
      ctx.addIssue({ code: 'custom', path: ['columns'], input: keys.join(','), message: `缺少列 ${k} / column ${k} is missing` });
    }
  }
  const hasBasis = keys.includes('basis');
  t.rows.forEach((row, i) => {
    if (hasBasis && row.basis === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rows', i, 'basis'],
        input: undefined,
        message: '本表有“取消依据”列，此行缺少该字段（原文为空请写 null） / the table has a basis column: give basis (null if the cell is empty)',
      });
    }
    if (!hasBasis && row.basis !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rows', i, 'basis'],
        input: row.basis,
        message: '本表没有“取消依据”列 / the table has no basis column',
      });
    }
  });
}

export const tableSchema = z.strictObject(tableFields).superRefine(refineTable);
export type Table = z.infer<typeof tableSchema>;
