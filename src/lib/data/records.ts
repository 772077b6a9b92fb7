/**
 * The published records: what /data/items.json, /items/{id}.json and /data/notices.json hold, built from the
 * validated collections (the same entries the pages render), and their zod schemas, from which the JSON
 * Schemas at /data/schema/*.json are generated (z.toJSONSchema). The record schemas reuse the content schemas'
 * pieces (cell schemas per column role, change, 事项类型, notice fields), so the published schema cannot drift
 * from what the content check accepts.
 */
import { z } from 'astro/zod';
import { CHANGE_GROUP_CODES, CHANGE_GROUPS, COLUMN_ROLE_CODES, ITEM_TYPES, type ColumnRole } from '../../domain/glossary.ts';
import { CELL_SCHEMAS, itemEntryFields, itemTypeSchema, type ItemCell, type ItemEntry } from '../../schemas/item.ts';
import { changeSpecSchema } from '../../schemas/change.ts';
import { attachmentRefSchema, citationSchema, noticeFields, validitySchema, type Notice, type ValidityInfo } from '../../schemas/notice.ts';
import { isoDate, slug, text, docNumber } from '../../schemas/common.ts';
import { cellText } from './cells.ts';
import { citationLabel, type CitationIndex } from '../citations.ts';
import { dataPaths } from './paths.ts';
import { paths } from '../../domain/urls.ts';
import { SITE_DATA } from './ui.ts';

const url = z.string().describe('网址');

/** A cited document as a record links it: to its notice when it is on this site, else to its /citations/ page. */
export const citedRefSchema = z.strictObject({
  key: z.string(),
  docNumber: docNumber.optional(),
  title: text.optional(),
  label: z.string(),
  url,
});

function cellSchema<R extends ColumnRole>(role: R) {
  return z.strictObject({ key: z.string(), role: z.literal(role), header: z.string(), value: CELL_SCHEMAS[role], text: z.string() });
}
/** A printed cell: its key, role, printed header, typed value, and the same as one text (as in the CSV). */
export const cellRecordSchema = z.discriminatedUnion(
  'role',
  COLUMN_ROLE_CODES.map((r) => cellSchema(r)) as unknown as [ReturnType<typeof cellSchema<'seq'>>, ...ReturnType<typeof cellSchema<ColumnRole>>[]],
);

export const itemRecordSchema = z.strictObject({
  id: z.string(),
  url,
  json: url,
  notice: z.strictObject({ id: slug, docNumber, title: text, issuer: text, signedDate: isoDate, url }),
  table: z.strictObject({ number: z.number().int().positive(), title: text, url, csv: url, xlsx: url }),
  seq: itemEntryFields.seq,
  name: itemEntryFields.name,
  type: itemTypeSchema.nullable(),
  typeLabel: z.string().nullable(),
  typeFrom: itemEntryFields.typeFrom,
  department: itemEntryFields.department,
  departmentHeader: itemEntryFields.departmentHeader,
  receiver: itemEntryFields.receiver,
  receiverHeader: itemEntryFields.receiverHeader,
  change: changeSpecSchema,
  ownChange: z.boolean(),
  changeGroup: z.enum(CHANGE_GROUP_CODES),
  changeGroupLabel: z.string(),
  changeText: z.string(),
  cells: z.array(cellRecordSchema),
  cites: z.array(citedRefSchema),
  validity: validitySchema.nullable(),
});
export type ItemRecord = z.infer<typeof itemRecordSchema>;

export const noticeRecordSchema = z.strictObject({
  id: slug,
  url,
  ...noticeFields,
  cites: z.array(citationSchema.extend({ label: z.string(), url })),
  attachments: z.array(attachmentRefSchema.extend({ url, csv: url, xlsx: url, itemCount: z.number().int().nonnegative() })),
  itemCount: z.number().int().nonnegative(),
  citedBy: z.strictObject({ notices: z.array(slug), items: z.array(z.string()) }),
});
export type NoticeRecord = z.infer<typeof noticeRecordSchema>;

/** licence: content/site.json's dataTerms, left out when the file gives none. */
const envelope = { licence: z.string().optional(), source: url, count: z.number().int().nonnegative() };
export const itemsFileSchema = z.strictObject({ $schema: url, ...envelope, items: z.array(itemRecordSchema) });
export const noticesFileSchema = z.strictObject({ $schema: url, ...envelope, notices: z.array(noticeRecordSchema) });

/** The JSON Schemas published at /data/schema/{name}.json. */
/** /items/{id}.json: one record, naming its schema. */
export const itemFileSchema = itemRecordSchema.extend({ $schema: url });

export const RECORD_SCHEMAS = {
  item: itemFileSchema,
  items: itemsFileSchema,
  notice: noticeRecordSchema,
  notices: noticesFileSchema,
} as const;
export type RecordSchemaName = keyof typeof RECORD_SCHEMAS;

export function jsonSchemaOf(name: RecordSchemaName, id: string): Record<string, unknown> {
  return { ...z.toJSONSchema(RECORD_SCHEMAS[name]), $id: id, title: SITE_DATA.schemaTitles[name] };
}

// ── Building the records ───────────────────────────────────────────────────────────────────────────────

export interface NoticeInput {
  id: string;
  data: Notice;
}
export interface TableInput {
  notice: string;
  number: number;
  title: string;
}
/** Makes a base-less path absolute (site + base). */
export type Abs = (path: string) => string;

export function citedRefs(keys: readonly string[], index: CitationIndex, abs: Abs): z.infer<typeof citedRefSchema>[] {
  return keys.map((k) => {
    const d = index.byKey.get(k)!;
    return {
      key: d.key,
      ...(d.docNumber ? { docNumber: d.docNumber } : {}),
      ...(d.title ? { title: d.title } : {}),
      label: citationLabel(d),
      url: abs(d.onSite ? paths.notice(d.onSite) : dataPaths.citation(d.key)),
    };
  });
}

export function cellRecord(cell: ItemCell): z.infer<typeof cellRecordSchema> {
  return { ...cell, text: cellText(cell) } as z.infer<typeof cellRecordSchema>;
}

export function itemRecord(item: ItemEntry, notice: NoticeInput, table: TableInput, index: CitationIndex, abs: Abs): ItemRecord {
  const n = notice.data;
  return {
    id: item.id,
    url: abs(paths.itemById(item.id)),
    json: abs(dataPaths.itemJson(item.id)),
    notice: { id: notice.id, docNumber: n.docNumber, title: n.title, issuer: n.issuer, signedDate: n.signedDate, url: abs(paths.notice(notice.id)) },
    table: {
      number: table.number,
      title: table.title,
      url: abs(paths.attachment(notice.id, table.number)),
      csv: abs(dataPaths.tableCsv(notice.id, table.number)),
      xlsx: abs(dataPaths.tableXlsx(notice.id, table.number)),
    },
    seq: item.seq,
    name: item.name,
    type: item.type,
    typeLabel: item.type === null ? null : ITEM_TYPES[item.type],
    typeFrom: item.typeFrom,
    department: item.department,
    departmentHeader: item.departmentHeader,
    receiver: item.receiver,
    receiverHeader: item.receiverHeader,
    change: item.change,
    ownChange: item.ownChange,
    changeGroup: item.changeGroup,
    changeGroupLabel: CHANGE_GROUPS[item.changeGroup],
    changeText: item.changeText,
    cells: item.cells.map(cellRecord),
    cites: citedRefs(index.byItem.get(item.id) ?? [], index, abs),
    validity: (n.validity as ValidityInfo | undefined) ?? null,
  };
}

export function noticeRecord(notice: NoticeInput, itemCounts: ReadonlyMap<number, number>, index: CitationIndex, abs: Abs): NoticeRecord {
  const self = index.byOnSite.get(notice.id);
  return {
    ...notice.data,
    id: notice.id,
    url: abs(paths.notice(notice.id)),
    cites: notice.data.cites.map((c) => {
      const ref = citedRefs([index.byKey.get(c.docNumber) ? c.docNumber : c.title], index, abs)[0]!;
      return { ...c, label: ref.label, url: ref.url };
    }),
    attachments: notice.data.attachments.map((a) => ({
      ...a,
      url: abs(paths.attachment(notice.id, a.number)),
      csv: abs(dataPaths.tableCsv(notice.id, a.number)),
      xlsx: abs(dataPaths.tableXlsx(notice.id, a.number)),
      itemCount: itemCounts.get(a.number) ?? 0,
    })),
    itemCount: [...itemCounts.values()].reduce((a, b) => a + b, 0),
    citedBy: { notices: self?.notices ?? [], items: self?.items.map((i) => i.id) ?? [] },
  } as NoticeRecord;
}

/** The rows of an attachment table as printed text: the CSV's and the XLSX's body (序号 stays a number). */
export function tableRows(items: readonly { cells: readonly ItemCell[] }[]): (string | number)[][] {
  return items.map((i) => i.cells.map((c) => (c.role === 'seq' ? c.value : cellText(c))));
}

/** The whole data set as one CSV: one row per item, a column per field (cells by role; other columns as 表头：内容 lines). */
export const ITEMS_CSV_COLUMNS = [
  ['id', '编号'],
  ['url', '网址'],
  ['docNumber', '发文字号'],
  ['noticeTitle', '文件标题'],
  ['signedDate', '成文日期'],
  ['validity', '有效性'],
  ['table', '附件'],
  ['tableTitle', '附件标题'],
  ['seq', '序号'],
  ['name', '事项名称'],
  ['type', '事项类型'],
  ['department', '实施部门'],
  ['receiver', '接收部门'],
  ['changeGroup', '调整方式'],
  ['changeText', '调整情况'],
  ['basis', '依据'],
  ['measures', '加强事中事后监管措施'],
  ['remark', '备注'],
  ['other', '其他列'],
  ['cites', '引用文件'],
] as const;

export function itemsCsvRow(r: ItemRecord, validityLabel: (v: ValidityInfo | null) => string): (string | number)[] {
  const byRole = (role: ColumnRole) => r.cells.filter((c) => c.role === role).map((c) => c.text).join('\n');
  const other = r.cells.filter((c) => ['level', 'handling', 'verbatim'].includes(c.role) && c.text !== '').map((c) => `${c.header}：${c.text}`);
  const values: Record<(typeof ITEMS_CSV_COLUMNS)[number][0], string | number> = {
    id: r.id,
    url: r.url,
    docNumber: r.notice.docNumber,
    noticeTitle: r.notice.title,
    signedDate: r.notice.signedDate,
    validity: validityLabel(r.validity),
    table: r.table.number,
    tableTitle: r.table.title,
    seq: r.seq,
    name: r.name,
    type: r.typeLabel ?? '',
    department: r.department ?? '',
    receiver: r.receiver ?? '',
    changeGroup: r.changeGroupLabel,
    changeText: r.changeText,
    basis: byRole('basis'),
    measures: byRole('measures'),
    remark: byRole('remark'),
    other: other.join('\n'),
    cites: r.cites.map((c) => c.label).join('\n'),
  };
  return ITEMS_CSV_COLUMNS.map(([k]) => values[k]);
}

