import { z } from 'astro/zod';
import { ISO_DATE, isDocNumber, isRealDate, SLUG } from '../domain/patterns.ts';

/** A calendar date written YYYY-MM-DD (a YAML date value is accepted and normalised). */
export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string({ error: '应为日期，格式 YYYY-MM-DD / expected a date YYYY-MM-DD' })
    .regex(ISO_DATE, { error: '日期格式应为 YYYY-MM-DD / expected a date YYYY-MM-DD' })
    .refine(isRealDate, { error: '不是真实存在的日期 / not a real calendar date' }),
);

/** Text as printed: non-empty, no leading/trailing white space (line breaks inside are kept). */
export const text = z
  .string({ error: '应为文字 / expected text' })
  .min(1, { error: '不能为空 / must not be empty' })
  .refine((s) => s.trim() === s, { error: '首尾不应有空白 / no leading or trailing white space' });

/** A 发文字号 such as 嘉政发〔2021〕2号. */
export const docNumber = text.refine(isDocNumber, {
  error: '发文字号应形如 嘉政发〔2021〕2号 / expected a document number like 嘉政发〔2021〕2号',
});

/** A URL slug: lower-case ASCII words joined by hyphens. */
export const slug = z.string().regex(SLUG, { error: '应为小写字母、数字和连字符 / expected a slug like jiaxiang-2021-2' });
