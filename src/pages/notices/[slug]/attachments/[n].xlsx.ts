/** /notices/{slug}/attachments/{n}.xlsx — the table as an Excel workbook: sheet 附件N, printed header, one row per item. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { groupBy, sortBySource } from '../../../../lib/browse.ts';
import { tableRows } from '../../../../lib/data/records.ts';
import { tableXlsxInThread } from '../../../../lib/data/xlsx-thread.ts';
import { attachmentLabel } from '../../../../domain/glossary.ts';

export const getStaticPaths = (async () => {
  const byTable = groupBy(sortBySource(await getCollection('items')), (i) => i.data.table.id);
  return (await getCollection('tables')).map((table) => ({
    params: { slug: table.data.notice.id, n: String(table.data.number) },
    props: { sheet: attachmentLabel(table.data.number), header: table.data.printedHeader, rows: tableRows((byTable.get(table.id) ?? []).map((i) => i.data)) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const bytes = await tableXlsxInThread(props.sheet as string, props.header as string[], props.rows as (string | number)[][]);
  return new Response(bytes, { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
