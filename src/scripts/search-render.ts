/**
 * The search page's rendering: results, the status line, filter counts and the no-results help. Everything is
 * built from DOM text nodes: nothing from the index is parsed as HTML.
 */
import type { Segment } from '../lib/search/excerpt.ts';
import { FILTER_KEYS, emptyFilters, hasFilters, stateToSearch, type FilterKey } from '../lib/search/state.ts';
import { SEARCH_TEXT } from '../lib/search/text.ts';
import type { Hit, SearchOutcome } from '../lib/search/types.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderSegments(parent: HTMLElement, segs: readonly Segment[]): void {
  for (const s of segs) parent.append(s.mark ? el('mark', undefined, s.text) : document.createTextNode(s.text));
}

/** Where a hit comes from: its 发文字号 (and 附件N), from the page's metadata (ItemSearchMeta, DocumentSearchMeta). */
export function sourceOf(hit: Hit): string | undefined {
  return hit.meta.docNumber ? [hit.meta.docNumber, hit.meta.table].filter(Boolean).join(' ') : undefined;
}

/** One result; `status`: the item's status line slot (./search-answers.ts), right under its name. */
export function renderHit(hit: Hit, source: string | undefined, status?: HTMLElement): HTMLLIElement {
  const li = el('li', 'search-hit');
  const h = el('h3', 'search-hit-title');
  const a = el('a', undefined, hit.title);
  a.href = hit.url;
  h.append(a);
  li.append(h);
  if (status) li.append(status);
  const meta = el('p', 'search-hit-meta');
  meta.append(el('span', 'search-hit-kind', SEARCH_TEXT.kind[hit.kind]));
  const facts: [string, string | undefined][] = [
    [SEARCH_TEXT.metaType, hit.meta.typeLabel],
    [SEARCH_TEXT.metaDepartment, hit.meta.department],
    [hit.kind === 'item' ? SEARCH_TEXT.metaSource : SEARCH_TEXT.metaDocNumber, source],
  ];
  for (const [label, value] of facts) {
    if (!value) continue;
    const span = el('span', 'search-hit-fact');
    span.append(el('span', 'search-hit-fact-label', `${label}：`), document.createTextNode(value));
    meta.append(span);
  }
  li.append(meta);
  if (hit.excerpt.length > 0) {
    const p = el('p', 'search-hit-excerpt');
    renderSegments(p, hit.excerpt);
    li.append(p);
  }
  if (hit.sections.length > 0) {
    const ul = el('ul', 'search-hit-sections');
    ul.setAttribute('aria-label', `${hit.title}：${SEARCH_TEXT.subResults}`);
    for (const s of hit.sections) {
      const sli = el('li');
      const sa = el('a', undefined, s.title);
      sa.href = s.url;
      const sp = el('p', 'search-hit-excerpt');
      renderSegments(sp, s.excerpt);
      sli.append(sa, sp);
      ul.append(sli);
    }
    li.append(ul);
  }
  return li;
}

export const chosenCount = (o: SearchOutcome) => FILTER_KEYS.reduce((n, k) => n + o.state.filters[k].length, 0);

/** The live status line: how many results, how far an index in tiers was searched. */
export function statusLine(o: SearchOutcome): string {
  const count = o.exact ? SEARCH_TEXT.countExact(o.total, o.state.q) : SEARCH_TEXT.countAtLeast(o.total, o.state.q);
  const text = SEARCH_TEXT.countFiltered(count, chosenCount(o));
  const shown = o.exact && o.hasMore && o.hits.length > 0 ? `${text}，${SEARCH_TEXT.shown(o.hits.length, o.total)}` : text;
  return shown + (o.searchedSince !== undefined && o.hits.length > 0 ? `；${SEARCH_TEXT.searchedSince(o.searchedSince)}` : '');
}

/** The filter checkboxes' counts, and the “已选 N 项” line. */
export function renderFacets(o: SearchOutcome, boxes: readonly HTMLInputElement[], chosen: HTMLElement | null): void {
  const picked = chosenCount(o);
  if (chosen) chosen.textContent = picked > 0 ? SEARCH_TEXT.chosen(picked) : '';
  for (const b of boxes) {
    const n = o.facets[b.name as FilterKey]?.[b.dataset.value ?? ''] ?? 0;
    const count = b.parentElement?.querySelector<HTMLElement>('[data-count]');
    // Pending counts (a large index, until the reader turns to the filters) are left blank, not shown as 0.
    if (count) count.textContent = o.facetsPending ? '' : o.facetsExact ? SEARCH_TEXT.facetCount(n) : SEARCH_TEXT.facetCountApprox(n);
    const none = !o.facetsPending && n === 0 && !b.checked;
    b.disabled = none;
    b.closest('li')?.classList.toggle('search-facet-none', none);
  }
}

/**
 * The no-results help: the message, “without the filters”, and pieces of the query that do find something
 * (`found`, checked by the caller) as links.
 */
export function renderEmpty(empty: HTMLElement, o: SearchOutcome, found: readonly string[]): void {
  empty.hidden = o.hits.length > 0;
  if (o.hits.length > 0) return;
  empty.querySelector<HTMLElement>('[data-empty-message]')!.textContent = o.unsearchable ? SEARCH_TEXT.unsearchable : SEARCH_TEXT.noResults(o.state.q);
  const unfiltered = empty.querySelector<HTMLElement>('[data-suggest-unfiltered]')!;
  unfiltered.hidden = !hasFilters(o.state.filters);
  unfiltered.querySelector<HTMLAnchorElement>('a')!.href = `${location.pathname}${stateToSearch({ q: o.state.q, filters: emptyFilters() })}`;
  const shorter = empty.querySelector<HTMLElement>('[data-suggest-shorter]')!;
  const links = shorter.querySelector<HTMLElement>('[data-shorter-links]')!;
  links.replaceChildren();
  found.forEach((q, i) => {
    if (i > 0) links.append('、');
    const a = el('a', undefined, q);
    a.href = `${location.pathname}${stateToSearch({ q, filters: emptyFilters() })}`;
    links.append(a);
  });
  shorter.hidden = found.length === 0;
}
