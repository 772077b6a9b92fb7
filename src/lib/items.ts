import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Change, ChangeGroup } from '../domain/glossary.ts';
import type { ItemRow } from '../schemas/item.ts';
import { itemId, tableId } from '../domain/ids.ts';

export interface TableFile {
  notice: string;
  number: number;
  change: Change;
  columns: { key: string; header: string }[];
  rows: ItemRow[];
}

/** Which way in a citizen takes to this item: 取消 / 取消后改为备案 / 上级取消后加强监管 / 上级承接后加强监管. */
export function changeGroupOf(change: Change, remark: string | null): ChangeGroup {
  if (change === 'cancelled') return remark?.includes('改为备案') ? 'cancelled-to-filing' : 'cancelled';
  if (change === 'cancelled-by-province' || change === 'cancelled-by-city') return 'cancelled-above';
  return 'taken-over-above';
}

/** Flatten tables into item entries (id = {notice}-a{n}-{seq:02}). */
export function flattenTables(tables: TableFile[]) {
  return tables.flatMap((t) =>
    t.rows.map((row) => ({
      ...row,
      id: itemId(t.notice, t.number, row.seq),
      notice: t.notice,
      table: tableId(t.notice, t.number),
      tableNumber: t.number,
      change: t.change,
      changeGroup: changeGroupOf(t.change, row.remark),
      departmentHeader: t.columns.find((c) => c.key === 'department')?.header ?? '实施部门',
    })),
  );
}

/** The items collection's loader: read content/tables/{slug}/{n}.json from disk. */
export function loadItemEntries(dir: string) {
  const tables: TableFile[] = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => JSON.parse(readFileSync(join(d.parentPath, d.name), 'utf8')) as TableFile)
    .sort((a, b) => a.notice.localeCompare(b.notice) || a.number - b.number);
  return flattenTables(tables);
}
