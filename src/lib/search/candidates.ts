/**
 * Candidate checking: Pagefind's results are candidates; a candidate is a result only if its indexed text (its
 * fragment, normalised by ./normalize.ts) contains every term of the query literally. Fragments are fetched once
 * per page and prepared once (normalised text, sections), whatever the number of queries that check them.
 */
import { containsAll, normaliseText, normaliseWithMap, type Normalised } from './normalize.ts';
import { excerpt } from './excerpt.ts';
import { fragmentSections, fragmentText, type PagefindFragment, type Section } from './fragment.ts';
import { pageKind } from '../../domain/urls.ts';
import { timed, timedSync } from './marks.ts';
import type { Hit, PagefindResult, SubHit } from './types.ts';

/** What the literal check needs of a page, computed once per page. */
export interface PreparedPage {
  fragment: PagefindFragment;
  text: string;
  /** The normalised text, with the origin of each character (for highlighting). */
  map: Normalised;
  normalised: string;
  title: string;
  normalisedTitle: string;
  /** Where the text past the title begins (the excerpt prefers a match there: the result shows the title). */
  afterTitle: number;
  /** The page's sections, read on first use: only a notice's results point at them. */
  sections(): (Section & { normalised: string })[];
}

export function preparePage(fragment: PagefindFragment): PreparedPage {
  const text = fragmentText(fragment);
  const title = (fragment.meta.title ?? '').trim() || fragment.url;
  const lead = text.trimStart();
  const map = normaliseWithMap(text);
  let sections: (Section & { normalised: string })[] | undefined;
  return {
    fragment,
    text,
    map,
    normalised: map.text,
    title,
    normalisedTitle: normaliseText(title),
    afterTitle: lead.startsWith(title) ? text.length - lead.length + title.length : 0,
    sections: () => (sections ??= fragmentSections(fragment).map((sec) => ({ ...sec, normalised: normaliseText(sec.text) }))),
  };
}

/** Build a hit from a prepared page; null when the page does not contain every term. */
export function hitFromPage(id: string, score: number, page: PreparedPage, terms: readonly string[], base = '/'): Hit | null {
  if (terms.length > 0 && !containsAll(page.normalised, terms)) return null;
  const { fragment } = page;
  const kind = pageKind(fragment.url, base);
  const sections: SubHit[] = [];
  // Long documents (notices) point at the sections that contain the query: 济南's tasks, #task-N.
  if (terms.length > 0 && kind === 'notice') {
    for (const sec of page.sections()) {
      if (!sec.id || !sec.title || !containsAll(sec.normalised, terms)) continue;
      sections.push({
        title: sec.title,
        url: `${fragment.url.replace(/#.*$/, '')}#${sec.id}`,
        excerpt: excerpt(sec.text, terms, { preferFrom: sec.text.startsWith(sec.title) ? sec.title.length : 0, length: 60 }),
      });
    }
  }
  return {
    id,
    url: fragment.url,
    title: page.title,
    kind,
    meta: fragment.meta,
    filters: fragment.filters ?? {},
    excerpt: excerpt(page.text, terms, { preferFrom: page.afterTitle }, page.map),
    sections: sections.slice(0, 3),
    titleMatch: terms.length > 0 && containsAll(page.normalisedTitle, terms),
    score,
  };
}

/** Build a hit straight from a fragment (see hitFromPage). */
export function hitFromFragment(id: string, score: number, fragment: PagefindFragment, terms: readonly string[], base = '/'): Hit | null {
  return hitFromPage(id, score, preparePage(fragment), terms, base);
}

/** Fetches and prepares each page's fragment once; checks candidates against the terms. */
export class CandidateChecker {
  private readonly pages = new Map<string, Promise<PreparedPage>>();
  private readonly base: string;
  private readonly onHit: ((hit: Hit) => void) | undefined;
  private readonly load: (r: PagefindResult) => Promise<PagefindFragment>;

  /**
   * `onHit`: told each page that passes the check, as soon as it does (before the rest of its batch). `load`: how a
   * candidate's fragment is read (the Pagefind adapter's, ./pagefind.ts; by default the result's own data()).
   */
  constructor(base = '/', onHit?: (hit: Hit) => void, load: (r: PagefindResult) => Promise<PagefindFragment> = (r) => r.data()) {
    this.base = base;
    this.onHit = onHit;
    this.load = load;
  }

  private page(r: PagefindResult): Promise<PreparedPage> {
    let page = this.pages.get(r.id);
    if (!page) {
      page = this.load(r).then((f) => timedSync('prepare', () => preparePage(f)));
      page.catch(() => this.pages.delete(r.id));
      this.pages.set(r.id, page);
    }
    return page;
  }

  /** The hit for one candidate, or null when it does not contain every term. */
  async check(r: PagefindResult, terms: readonly string[]): Promise<Hit | null> {
    const page = await this.page(r);
    const hit = timedSync('literal-check', () => hitFromPage(r.id, r.score, page, terms, this.base));
    if (hit) this.onHit?.(hit);
    return hit;
  }

  /** Check candidates in parallel (their fragments load at once); the hits in the candidates' order. */
  async checkAll(candidates: readonly PagefindResult[], terms: readonly string[]): Promise<Hit[]> {
    const hits = await timed('fragments', () => Promise.all(candidates.map((r) => this.check(r, terms))));
    return hits.filter((h): h is Hit => h !== null);
  }
}

/** Some two matched words of the page sit next to each other. */
function hasAdjacentWords(r: PagefindResult): boolean {
  const w = [...(r.words ?? [])].sort((a, b) => a - b);
  for (let i = 1; i < w.length; i++) if (w[i]! - w[i - 1]! === 1) return true;
  return false;
}

/**
 * The candidates whose matched words sit side by side, and the others (each in Pagefind's order): on a large index
 * the first are checked first. A page that contains 食品经营 literally has 食品 and 经营 side by side; one that has
 * them apart does not. Only the order changes: every candidate is still checked before a count is called exact.
 */
export function splitAdjacent<T extends PagefindResult>(results: readonly T[]): { near: T[]; apart: T[] } {
  const near: T[] = [];
  const apart: T[] = [];
  for (const r of results) (hasAdjacentWords(r) ? near : apart).push(r);
  return { near, apart };
}

/**
 * How many candidates to check next: enough for the results still missing at the rate found so far (all of them at
 * first), at least 2 and at most `max`. A page that needs 2 more results fetches 2 or 3 fragments, not 10.
 */
export function batchSize(missing: number, checked: number, found: number, max: number): number {
  const rate = checked > 0 ? Math.max(found / checked, 0.2) : 1;
  return Math.min(max, Math.max(2, Math.ceil(missing / rate)));
}
