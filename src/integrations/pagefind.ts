import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { EXCLUDE_SELECTORS, INDEX_LANGUAGE, indexOrder } from '../lib/search/index-config.ts';

const BATCH = 200;

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
        // Files are read and handed over in batches; within a batch the requests are sent in order without waiting
        // for each answer (the indexing service takes them in the order they arrive).
        const ordered = indexOrder(files);
        let pages = 0;
        for (let i = 0; i < ordered.length; i += BATCH) {
          const batch = await Promise.all(
            ordered.slice(i, i + BATCH).map(async (file) => ({ file, content: await readFile(join(site, file), 'utf8') })),
          );
          const added = await Promise.all(
            batch
              .filter((p) => p.content.includes('data-pagefind-body'))
              .map((p) => index.addHTMLFile({ url: `/${p.file.replace(/(^|\/)index\.html$/, '$1')}`, content: p.content }).then((r) => ({ ...r, file: p.file }))),
          );
          for (const r of added) if (r.errors.length > 0) throw new Error(`Pagefind: ${r.file}: ${r.errors.join('; ')}`);
          pages += added.length;
        }
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        logger.info(`indexed ${pages} pages`);
        await close();
      },
    },
  };
}
