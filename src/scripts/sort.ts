/**
 * Sorting the rows of a browse table by one column (the /items/ page, with JavaScript).
 * Values are compared the way a Chinese reader expects (pinyin order, numbers by value).
 */
export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** The order of rows (their indices) when sorted by `values[i]`; ties keep their current order. */
export function sortOrder(values: readonly string[], direction: SortDirection): number[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => sign * collator.compare(a.v, b.v) || a.i - b.i)
    .map((x) => x.i);
}

/** Clicking a column: a new column sorts ascending, the same column flips direction. */
export function nextDirection(current: SortDirection | null): SortDirection {
  return current === 'ascending' ? 'descending' : 'ascending';
}
