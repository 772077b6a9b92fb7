import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { EXCLUDE_SELECTORS, INDEX_LANGUAGE, indexOrder } from '../lib/search/index-config.ts';

/**
 * Index the built site with Pagefind (the Chinese-capable extended binary) right after `astro build`,
 * in the same build command, writing dist/pagefind/. What is indexed and why: src/lib/search/README.md.
 *
 * Pages are added one by one in the order of their URLs (items by notice, table and row): a search without a query
 * lists pages in the order they were added, so the search page's listing needs no sort key (which would add a
 * value per page to the index's metadata, the file every first search downloads).
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
        const files = (await readdir(site, { recursive: true }))
          .filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${sep}`))
          .map((f) => relative(site, join(site, f)).split(sep).join('/'));
        let pages = 0;
        for (const file of indexOrder(files)) {
          const content = await readFile(join(site, file), 'utf8');
          if (!content.includes('data-pagefind-body')) continue;
          const url = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
          const added = await index.addHTMLFile({ url, content });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${file}: ${added.errors.join('; ')}`);
          pages += 1;
        }
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        logger.info(`indexed ${pages} pages`);
        await close();
      },
    },
  };
}
