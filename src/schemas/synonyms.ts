import { z } from 'astro/zod';
import { text } from './common.ts';

/**
 * content/synonyms.json: the words people type, mapped to the words the documents use (加油站 → 成品油). The search
 * also looks for `search` when a query contains one of `words`, and tells the reader it did ("也搜索了：成品油").
 */
export const synonymSchema = z.strictObject({
  /** What a citizen or a business types. */
  words: z.array(text).min(1),
  /** What the documents say instead. */
  search: z.array(text).min(1),
  /** Why the words belong together, for the reviewer (not shown). */
  note: text.optional(),
});

export const synonymsSchema = z
  .strictObject({ synonyms: z.array(synonymSchema) })
  .superRefine((d, ctx) => {
    const seen = new Map<string, number>();
    d.synonyms.forEach((s, i) => {
      s.words.forEach((w, j) => {
        const first = seen.get(w);
        if (first !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['synonyms', i, 'words', j], input: w, message: `“${w}”已在第 ${first + 1} 条中，一个词只能出现一次 / a word belongs to one entry only` });
        } else seen.set(w, i);
        if (s.search.includes(w)) {
          ctx.addIssue({ code: 'custom', path: ['synonyms', i, 'words', j], input: w, message: `“${w}”不必搜索它自己 / a word need not be its own synonym` });
        }
      });
    });
  });

export type Synonyms = z.infer<typeof synonymsSchema>;
export type Synonym = z.infer<typeof synonymSchema>;
