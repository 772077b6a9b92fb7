import { z } from 'astro/zod';
import { ITEM_TYPE_CODES, ITEM_TYPES } from '../domain/glossary.ts';
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

/**
 * One row of an attachment table (事项). A column the table does not have is left out;
 * a cell that is empty in the source is `null` and shown as such, never dropped.
 */
export const itemRowSchema = z.strictObject({
  seq: z.number({ error: '序号应为整数 / seq must be a whole number' }).int().positive(),
  department: text,
  name: text,
  type: z.enum(ITEM_TYPE_CODES, { error: `事项类型应为 ${typeList} 之一 / type must be one of the ten kinds` }),
  basis: z.array(text).min(1).nullable().optional(),
  measures: measuresSchema.nullable(),
  remark: text.nullable(),
});

export type ItemRow = z.infer<typeof itemRowSchema>;
export type Measures = z.infer<typeof measuresSchema>;
