/**
 * From tables to items: each row flattened with what its table says about it (notice, 附件N, kind of change,
 * 事项类型 stated by the title), and every printed cell in column order, so a page can show each under its
 * printed header. Pure: the `items` collection's loader calls it with the tables the content check has read.
 */
import { itemId, tableId } from '../domain/ids.ts';
import type { ColumnRole } from '../domain/glossary.ts';
import { changeGroupOf, changeSentence, rowChange } from './change.ts';
import { columnRole, type Table } from '../schemas/table.ts';
import type { ItemCell, ItemEntry } from '../schemas/item.ts';
import type { ChangeValue } from '../schemas/change.ts';

export type TableData = Pick<Table, 'notice' | 'number' | 'change' | 'itemType' | 'columns' | 'rows'>;

/** The cells of a row, one per column, in the table's order. */
export function rowCells(table: Pick<TableData, 'columns'>, row: Record<string, unknown>): ItemCell[] {
  return table.columns.map((c) => ({ key: c.key, role: columnRole(c)!, header: c.header, value: row[c.key] ?? null }) as ItemCell);
}

function first<R extends ColumnRole>(cells: ItemCell[], role: R): Extract<ItemCell, { role: R }> | undefined {
  return cells.find((c): c is Extract<ItemCell, { role: R }> => c.role === role);
}

/** One item entry per row (id = {notice}-a{n}-{seq:02}). */
export function flattenTables(tables: readonly TableData[]): ItemEntry[] {
  return tables.flatMap((t) =>
    t.rows.map((row) => {
      const cells = rowCells(t, row);
      const typeCell = first(cells, 'type');
      const department = first(cells, 'department');
      const receiver = first(cells, 'receiver');
      const remark = first(cells, 'remark');
      const change = rowChange(t.change, row.change as ChangeValue | undefined);
      const type = typeCell ? typeCell.value : (t.itemType ?? null);
      return {
        id: itemId(t.notice, t.number, row.seq),
        notice: t.notice,
        table: tableId(t.notice, t.number),
        tableNumber: t.number,
        seq: row.seq,
        name: row.name,
        type,
        typeFrom: typeCell ? (typeCell.value === null ? null : 'column') : t.itemType ? 'title' : null,
        department: department?.value ?? null,
        departmentHeader: department?.header ?? null,
        receiver: receiver?.value ?? null,
        receiverHeader: receiver?.header ?? null,
        change,
        ownChange: row.change !== undefined,
        changeGroup: changeGroupOf(change, remark?.value),
        changeText: changeSentence(change, receiver?.value),
        cells,
      };
    }),
  );
}

export type ItemEntryData = ItemEntry;
