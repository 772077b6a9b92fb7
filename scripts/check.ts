/**
 * npm run check [-- DIR] — validate all content (default content/) without building (fast: no Astro, no Vite).
 * Exit code 1 and one line per error (file:line, row, field, value, what was expected) when anything is wrong.
 */
import { resolve } from 'node:path';
import { checkContent, formatError, summarize } from '../src/lib/validation/check-content.ts';

const root = process.cwd();
const started = performance.now();
const dir = process.argv[2] ?? process.env.GONGKAI_CONTENT_DIR ?? 'content';
const result = checkContent(root, resolve(root, dir));
for (const e of result.errors) console.error(formatError(e));
for (const w of result.warnings) console.error(`提醒 / warning: ${formatError(w)}`);
const ms = Math.round(performance.now() - started);
const pending = result.warnings.length ? `；${result.warnings.length} 处待填写 / ${result.warnings.length} placeholder(s) to fill in` : '';
const line = `${summarize(result.errors, result.files)}${pending}（${ms} ms）`;
if (result.errors.length > 0) {
  console.error(line);
  process.exit(1);
}
console.log(line);
