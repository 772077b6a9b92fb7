/** /notices/{slug}/attachments/{n}.csv — the table as printed: its header row, one row per item (UTF-8 with BOM). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { groupBy, sortBySource } from '../../../../lib/browse.ts';
import { tableRows } from '../../../../lib/data/records.ts';
import { toCsv } from '../../../../lib/data/csv.ts';

export const getStaticPaths = (async () => {
  const byTable = groupBy(sortBySource(await getCollection('items')), (i) => i.data.table.id);
  return (await getCollection('tables')).map((table) => ({
    params: { slug: table.data.notice.id, n: String(table.data.number) },
    props: { header: table.data.printedHeader, rows: tableRows((byTable.get(table.id) ?? []).map((i) => i.data)) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(toCsv([props.header as string[], ...(props.rows as (string | number)[][])]), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
