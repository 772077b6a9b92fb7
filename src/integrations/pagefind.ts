import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { EXCLUDE_SELECTORS, INDEX_LANGUAGE } from '../lib/search/index-config.ts';

/**
 * Index the built site with Pagefind (the Chinese-capable extended binary) right after `astro build`,
 * in the same build command, writing dist/pagefind/. What is indexed and why: src/lib/search/README.md.
 */
export default function pagefind(): AstroIntegration {
  return {
    name: 'gongkai:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({
          forceLanguage: INDEX_LANGUAGE,
          excludeSelectors: [...EXCLUDE_SELECTORS],
        });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        logger.info(`indexed ${added.page_count} pages`);
        await close();
      },
    },
  };
}
