/**
 * The Chinese patterns of the domain, each written once: 发文字号, the URL slug, dates (ISO and as printed),
 * and the count a table title declares. Schemas, the importer, validation and search all import from here.
 */
import { asciiDigits, parseChineseNumber, CN_DIGITS } from './numerals.ts';

// ── 发文字号 ────────────────────────────────────────────────────────────────────────────────────────────

/** The year-and-serial tail every 发文字号 ends with: 〔2021〕2号. */
const DOC_NUMBER_TAIL = '〔\\d{4}〕\\d+号';

/** A 发文字号 in its standard form, e.g. 嘉政发〔2021〕2号 (the whole string). */
export function isDocNumber(s: string): boolean {
  return new RegExp(`${DOC_NUMBER_TAIL}$`).test(s);
}

/** 发文字号 standing in running text (2–8 Han characters of issuer code, then the tail). */
export const DOC_NUMBER_IN_TEXT = new RegExp(`(?<!\\p{Script=Han})\\p{Script=Han}{2,8}${DOC_NUMBER_TAIL.replace('\\d+', '\\d{1,4}')}`, 'gu');

/** 《title》（docNumber）: a cited document in running text. */
export const CITATION_IN_TEXT = new RegExp(`《([^《》]+)》[（(]([^（）()]*?${DOC_NUMBER_TAIL})[）)]`, 'g');

const DOC_NUMBER_LENIENT = /^(\S+?)\s*([〔［[【(（])\s*(\d{4})\s*([〕］\]】)）])\s*(\d+)\s*号$/;

/**
 * 嘉政发〔2021〕2号, also when typed with [] 【】 （） brackets, full-width digits or spaces; undefined when the
 * line is not a 发文字号. `normalised` says the standard form differs from what was typed.
 */
export function parseDocNumber(line: string): { value: string; normalised: boolean } | undefined {
  const typed = line.trim();
  const m = DOC_NUMBER_LENIENT.exec(asciiDigits(typed));
  if (!m || /[，。：；]/.test(m[1]!)) return undefined;
  const value = `${m[1]}〔${m[3]}〕${m[5]}号`;
  return { value, normalised: value !== typed };
}

/** 嘉政发〔2021〕2号 → { year: 2021, serial: 2 } */
export function docNumberParts(docNumber: string): { year: number; serial: number } | undefined {
  const m = new RegExp(`〔(\\d{4})〕(\\d+)号$`).exec(docNumber);
  return m ? { year: Number(m[1]), serial: Number(m[2]) } : undefined;
}

// ── Slugs (the public URL of a notice) ────────────────────────────────────────────────────────────────

/** Lower-case ASCII words joined by hyphens: jiaxiang-2021-2. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(s: string): boolean {
  return SLUG.test(s);
}

/** A slug made of any text (a file name): NFKC, lower case, runs of other characters become one hyphen. */
export function slugify(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ── Dates ─────────────────────────────────────────────────────────────────────────────────────────────

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoOf(y: number, mo: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True when `iso` (YYYY-MM-DD) names a day that exists on the calendar. */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return !!m && isoOf(Number(m[1]), Number(m[2]), Number(m[3])) === iso;
}

/** A printed date: 2021年2月20日 or 二〇二一年二月二十日 (spaces allowed between its parts). */
const CN_DATE_SOURCE = '(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|[〇○Ｏ零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)';
export const CHINESE_DATE_IN_LINE = new RegExp(CN_DATE_SOURCE);

/** 2021年2月20日 or 二〇二一年二月二十日 → 2021-02-20; undefined when the line is not exactly a real date. */
export function parseChineseDate(line: string): string | undefined {
  const s = asciiDigits(line.trim()).replace(/\s+/g, '');
  const arabic = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (arabic) return isoOf(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
  const cn = /^([〇○Ｏ零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/.exec(s);
  if (!cn) return undefined;
  const y = Number([...cn[1]!].map((c) => CN_DIGITS[c]).join(''));
  const mo = parseChineseNumber(cn[2]!);
  const d = parseChineseNumber(cn[3]!);
  return mo === undefined || d === undefined ? undefined : isoOf(y, mo, d);
}

/** 2021-02-20 → 2021年2月20日, the way a Chinese document prints its date. */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

// ── Counts in titles ──────────────────────────────────────────────────────────────────────────────────

/** The count a table title declares at its end: （18项）, （共29项）, （共计152项）, (共 4 项); full-width digits allowed. */
const COUNT_AT_END = /[（(]\s*(共计?)?\s*(\d+)\s*项\s*[）)]$/;

/** 取消行政权力事项（18项） → 18; 国务院决定取消的行政许可事项目录（共29项） → 29; no count → undefined. */
export function declaredCountInTitle(title: string): number | undefined {
  const m = COUNT_AT_END.exec(asciiDigits(title.trim()));
  return m ? Number(m[2]) : undefined;
}

/** The title without its count: 国务院决定取消的行政许可事项目录（共29项） → 国务院决定取消的行政许可事项目录 */
export function titleWithoutCount(title: string): string {
  return asciiDigits(title.trim()).replace(COUNT_AT_END, '').trim();
}

// ── Cited documents ───────────────────────────────────────────────────────────────────────────────────

/** 《title》 in running text: a law, a regulation or a document cited by its title (with or without its 发文字号). */
export const TITLE_IN_TEXT = /《([^《》]+)》/g;

/**
 * Words that stand right before a 发文字号 in running text (根据国发〔2020〕13号, 见嘉政发〔2021〕2号) and that
 * DOC_NUMBER_IN_TEXT, which cannot know where an issuer code starts, takes in.
 */
const DOC_NUMBER_LEAD_WORDS = /^(?:根据|依据|依照|按照|参照|详见|参见|见|和|及|与|或|经|据)/;

/**
 * A 发文字号 found by DOC_NUMBER_IN_TEXT, without the words before it: a known 发文字号 it ends with when there is
 * one (嘉政发〔2021〕2号 in 见嘉政发〔2021〕2号), else the match without leading words such as 根据, 见, 和, as long
 * as two characters of issuer code remain.
 */
export function docNumberInText(match: string, known: Iterable<string> = []): string {
  let best: string | undefined;
  for (const k of known) if (match.endsWith(k) && (!best || k.length > best.length)) best = k;
  if (best) return best;
  const trimmed = match.replace(DOC_NUMBER_LEAD_WORDS, '');
  return /^\p{Script=Han}{2,}〔/u.test(trimmed) ? trimmed : match;
}
