import { z } from 'astro/zod';
import { docNumber, isoDate, text } from './common.ts';
import { taskSchema } from './task.ts';
import { withdrawnSchema } from './withdrawn.ts';
import { VALIDITY, VALIDITY_CODES } from '../domain/glossary.ts';

/** A document a notice cites: 《title》（docNumber）. */
export const citationSchema = z.strictObject({ docNumber, title: text });

/**
 * 有效性: 现行有效 / 已修订 / 已废止 / 失效 (codes current / revised / repealed / expired), optionally since when and
 * by which document. Left out when the source does not say: the site never presumes a notice is in force.
 */
export const validitySchema = z.strictObject({
  status: z.enum(VALIDITY_CODES, { error: `有效性应为 ${VALIDITY_CODES.map((c) => `${c}（${VALIDITY[c]}）`).join('、')} 之一 / status must be one of ${VALIDITY_CODES.join(', ')}` }),
  date: isoDate.optional(),
  by: z.strictObject({ docNumber: docNumber.optional(), title: text }).optional(),
  note: text.optional(),
});
export type ValidityInfo = z.infer<typeof validitySchema>;

/** An attachment as the notice lists it: 附件：1.取消行政权力事项（18项） */
export const attachmentRefSchema = z.strictObject({
  number: z.number().int().positive(),
  title: text,
});

export const noticeFields = {
  title: text,
  docNumber,
  issuer: text,
  letterhead: text.optional(),
  addressees: z.array(text).min(1),
  signedDate: isoDate,
  /** 施行日期: the day the decision takes effect, when the notice states one (自…起施行); else pages say 成文日期. */
  effectiveDate: isoDate.optional(),
  /** 发布日期, 索引号, 主题分类: what a government portal shows beside the notice, when it gives them. */
  publishedDate: isoDate.optional(),
  indexNumber: text.optional(),
  subject: text.optional(),
  disclosure: text.optional(),
  validity: validitySchema.optional(),
  /** 撤回 / 废止 / 失效: the page stays, and says so first (src/schemas/withdrawn.ts). */
  withdrawn: withdrawnSchema.optional(),
  cites: z.array(citationSchema).default([]),
  attachments: z.array(attachmentRefSchema).default([]),
  planTitle: text.optional(),
  tasks: z.array(taskSchema).optional(),
  imprint: z.strictObject({ org: text, date: isoDate }).optional(),
  contact: z.strictObject({ address: text.optional(), email: z.email().optional() }).optional(),
};

type NoticeShape = { attachments: { number: number }[]; tasks?: { number: number }[] | undefined };

export function refineNotice(n: NoticeShape, ctx: z.RefinementCtx): void {
  n.attachments.forEach((a, i) => {
    if (a.number !== i + 1) {
      ctx.addIssue({ code: 'custom', path: ['attachments', i, 'number'], input: a.number, message: `附件应按 1..N 编号，此处应为 ${i + 1} / expected ${i + 1}` });
    }
  });
  n.tasks?.forEach((t, i) => {
    if (t.number !== i + 1) {
      ctx.addIssue({ code: 'custom', path: ['tasks', i, 'number'], input: t.number, message: `任务应按 1..N 编号，此处应为 ${i + 1} / expected ${i + 1}` });
    }
  });
}

export const noticeSchema = z.strictObject(noticeFields).superRefine(refineNotice);
export type Notice = z.infer<typeof noticeSchema>;
