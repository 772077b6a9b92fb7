import { z } from 'astro/zod';
import { docNumber, isoDate, text } from './common.ts';

/**
 * A notice that was withdrawn (撤回), repealed (废止) or has lapsed (失效) keeps its page and its URL: people cite
 * it. Its frontmatter says what became of it, and the page opens with 「本文件已于 2023年5月1日 废止。」, the
 * reason, and a link to what replaces it (GOV.UK-style). The page stays in search.
 *
 *   withdrawn:
 *     action: 废止
 *     date: '2023-05-01'
 *     reason: 相关事项已由《……》重新规定
 *     replacedBy:                      # optional: what to read instead
 *       title: 嘉祥县人民政府关于……的通知
 *       docNumber: 嘉政发〔2023〕5号     # optional
 *       url: /notices/jiaxiang-2023-5/  # a path on this site (base-less) or an https:// address
 */
export const WITHDRAWN_ACTIONS = ['撤回', '废止', '失效'] as const;

/** A path on this site, written without the deployment's base (/fgf/): /notices/x/, /items/x/. */
export const sitePath = z
  .string({ error: '应为本站路径 / expected a site path' })
  .regex(/^\/(?!\/)[^\s\\?#"'<>`]*\/$/, { error: '应为以 / 开头和结尾的本站路径，如 /notices/jiaxiang-2023-5/ / expected a site path like /notices/x/' })
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), { error: '路径中不能有 . 或 .. / no . or .. segments' });

/** Where to read instead: a path on this site, or another government site's https:// page. */
export const replacementUrl = z.union([sitePath, z.string().regex(/^https:\/\/[^\s/]+\/\S*$/, { error: '应为 https:// 网址 / expected an https:// address' })], {
  error: '应为本站路径（/notices/…/）或 https:// 网址 / expected a site path (/notices/…/) or an https:// address',
});

export const withdrawnSchema = z.strictObject({
  /** 撤回, 废止 or 失效, as the deciding document words it. */
  action: z.enum(WITHDRAWN_ACTIONS, { error: `应为 ${WITHDRAWN_ACTIONS.join('、')} 之一 / expected one of ${WITHDRAWN_ACTIONS.join(', ')}` }),
  date: isoDate,
  reason: text,
  replacedBy: z
    .strictObject({
      title: text,
      docNumber: docNumber.optional(),
      url: replacementUrl,
    })
    .optional(),
});

export type Withdrawn = z.infer<typeof withdrawnSchema>;
