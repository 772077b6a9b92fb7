/**
 * One rule for every long list a page writes whole where a list page exists (the search page's filter choices, its
 * departments for readers without JavaScript, the documents and issuing authorities of its no-result help; the
 * open-data page's table downloads; a notice page's 「被以下文件引用」): a province has over a thousand departments and documents, and each one written
 * makes the page heavier (the search page's first query waits for it to be parsed) for a list nobody reads whole.
 * A longer list is written with its first SHORT_LIST_SHOWN entries and says how many more there are; what follows it
 * (「显示全部 N 个部门」, a link to all) is the caller's.
 */

/** A list with more entries than this is shortened (one with a couple more is not worth a 「显示全部」). */
export const SHORT_LIST_ABOVE = 12;
/** The entries a shortened list keeps. */
export const SHORT_LIST_SHOWN = 10;

export function shortList<T>(list: readonly T[]): { shown: readonly T[]; more: number } {
  if (list.length <= SHORT_LIST_ABOVE) return { shown: list, more: 0 };
  return { shown: list.slice(0, SHORT_LIST_SHOWN), more: list.length - SHORT_LIST_SHOWN };
}
