/** /data/items.csv — every item, one row each, the columns of ITEMS_CSV_COLUMNS (UTF-8 with BOM). */
import type { APIRoute } from 'astro';
import { openData } from '../../lib/data/site.ts';
import { ITEMS_CSV_COLUMNS, itemsCsvRow } from '../../lib/data/records.ts';
import { toCsv } from '../../lib/data/csv.ts';
import { validityText } from '../../lib/data/ui.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await openData(site, import.meta.env.BASE_URL);
  const rows = [ITEMS_CSV_COLUMNS.map(([, label]) => label), ...data.itemRecords.map((r) => itemsCsvRow(r, validityText))];
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
