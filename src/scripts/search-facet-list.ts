/**
 * The choices a shortened filter was not written with (src/lib/short-list.ts): added from the
 * build's counts (the page's data-items) when the reader asks with 「显示全部 N 个部门」, or when the address chooses
 * one of them. Each is a copy of the filters' <template> (src/components/search/SearchFilters.astro), so the build's
 * checkboxes and these are one markup, and they come in the build's order (optionsFromCounts), after the written ones.
 */
import { optionsFromCounts } from '../lib/search/facets.ts';
import { FILTER_KEYS, type FilterKey, type SearchState } from '../lib/search/state.ts';
import { SEARCH_TEXT } from '../lib/search/text.ts';
import type { FacetCounts } from '../lib/search/types.ts';

export const FILTER_BOX = 'input[type="checkbox"][data-value]';

export class FacetLists {
  private readonly root: ParentNode;
  private readonly counts: FacetCounts;

  constructor(root: ParentNode, counts: FacetCounts) {
    this.root = root;
    this.counts = counts;
  }

  /** A shortened filter still waiting for its other choices: its list, its 「显示全部」 button, the values it shows. */
  private shortened(key: FilterKey) {
    const facet = this.root.querySelector<HTMLElement>(`[data-facet="${key}"]`);
    const list = facet?.querySelector('ul');
    const button = facet?.querySelector<HTMLButtonElement>('[data-show-all]');
    if (!list || !button) return undefined;
    return { list, button, shown: new Set([...list.querySelectorAll<HTMLInputElement>(FILTER_BOX)].map((b) => b.dataset.value)) };
  }

  /** Every choice of `key` the page does not show yet, added; the first checkbox added (undefined if none). */
  expand(key: FilterKey): HTMLInputElement | undefined {
    const facet = this.shortened(key);
    const template = this.root.querySelector<HTMLTemplateElement>('template[data-facet-option]');
    if (!facet || !template) return undefined;
    let first: HTMLInputElement | undefined;
    for (const o of optionsFromCounts(key, this.counts[key] ?? {})) {
      if (facet.shown.has(o.value)) continue;
      const li = template.content.firstElementChild!.cloneNode(true) as HTMLLIElement;
      const box = li.querySelector('input')!;
      box.name = key;
      box.value = o.param;
      box.dataset.value = o.value;
      li.querySelector('.search-facet-label')!.prepend(SEARCH_TEXT.optionLabel(key, o.value));
      li.querySelector('[data-count]')!.textContent = SEARCH_TEXT.facetCount(o.count);
      facet.list.append(li);
      first ??= box;
    }
    facet.button.remove();
    return first;
  }

  /** Make every choice `state` picks a checkbox: a shortened filter holding one it does not show is shown whole. */
  showChosen(state: SearchState): void {
    for (const key of FILTER_KEYS) {
      const chosen = state.filters[key];
      const facet = chosen.length > 0 ? this.shortened(key) : undefined;
      if (facet && chosen.some((v) => !facet.shown.has(v))) this.expand(key);
    }
  }

  /** 「显示全部 N 个部门」: the filter shown whole, focus on its first new choice; then `grown` (to count them). */
  wire(grown: () => void): void {
    this.root.addEventListener('click', (e) => {
      const button = (e.target as Element | null)?.closest<HTMLButtonElement>('[data-show-all]');
      const key = button?.dataset.showAll as FilterKey | undefined;
      if (!key || !FILTER_KEYS.includes(key)) return;
      const first = this.expand(key);
      grown();
      first?.focus();
    });
  }
}
