/**
 * How the site is indexed (used by scripts/index.ts, and by the relevance suite to compute what a page's
 * indexed text is). Pagefind reads only the regions marked data-pagefind-body and skips data-pagefind-ignore,
 * <nav>, <footer>, <form>, <noscript>, <template>, <svg>, <script> and <style> by itself.
 */

/** Every page is Chinese: one zh-cn index, segmented by Pagefind's Chinese-capable (extended) indexer. */
export const INDEX_LANGUAGE = 'zh-cn';

/**
 * Further regions kept out of the index, repeats of what the page shows elsewhere or words of the site, not the source:
 * - text for screen readers only (.visually-hidden, e.g. a heading “事项名称” above the item's facts);
 * - text hidden from screen readers (aria-hidden="true", e.g. the column name repeated in every cell of an
 *   attachment table for narrow screens: “事项类型 行政许可” 36 times over);
 * - anything printed only (.print-only, e.g. the page's own address);
 * - the site's mark for a value the source does not give (.absent, “原文未列明”): the site's words, not the source's.
 * Attachment tables' rows (each item is indexed on its own page), breadcrumbs, previous/next links and related lists
 * carry data-pagefind-ignore in the pages.
 */
export const EXCLUDE_SELECTORS: readonly string[] = ['.visually-hidden', '[aria-hidden="true"]', '.print-only', '.absent'];

/**
 * Pagefind keeps the text of headings, paragraphs, list items, data cells and sections apart, but joins a <dt> to
 * its <dd>, one <th> to the next and a table's <caption> to its header row: 「调整方式取消」,
 * 「发文字号嘉政发〔2021〕2号附件附件1」. A space after each of those closing tags, in the HTML handed to the indexer
 * (the served page is unchanged, and a browser shows no space between them), keeps a label apart from its value in
 * the index and in every excerpt read from it.
 */
const JOINED_BY_PAGEFIND = /<\/(?:dt|dd|th|caption)\s*>/giu;

/** A page's HTML as the indexer is given it (see JOINED_BY_PAGEFIND). */
export function htmlForIndex(html: string): string {
  return html.replace(JOINED_BY_PAGEFIND, '$& ');
}

/** What Pagefind leaves out on its own (the relevance suite mirrors it when it reads the built HTML). */
export const PAGEFIND_SKIPS: readonly string[] = ['[data-pagefind-ignore]', 'nav', 'footer', 'form', 'noscript', 'template', 'svg', 'script', 'style'];

const natural = new Intl.Collator('en', { numeric: true });

/**
 * The order pages are added to the index (and so the order of a listing without a query): items first, in the order
 * of their ids (notice, then table a1 < a2 < … < a10, then row), then notices and their tables, then the lists.
 */
export function indexOrder(files: readonly string[]): string[] {
  const rank = (f: string) => (f.startsWith('items/') && f !== 'items/index.html' ? 0 : f.startsWith('notices/') ? 1 : 2);
  return [...files].sort((a, b) => rank(a) - rank(b) || natural.compare(a, b));
}
