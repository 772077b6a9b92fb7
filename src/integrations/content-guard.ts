import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { checkContent, formatError, summarize } from '../lib/validation/check-content.ts';

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
        const result = checkContent(root, resolve(root, process.env.GONGKAI_CONTENT_DIR ?? 'content'));
        if (result.errors.length === 0) return;
        const report = [...result.errors.map(formatError), summarize(result.errors, result.files)].join('\n');
        if (command === 'dev') {
          logger.error(report);
          return;
        }
        throw new Error(`内容检查未通过，未生成任何页面 / content check failed, nothing was built:\n${report}`);
      },
    },
  };
}
