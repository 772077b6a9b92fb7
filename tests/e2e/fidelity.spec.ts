/**
 * Every word of the sources reaches the site: each non-empty line of both recorded source texts (artifacts
 * removed) stands in the built page that publishes it, and every field of every item stands on its item page.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { pageText, seedSections, squeeze } from '../fixtures/seed-lines.ts';
import { loadItemEntries } from '../fixtures/items.ts';
import { ITEM_TYPES } from '../../src/domain/glossary.ts';

for (const section of seedSections()) {
  test(`${section.label}: every source line is on ${section.page}`, async ({ request }) => {
    const res = await request.get(section.page);
    expect(res.status()).toBe(200);
    const text = pageText(await res.text());
    const missing = section.lines.filter((line) => !text.includes(line));
    expect(missing, `lines missing from ${section.page}`).toEqual([]);
    expect(section.lines.length).toBeGreaterThan(5);
  });
}

test('every field of every item is on its item page', async ({ request }) => {
  const items = loadItemEntries(join(import.meta.dirname, '..', '..', 'content', 'tables'));
  expect(items).toHaveLength(36);
  const problems: string[] = [];
  for (const item of items) {
    const res = await request.get(`/items/${item.id}/`);
    if (res.status() !== 200) {
      problems.push(`${item.id}: HTTP ${res.status()}`);
      continue;
    }
    const text = pageText(await res.text());
    // Every printed cell of the row, whatever its column.
    const fields = item.cells.flatMap((c): (string | undefined)[] => {
      if (c.value === null || c.role === 'seq') return [];
      if (c.role === 'type') return [ITEM_TYPES[c.value]];
      if (c.role === 'basis') return c.value;
      if (c.role === 'measures') return [c.value.lead, ...c.value.steps];
      return c.value.split('\n');
    });
    for (const f of fields) if (f && !text.includes(squeeze(f))) problems.push(`${item.id}: missing “${f.slice(0, 30)}”`);
  }
  expect(problems).toEqual([]);
});
