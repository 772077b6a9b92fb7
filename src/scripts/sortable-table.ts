/**
 * Progressive enhancement for `<table data-sortable>`: each `<th data-sort>` header becomes a button that sorts
 * the rows by that column's `data-sort-value` cells; aria-sort marks the sorted column, and a polite live
 * region says what happened. Without JavaScript the table is complete, in published order.
 */
import { nextDirection, sortOrder, type SortDirection } from './sort.ts';

export interface SortLabels {
  ascending: string;
  descending: string;
  announce: (column: string, direction: string) => string;
}

export function enhanceSortableTable(table: HTMLTableElement, labels: SortLabels): void {
  const headerRow = table.tHead?.rows[0];
  const body = table.tBodies[0];
  if (!headerRow || !body) return;
  const doc = table.ownerDocument;
  const status = doc.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('aria-live', 'polite');
  table.after(status);

  const headers = [...headerRow.cells];
  const buttons: HTMLButtonElement[] = [];
  headers.forEach((th, column) => {
    if (th.dataset.sort === undefined) return;
    const name = th.textContent?.trim() ?? '';
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = name;
    const indicator = doc.createElement('span');
    indicator.className = 'sort-indicator';
    indicator.setAttribute('aria-hidden', 'true');
    button.append(indicator);
    th.replaceChildren(button);
    buttons.push(button);
    button.addEventListener('click', () => {
      const current = th.getAttribute('aria-sort');
      const direction = nextDirection(current === 'ascending' || current === 'descending' ? current : null);
      const rows = [...body.rows];
      const values = rows.map((r) => r.cells[column]?.dataset.sortValue ?? r.cells[column]?.textContent ?? '');
      body.append(...sortOrder(values, direction).map((i) => rows[i]!));
      setSorted(th, direction);
      status.textContent = labels.announce(name, direction === 'ascending' ? labels.ascending : labels.descending);
    });
  });

  function setSorted(sorted: HTMLTableCellElement, direction: SortDirection) {
    for (const th of headers) {
      const indicator = th.querySelector('.sort-indicator');
      if (th === sorted) {
        th.setAttribute('aria-sort', direction);
        if (indicator) indicator.textContent = direction === 'ascending' ? '▲' : '▼';
      } else {
        th.removeAttribute('aria-sort');
        if (indicator) indicator.textContent = th.dataset.sort === undefined ? '' : '↕';
      }
    }
  }
  const initial = headers.find((th) => th.dataset.sortInitial !== undefined);
  if (initial) setSorted(initial, 'ascending');
  else for (const b of buttons) b.querySelector('.sort-indicator')!.textContent = '↕';
}
