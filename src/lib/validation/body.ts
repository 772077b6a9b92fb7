/**
 * The body of a notice (the MDX after the frontmatter): what it may contain. Errors carry the line within the
 * file; the caller adds the file name.
 */
import type { Notice } from '../../schemas/notice.ts';
import type { ContentError } from './check-content.ts';

/** The components a notice body may place, and what each needs from the frontmatter. */
export const BODY_COMPONENTS: Record<string, { needs?: (n: Notice) => boolean; expected?: string }> = {
  AttachmentList: {},
  Signature: {},
  PlanTitle: { needs: (n) => n.planTitle !== undefined, expected: '头部信息需有 planTitle / needs planTitle in the frontmatter' },
  TaskList: { needs: (n) => (n.tasks?.length ?? 0) > 0, expected: '头部信息需有 tasks / needs tasks in the frontmatter' },
};

export function checkBody(source: string, notice: Notice): Omit<ContentError, 'file'>[] {
  const errors: Omit<ContentError, 'file'>[] = [];
  // MDX comments {/* … */} may name components (a checklist does): blank them out, keeping line numbers.
  const uncommented = source.replace(/\{\/\*[\s\S]*?\*\/\}/g, (c) => c.replace(/[^\n]/g, ' '));
  uncommented.split(/\r?\n/).forEach((text, i) => {
    for (const m of text.matchAll(/(?<!\\)<([A-Z][A-Za-z0-9]*)\b/g)) {
      const name = m[1]!;
      const known = BODY_COMPONENTS[name];
      if (!known) {
        errors.push({ line: i + 1, field: 'body', value: `<${name}>`, message: `正文中没有这个组件，可用：${Object.keys(BODY_COMPONENTS).map((c) => `<${c} />`).join('、')} / unknown component in the body` });
      } else if (known.needs && !known.needs(notice)) {
        errors.push({ line: i + 1, field: 'body', value: `<${name} />`, message: known.expected! });
      }
    }
  });
  return errors;
}

