import { z } from 'astro/zod';
import { text } from './common.ts';

/**
 * content/departments.json: spellings of one department grouped for browsing (农业农村局 / 县农业农村部门 …).
 * The printed names stay as printed on every page; nothing is grouped without an entry here.
 */
export const departmentGroupSchema = z.strictObject({
  /** The name the group is browsed under (/departments/{name}/). */
  name: text,
  /** The printed spellings that belong to it (the name itself need not be repeated). */
  aliases: z.array(text).min(1),
});

export const departmentsSchema = z
  .strictObject({ groups: z.array(departmentGroupSchema) })
  .superRefine((d, ctx) => {
    const seen = new Map<string, number>();
    d.groups.forEach((g, i) => {
      const names = [g.name, ...g.aliases.filter((a) => a !== g.name)];
      names.forEach((n) => {
        const first = seen.get(n);
        if (first !== undefined && first !== i) {
          const at = g.aliases.indexOf(n);
          ctx.addIssue({
            code: 'custom',
            path: at === -1 ? ['groups', i, 'name'] : ['groups', i, 'aliases', at],
            input: n,
            message: `“${n}”已属于第 ${first + 1} 组，一个名称只能属于一组 / a name belongs to one group only`,
          });
        } else seen.set(n, i);
      });
    });
  });

export type Departments = z.infer<typeof departmentsSchema>;
