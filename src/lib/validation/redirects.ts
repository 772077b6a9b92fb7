/**
 * content/redirects.json (src/schemas/redirects.ts): read and validated by `npm run check` (check-content.ts) and
 * by the build's published-URL step (scripts/published-urls.ts). Errors name file:line, Chinese first.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { redirectsSchema, type Redirect } from '../../schemas/redirects.ts';
import type { ContentError } from './check-content.ts';
import { jsonLine, jsonSyntaxError } from './locate.ts';
import { preflightFile } from './read.ts';

export const REDIRECTS = 'redirects.json';

/** content/redirects.json, validated; errors name file:line. A missing file is no redirects. */
export function readRedirects(contentDir: string, root: string): { redirects: Redirect[]; errors: ContentError[] } {
  const abs = join(contentDir, REDIRECTS);
  if (!existsSync(abs)) return { redirects: [], errors: [] };
  const file = relative(root, abs).split(sep).join('/');
  const pre = preflightFile(abs, root);
  if (pre.text === undefined) return { redirects: [], errors: pre.errors };
  const source = pre.text;
  const syntax = jsonSyntaxError(source);
  if (syntax) return { redirects: [], errors: [{ file, line: syntax.line, field: '', message: `JSON 语法错误 / JSON syntax error: ${syntax.message}` }] };
  const data: unknown = JSON.parse(source);
  const parsed = redirectsSchema.safeParse(data);
  if (!parsed.success) {
    return {
      redirects: [],
      errors: parsed.error.issues.map((i) => {
        const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
        let value: unknown = data;
        for (const k of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[k] : undefined;
        return { file, line: jsonLine(source, path), field: path.join('.'), value, message: i.message };
      }),
    };
  }
  return { redirects: parsed.data.redirects, errors: [] };
}

