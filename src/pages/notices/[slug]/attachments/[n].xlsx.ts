/** /notices/{slug}/attachments/{n}.xlsx — the table as an Excel workbook: sheet 附件N, printed header, one row per item. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { groupBy, sortBySource } from '../../../../lib/browse.ts';
import { tableRows } from '../../../../lib/data/records.ts';
import { tableXlsx } from '../../../../lib/data/xlsx.ts';
import { attachmentLabel } from '../../../../domain/glossary.ts';

export const getStaticPaths = (async () => {
  const byTable = groupBy(sortBySource(await getCollection('items')), (i) => i.data.table.id);
  return (await getCollection('tables')).map((table) => ({
    params: { slug: table.data.notice.id, n: String(table.data.number) },
    props: { sheet: attachmentLabel(table.data.number), header: table.data.printedHeader, rows: tableRows((byTable.get(table.id) ?? []).map((i) => i.data)) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const buffer = await tableXlsx(props.sheet as string, props.header as string[], props.rows as (string | number)[][]);
  return new Response(new Uint8Array(buffer), { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
