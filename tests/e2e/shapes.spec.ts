/**
 * Notices shaped unlike our two seeds, published with no code change and no hand edit: each shape fixture
 * (tests/fixtures/shapes/: a State Council 取消和下放 decision, 赋权/委托 to 乡镇, a table mixing kinds of change,
 * a notice with no attachments) is imported from a .docx built here, built into a site beside the seeds, and read
 * in the browser: every printed cell under its printed header, exactly the printed columns, no field the source
 * lacks, and what happened to each item in plain words. Expected values come from the fixtures' source data.
 * Later the clerk marks one of them 已废止 (frontmatter `validity`, by hand, as a repeal is published): the notice,
 * each of its items and every list row of its items say so. And the clerk adds to the township notice the State
 * Council decision it follows (frontmatter `cites`, by hand): a document published on this site and cited by another.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.ts';
import { actionable } from '../../src/lib/import/run.ts';
import { ACTIONS, CHANGE_PRESETS, ITEM_FIELDS, VALIDITY, VALIDITY_FIELDS } from '../../src/domain/glossary.ts';
import { paths } from '../../src/domain/urls.ts';
import { formatChineseDate } from '../../src/domain/patterns.ts';
import { itemId } from '../../src/domain/ids.ts';
import { SHAPES, printedHeader } from '../fixtures/shapes/shapes.ts';
import { printedCell } from '../fixtures/shapes/build.ts';
import { COMMITTED_CONTENT, writeShapes } from '../fixtures/shapes/write.ts';
import type { ShapeColumn, ShapeRow, ShapeTable } from '../fixtures/shapes/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
test.describe.configure({ mode: 'default' });

/** The shape the clerk later marks as repealed, and what the frontmatter then says. */
const REPEALED = SHAPES.find((s) => s.shape === 'mixed')!;
const REPEALED_YAML = ['validity:', '  status: repealed', '  date: 2024-03-01', '  by:', '    title: 关于废止部分规范性文件的决定', ''].join('\n');
/** The shape that cites another shape of the site, and the one it cites (both as their fixtures give them). */
const CITING = SHAPES.find((s) => s.shape === 'township')!;
const CITED = SHAPES.find((s) => s.shape === 'state-council')!;
const CITES_YAML = ['cites:', `  - docNumber: ${CITED.frontmatter.docNumber}`, `    title: ${CITED.frontmatter.title}`, ''].join('\n');

/** Add `yaml` at the end of a notice's frontmatter. */
function addToFrontmatter(file: string, yaml: string): void {
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n---', 4);
  if (!text.startsWith('---') || end < 0) throw new Error(`${file}: no frontmatter`);
  writeFileSync(file, `${text.slice(0, end + 1)}${yaml}${text.slice(end + 1)}`);
}

let work: string;
let server: Server | undefined;
let origin: string;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`${cmd} ${args.join(' ')} failed with ${code}:\n${log.slice(-4000)}`))));
  });
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  work = mkdtempSync(join(tmpdir(), 'gk-shapes-site-'));
  const content = join(work, 'content');
  cpSync(COMMITTED_CONTENT, content, { recursive: true });
  for (const { shape, result } of await writeShapes(content)) {
    // The clerk has nothing to fix: every column, type, count and change was mapped, and the check passes.
    expect(actionable(result.issues), shape.shape).toEqual([]);
    expect([...result.check.errors, ...result.check.otherErrors], shape.shape).toEqual([]);
  }
  addToFrontmatter(join(content, 'notices', `${REPEALED.slug}.mdx`), REPEALED_YAML);
  addToFrontmatter(join(content, 'notices', `${CITING.slug}.mdx`), CITES_YAML);
  const dist = join(work, 'dist');
  await run('npm', ['run', 'build'], {
    ...process.env,
    GONGKAI_CONTENT_DIR: content,
    GONGKAI_OUT_DIR: dist,
    GONGKAI_CACHE_DIR: join(work, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  const served = await serve({ dir: dist, host: '127.0.0.1', port: 0 });
  server = served.server;
  origin = served.url.replace(/\/$/, '');
});

test.afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  if (work) rmSync(work, { recursive: true, force: true });
});

const squeeze = (s: string) => s.replace(/\s+/g, '');
const roleOf = (c: ShapeColumn) => c.role ?? c.key;
/** The action a row's change names: its own, else its table's (a preset stands for its action). */
function actionOf(t: ShapeTable, row: ShapeRow): keyof typeof ACTIONS {
  const change = row.change ?? t.change!;
  return typeof change === 'string' ? CHANGE_PRESETS[change].spec.action : change.action;
}

for (const notice of SHAPES) {
  test(`${notice.shape}: the notice page lists exactly its attachments`, async ({ page }) => {
    await page.goto(`${origin}${paths.notice(notice.slug)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(notice.frontmatter.title);
    await expect(page.locator('.attachment-list li')).toHaveCount(notice.tables.length);
  });

  for (const t of notice.tables) {
    test(`${notice.shape} 附件${t.number}: exactly the printed columns, every cell under its header`, async ({ page }) => {
      await page.goto(`${origin}${paths.attachment(notice.slug, t.number)}`);
      await expect(page.locator('main table thead th')).toHaveText(t.columns.map((c) => printedHeader(c.header)));
      await expect(page.locator('main table tbody tr')).toHaveCount(t.rows.length);
      for (const row of t.rows) {
        const cells = page.locator(`#row-${row.seq} > *`);
        await expect(cells).toHaveCount(t.columns.length);
        for (const [i, c] of t.columns.entries()) {
          const text = squeeze((await cells.nth(i).textContent()) ?? '');
          expect(text.startsWith(squeeze(printedHeader(c.header))), `row ${row.seq} cell ${i} is labelled by its header`).toBe(true);
          const value = row[c.key];
          if (value === null) expect(text).toContain(ITEM_FIELDS.absent);
          else for (const line of printedCell(c, value)) expect(text).toContain(squeeze(line.replace(/^\d+\.\s*/, '')));
        }
      }
    });

    test(`${notice.shape} 附件${t.number}: each item page shows its printed cells, its change in plain words, nothing invented`, async ({ page }) => {
      for (const row of t.rows) {
        await page.goto(`${origin}${paths.itemById(itemId(notice.slug, t.number, row.seq))}`);
        const main = page.getByRole('main');
        const text = squeeze((await main.textContent()) ?? '');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(row.name);
        for (const c of t.columns) {
          const role = roleOf(c);
          if (role === 'seq' || role === 'name') continue;
          expect(text, `${row.name}: header ${printedHeader(c.header)}`).toContain(squeeze(printedHeader(c.header)));
          const value = row[c.key];
          if (value !== null) for (const line of printedCell(c, value)) expect(text, `${row.name}: ${line}`).toContain(squeeze(line.replace(/^\d+\.\s*/, '')));
        }
        // What happened, in plain words, leads the page.
        const status = page.locator('[data-item-status] strong');
        const action = actionOf(t, row);
        await expect(status).toContainText(action === 'to-filing' ? '备案' : ACTIONS[action].label);
        const receiver = t.columns.find((c) => roleOf(c) === 'receiver');
        if (receiver && typeof row[receiver.key] === 'string') await expect(status).toContainText(row[receiver.key] as string);
        // A column the source lacks is never shown.
        const facts = page.locator('.item-facts');
        if (!t.columns.some((c) => roleOf(c) === 'type') && t.itemType === undefined) await expect(facts).not.toContainText('事项类型');
        if (!t.columns.some((c) => roleOf(c) === 'remark')) await expect(main).not.toContainText('备注');
        if (!t.columns.some((c) => roleOf(c) === 'measures')) await expect(main).not.toContainText('监管措施');
      }
    });
  }
}

test('a notice marked 已废止 says so on its page, its tables, each of its item pages, every list row and search result of its items', async ({ page }) => {
  const repealed = VALIDITY.repealed;
  await page.goto(`${origin}${paths.notice(REPEALED.slug)}`);
  await expect(page.locator('main')).toContainText(`${repealed}（2024年3月1日，依据《关于废止部分规范性文件的决定》）`);
  for (const t of REPEALED.tables) {
    await page.goto(`${origin}${paths.attachment(REPEALED.slug, t.number)}`);
    await expect(page.locator('.validity-note')).toContainText(repealed);
  }
  const names = REPEALED.tables.flatMap((t) => t.rows.map((r) => ({ id: itemId(REPEALED.slug, t.number, r.seq), name: r.name })));
  const first = names[0]!;
  await page.goto(`${origin}${paths.search(first.name)}`);
  const hit = page.locator('main li').filter({ has: page.getByRole('link', { name: first.name, exact: true }) });
  await expect(hit.locator('.search-hit-lapsed')).toHaveText(`${VALIDITY_FIELDS.status}：${repealed}`, { timeout: 15_000 });
  for (const { id } of names) {
    await page.goto(`${origin}${paths.itemById(id)}`);
    await expect(page.locator('.validity-note')).toContainText(repealed);
  }
  await page.goto(`${origin}${paths.items()}`);
  const rows = page.locator('main table tbody tr');
  for (const { name } of names) {
    await expect(rows.filter({ has: page.getByRole('link', { name, exact: true }) }).locator('.validity-flag')).toHaveText(repealed);
  }
  // Only those: no other notice states that it is no longer in force.
  await expect(page.locator('main .validity-flag')).toHaveCount(names.length);
});

test('a notice of this site cited by another: the citing notice links to it, its page lists who cites it, and its citation page exists too', async ({ page }) => {
  const cited = CITED.frontmatter;
  const citing = CITING.frontmatter;
  // The citing notice's 引用文件 links straight to the cited notice's page.
  await page.goto(`${origin}${paths.notice(CITING.slug)}`);
  await expect(page.locator('.notice-cites').getByRole('link', { name: `《${cited.title}》（${cited.docNumber}）` })).toHaveAttribute('href', paths.notice(CITED.slug));
  // The cited notice's page: 被以下文件引用, the citing notice with its 发文字号, and no link to a longer list.
  await page.goto(`${origin}${paths.notice(CITED.slug)}`);
  const citedBy = page.locator('.cited-by');
  await expect(citedBy.getByRole('heading', { level: 2 })).toHaveText('被以下文件引用');
  await expect(citedBy.locator('li')).toHaveCount(1);
  await expect(citedBy.locator('li')).toHaveText(`${citing.title}（${citing.docNumber}）`);
  await expect(citedBy.getByRole('link', { name: citing.title })).toHaveAttribute('href', paths.notice(CITING.slug));
  await expect(citedBy.getByText(/查看全部引用/)).toHaveCount(0);
  // Its citation page exists as for any cited document, and says the document is on this site.
  const response = await page.goto(`${origin}/citations/${encodeURIComponent(cited.docNumber)}/`);
  expect(response?.status()).toBe(200);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(`《${cited.title}》（${cited.docNumber}）`);
  await expect(main).toContainText(`本站有1份文件引用该文件。该文件本站已收录：${cited.title}`);
  await expect(main.getByRole('link', { name: cited.title, exact: true })).toHaveAttribute('href', paths.notice(CITED.slug));
  await expect(main.locator('section[aria-labelledby="citing-notices"] li')).toHaveText([`${citing.title}（${citing.docNumber}，${formatChineseDate(citing.signedDate)}）`]);
});
