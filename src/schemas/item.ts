import { z } from 'astro/zod';
import { CHANGE_GROUP_CODES, COLUMN_ROLE_CODES, ITEM_TYPE_CODES, ITEM_TYPES, type ColumnRole } from '../domain/glossary.ts';
import { changeSchema, changeSpecSchema } from './change.ts';
import { text } from './common.ts';

/** 加强事中事后监管措施: a lead sentence and the numbered steps, without their numbers. */
export const measuresSchema = z
  .strictObject({
    lead: text.optional(),
    steps: z.array(text),
  })
  .refine((m) => m.lead !== undefined || m.steps.length > 0, {
    error: '监管措施至少应有导语或一条措施 / measures need a lead sentence or at least one step',
  });

const typeList = ITEM_TYPE_CODES.map((c) => `${c}（${ITEM_TYPES[c]}）`).join('、');
export const itemTypeSchema = z.enum(ITEM_TYPE_CODES, { error: `事项类型应为 ${typeList} 之一 / type must be one of the ten kinds` });

/**
 * What a cell of each column role holds. `null` is a cell printed empty: shown as empty, never dropped.
 * 序号 and 事项名称 are never empty.
 */
export const CELL_SCHEMAS = {
  seq: z.number({ error: '序号应为整数 / seq must be a whole number' }).int().positive(),
  name: text,
  type: itemTypeSchema.nullable(),
  department: text.nullable(),
  receiver: text.nullable(),
  level: text.nullable(),
  /** One string per paragraph of the printed cell. */
  basis: z.array(text).min(1).nullable(),
  measures: measuresSchema.nullable(),
  remark: text.nullable(),
  handling: text.nullable(),
  /** Any other column, as printed; a line break separates paragraphs. */
  verbatim: text.nullable(),
} satisfies Record<ColumnRole, z.ZodType>;

export type CellValue = { [R in ColumnRole]: z.infer<(typeof CELL_SCHEMAS)[R]> };

/**
 * One row of an attachment table (事项): a field per column the table declares (its `key`), plus an optional
 * `change` where this row's change differs from the table's. The table checks every field against its column.
 */
export const itemRowSchema = z.looseObject({
  seq: CELL_SCHEMAS.seq,
  name: CELL_SCHEMAS.name,
  change: changeSchema.optional(),
});

export type ItemRow = z.infer<typeof itemRowSchema>;
export type Measures = z.infer<typeof measuresSchema>;

/** A printed cell of an item, in the table's column order: what the item page shows under each header. */
export const itemCellSchema = z.object({
  key: z.string(),
  role: z.enum(COLUMN_ROLE_CODES),
  header: z.string(),
  value: z.unknown(),
});
export type ItemCell = { [R in ColumnRole]: { key: string; role: R; header: string; value: CellValue[R] } }[ColumnRole];

/**
 * An item as the site uses it (the `items` collection): the row flattened with what its table says about it.
 * `type` is the row's 事项类型, or the one the table's title states, or null when the source gives none.
 */
export const itemEntryFields = {
  seq: CELL_SCHEMAS.seq,
  name: CELL_SCHEMAS.name,
  tableNumber: z.number().int().positive(),
  type: itemTypeSchema.nullable(),
  /** Where `type` comes from: its own cell, or the table's title. */
  typeFrom: z.enum(['column', 'title']).nullable(),
  department: text.nullable(),
  departmentHeader: z.string().nullable(),
  receiver: text.nullable(),
  receiverHeader: z.string().nullable(),
  change: changeSpecSchema,
  /** The row states its own change (over its table's). */
  ownChange: z.boolean(),
  changeGroup: z.enum(CHANGE_GROUP_CODES),
  /** The change in plain words: 取消 / 下放至设区的市级人民政府 / 委托乡镇（街道）实施 … */
  changeText: z.string(),
  /** Typed by role (ItemCell): each value was checked against its column's cell schema by the table. */
  cells: z.array(itemCellSchema) as unknown as z.ZodType<ItemCell[]>,
};

/** An item as the `items` collection's loader writes it: the fields above, its id, and its notice and table ids. */
export const itemEntrySchema = z.object({ ...itemEntryFields, id: z.string(), notice: z.string(), table: z.string() });
export type ItemEntry = z.infer<typeof itemEntrySchema>;
