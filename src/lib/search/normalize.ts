/**
 * One normalisation for what a citizen types and for the text the site indexes, so that "the page contains the
 * query" means the same thing on both sides (the search page's literal check, and the relevance suite's ground truth).
 *
 * Per character:
 * - NFKC: full-width Latin letters, digits and ASCII punctuation become half-width (（ → (, ２０２０ → 2020, ， → ,);
 * - lower case;
 * - every kind of bracket a citizen may type around a year becomes "(" or ")":
 *   〔〕 （） () [] ［］ 【】 〖〗 ﹝﹞ … so 国发[2020]13号 and 国发（2020）13号 find 国发〔2020〕13号;
 * - quotation marks and book-title marks (“” ‘’ 「」 《》 〈〉 " ' …) all become one mark, ", so a query typed with
 *   other quotes than the text's still matches; a query's own outer quotes are dropped (see queryTerms), so
 *   “双随机、一公开” and 《山东省测绘管理条例》 find the phrase whether or not the citizen types the marks;
 * - dropped: white space of every kind (Chinese is written without spaces, so a line break or a space inside a
 *   word is layout, not text) and zero-width characters.
 *
 * The mapping keeps, for every normalised character, the index of the character it came from, so matches found in
 * the normalised text can be highlighted in the original.
 */

const OPENING = new Set([...'([{〔【〖〘〚﹝⦅｟']);
const CLOSING = new Set([...')]}〕】〗〙〛﹞⦆｠']);
/** Quotation marks and book-title marks (after NFKC). */
const QUOTES = new Set([...'"\'“”‘’„‟‹›«»「」『』《》〈〉〝〞〟﹁﹂﹃﹄']);
export const QUOTE = '"';
const SPACE = /[\s\u200b\u200c\u200d\u2060\ufeff]/u;

export interface Normalised {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 index of `text`, the UTF-16 index in the original where its character begins. */
  origin: number[];
}

function mapChar(ch: string): string {
  if (OPENING.has(ch)) return '(';
  if (CLOSING.has(ch)) return ')';
  if (QUOTES.has(ch)) return QUOTE;
  if (SPACE.test(ch)) return '';
  return ch;
}

/** CJK unified ideographs are their own NFKC form: the common case skips the Unicode tables. */
const PLAIN_HAN = /^[\u4e00-\u9fff]$/u;

function fold(cp: string): string {
  if (PLAIN_HAN.test(cp)) return cp;
  let out = '';
  for (const ch of cp.normalize('NFKC').toLowerCase()) out += mapChar(ch);
  return out;
}

/** Normalise `s`, keeping the origin of every output character. */
export function normaliseWithMap(s: string): Normalised {
  let text = '';
  const origin: number[] = [];
  let i = 0;
  for (const cp of s) {
    // Plain CJK ideographs (most of the text) are their own normal form.
    const c = cp.charCodeAt(0);
    const out = c >= 0x4e00 && c <= 0x9fff ? cp : fold(cp);
    for (let k = 0; k < out.length; k++) origin.push(i);
    text += out;
    i += cp.length;
  }
  return { text, origin };
}

/** Runs of anything but plain CJK ideographs (which are their own normal form). */
const NOT_PLAIN_HAN = /[^\u4e00-\u9fff]+/gu;

/** The normalised text only. */
export function normaliseText(s: string): string {
  return s.replace(NOT_PLAIN_HAN, (run) => {
    let text = '';
    for (const cp of run) text += fold(cp);
    return text;
  });
}

/** Anything that separates the words of a query: white space of every kind (the ideographic space too). */
const TERM_SEPARATOR = /[\s\u3000]+/u;

/**
 * The terms of a query: what a citizen typed, split at white space, each normalised and stripped of outer quotation
 * marks; empty and duplicate terms dropped, and a term contained in another term dropped (it adds nothing to an AND
 * of literal terms).
 */
export function queryTerms(query: string): string[] {
  const stripped = query
    .split(TERM_SEPARATOR)
    .map((t) => normaliseText(t).replace(/^"+|"+$/g, ''))
    .filter((t) => t.length > 0);
  const terms = [...new Set(stripped)];
  return terms.filter((t) => !terms.some((other) => other !== t && other.includes(t)));
}

/** Letters (any script, Han included) and decimal digits: the characters Pagefind indexes as words. */
const WORD_CHAR = /[\p{L}\p{M}\p{Nd}]/u;

export interface PagefindQuery {
  /** What to hand to Pagefind ("" when no piece can be looked up reliably). */
  query: string;
  /** Pieces left out because Pagefind cannot be relied on to find them. */
  dropped: string[];
}

/**
 * The string handed to Pagefind for a set of literal terms. Every character Pagefind does not index becomes a
 * space, so 国发(2020)13号 is looked up as 国发 2020 13号 (Pagefind itself would glue 国发202013号 together and
 * find nothing). Pagefind then matches the pieces anywhere in a page; the literal check narrows that down.
 *
 * A lone character between punctuation (造 in 伪造、涂改 → query 造、) is left out when other pieces remain:
 * Pagefind matches the start of indexed words, and 造 ends the word 伪造, so asking for it would lose the page.
 * Leaving a piece out only widens the candidates; the literal check still requires it.
 */
export function pagefindQuery(terms: readonly string[]): PagefindQuery {
  const pieces = terms.flatMap((t) =>
    [...t]
      .map((ch) => (WORD_CHAR.test(ch) ? ch : ' '))
      .join('')
      // Digits, Latin letters and Han characters are separate words to Pagefind (2020年 is 2020 + 年), and
      // normalisation may have made digits of what Pagefind did not index (① → 1).
      .replace(/(\p{Nd})(?=[^\p{Nd}\s])|([^\p{Nd}\s])(?=\p{Nd})/gu, '$1$2 ')
      .replace(/(\p{Script=Han})(?=[^\p{Script=Han}\s\p{Nd}])|([^\p{Script=Han}\s\p{Nd}])(?=\p{Script=Han})/gu, '$1$2 ')
      .split(' ')
      .filter((p) => p.length > 0),
  );
  const lone = (p: string) => [...p].length === 1;
  const kept = pieces.filter((p) => !lone(p));
  if (kept.length === 0) return { query: '', dropped: pieces };
  return { query: lookupWords(kept).join(' '), dropped: pieces.filter(lone) };
}

/**
 * The word segmenter Pagefind applies to a Chinese query in the browser (it may be missing in old engines). Made on
 * first use, not when the module loads: the first Chinese word segmenter of a browser process costs 50–100 ms of
 * main thread (its dictionary), which a page that never searches should not pay (see src/scripts/warm-segmenter.ts).
 */
let wordSegmenter: Intl.Segmenter | null | undefined;
const segmenter = () => (wordSegmenter ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : null);

/**
 * At most this many words are looked up: each one costs an index chunk of about 20 KB on the first query, and each
 * one narrows the candidates (乡村兽医诊所: 诊所 is in no page, so none is a candidate and "no results" is certain).
 */
export const MAX_LOOKUP_WORDS = 3;

const NUMBER = /^\p{Nd}+$/u;
const HAN = /^\p{Script=Han}$/u;

/**
 * The words of the pieces that Pagefind is asked for. Pagefind splits each piece again into words (生猪屠宰 →
 * 生|猪|屠宰), loads one index chunk per word and keeps the pages that have a word starting with each. Asking for
 * fewer words only widens the candidates (the literal check narrows them again), so:
 * - a one-character word that ends its piece is left out (当 in 典当: in a page it may stand before punctuation, where
 *   no indexed word starts with it, so asking for it could lose the page; 典 is followed by 当 and reachable);
 * - words of two or more characters are preferred: a one-character word is asked for only when there is no longer
 *   one (典当 → 典; 生猪屠宰 → 屠宰, not 生 as well: one index chunk instead of two);
 * - of those, the longest `max` are kept (ties: the earlier), in the query's order. Every longer word up to `max`,
 *   not just one: Pagefind then reports where they matched, and the pages where they sit side by side (the literal
 *   matches) are checked first (engine.ts, splitAdjacent);
 * - when every longer word is a number, one character is asked for as well: numbers alone hardly narrow anything
 *   (济高管综字〔2021〕40号 → 2021 40: 42 candidates at 10,000 items, the notice 42nd; with 综 4, the notice first).
 *   The character is the one-character word nearest before the first number that does not end its piece (综, as 字
 *   ends 济高管综字; 国 in 国发〔2020〕13号), so it is reachable like 典 in 典当.
 * Without a segmenter the pieces are handed over as they are.
 */
export function lookupWords(pieces: readonly string[], max = MAX_LOOKUP_WORDS): string[] {
  const seg = segmenter();
  if (!seg) return [...pieces];
  const words: { word: string; at: number }[] = [];
  for (const piece of pieces) {
    const segments = [...seg.segment(piece)].map((s) => s.segment).filter((s) => s.trim().length > 0);
    segments.forEach((word, k) => {
      if ([...word].length > 1 || k < segments.length - 1) words.push({ word, at: words.length });
    });
  }
  const long = words.filter((w) => [...w.word].length > 1);
  // long is in the query's order: when it holds numbers only, long[0] is the first number.
  const letter =
    long.length > 0 && max > 1 && long.every((w) => NUMBER.test(w.word))
      ? words.filter((w) => w.at < long[0]!.at && HAN.test(w.word)).at(-1)
      : undefined;
  const kept = (long.length > 0 ? long : words.slice(0, 1))
    .sort((a, b) => [...b.word].length - [...a.word].length || a.at - b.at)
    .slice(0, letter ? max - 1 : max);
  return [...kept, ...(letter ? [letter] : [])].sort((a, b) => a.at - b.at).map((w) => w.word);
}

/** Has the query anything Pagefind could look up at all? */
export function hasWords(terms: readonly string[]): boolean {
  return terms.some((t) => [...t].some((ch) => WORD_CHAR.test(ch)));
}

/** True when every term occurs in the (already normalised) text. */
export function containsAll(normalisedText: string, terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((t) => normalisedText.includes(t));
}

/** The bracket pairs a citizen may type around the year of a 发文字号. */
export const BRACKET_PAIRS: readonly (readonly [string, string])[] = [
  ['〔', '〕'],
  ['[', ']'],
  ['(', ')'],
  ['（', '）'],
  ['【', '】'],
  ['［', '］'],
];

const DOC_NUMBER = /^(.*?)[〔[(（【［〖﹝](\d{4})[〕\])）】］〗﹞](.*)$/u;

/**
 * The ways a citizen types a 发文字号: 国发〔2020〕13号 → 国发[2020]13号, 国发(2020)13号, 国发（2020）13号 … .
 * A string that is not a document number comes back alone.
 */
export function bracketVariants(docNumber: string): string[] {
  const m = DOC_NUMBER.exec(docNumber);
  if (!m) return [docNumber];
  const [, head, year, tail] = m;
  return BRACKET_PAIRS.map(([open, close]) => `${head}${open}${year}${close}${tail}`);
}
