/**
 * What the search page adds to a result list so that it answers the question: the status line of each item result
 * (the line its page leads with, from pagefind/status.json for the newest notices, /search/status/{notice}.json for
 * the others), “也搜索了：…” when the query was also run in the documents' words, and, for a query of several words
 * with no page containing them all, the results of each word. Built from DOM text nodes only.
 */
import { emptyFilters, stateToSearch } from '../lib/search/state.ts';
import { SEARCH_TEXT } from '../lib/search/text.ts';
import { NEWEST_STATUS_FILE, parseNewestStatus, parseStatusFile, statusFile, type StatusFile } from '../lib/search/status-lines.ts';
import { itemOfUrl } from '../domain/urls.ts';
import { parseItemId } from '../domain/ids.ts';
import { VALIDITY_FIELDS } from '../domain/glossary.ts';
import { searchedWords, type SynonymUse } from '../lib/search/synonyms.ts';
import type { Hit } from '../lib/search/types.ts';
import { el } from './search-render.ts';

const searchHref = (q: string) => `${location.pathname}${stateToSearch({ q, filters: emptyFilters() })}`;

const EMPTY: StatusFile = { items: {} };

/**
 * Status files, each fetched once per visit: the newest notices' file (pagefind/status.json) when a search starts,
 * then a notice's own file only for a notice that one does not hold (an older tier's).
 */
export class StatusLines {
  private readonly files = new Map<string, Promise<StatusFile>>();
  private newestFile: Promise<Record<string, StatusFile>> | undefined;
  private readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  private get(file: string, init?: RequestInit): Promise<unknown> {
    return fetch(`${this.base}${file}`, init).then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))));
  }

  /**
   * The newest notices' lines, fetched once per visit. Revalidated, like pagefind/tiers.json: the server lets the
   * browser keep /pagefind/ files for an hour, and a line must not outlive a new deployment.
   */
  private newest(): Promise<Record<string, StatusFile>> {
    return (this.newestFile ??= this.get(NEWEST_STATUS_FILE, { cache: 'no-cache' })
      .then((j) => parseNewestStatus(j).notices)
      .catch(() => ({})));
  }

  /** A search is starting: fetch the newest notices' lines now, beside Pagefind's own start. */
  start(): void {
    void this.newest();
  }

  private file(notice: string): Promise<StatusFile> {
    let f = this.files.get(notice);
    if (!f) {
      f = this.newest().then(
        (newest) =>
          newest[notice] ??
          this.get(statusFile(notice))
            .then((j) => parseStatusFile(j))
            .catch(() => EMPTY),
      );
      this.files.set(notice, f);
    }
    return f;
  }

  private noticeOf(url: string): string | undefined {
    return itemOfUrl(url, this.base)?.notice;
  }

  /** Start fetching the file of an item result's notice: the engine names each result as soon as it has it. */
  prefetch(url: string): void {
    const notice = this.noticeOf(url);
    if (notice) void this.file(notice);
  }

  /**
   * Wait, at most `ms`, for the files of these results that are on their way (the newest notices' file since the
   * search started, a notice's own since the engine found its result): they have mostly arrived when the list is
   * ready, and then each line comes with its result, in the same change of the page, instead of after the list has
   * been laid out and painted. A notice's own file not asked for yet is not waited for (nor fetched here).
   */
  async arrived(hits: readonly Hit[], ms: number): Promise<void> {
    const notices = [...new Set(hits.flatMap((h) => this.noticeOf(h.url) ?? []))];
    const coming = notices.flatMap((n) => this.files.get(n) ?? this.newestFile ?? []);
    if (coming.length === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.all(coming), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }

  /**
   * Fill the status line of each item result in `list` that has a placeholder (rendered with the hit, its height
   * kept, so nothing moves when it fills); a line the file lacks is removed.
   */
  async fill(list: HTMLElement): Promise<void> {
    const slots = [...list.querySelectorAll<HTMLElement>('[data-hit-status]:empty')];
    await Promise.all(
      slots.map(async (slot) => {
        const id = slot.dataset.hitStatus ?? '';
        const notice = parseItemId(id)?.notice;
        const file = notice ? await this.file(notice) : undefined;
        const s = file?.items[id];
        if (!s) return slot.remove();
        slot.append(el('strong', 'search-hit-status-what', s.what), ` · ${s.since} · ${s.source}`);
        if (file?.lapsed) slot.append(' · ', el('strong', 'search-hit-lapsed', `${VALIDITY_FIELDS.status}：${file.lapsed}`));
      }),
    );
  }
}

/** The empty status slot an item result carries (see StatusLines.fill). */
export function statusSlot(hit: Hit, base: string): HTMLElement | undefined {
  const id = hit.kind === 'item' ? itemOfUrl(hit.url, base)?.id : undefined;
  if (!id) return undefined;
  const p = el('p', 'search-hit-status');
  p.dataset.hitStatus = id;
  return p;
}

/** “也搜索了：成品油（「加油站」→「成品油」，文件中的说法）”, each word a link to its own search; hidden when unused. */
export function renderAlso(also: HTMLElement, used: readonly SynonymUse[]): void {
  also.replaceChildren();
  also.hidden = used.length === 0;
  if (used.length === 0) return;
  also.append(SEARCH_TEXT.alsoSearched);
  searchedWords(used).forEach((w, i) => {
    if (i > 0) also.append('、');
    const a = el('a', undefined, w);
    a.href = searchHref(w);
    also.append(a);
  });
  also.append(`（${used.map((u) => SEARCH_TEXT.synonymWhy(u.word, u.search)).join('；')}）`);
}

export interface WordResults {
  word: string;
  total: number;
  hits: Hit[];
}

/** The results of each word of a query that found nothing as a whole: a section per word that finds something. */
export function renderPerWord(box: HTMLElement, words: readonly WordResults[], renderHit: (h: Hit) => HTMLLIElement): void {
  box.replaceChildren();
  const found = words.filter((w) => w.total > 0);
  box.hidden = found.length === 0;
  if (found.length === 0) return;
  box.append(el('p', 'search-per-word-intro', SEARCH_TEXT.perWordIntro));
  for (const w of found) {
    const section = el('section', 'search-per-word-section');
    const h = el('h4', undefined, SEARCH_TEXT.perWordHeading(w.word, w.total));
    const ol = el('ol', 'search-hits');
    for (const hit of w.hits) ol.append(renderHit(hit));
    const more = el('p', 'search-per-word-all');
    const a = el('a', undefined, SEARCH_TEXT.perWordAll(w.word, w.total));
    a.href = searchHref(w.word);
    more.append(a);
    section.append(h, ol, more);
    box.append(section);
  }
}
