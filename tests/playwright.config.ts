import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.ts';

/**
 * Browser tests run against the built site (dist/, built once by `npm test` before this runs),
 * served on a free port on 127.0.0.1 by scripts/serve.ts, in Debian's Chromium.
 */
if (!process.env.GONGKAI_TEST_PORT) {
  // Pick a free port once, in the main process; workers inherit it through the environment.
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  process.env.GONGKAI_TEST_PORT = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}
const port = Number(process.env.GONGKAI_TEST_PORT);
const baseURL = `http://127.0.0.1:${port}`;
/** The built site to test (GONGKAI_DIST lets a second build be tested beside dist/). */
const dist = process.env.GONGKAI_DIST ?? 'dist';

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results/e2e',
  timeout: 60_000,
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
    locale: 'zh-CN',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `node scripts/serve.ts --dir ${dist} --host 127.0.0.1 --port ${port}`,
    cwd: '..',
    url: `${baseURL}${process.env.GONGKAI_BASE ?? '/'}`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    timeout: 30_000,
  },
});
