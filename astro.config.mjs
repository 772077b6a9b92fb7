// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentGuard from './src/integrations/content-guard.ts';

// The public origin (for canonical URLs and the sitemap) and an optional sub-path (GONGKAI_BASE=/fgf/).
// The site builds for base "/" by default. Set GONGKAI_SITE to the real origin when deploying.
const site = process.env.GONGKAI_SITE ?? 'https://gongkai.example.gov.cn';
const base = process.env.GONGKAI_BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Separate output and cache folders let a test or a benchmark build beside the main build.
  outDir: process.env.GONGKAI_OUT_DIR ?? './dist',
  cacheDir: process.env.GONGKAI_CACHE_DIR ?? './node_modules/.astro',
  // Two pages rendered at a time: on 2 cores the writing of one overlaps the rendering of the next
  // (npm run bench at 10,000 items: rendering 16.9 s → 12.4–14.2 s; more than 2 gains little).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  // The search index is written by `npm run build`'s second step, scripts/index.ts, once Astro's process has ended.
  integrations: [contentGuard(), mdx(), sitemap()],
  security: {
    // A Content-Security-Policy <meta> on every page: scripts and styles only from this origin or by hash
    // (Astro hashes its own inline scripts and styles); WebAssembly for Pagefind's search ('wasm-unsafe-eval',
    // not 'unsafe-eval'); no plugins, no other host, no data: URLs. Directives a <meta> cannot carry
    // (frame-ancestors, report-uri, sandbox) are left out: browsers ignore them there and log an error.
    // tests/e2e/audit-security.spec.ts holds every page to this policy.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
