import { z } from 'astro/zod';
import { text } from './common.ts';

/**
 * A field a county may leave blank: "" (or leaving it out) means "not shown". Nothing is filled in for it.
 */
const optionalText = z
  .string({ error: '应为文字 / expected text' })
  .refine((s) => s.trim() === s, { error: '首尾不应有空白 / no leading or trailing white space' })
  .optional();

/**
 * content/site.json: who runs the site, shown in the masthead and footer. Every field but the name may be
 * empty, and an empty one is simply not shown.
 */
export const siteSchema = z.strictObject({
  /** The site's name: the masthead and every <title>. */
  name: text,
  /** One line under the name: what the site publishes. */
  tagline: optionalText,
  /** 主办单位 */
  organiser: optionalText,
  /** 承办单位 */
  operator: optionalText,
  /** 联系电话 */
  phone: optionalText,
  /** 地址 */
  address: optionalText,
  /** 电子邮箱 */
  email: optionalText,
  /** 网站标识码 */
  siteCode: optionalText,
  /** ICP备案号 (e.g. 鲁ICP备…号) */
  icp: optionalText,
  /** 公安机关备案号 (e.g. 鲁公网安备…号) */
  publicSecurity: optionalText,
  /** The terms on which the published data may be reused (the /data/ page). */
  dataTerms: optionalText,
});

export type Site = z.infer<typeof siteSchema>;
