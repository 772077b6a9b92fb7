/**
 * npm test — every test, in the order a newcomer would run them by hand:
 *   0. Debian's Chromium for the browser tests (installed with apt-get when missing; never a browser download)
 *   1. content check (npm run check)        2. type check (astro check)
 *   3. unit tests (Vitest)                   4. build the site (npm run build: astro build, then the Pagefind index)
 *   5. browser tests and audits (Playwright, Debian's Chromium)
 *   6. Lighthouse on the empty search page (npm run audit -- --ci): accessibility, best practices and SEO ≥ 95 and
 *      layout shift ≤ 0.1; its performance score is recorded in test-results/lighthouse.json, not held (a timing:
 *      npm run bench's rule)
 * and a closing line "N passed, N failed". Any failing step makes the exit code non-zero.
 *
 *   node scripts/test.ts [--only unit|e2e] [-- extra args for Playwright]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_PATH as CHROMIUM } from './chromium.ts';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const extra = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function run(title: string, cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv } = {}): boolean {
  console.log(`\n━━ ${title} ━━ ${cmd} ${args.join(' ')}`);
  const started = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: opts.env ?? env });
  const s = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`━━ ${title}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${s} s`);
  return r.status === 0;
}

function ensureChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get`);
  const apt = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const call = (args: string[]) => (sudo.length ? run('apt-get', 'sudo', ['apt-get', ...args], { env: apt }) : run('apt-get', 'apt-get', args, { env: apt }));
  return call(['update', '-qq']) && call(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei']) && existsSync(CHROMIUM);
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
}

function playwrightCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  return { passed: s.expected + (s.flaky ?? 0), failed: s.unexpected, skipped: s.skipped };
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const steps: { name: string; ok: boolean }[] = [];
const step = (name: string, ok: boolean) => steps.push({ name, ok });

if (!only || only === 'unit') {
  step('content check', run('content check', 'node', ['scripts/check.ts']));
  step('type check', run('type check', 'npx', ['astro', 'check', '--minimumSeverity', 'warning']));
  step('unit tests', run('unit tests', 'npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts']));
}
if (!only || only === 'e2e') {
  const browser = ensureChromium();
  step('chromium', browser);
  const built = run('build', 'npm', ['run', 'build']);
  step('build', built);
  if (built && browser) {
    step('browser tests', run('browser tests', 'npx', ['playwright', 'test', '--config', 'tests/playwright.config.ts', ...extra]));
    // Not when the browser tests were narrowed to a few (`npm test -- some.spec.ts`).
    if (extra.length === 0) step('Lighthouse', run('Lighthouse', 'node', ['scripts/audit.ts', '--ci']));
  }
}

/** Each page and category Lighthouse held to its target is one check. */
function lighthouseCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    target: number;
    heldToTarget: string[];
    maxLayoutShift?: number;
    pages: { scores: Record<string, number | null>; metrics: Record<string, number | null> }[];
  };
  const checks = r.pages.flatMap((p) => [
    ...r.heldToTarget.map((c) => (p.scores[c] ?? 0) >= r.target),
    ...(r.maxLayoutShift === undefined ? [] : [(p.metrics.cumulativeLayoutShift ?? 0) <= r.maxLayoutShift]),
  ]);
  return { passed: checks.filter(Boolean).length, failed: checks.filter((ok) => !ok).length, skipped: 0 };
}

const counts = [vitestCounts('test-results/unit.json'), playwrightCounts('test-results/e2e.json'), lighthouseCounts('test-results/lighthouse.json')].filter(
  (c): c is Counts => !!c,
);
const total = counts.reduce((a, c) => ({ passed: a.passed + c.passed, failed: a.failed + c.failed, skipped: a.skipped + c.skipped }), { passed: 0, failed: 0, skipped: 0 });
const failedSteps = steps.filter((s) => !s.ok);
console.log('\n' + steps.map((s) => `${s.ok ? '✓' : '✗'} ${s.name}`).join('\n'));
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.map((s) => s.name).join(', ')}`);
// A failed step that ran no test (a broken build, say) still counts as a failure in the closing line.
const failed = total.failed + (total.failed === 0 ? failedSteps.length : 0);
console.log(`${total.passed} passed, ${failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(failedSteps.length > 0 || total.failed > 0 ? 1 : 0);
