/**
 * Hostile search input: a `?q=` with markup, 10,000 characters, regular-expression metacharacters, bidi controls,
 * lone surrogates and broken percent-encoding. The search page shows the query as text (in the box and the status
 * line, never as markup), runs no script from it and still answers a new query. For the queries whose URL is the
 * hardest to carry (markup, 10,000 characters, broken encodings) the URL state also round-trips: back and reload
 * restore it, and searching it again from the box gives the same URL (src/lib/search/state.ts has the rule's
 * unit tests for the rest).
 */
import { expect, test, type Page } from '@playwright/test';

const status = (page: Page) => page.locator('[data-status]');
const box = (page: Page) => page.getByRole('searchbox', { name: '关键词' });

/** Raw query strings (after `?q=`), as a hostile link would carry them, and what a browser decodes them to. */
const QUERIES: { name: string; raw: string; roundTrip?: true }[] = [
  { name: 'markup', raw: encodeURIComponent('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>典当'), roundTrip: true },
  { name: 'markup, entities and an attribute break-out', raw: encodeURIComponent('"><svg onload=window.__pwned=3>&lt;b&gt;&amp;') },
  { name: '10,000 characters', raw: encodeURIComponent('典当'.repeat(5_000)), roundTrip: true },
  { name: '10,000 characters of markup', raw: encodeURIComponent('<b>'.repeat(3_334)) },
  { name: 'regular-expression metacharacters', raw: encodeURIComponent('.*+?^${}()|[]\\/ (a+)+$ [^典] \\d{99999}') },
  { name: 'catastrophic backtracking', raw: encodeURIComponent(`${'a'.repeat(40)}!`.replace(/a/g, '(a|a)*')) },
  { name: 'bidi controls', raw: encodeURIComponent('\u202e典当\u202c \u2066测绘\u2069 \u200f') },
  { name: 'zero-width characters', raw: encodeURIComponent('典\u200b当\u200d\ufeff') },
  { name: 'a lone surrogate, percent-encoded as CESU (invalid UTF-8)', raw: '%ED%A0%80%E5%85%B8', roundTrip: true },
  { name: 'a lone surrogate as %uD800 (not percent-encoding)', raw: '%uD800%E5%85%B8' },
  { name: 'a truncated UTF-8 sequence and a stray %', raw: '%E5%85%20%%', roundTrip: true },
  { name: 'NUL and control characters', raw: '%00%01%1B%5B31m%E5%85%B8' },
];

/** The query the page should hold: what URLSearchParams decodes, trimmed (src/lib/search/state.ts parseState). */
const decoded = (raw: string) => (new URLSearchParams(`q=${raw}`).get('q') ?? '').trim();

for (const { name, raw, roundTrip } of QUERIES) {
  test(`?q= with ${name}: shown as text, a new query still answered${roundTrip ? ', URL round-trips' : ''}`, async ({ page }) => {
    const problems: string[] = [];
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const q = decoded(raw);

    await page.goto(`/search/?q=${raw}`);
    await expect(status(page)).not.toBeEmpty();
    await expect(status(page)).not.toHaveText('正在搜索……', { timeout: 15_000 });
    await expect(page.locator('[data-search-app]')).not.toHaveAttribute('aria-busy', 'true');

    // The query is text: in the box as typed, and no element or script came from it.
    await expect(box(page)).toHaveValue(q);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img, main svg[onload], main script:not([src])').count()).toBe(0);
    // …and the page says what it searched for, as text (the status line quotes the query).
    if (q.length < 200) expect(await status(page).textContent()).toContain(q);

    // Still working: a new query from the box gets its answer.
    await box(page).fill('典当');
    await box(page).press('Enter');
    await expect(status(page)).toContainText('“典当”', { timeout: 10_000 });
    if (!roundTrip) {
      expect(problems).toEqual([]);
      return;
    }

    // The URL state round-trips: back to the hostile query, reload, and the same query comes back.
    await page.goBack();
    await expect(box(page)).toHaveValue(q);
    await page.reload();
    await expect(box(page)).toHaveValue(q);
    await expect(status(page)).not.toHaveText('正在搜索……', { timeout: 15_000 });
    if (q) expect(new URL(page.url()).searchParams.get('q')?.trim()).toBe(q);
    // Searching the same text from the box keeps the same state in the URL.
    await box(page).press('Enter');
    await expect(page.locator('[data-search-app]')).not.toHaveAttribute('aria-busy', 'true');
    expect(new URL(page.url()).searchParams.get('q') ?? '').toBe(q);
    expect(problems).toEqual([]);
  });
}
