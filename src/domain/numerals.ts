/** Chinese and full-width numerals: （一）…（九）, 二〇二一, ２０２１. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The value of each Chinese digit, with the zeros documents print (〇 ○ Ｏ 零). */
export const CN_DIGITS: Record<string, number> = { '〇': 0, '○': 0, 'Ｏ': 0, '零': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 99 → 九十九 (the numbering of （一）…（九）). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseOrdinal: ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 一 → 1, 十 → 10, 十五 → 15, 二十一 → 21 (1–99); undefined for anything else. */
export function parseChineseNumber(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  if (!m[2]) return m[1] ? CN_DIGITS[m[1]] : undefined;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

/** Full-width digits (２０２１) as ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}
