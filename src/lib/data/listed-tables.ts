/**
 * The attachment tables whose downloads the open-data page (/data/) lists. Every table's CSV and XLSX are also on
 * its own attachment page, so a province's thousands of tables are not all written there: when more notices have
 * tables than a short list holds (../short-list.ts), the page lists the tables of the newest notices (by 成文日期)
 * and says how many notices it leaves out.
 */
import { groupBy } from '../browse.ts';
import { SHORT_LIST_ABOVE, shortList } from '../short-list.ts';

export function listedTables<T>(tables: readonly T[], noticeOf: (t: T) => string, signedDate: (notice: string) => string): { tables: T[]; notices: number; more: number } {
  const byNotice = groupBy(tables, noticeOf);
  const ids = [...byNotice.keys()];
  const { shown, more } = shortList(ids.length > SHORT_LIST_ABOVE ? ids.sort((a, b) => signedDate(b).localeCompare(signedDate(a))) : ids);
  return { tables: shown.flatMap((id) => byNotice.get(id)!), notices: shown.length, more };
}
