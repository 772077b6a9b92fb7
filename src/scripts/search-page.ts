/**
 * The search page's wiring: read the state from the URL (./search-url.ts), run the search (src/lib/search/engine.ts)
 * on Pagefind (src/lib/search/pagefind.ts), render it (./search-render.ts), and keep the URL in step (pushState on
 * every change, popstate restores).
 */
import { SearchEngine } from '../lib/search/engine.ts';
import { loadPagefind } from '../lib/search/pagefind.ts';
import type { FacetCounts, Hit } from '../lib/search/types.ts';
import { SearchForm, UrlHistory, readUrl } from './search-url.ts';
import { SearchView, type EngineStarter, type Parts } from './search-view.ts';
import { readSynonyms, runExpanded } from './search-synonyms.ts';
import { FilterPanel } from './search-filter-panel.ts';
import { FILTER_BOX, FacetLists } from './search-facet-list.ts';
import { hasFilters } from '../lib/search/state.ts';
import { warmSegmenter } from './warm-segmenter.ts';

declare global {
  interface Window {
    /**
     * The page's search (started on first use), for the relevance suite (tests/e2e/search-relevance.spec.ts): `run`
     * as the page runs it, synonyms included; `literal`, the engine alone.
     */
    gongkaiSearch?: Pick<SearchEngine, 'run' | 'finds'> & { literal: SearchEngine['run'] };
  }
}

/** How long typing must pause before the results follow it. */
const TYPING_PAUSE_MS = 350;

function engineStarter(base: string, items: { count: number; facets: FacetCounts } | null, onHit: (hit: Hit) => void): EngineStarter {
  let engine: Promise<SearchEngine> | undefined;
  // The query's words need a word segmenter: built in a worker while Pagefind loads (./warm-segmenter.ts).
  const get = () =>
    (engine ??= Promise.all([loadPagefind(base), warmSegmenter()]).then(
      ([{ pf, tiers, findTiers }]) => new SearchEngine(pf, { base, onHit, ...(items ? { items } : {}), ...(tiers ? { tiers } : {}), ...(findTiers ? { findTiers } : {}) }),
    ));
  return { get, asked: () => engine !== undefined };
}

function parts(root: HTMLElement): Parts {
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  return {
    root,
    form: q<HTMLFormElement>('[data-search-form]'),
    status: q<HTMLElement>('[data-status]'),
    list: q<HTMLOListElement>('[data-hits]'),
    more: q<HTMLButtonElement>('[data-more]'),
    empty: q<HTMLElement>('[data-empty]'),
    error: q<HTMLElement>('[data-error]'),
    chosen: root.querySelector<HTMLElement>('[data-chosen]'),
    also: q<HTMLElement>('[data-also]'),
    perWord: q<HTMLElement>('[data-per-word]'),
    filterToggle: root.querySelector<HTMLButtonElement>('[data-filter-toggle]'),
    showResults: root.querySelector<HTMLButtonElement>('[data-show-results]'),
  };
}

async function start(root: HTMLElement): Promise<void> {
  const base = root.dataset.base ?? '/';
  const initial = readUrl();
  const items = JSON.parse(root.dataset.items ?? 'null') as { count: number; facets: FacetCounts } | null;
  // Each result is made ready (its status file fetched, its list item built) as soon as the engine finds it, while
  // the other fragments still load, not after the list is complete.
  const engine = engineStarter(base, items, (hit) => view.found(hit));
  // A query or filter in the address: Pagefind starts loading before the page shows and lays out its form.
  if (initial.q || hasFilters(initial.filters)) void engine.get().catch(() => undefined);
  const p = parts(root);
  const filters = root.querySelector<HTMLElement>('[data-filters]') ?? root;
  const lists = new FacetLists(filters, items?.facets ?? {});
  const fields = new SearchForm(root.querySelector<HTMLInputElement>('[data-query]')!, filters, lists);
  root.hidden = false;

  const synonyms = readSynonyms(root.dataset.synonyms);
  window.gongkaiSearch = {
    run: async (s) => (await runExpanded(await engine.get(), s, synonyms)).session,
    literal: async (s) => (await engine.get()).run(s),
    finds: async (q, probe) => (await engine.get()).finds(q, probe),
  };
  const view = new SearchView(engine, p, fields, base, items, synonyms);
  // The reader turns to the form: start Pagefind now, so that the first search does not wait for it.
  for (const type of ['focusin', 'pointerover', 'touchstart'] as const) root.addEventListener(type, () => void engine.get().catch(() => undefined), { once: true, passive: true });
  wire(p, fields, view, engine);
  lists.wire(() => view.filtersGrew());
  new FilterPanel(root).wire();
  fields.show(initial);
  await view.run(initial);
}

/** The page's events: submitting, typing (after a pause), filters, “显示更多”, Back and Forward. */
function wire(p: Parts, fields: SearchForm, view: SearchView, engine: EngineStarter): void {
  const urls = new UrlHistory();
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let commits = 0;
  const commit = (typing = false) => {
    clearTimeout(typingTimer);
    const state = fields.state();
    fields.mirrorQuery(state.q);
    // The URL is written once the results are shown: a history entry written before the search slowed the search
    // itself (Chromium saves the form's state with it), and a search overtaken by a newer one leaves no entry.
    const n = ++commits;
    void view.run(state).finally(() => {
      if (n === commits) urls.record(state, typing);
    });
  };
  // Results follow the typing after a short pause — not while an input method is still composing (拼音 letters
  // before the characters are chosen); the choice (compositionend) counts as typing.
  // Meanwhile Pagefind loads the index chunks of what is typed so far (SearchEngine.preload).
  const typed = (e: Event) => {
    if ((e as InputEvent).isComposing) return;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => commit(true), TYPING_PAUSE_MS);
    const q = fields.input.value;
    void engine.get().then((s) => s.preload(q), () => undefined);
  };
  p.form.addEventListener('submit', (e) => {
    e.preventDefault();
    commit();
  });
  fields.input.addEventListener('input', typed);
  fields.input.addEventListener('compositionend', typed);
  // The site's other search boxes (the header's) work in place on this page: what is typed there is the query.
  for (const other of document.querySelectorAll<HTMLFormElement>('form[role="search"]')) {
    const q = other.querySelector<HTMLInputElement>('input[name="q"]');
    if (other === p.form || !q) continue;
    fields.otherBoxes.push(q);
    other.addEventListener('submit', (e) => {
      e.preventDefault();
      fields.input.value = q.value;
      commit();
    });
    const mirror = (e: Event) => {
      fields.input.value = q.value;
      typed(e);
    };
    q.addEventListener('input', mirror);
    q.addEventListener('compositionend', mirror);
  }
  const filtersPanel = p.root.querySelector<HTMLElement>('[data-filters]');
  // One listener for every checkbox, the ones a shortened filter adds later too.
  filtersPanel?.addEventListener('change', (e) => {
    if ((e.target as Element | null)?.matches(FILTER_BOX)) commit();
  });
  p.root.querySelector('[data-clear-filters]')?.addEventListener('click', () => {
    for (const b of fields.boxes) b.checked = false;
    commit();
  });
  p.more.addEventListener('click', () => void view.more());
  filtersPanel?.addEventListener('focusin', () => void view.countFilters());
  filtersPanel?.addEventListener('pointerenter', () => void view.countFilters());
  window.addEventListener('popstate', () => {
    clearTimeout(typingTimer);
    urls.moved();
    const state = readUrl();
    fields.show(state);
    void view.run(state);
  });
}

const app = document.querySelector<HTMLElement>('[data-search-app]');
if (app) void start(app);
