// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentGuard from './src/integrations/content-guard.ts';
import pagefind from './src/integrations/pagefind.ts';

// The public origin and an optional sub-path (e.g. GONGKAI_BASE=/fgf/). The site builds for base "/" by default.
const site = process.env.GONGKAI_SITE ?? 'https://gongkai.jiaxiang.gov.cn';
const base = process.env.GONGKAI_BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [contentGuard(), mdx(), sitemap(), pagefind()],
});
