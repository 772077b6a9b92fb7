/**
 * The search page's behaviour: read the state from the URL, run the search (src/lib/search/engine.ts) on Pagefind,
 * render results and filter counts, keep the URL in step (pushState on every change, popstate restores).
 * Everything is rendered with DOM text nodes: nothing from the index is parsed as HTML.
 */
import { SearchEngine, type FacetCounts, type Hit, type PagefindApi, type SearchOutcome, type SearchSession } from '../lib/search/engine.ts';
import type { Segment } from '../lib/search/excerpt.ts';
import { noticeSlugOf } from '../domain/urls.ts';
import { FILTER_KEYS, emptyFilters, hasFilters, parseState, stateToSearch, type FilterKey, type SearchState } from '../lib/search/state.ts';
import { SEARCH_TEXT } from '../lib/search/text.ts';
import { shorterQueries } from '../lib/search/suggest.ts';
import { PAGEFIND_SCRIPT, TIERS_MANIFEST, parseTierManifest, tierDir, type TierManifest } from '../lib/search/tiers.ts';

declare global {
  interface Window {
    /** The page's search engine, for the relevance suite (tests/e2e/search-relevance.spec.ts). */
    gongkaiSearch?: SearchEngine;
  }
}

/** How long typing must pause before the results follow it. */
const TYPING_PAUSE_MS = 350;

const app = document.querySelector<HTMLElement>('[data-search-app]');
if (app) void start(app);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderSegments(parent: HTMLElement, segs: readonly Segment[]): void {
  for (const s of segs) parent.append(s.mark ? el('mark', undefined, s.text) : document.createTextNode(s.text));
}

interface PagefindModule extends PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
}

/**
 * Pagefind's API for the first tier of the index (pagefind/), with `expand()` adding the next tier listed in
 * pagefind/tiers.json (src/lib/search/tiers.ts). Without a readable tiers.json the first index is searched alone.
 */
async function loadPagefind(base: string): Promise<{ pf: PagefindApi; tiers: TierManifest['tiers'] | undefined }> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const [pf, tiers] = await Promise.all([
    import(/* @vite-ignore */ `${root}${tierDir(0)}${PAGEFIND_SCRIPT}`) as Promise<PagefindModule>,
    // Revalidated on every visit (like Pagefind's own pagefind-entry.json): it must match the index just deployed.
    fetch(`${root}${tierDir(0)}${TIERS_MANIFEST}`, { cache: 'no-cache' })
      .then(async (r) => (r.ok ? parseTierManifest(await r.json()).tiers : undefined))
      .catch(() => undefined),
  ]);
  // The main thread is enough for this index, and it spares the worker script's download.
  await pf.options({ noWorker: true });
  let next = 1;
  const expand = async (): Promise<boolean> => {
    const tier = tiers?.[next];
    if (!tier) return false;
    next += 1;
    await pf.mergeIndex(`${root}${tier.dir}`, { baseUrl: root });
    return true;
  };
  return {
    pf: { search: (t, o) => pf.search(t, o), filters: () => pf.filters(), ...(tiers && tiers.length > 1 ? { expand } : {}) },
    tiers,
  };
}

async function start(root: HTMLElement): Promise<void> {
  const base = root.dataset.base ?? '/';
  const docNumbers = JSON.parse(root.dataset.docNumbers ?? '{}') as Record<string, string>;
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = root.querySelector<HTMLInputElement>('[data-query]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-hits]')!;
  const moreButton = root.querySelector<HTMLButtonElement>('[data-more]')!;
  const empty = root.querySelector<HTMLElement>('[data-empty]')!;
  const error = root.querySelector<HTMLElement>('[data-error]')!;
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-value]')];
  root.hidden = false;

  let engine: SearchEngine;
  try {
    const items = JSON.parse(root.dataset.items ?? 'null') as { count: number; facets: FacetCounts } | null;
    const { pf, tiers } = await loadPagefind(base);
    engine = new SearchEngine(pf, { base, ...(items ? { items } : {}), ...(tiers ? { tiers } : {}) });
  } catch {
    error.hidden = false;
    status.textContent = SEARCH_TEXT.failed;
    return;
  }
  window.gongkaiSearch = engine;

  let session: SearchSession | undefined;
  let generation = 0;

  /** The state the form shows now. */
  const formState = (): SearchState => {
    const filters = emptyFilters();
    for (const b of boxes) {
      const key = b.name as FilterKey;
      if (b.checked && FILTER_KEYS.includes(key)) filters[key].push(b.dataset.value ?? b.value);
    }
    return { q: input.value.trim(), filters };
  };

  /** The site's other search boxes on this page (the header's), kept showing the query. */
  const otherBoxes: HTMLInputElement[] = [];
  const showState = (state: SearchState) => {
    input.value = state.q;
    for (const q of otherBoxes) if (q !== document.activeElement) q.value = state.q;
    for (const b of boxes) {
      const key = b.name as FilterKey;
      b.checked = state.filters[key]?.includes(b.dataset.value ?? '') ?? false;
    }
  };

  const statusText = (o: SearchOutcome): string => {
    const chosen = FILTER_KEYS.reduce((n, k) => n + o.state.filters[k].length, 0);
    const text = o.exact ? SEARCH_TEXT.countExact(o.total, o.state.q) : SEARCH_TEXT.countAtLeast(o.total, o.state.q);
    return SEARCH_TEXT.countFiltered(text, chosen);
  };

  const source = (hit: Hit): string | undefined => {
    if (hit.meta.docNumber) return [hit.meta.docNumber, hit.meta.table].filter(Boolean).join(' ');
    const slug = noticeSlugOf(hit.url, base);
    if (!slug || !docNumbers[slug]) return undefined;
    const table = /\/attachments\/(\d+)\//.exec(hit.url)?.[1];
    return table ? `${docNumbers[slug]} 附件${table}` : docNumbers[slug];
  };

  const renderHit = (hit: Hit): HTMLLIElement => {
    const li = el('li', 'search-hit');
    const h = el('h3', 'search-hit-title');
    const a = el('a', undefined, hit.title);
    a.href = hit.url;
    h.append(a);
    li.append(h);
    const meta = el('p', 'search-hit-meta');
    meta.append(el('span', 'search-hit-kind', SEARCH_TEXT.kind[hit.kind]));
    const facts: [string, string | undefined][] = [
      [SEARCH_TEXT.metaType, hit.meta.typeLabel],
      [SEARCH_TEXT.metaDepartment, hit.meta.department],
      [hit.kind === 'item' ? SEARCH_TEXT.metaSource : SEARCH_TEXT.metaDocNumber, source(hit)],
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
  };

  // On a narrow screen the filters start folded, so the results are not pushed below them.
  const filtersBox = root.querySelector<HTMLDetailsElement>('[data-filters]');
  if (filtersBox && window.matchMedia('(max-width: 50em)').matches) filtersBox.open = false;
  const chosen = root.querySelector<HTMLElement>('[data-chosen]');

  const renderFacets = (o: SearchOutcome) => {
    const picked = FILTER_KEYS.reduce((sum, k) => sum + o.state.filters[k].length, 0);
    if (chosen) chosen.textContent = picked > 0 ? SEARCH_TEXT.chosen(picked) : '';
    for (const b of boxes) {
      const key = b.name as FilterKey;
      const value = b.dataset.value ?? '';
      const n = o.facets[key]?.[value] ?? 0;
      const count = b.parentElement?.querySelector<HTMLElement>('[data-count]');
      // Pending counts (a large index, until the reader turns to the filters) are left blank, not shown as 0.
      if (count) count.textContent = o.facetsPending ? '' : o.facetsExact ? SEARCH_TEXT.facetCount(n) : SEARCH_TEXT.facetCountApprox(n);
      const none = !o.facetsPending && n === 0 && !b.checked;
      b.disabled = none;
      b.closest('li')?.classList.toggle('search-facet-none', none);
    }
  };

  /** On a large index the filter counts are computed when the reader turns to the filters. */
  const filtersPanel = root.querySelector<HTMLElement>('.search-filters');
  const countOnDemand = async () => {
    const s = session;
    if (!s || !s.outcome().facetsPending) return;
    const gen = generation;
    const o = await s.facets();
    if (gen === generation) renderFacets(o);
  };
  filtersPanel?.addEventListener('focusin', () => void countOnDemand());
  filtersPanel?.addEventListener('pointerenter', () => void countOnDemand());

  const renderEmpty = async (o: SearchOutcome, gen: number) => {
    empty.hidden = o.hits.length > 0;
    if (o.hits.length > 0) return;
    const message = empty.querySelector<HTMLElement>('[data-empty-message]')!;
    message.textContent = o.unsearchable ? SEARCH_TEXT.unsearchable : SEARCH_TEXT.noResults(o.state.q);
    const unfiltered = empty.querySelector<HTMLElement>('[data-suggest-unfiltered]')!;
    unfiltered.hidden = !hasFilters(o.state.filters);
    unfiltered.querySelector<HTMLAnchorElement>('a')!.href = `${location.pathname}${stateToSearch({ q: o.state.q, filters: emptyFilters() })}`;
    const shorter = empty.querySelector<HTMLElement>('[data-suggest-shorter]')!;
    const links = shorter.querySelector<HTMLElement>('[data-shorter-links]')!;
    links.replaceChildren();
    shorter.hidden = true;
    // Offer pieces of the query that do find something (checked, at most a handful of lookups).
    const found: string[] = [];
    for (const q of shorterQueries(o.state.q)) {
      if (found.length >= 3) break;
      const finds = await engine.finds(q);
      if (gen !== generation) return;
      if (finds) found.push(q);
    }
    found.forEach((q, i) => {
      if (i > 0) links.append('、');
      const a = el('a', undefined, q);
      a.href = `${location.pathname}${stateToSearch({ q, filters: emptyFilters() })}`;
      links.append(a);
    });
    shorter.hidden = found.length === 0;
  };

  const render = async (o: SearchOutcome, gen: number, append = false) => {
    if (!append) list.replaceChildren();
    const already = list.children.length;
    for (const hit of o.hits.slice(already)) list.append(renderHit(hit));
    moreButton.hidden = !o.hasMore;
    renderFacets(o);
    status.textContent =
      (o.exact && o.hasMore && o.hits.length > 0 ? `${statusText(o)}，${SEARCH_TEXT.shown(o.hits.length, o.total)}` : statusText(o)) +
      (o.searchedSince !== undefined && o.hits.length > 0 ? `；${SEARCH_TEXT.searchedSince(o.searchedSince)}` : '');
    await renderEmpty(o, gen);
  };

  const siteSuffix = document.title.includes(' - ') ? document.title.slice(document.title.indexOf(' - ')) : '';
  const run = async (state: SearchState) => {
    const gen = ++generation;
    document.title = `${state.q ? SEARCH_TEXT.titleFor(state.q) : SEARCH_TEXT.title}${siteSuffix}`;
    error.hidden = true;
    root.setAttribute('aria-busy', 'true');
    status.textContent = SEARCH_TEXT.loading;
    try {
      const s = await engine.run(state);
      if (gen !== generation) return;
      session = s;
      await render(s.outcome(), gen);
    } catch {
      if (gen === generation) {
        list.replaceChildren();
        moreButton.hidden = true;
        status.textContent = SEARCH_TEXT.failed;
      }
    } finally {
      if (gen === generation) root.removeAttribute('aria-busy');
    }
  };

  /**
   * Make the URL say what the form says, then search. A submitted query or a changed filter is a new history entry;
   * while the reader is still typing, the entry that typing started is updated instead (so Back goes to the search
   * before, not to every half-typed word).
   */
  let typingEntry = false;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const commit = (typing = false) => {
    clearTimeout(typingTimer);
    const state = formState();
    for (const q of otherBoxes) if (q !== document.activeElement) q.value = state.q;
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (typingEntry) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    typingEntry = typing;
    void run(state);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    commit();
  });
  // Results follow the typing after a short pause — not while an input method is still composing (拼音 letters
  // before the characters are chosen); the choice (compositionend) counts as typing.
  const typed = (e: Event) => {
    if ((e as InputEvent).isComposing) return;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => commit(true), TYPING_PAUSE_MS);
  };
  input.addEventListener('input', typed);
  input.addEventListener('compositionend', typed);
  // The site's other search boxes (the header's) work in place on this page: what is typed there is the query.
  for (const other of document.querySelectorAll<HTMLFormElement>('form[role="search"]')) {
    const q = other.querySelector<HTMLInputElement>('input[name="q"]');
    if (other === form || !q) continue;
    otherBoxes.push(q);
    other.addEventListener('submit', (e) => {
      e.preventDefault();
      input.value = q.value;
      commit();
    });
    const mirror = (e: Event) => {
      input.value = q.value;
      typed(e);
    };
    q.addEventListener('input', mirror);
    q.addEventListener('compositionend', mirror);
  }
  for (const b of boxes) b.addEventListener('change', () => commit());
  root.querySelector('[data-clear-filters]')?.addEventListener('click', () => {
    for (const b of boxes) b.checked = false;
    commit();
  });
  moreButton.addEventListener('click', async () => {
    if (!session) return;
    const gen = generation;
    const before = list.children.length;
    const o = await session.more();
    if (gen !== generation) return;
    await render(o, gen, true);
    // Move to the first new result so keyboard users continue where the list grew.
    list.children[before]?.querySelector<HTMLAnchorElement>('a')?.focus();
  });
  window.addEventListener('popstate', () => {
    clearTimeout(typingTimer);
    typingEntry = false;
    const state = readUrl();
    showState(state);
    void run(state);
  });

  const readUrl = (): SearchState => parseState(location.search);
  const initial = readUrl();
  showState(initial);
  await run(initial);
}

