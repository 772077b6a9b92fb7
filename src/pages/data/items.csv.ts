/** /data/items.csv — every item, one row each, the columns of ITEMS_CSV_COLUMNS (UTF-8 with BOM). */
import type { APIRoute } from 'astro';
import { openData } from '../../lib/data/site.ts';
import { ITEMS_CSV_COLUMNS, itemsCsvRow } from '../../lib/data/records.ts';
import { BOM, csvRecord } from '../../lib/data/csv.ts';
import { validityText } from '../../lib/data/ui.ts';
import { textResponse } from '../../lib/data/endpoints.ts';

export const GET: APIRoute = async ({ site }) => {
  const records = (await openData(site, import.meta.env.BASE_URL)).itemRecords;
  const header = csvRecord(ITEMS_CSV_COLUMNS.map(([, label]) => label));
  return textResponse(BOM + header, records.length, (i) => csvRecord(itemsCsvRow(records[i]!, validityText)), '', 'text/csv; charset=utf-8');
};
