/**
 * The search page's state in the URL (?q=…&type=…, src/lib/search/state.ts) and in its form: reading the form,
 * showing a state in it, and keeping the browser history in step.
 */
import { FILTER_BOX, type FacetLists } from './search-facet-list.ts';
import { FILTER_KEYS, emptyFilters, parseState, stateToSearch, type FilterKey, type SearchState } from '../lib/search/state.ts';

/**
 * The search form: its query box, its filter checkboxes (those the page shows now: a shortened filter grows, see
 * ./search-facet-list.ts), and the site's other search boxes shown on this page.
 */
export class SearchForm {
  readonly input: HTMLInputElement;
  /** The site's other search boxes on this page (the header's), kept showing the query. */
  readonly otherBoxes: HTMLInputElement[] = [];
  private readonly filters: ParentNode;
  private readonly lists: FacetLists | undefined;

  constructor(input: HTMLInputElement, filters: ParentNode, lists?: FacetLists) {
    this.input = input;
    this.filters = filters;
    this.lists = lists;
  }

  /** The filter checkboxes on the page now. */
  get boxes(): HTMLInputElement[] {
    return [...this.filters.querySelectorAll<HTMLInputElement>(FILTER_BOX)];
  }

  /** The state the form shows now. */
  state(): SearchState {
    const filters = emptyFilters();
    for (const b of this.boxes) {
      const key = b.name as FilterKey;
      if (b.checked && FILTER_KEYS.includes(key)) filters[key].push(b.dataset.value ?? b.value);
    }
    return { q: this.input.value.trim(), filters };
  }

  show(state: SearchState): void {
    this.lists?.showChosen(state);
    this.input.value = state.q;
    this.mirrorQuery(state.q);
    for (const b of this.boxes) b.checked = state.filters[b.name as FilterKey]?.includes(b.dataset.value ?? '') ?? false;
  }

  /** Show the query in the other boxes, except the one the reader is typing in. */
  mirrorQuery(q: string): void {
    for (const box of this.otherBoxes) if (box !== document.activeElement) box.value = q;
  }
}

/** The state in the page's URL. */
export function readUrl(): SearchState {
  return parseState(location.search);
}

/**
 * The history entries of a visit: a submitted query or a changed filter is a new entry; while the reader is still
 * typing, the entry that typing started is updated instead (so Back goes to the search before, not to every
 * half-typed word).
 */
export class UrlHistory {
  private typing = false;

  /** Make the URL say `state`. */
  record(state: SearchState, typing: boolean): void {
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (this.typing) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    this.typing = typing;
  }

  /** The reader moved through the history (Back, Forward): the next change is a new entry. */
  moved(): void {
    this.typing = false;
  }
}
