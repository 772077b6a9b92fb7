import { z } from 'astro/zod';
import { text } from './common.ts';
import { sitePath } from './withdrawn.ts';

/**
 * content/redirects.json: published URLs that moved. Every URL the site has ever published is listed in
 * content/published-urls.txt; the build fails when one would disappear, unless it is still a page (a withdrawn
 * notice keeps its page) or it is redirected here to the page that replaced it. Paths are written without the
 * deployment's base (/fgf/), like the manifest.
 *
 *   { "redirects": [ { "from": "/notices/old-slug/", "to": "/notices/new-slug/", "reason": "网址更正" } ] }
 */
export const redirectSchema = z.strictObject({
  from: sitePath,
  to: sitePath,
  /** Why it moved (for the reviewer of the commit; not shown). */
  reason: text.optional(),
});

export const redirectsSchema = z
  .strictObject({ redirects: z.array(redirectSchema) })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.redirects.forEach((x, i) => {
      if (seen.has(x.from)) ctx.addIssue({ code: 'custom', path: ['redirects', i, 'from'], message: `${x.from} 重复 / redirected twice` });
      seen.add(x.from);
      if (x.from === x.to) ctx.addIssue({ code: 'custom', path: ['redirects', i, 'to'], message: '不能跳转到自身 / redirects to itself' });
    });
  });

export type Redirect = z.infer<typeof redirectSchema>;
