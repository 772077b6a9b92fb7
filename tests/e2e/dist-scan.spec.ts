/**
 * The built site holds no executable markup of content origin: every page parsed as a browser would, no <script>
 * but the site's own (under _astro/ or pagefind/, or inline and hashed in the page's CSP), no on* attribute, no
 * javascript:/vbscript:/data: URL, no <iframe>/<object>/<embed>/<base>. The hostile payloads that are valid content
 * get the same scan after a build of their own (tests/unit/hostile-content.test.ts).
 */
import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { executableMarkup } from '../fixtures/hostile/scan-dist.ts';

test('dist/ has no executable markup but the site’s own', () => {
  const dist = resolve(import.meta.dirname, '..', '..', process.env.GONGKAI_DIST ?? 'dist');
  expect(executableMarkup(dist, process.env.GONGKAI_BASE ?? '/')).toEqual([]);
});
