/**
 * npm run screenshots — full-page screenshots of one page of each kind (scripts/page-kinds.ts) at 375 px and
 * 1280 px, from the built site, into test-results/screenshots/{kind}-{width}.png, to be opened and read before a
 * change to a page is called done. Further paths may follow: `npm run screenshots -- /items/jiaxiang-2021-2-a2-07/`.
 *
 *   GONGKAI_DIST=/tmp/other-dist npm run screenshots     (another build)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';
import { PAGE_KINDS } from './page-kinds.ts';
import { serve } from './serve.ts';

const WIDTHS = [
  { name: '375', width: 375, height: 740 },
  { name: '1280', width: 1280, height: 800 },
];
const out = join('test-results', 'screenshots');
const extra = process.argv.slice(2).filter((a) => a.startsWith('/'));
const pages = [...PAGE_KINDS, ...extra.map((url) => ({ kind: url.replace(/[^a-z0-9-]+/gi, '_').replace(/^_|_$/g, '') || 'page', url }))];

mkdirSync(out, { recursive: true });
const { server, url: origin } = await serve({ dir: process.env.GONGKAI_DIST ?? 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
try {
  for (const size of WIDTHS) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN' });
    for (const { kind, url } of pages) {
      await page.goto(new URL(url, origin).href, { waitUntil: 'networkidle' });
      const file = join(out, `${kind}-${size.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
