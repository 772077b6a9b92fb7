/**
 * Reading what Pagefind stored for a page (its "fragment"): the indexed text, and the sections under the headings
 * that carry an id (Pagefind's anchors), so a match inside 济南 task 1 can point at #task-1.
 */

/** The parts of a Pagefind fragment this site reads. */
export interface PagefindFragment {
  url: string;
  /** The indexed text, zero-width spaces removed. */
  content: string;
  /** The indexed text with a zero-width space between words (CJK pages), < and > escaped. */
  raw_content?: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  anchors?: PagefindAnchor[];
}

export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  /** Index of the word where the anchor begins. */
  location: number;
}

export interface Section {
  /** The heading's text (null for the part before the first heading). */
  title: string | null;
  /** The heading's id (null for the part before the first heading). */
  id: string | null;
  text: string;
}

const ZWS = '\u200b';
/** The sentence stop Pagefind puts between two blocks whose first does not end in punctuation. */
const BLOCK_STOP = /^\.\s*$/;

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The words of a fragment, as Pagefind numbers them (word locations index this array). */
export function fragmentWords(fragment: PagefindFragment): string[] {
  const raw = fragment.raw_content;
  if (raw === undefined) return fragment.content.split(/\s+/);
  // Unescaped once, before the split (&lt; and &gt; hold neither a zero-width space nor white space), not per word.
  const text = unescape(raw);
  return raw.includes(ZWS) ? text.split(ZWS) : text.split(/[^\S\ufeff]+/);
}

/** Join words back into text, the ". " Pagefind inserts between blocks read as a space (a boundary, not a stop). */
function joinWords(words: readonly string[], zws: boolean): string {
  const kept = words.map((w) => (BLOCK_STOP.test(w) ? ' ' : w));
  return zws ? kept.join('') : kept.join(' ');
}

function isZws(fragment: PagefindFragment): boolean {
  return fragment.raw_content?.includes(ZWS) ?? false;
}

/** The page's indexed text, as one string (the block stops Pagefind added read as spaces). */
export function fragmentText(fragment: PagefindFragment): string {
  return joinWords(fragmentWords(fragment), isZws(fragment));
}

/** The sections of a page: the text before the first anchored heading, then one per anchored heading. */
export function fragmentSections(fragment: PagefindFragment): Section[] {
  const words = fragmentWords(fragment);
  const zws = isZws(fragment);
  const anchors = (fragment.anchors ?? [])
    .filter((a) => /^h[1-6]$/i.test(a.element) && a.id && (a.text ?? '').trim().length > 0)
    .sort((a, b) => a.location - b.location);
  const sections: Section[] = [];
  let start = 0;
  let current: { title: string | null; id: string | null } = { title: null, id: null };
  for (const a of anchors) {
    sections.push({ ...current, text: joinWords(words.slice(start, a.location), zws).trim() });
    start = a.location;
    current = { title: (a.text ?? '').trim(), id: a.id };
  }
  sections.push({ ...current, text: joinWords(words.slice(start), zws).trim() });
  return sections.filter((s) => s.id !== null || s.text.length > 0);
}

/** Pagefind's stored files start with this signature once gunzipped. */
const STORED_SIGNATURE = 'pagefind_dcd';

/**
 * The fragments in the bytes of one stored .pf_fragment file, gunzipped (one page, or a group of pages keyed by
 * hash); an error when they are not JSON.
 */
export function parseStoredFragments(bytes: Uint8Array): PagefindFragment[] {
  const signed = new TextDecoder().decode(bytes.subarray(0, STORED_SIGNATURE.length)) === STORED_SIGNATURE;
  const json = JSON.parse(new TextDecoder().decode(signed ? bytes.subarray(STORED_SIGNATURE.length) : bytes)) as PagefindFragment | Record<string, PagefindFragment>;
  if (typeof (json as PagefindFragment).url === 'string') return [json as PagefindFragment];
  return Object.values(json as Record<string, PagefindFragment>);
}

/** A stored fragment's URL (from the site's root) as the page sees it, under the site's `base` (Pagefind's baseUrl). */
function servedUrl(url: string, base: string): string {
  return /^(https?:)?\/\//.test(url) ? url : `${base}/${url}`.replace(/\/+/g, '/');
}

/** A stored fragment as Pagefind's data() hands it to a page of the site under `base` (asLoaded, its URL served). */
export function servedFragment(stored: PagefindFragment, base: string): PagefindFragment {
  return { ...asLoaded(stored), url: servedUrl(stored.url, base) };
}

/**
 * A fragment as stored in Pagefind's files, made what Pagefind's loadFragment hands the page: `raw_content` is the
 * stored content with < and > escaped (its zero-width spaces kept), `content` without the zero-width spaces. The
 * build's literal index (./literal-build.ts) reads the text the page's literal check reads.
 */
export function asLoaded(stored: PagefindFragment): PagefindFragment {
  if (stored.raw_content !== undefined) return stored;
  return { ...stored, raw_content: stored.content.replace(/</g, '&lt;').replace(/>/g, '&gt;'), content: stored.content.replace(/\u200b/g, '') };
}
