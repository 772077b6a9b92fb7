/**
 * Excerpts with the matched words marked. The result is a list of plain-text segments (some marked), which the page
 * turns into text nodes and <mark> elements: nothing from the index is ever parsed as HTML.
 */
import { normaliseWithMap, type Normalised } from './normalize.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

/** Where the terms occur in `text`, as [start, end) UTF-16 ranges of the original text, sorted and merged. */
export function matchRanges(text: string, terms: readonly string[], n: Normalised = normaliseWithMap(text)): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    let at = n.text.indexOf(term);
    while (at !== -1) {
      const first = n.origin[at] ?? 0;
      const lastStart = n.origin[at + term.length - 1] ?? first;
      const lastLength = (text.codePointAt(lastStart) ?? 0) > 0xffff ? 2 : 1;
      ranges.push([first, lastStart + lastLength]);
      at = n.text.indexOf(term, at + 1);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Split `text` into segments, marking the given ranges. */
export function segments(text: string, ranges: readonly (readonly [number, number])[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    const start = Math.max(s, pos);
    const end = Math.min(e, text.length);
    if (end <= start) continue;
    if (start > pos) out.push({ text: text.slice(pos, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    pos = end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), mark: false });
  return out;
}

/** The whole of `text` with every occurrence of the terms marked. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  return segments(text, matchRanges(text, terms));
}

export const ELLIPSIS = '…';

/** Where a window may open: after white space (between a label and its value, or two blocks) or a sentence's end. */
const OPENING_AFTER = /[\s。；！？]/u;
/** How far before its planned start a window looks for such a place (characters). */
const OPENING_REACH = 10;

/**
 * The window's start moved to the nearest place it may open, up to OPENING_REACH characters back or forward but not
 * past the match (「…调整方式 取消」, not 「…方式 取消」); unmoved in a long run of text with no such place.
 */
function openingAt(text: string, start: number, match: number): number {
  const opens = (i: number) => i > 0 && OPENING_AFTER.test(text[i - 1] ?? '');
  for (let d = 0; d <= OPENING_REACH; d++) {
    if (opens(start - d)) return start - d;
    if (start + d <= match && opens(start + d)) return start + d;
  }
  return start;
}

export interface ExcerptOptions {
  /** Characters of text to show (default 80). */
  length?: number;
  /** Prefer a match at or after this index (e.g. past the page title, which the result shows already). */
  preferFrom?: number;
}

/**
 * A window of `text` around the first match (preferring one at or after `preferFrom`), opening at a word's start
 * where one is near (openingAt), with the matches in it marked, white space runs shown as one space, and … where
 * text was cut. Without a match: the beginning of the text after `preferFrom`. `normalised` may be passed when the
 * caller has it already (normaliseWithMap(text)).
 */
export function excerpt(text: string, terms: readonly string[], options: ExcerptOptions = {}, normalised?: Normalised): Segment[] {
  const length = options.length ?? 80;
  const preferFrom = Math.min(options.preferFrom ?? 0, text.length);
  const ranges = matchRanges(text, terms, normalised ?? normaliseWithMap(text));
  const anchor = ranges.find((r) => r[0] >= preferFrom) ?? ranges[0];
  let start = anchor ? openingAt(text, Math.max(0, anchor[0] - Math.floor(length / 4)), anchor[0]) : preferFrom;
  // Skip white space at the window's start.
  while (start < text.length && /\s/.test(text[start] ?? '')) start += 1;
  let end = Math.min(text.length, start + length);
  if (anchor) start = Math.max(0, Math.min(start, end - length));
  // Do not cut a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start] ?? '')) start -= 1;
  if (end < text.length && /[\udc00-\udfff]/.test(text[end] ?? '')) end += 1;
  const shifted = ranges
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start] as [number, number]);
  const out = segments(text.slice(start, end), shifted).map((seg) => ({ ...seg, text: seg.text.replace(/\s+/g, ' ') }));
  if (start > 0) out.unshift({ text: ELLIPSIS, mark: false });
  if (end < text.length) out.push({ text: ELLIPSIS, mark: false });
  return out;
}

/** Plain text of segments (for tests and for aria labels). */
export function segmentsText(segs: readonly Segment[]): string {
  return segs.map((s) => s.text).join('');
}
