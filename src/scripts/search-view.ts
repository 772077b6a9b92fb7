/**
 * The search page's view: runs a search and shows it (./search-render.ts), a later search making an earlier one's
 * results moot; the listing's first page as the build wrote it while Pagefind is not needed yet.
 */
import type { SearchEngine } from '../lib/search/engine.ts';
import { loadFirstPage } from '../lib/search/pagefind.ts';
import { shorterQueries } from '../lib/search/suggest.ts';
import { SEARCH_TEXT } from '../lib/search/text.ts';
import { hasFilters, type SearchState } from '../lib/search/state.ts';
import type { FacetCounts, SearchOutcome, SearchSession } from '../lib/search/types.ts';
import { chosenCount, renderEmpty, renderFacets, renderHit, sourceOf, statusLine } from './search-render.ts';
import { HitItems } from './search-items.ts';
import type { SearchForm } from './search-url.ts';
import { runExpanded, type Synonyms } from './search-synonyms.ts';
import { StatusLines, renderAlso, renderPerWord, statusSlot, type WordResults } from './search-answers.ts';
import type { Hit } from '../lib/search/types.ts';
import type { SynonymUse } from '../lib/search/synonyms.ts';

/** At most this many shorter pieces of a query without results are offered. */
const SUGGESTIONS = 3;
/** A search that takes longer than this says so (“正在搜索……”, aria-busy). */
const LOADING_DELAY_MS = 200;
/**
 * How long the list waits for its results' status files (./search-answers.ts, StatusLines.arrived); later ones are
 * filled in when they come.
 */
const STATUS_WAIT_MS = 150;
/** Results shown per word when a query of several words finds nothing as a whole. */
const PER_WORD_HITS = 3;
/** The words of a query as typed (the reader's own spacing). */
const wordsOf = (q: string) => [...new Set(q.split(/[\s\u3000]+/u).filter((w) => w.length > 0))];

export interface EngineStarter {
  /** The engine, Pagefind started on the first call. */
  get: () => Promise<SearchEngine>;
  /** get() was called. */
  asked: () => boolean;
}

export interface Parts {
  root: HTMLElement;
  form: HTMLFormElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  empty: HTMLElement;
  error: HTMLElement;
  chosen: HTMLElement | null;
  /** “也搜索了：…” */
  also: HTMLElement;
  /** Each word's results, for a query of several words with no full match. */
  perWord: HTMLElement;
  /** The phone's 「筛选（N）」 and 「查看 N 条结果」 buttons. */
  filterToggle: HTMLButtonElement | null;
  showResults: HTMLButtonElement | null;
}

/** Runs searches and shows them; a search started later makes an earlier one's results moot. */
export class SearchView {
  private session: SearchSession | undefined;
  private generation = 0;
  /** What the filter counts show now (see showFacets). */
  private facetsShown = '';
  /** The engine was asked for (the prebuilt first page is for the page's first listing only). */
  private get started(): boolean {
    return this.loaded();
  }
  private readonly engine: () => Promise<SearchEngine>;
  private readonly parts: Parts;
  private readonly fields: SearchForm;
  private readonly base: string;
  private readonly items: { count: number; facets: FacetCounts } | null;
  private readonly loaded: () => boolean;
  private readonly synonyms: Synonyms;
  /** The status lines of item results. */
  private readonly statusLines: StatusLines;
  /** The synonyms the shown search used. */
  private used: readonly SynonymUse[] = [];
  /** The results' list items, built as the engine finds them. */
  private readonly hitItems: HitItems<HTMLLIElement>;
  private readonly siteSuffix = document.title.includes(' - ') ? document.title.slice(document.title.indexOf(' - ')) : '';

  constructor(engine: EngineStarter, parts: Parts, fields: SearchForm, base: string, items: { count: number; facets: FacetCounts } | null, synonyms: Synonyms) {
    this.synonyms = synonyms;
    this.statusLines = new StatusLines(base);
    this.hitItems = new HitItems((hit) => renderHit(hit, sourceOf(hit), statusSlot(hit, base)));
    this.engine = engine.get;
    this.loaded = engine.asked;
    this.items = items;
    this.parts = parts;
    this.fields = fields;
    this.base = base;
  }

  async run(state: SearchState): Promise<void> {
    const gen = ++this.generation;
    this.hitItems.reset();
    const { root, status, list, more, error } = this.parts;
    // The newest notices' status lines, fetched while Pagefind starts and searches.
    this.statusLines.start();
    error.hidden = true;
    // Said only when a search takes a while: a quick one changes the page once, with its results, and its work is
    // not interrupted by laying out the status line.
    const busy = setTimeout(() => {
      if (gen !== this.generation) return;
      root.setAttribute('aria-busy', 'true');
      status.textContent = SEARCH_TEXT.loading;
    }, LOADING_DELAY_MS);
    try {
      const first = await this.firstPage(state);
      const found = first ? { session: first, expansion: { used: [] } } : await runExpanded(await this.engine(), state, this.synonyms);
      if (gen !== this.generation) return;
      this.session = found.session;
      this.used = found.expansion.used;
      const s = found.session;
      await this.render(s.outcome(), gen, false);
    } catch {
      if (gen === this.generation) {
        error.hidden = false;
        list.replaceChildren();
        more.hidden = true;
        status.textContent = SEARCH_TEXT.failed;
      }
    } finally {
      clearTimeout(busy);
      if (gen === this.generation) {
        root.removeAttribute('aria-busy');
        // After the results: a title change before the search delays it.
        document.title = `${state.q ? SEARCH_TEXT.titleFor(state.q) : SEARCH_TEXT.title}${this.siteSuffix}`;
      }
    }
  }

  /**
   * The empty page (no query, no filter) before Pagefind was needed: the listing's first page as the build wrote it,
   * with the build's counts; anything more starts the engine (the same listing, so its first page is this one).
   */
  private async firstPage(state: SearchState): Promise<SearchSession | undefined> {
    if (state.q || hasFilters(state.filters) || !this.items || this.started) return undefined;
    const first = await loadFirstPage(this.base);
    if (!first || first.hits.length === 0) return undefined;
    const outcome: SearchOutcome = {
      state,
      terms: [],
      hits: first.hits,
      total: this.items.count,
      exact: true,
      facets: this.items.facets,
      facetsExact: true,
      facetsPending: false,
      hasMore: first.hits.length < this.items.count,
      unsearchable: false,
    };
    let real: Promise<SearchSession> | undefined;
    const later = () => (real ??= this.engine().then((e) => e.run(state)));
    return {
      outcome: () => outcome,
      facets: async () => outcome,
      more: async () => (await later()).more(),
      all: async () => (await later()).all(),
    };
  }

  /** The next page of results; focus moves to the first new one, so keyboard users continue where the list grew. */
  async more(): Promise<void> {
    if (!this.session) return;
    const gen = this.generation;
    this.hitItems.reset();
    const before = this.parts.list.children.length;
    const o = await this.session.more();
    if (gen !== this.generation) return;
    await this.render(o, gen, true);
    this.parts.list.children[before]?.querySelector<HTMLAnchorElement>('a')?.focus();
  }

  /** On a large index the filter counts are computed when the reader turns to the filters. */
  async countFilters(): Promise<void> {
    const s = this.session;
    if (!s || !s.outcome().facetsPending) return;
    const gen = this.generation;
    const o = await s.facets();
    if (gen === this.generation) this.showFacets(o);
  }

  /** A shortened filter was shown whole (./search-facet-list.ts): its new checkboxes get the counts shown now. */
  filtersGrew(): void {
    this.facetsShown = '';
    if (this.session) this.showFacets(this.session.outcome());
  }

  /**
   * The filter counts, unless the ones shown are the same: on a large index they stay pending (blank) from query to
   * query, and a filter shown whole has a checkbox per department or document (hundreds in a province).
   */
  private showFacets(o: SearchOutcome): void {
    const key = JSON.stringify([o.facetsPending ? null : o.facets, o.facetsExact, o.state.filters]);
    if (key === this.facetsShown) return;
    this.facetsShown = key;
    renderFacets(o, this.fields.boxes, this.parts.chosen);
  }

  private async render(o: SearchOutcome, gen: number, append: boolean): Promise<void> {
    const { list, more, status, empty, also, perWord } = this.parts;
    await this.statusLines.arrived(o.hits.slice(append ? list.children.length : 0), STATUS_WAIT_MS);
    if (gen !== this.generation) return;
    if (!append) list.replaceChildren();
    for (const hit of o.hits.slice(list.children.length)) list.append(this.hitItems.take(hit));
    void this.statusLines.fill(list);
    more.hidden = !o.hasMore;
    this.showFacets(o);
    this.showCounts(o);
    status.textContent = statusLine(o);
    renderAlso(also, o.hits.length > 0 ? this.used : []);
    if (o.hits.length > 0 || o.unsearchable) {
      renderPerWord(perWord, [], (h) => this.hitItems.take(h));
      return renderEmpty(empty, o, []);
    }
    const engine = await this.engine();
    // Several words and no page with them all: each word's own results (with its synonyms and the filters chosen).
    const words = wordsOf(o.state.q);
    const perWordResults: WordResults[] =
      words.length > 1
        ? await Promise.all(
            words.map(async (word) => {
              const r = (await runExpanded(engine, { q: word, filters: o.state.filters }, this.synonyms).catch(() => undefined))?.session.outcome();
              return { word, total: r?.total ?? 0, hits: r?.hits.slice(0, PER_WORD_HITS) ?? [] };
            }),
          )
        : [];
    if (gen !== this.generation) return;
    renderPerWord(perWord, perWordResults, (h) => this.hitItems.take(h));
    void this.statusLines.fill(perWord);
    // Pieces of the query that do find something, checked together (none of them adds a tier of the index); a word
    // whose results are shown above is not offered again.
    const shownWords = new Set(perWordResults.filter((w) => w.total > 0).map((w) => w.word));
    const pieces = shorterQueries(o.state.q).filter((q) => !shownWords.has(q));
    const finds = await Promise.all(pieces.map((q) => engine.finds(q).catch(() => false)));
    if (gen === this.generation) renderEmpty(empty, o, pieces.filter((_, i) => finds[i]).slice(0, SUGGESTIONS));
  }

  /** The engine found a result: fetch its status file and build its list item, while the other fragments load. */
  found(hit: Hit): void {
    this.statusLines.prefetch(hit.url);
    this.hitItems.found(hit);
  }

  /** The phone's buttons: 「筛选（N）」 with the filters chosen, 「查看 N 条结果」 with the results. */
  private showCounts(o: SearchOutcome): void {
    const { filterToggle, showResults } = this.parts;
    if (filterToggle) filterToggle.textContent = SEARCH_TEXT.filterToggle(chosenCount(o));
    if (showResults) showResults.textContent = SEARCH_TEXT.showResults(o.total);
  }
}

