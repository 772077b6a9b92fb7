import { z } from 'astro/zod';
import { COLUMN_ROLE_CODES, COLUMN_ROLES, type ColumnRole } from '../domain/glossary.ts';
import { declaredCountInTitle } from '../domain/patterns.ts';
import { CELL_SCHEMAS, itemRowSchema, itemTypeSchema } from './item.ts';
import { changeSchema } from './change.ts';
import { slug, text } from './common.ts';

/** Roles a table has at most once: they identify or classify the row. */
const SINGLE_ROLES: ColumnRole[] = ['seq', 'name', 'type', 'handling'];
/** The row field that is not a column: this row's own change. */
export const ROW_CHANGE_FIELD = 'change';

/**
 * A column as printed: its header verbatim, the key its cells have in each row, and its role (how its cells
 * read). When the key is itself a role (seq, name, department …) the role may be left out.
 */
export const columnSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][A-Za-z0-9]*$/, { error: '列的 key 应为英文字母开头的字母数字，如 basis、col5 / key must be letters and digits, like col5' })
    .refine((k) => k !== ROW_CHANGE_FIELD, { error: 'key 不能是 change（行的 change 字段另有用途） / key must not be change' }),
  role: z.enum(COLUMN_ROLE_CODES, { error: `列的作用应为 ${COLUMN_ROLE_CODES.join('、')} 之一 / role must be one of ${COLUMN_ROLE_CODES.join(', ')}` }).optional(),
  header: text,
});
export type Column = z.infer<typeof columnSchema>;

/** The role of a column: written, or its key when the key names a role. */
export function columnRole(c: { key: string; role?: ColumnRole | undefined }): ColumnRole | undefined {
  return c.role ?? ((COLUMN_ROLE_CODES as readonly string[]).includes(c.key) && c.key !== 'verbatim' ? (c.key as ColumnRole) : undefined);
}

/** Rules within one table file. Cross-file rules live in src/lib/validation/. */
export const tableFields = {
  notice: slug,
  number: z.number().int().positive(),
  /** As printed, with its count if it has one: 取消行政权力事项（18项）, …目录（共29项）, or none. */
  title: text,
  /** A count the source declares elsewhere than the title; must agree with the title's when both are given. */
  declaredCount: z.number().int().nonnegative().optional(),
  /** The table's kind of change; a row may carry its own. */
  change: changeSchema.optional(),
  /** 事项类型 stated once for the whole table (by its title, e.g. 行政许可事项目录) when there is no such column. */
  itemType: itemTypeSchema.optional(),
  /** The header row as printed (two-line cells joined). The columns must match it: a deleted column is caught. */
  printedHeader: z.array(text).min(2),
  columns: z.array(columnSchema).min(2),
  rows: z.array(itemRowSchema),
};

type TableShape = {
  title: string;
  declaredCount?: number | undefined;
  change?: unknown;
  itemType?: string | undefined;
  printedHeader: string[];
  columns: z.infer<typeof columnSchema>[];
  rows: Record<string, unknown>[];
};

type Issue = { path: (string | number)[]; input: unknown; message: string };

function columnIssues(t: TableShape): Issue[] {
  const issues: Issue[] = [];
  const keys = t.columns.map((c) => c.key);
  t.columns.forEach((c, i) => {
    if (keys.indexOf(c.key) !== i) issues.push({ path: ['columns', i, 'key'], input: c.key, message: '列的 key 重复 / column key repeats' });
    if (!columnRole(c)) issues.push({ path: ['columns', i, 'role'], input: undefined, message: `key “${c.key}” 不是列的作用名，请写 role（如 verbatim） / give a role for this key` });
  });
  const roles = t.columns.map(columnRole);
  for (const r of SINGLE_ROLES) {
    const at = roles.flatMap((x, i) => (x === r ? [i] : []));
    if (at.length > 1) issues.push({ path: ['columns', at[1]!, 'role'], input: r, message: `“${COLUMN_ROLES[r]}”列只能有一个 / only one ${r} column` });
  }
  for (const r of ['seq', 'name'] as const) {
    if (!roles.includes(r)) issues.push({ path: ['columns'], input: keys.join(','), message: `缺少“${COLUMN_ROLES[r]}”列（${r}） / the ${r} column is required` });
  }
  if (roles.includes('type') && t.itemType !== undefined) {
    issues.push({ path: ['itemType'], input: t.itemType, message: '本表已有“事项类型”列，不要再写 itemType / the table has a type column: remove itemType' });
  }
  const printed = t.printedHeader.join(' | ');
  const declared = t.columns.map((c) => c.header).join(' | ');
  if (printed !== declared) {
    issues.push({
      path: ['columns'],
      input: declared,
      message: `各列的表头与原文表头行（printedHeader：${printed}）不一致：列被删除、增加、改名或调换了顺序 / the columns no longer match the printed header row`,
    });
  }
  return issues;
}

function countIssues(t: TableShape): Issue[] {
  const issues: Issue[] = [];
  const inTitle = declaredCountInTitle(t.title);
  if (inTitle !== undefined && t.declaredCount !== undefined && inTitle !== t.declaredCount) {
    issues.push({ path: ['declaredCount'], input: t.declaredCount, message: `与标题所列的 ${inTitle} 项不符 / differs from the ${inTitle} the title declares` });
  }
  const expected = t.declaredCount ?? inTitle;
  if (expected !== undefined && t.rows.length !== expected) {
    issues.push({ path: ['rows'], input: `${t.rows.length} 行`, message: `行数 ${t.rows.length} 与声明的 ${expected} 项不符 / found ${t.rows.length} rows but ${expected} are declared` });
  }
  return issues;
}

function rowIssues(t: TableShape): Issue[] {
  const issues: Issue[] = [];
  const known = new Set([...t.columns.map((c) => c.key), ROW_CHANGE_FIELD]);
  t.rows.forEach((row, i) => {
    if (row.seq !== i + 1) {
      issues.push({ path: ['rows', i, 'seq'], input: row.seq, message: `序号应为 ${i + 1}（按 1..N 连续编号） / seq must be ${i + 1} (1..N in order)` });
    }
    for (const c of t.columns) {
      const role = columnRole(c);
      if (!role || c.key === 'seq' || c.key === 'name') continue; // checked by the row schema
      if (!(c.key in row)) {
        issues.push({ path: ['rows', i, c.key], input: undefined, message: `本表有“${c.header}”列，此行缺少该字段（原文为空请写 null） / the table has this column: give ${c.key} (null if the cell is empty)` });
        continue;
      }
      const parsed = CELL_SCHEMAS[role].safeParse(row[c.key]);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          issues.push({ path: ['rows', i, c.key, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')], input: row[c.key], message: `“${c.header}”：${issue.message}` });
        }
      }
    }
    for (const k of Object.keys(row)) {
      if (!known.has(k)) issues.push({ path: ['rows', i, k], input: row[k], message: `未知字段 ${k}（可能拼写错误）：本表没有 key 为 ${k} 的列，列在 columns 中声明 / unknown field ${k}: the table declares no such column` });
    }
    if (t.change === undefined && row.change === undefined) {
      issues.push({ path: ['rows', i, ROW_CHANGE_FIELD], input: undefined, message: '本表没有统一的 change，此行须写明自己的 change / the table has no change: give this row one' });
    }
  });
  return issues;
}

export function refineTable(t: TableShape, ctx: z.RefinementCtx): void {
  for (const issue of [...columnIssues(t), ...countIssues(t), ...rowIssues(t)]) ctx.addIssue({ code: 'custom', ...issue });
}

export const tableSchema = z.strictObject(tableFields).superRefine(refineTable);
export type Table = z.infer<typeof tableSchema>;
