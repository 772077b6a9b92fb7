import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { formatError, loadContent, summarize } from '../lib/validation/check-content.ts';

/**
 * Runs the content check before Astro reads a single file: a broken content file stops the build
 * with file:line, row, field and what was expected, and no page is written.
 */
export default function contentGuard(): AstroIntegration {
  return {
    name: 'gongkai:content-guard',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command === 'preview') return;
        const root = fileURLToPath(config.root);
        const result = loadContent(root, resolve(root, process.env.GONGKAI_CONTENT_DIR ?? 'content'));
        // Placeholder text left by `npm run new` is only a warning in the check and in dev; a build refuses it.
        const problems = command === 'build' ? [...result.errors, ...result.warnings] : result.errors;
        if (command === 'dev') for (const w of result.warnings) logger.warn(formatError(w));
        if (problems.length === 0) return;
        const report = [...problems.map(formatError), summarize(problems, result.files)].join('\n');
        if (command === 'dev') {
          logger.error(report);
          return;
        }
        throw new Error(`内容检查未通过，未生成任何页面 / content check failed, nothing was built:\n${report}`);
      },
    },
  };
}
