/**
 * A printed cell as one piece of text, for a spreadsheet or a CSV: 事项类型 as its printed label, 依据 one
 * paragraph a line, 监管措施 the lead sentence then the steps numbered “1. …” a line each (as printed), an
 * empty cell as "". The same function feeds the CSV, the XLSX and the `text` of each cell in the JSON.
 */
import { ITEM_TYPES } from '../../domain/glossary.ts';
import type { ItemCell, Measures } from '../../schemas/item.ts';

export function measuresText(m: Measures): string {
  return [...(m.lead === undefined ? [] : [m.lead]), ...m.steps.map((s, i) => `${i + 1}. ${s}`)].join('\n');
}

export function cellText(cell: ItemCell): string {
  if (cell.value === null) return '';
  switch (cell.role) {
    case 'seq':
      return String(cell.value);
    case 'type':
      return ITEM_TYPES[cell.value];
    case 'basis':
      return cell.value.join('\n');
    case 'measures':
      return measuresText(cell.value);
    default:
      return cell.value;
  }
}
