/**
 * What the built index holds of an item page: the source's words (the item's name, its cells' values), not the
 * site's own (the headings 现在怎么办, 事项信息 and 出处, the link 这是什么意思？, the notes in brackets, 原文未列明).
 * Each fact's label stays apart from its value (「调整方式 取消」, not 「调整方式取消」: src/lib/search/index-config.ts,
 * htmlForIndex). Read from Pagefind's fragments in dist/pagefind/fragment/, which the literal check and the excerpts
 * read too.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadItemEntries } from '../fixtures/items.ts';
import { storedFragments } from '../../src/lib/search/literal-build.ts';
import { asLoaded, fragmentText } from '../../src/lib/search/fragment.ts';
import { CHANGE_GROUPS, ITEM_FIELDS } from '../../src/domain/glossary.ts';
import { paths } from '../../src/domain/urls.ts';
import { UI } from '../../src/lib/ui.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = resolve(ROOT, process.env.GONGKAI_DIST ?? 'dist');
const ITEMS = loadItemEntries(join(ROOT, 'content', 'tables'));

/** Every fragment of the newest tier: its URL and its indexed text, as the literal check and the excerpts read it. */
function fragments(): Map<string, string> {
  const dir = join(DIST, 'pagefind', 'fragment');
  const out = new Map<string, string>();
  for (const f of readdirSync(dir)) {
    for (const fragment of storedFragments(readFileSync(join(dir, f)))) out.set(fragment.url, fragmentText(asLoaded(fragment)));
  }
  return out;
}

const SITE_WORDS = [UI.whatNow, UI.itemFacts, ITEM_FIELDS.source, UI.termWhat, ITEM_FIELDS.absent, ITEM_FIELDS.measuresAbsent, UI.typeFromTitle];

test("an item page's indexed text has the source's words and none of the site's", () => {
  const indexed = fragments();
  const problems: string[] = [];
  for (const item of ITEMS) {
    const url = paths.itemById(item.id);
    const text = indexed.get(url);
    if (text === undefined) {
      problems.push(`${url}: not in the index`);
      continue;
    }
    const source = [item.name, item.department, typeof item.remark === 'string' ? item.remark : null, ...(item.basis ?? [])];
    for (const words of source) if (words && !text.includes(words)) problems.push(`${url}: lacks the source's “${words}”`);
    const notes = [item.departmentHeader, item.receiverHeader].filter((h): h is string => !!h).map(UI.asPrinted);
    for (const words of [...SITE_WORDS, ...notes]) if (text.includes(words)) problems.push(`${url}: holds the site's “${words}”`);
  }
  expect(problems).toEqual([]);
  // Every item was looked at: the seed's 36 at least.
  expect(ITEMS.length).toBeGreaterThanOrEqual(36);
});

test('in the index and so in excerpts, each fact of an item is its label, a space, then its value', () => {
  const indexed = fragments();
  const problems: string[] = [];
  for (const item of ITEMS) {
    const url = paths.itemById(item.id);
    const text = indexed.get(url) ?? '';
    const facts = [`${ITEM_FIELDS.change} ${CHANGE_GROUPS[item.changeGroup]}`, ...(item.departmentHeader && item.department ? [`${item.departmentHeader} ${item.department}`] : [])];
    for (const fact of facts) if (!text.includes(fact)) problems.push(`${url}: lacks “${fact}”`);
  }
  expect(problems).toEqual([]);
});

test('a label or heading whose value the source does not give is not in the index (备注 with no remark)', () => {
  const indexed = fragments();
  const problems: string[] = [];
  let looked = 0;
  for (const item of ITEMS) {
    const url = paths.itemById(item.id);
    const text = indexed.get(url) ?? '';
    // The words the item does give: a header found among them is in the index for them.
    const given = item.name + JSON.stringify(item.cells.filter((c) => c.value !== null).map((c) => [c.header, c.value]));
    for (const c of item.cells) {
      if (c.value !== null || !c.header || given.includes(c.header)) continue;
      looked++;
      if (text.includes(c.header)) problems.push(`${url}: holds “${c.header}”, a column with no value in this row`);
    }
  }
  expect(problems).toEqual([]);
  // The seed has such rows (备注 empty in 附件1).
  expect(looked).toBeGreaterThan(0);
});

test('a word of the site’s interface finds no item: 意思 (from 这是什么意思？ on every item page)', async ({ page }) => {
  await page.goto(paths.search('意思'));
  await expect(page.locator('[data-status]')).toContainText('共找到 0 条结果');
  await expect(page.locator('.search-hit')).toHaveCount(0);
});
