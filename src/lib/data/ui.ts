/**
 * Interface words of the open-data, feed, citation, chart and history parts of the site. Domain labels stay in
 * src/domain/glossary.ts; the terms of reuse are content (content/site.json dataTerms: src/lib/site.ts feedSite).
 */
import { VALIDITY } from '../../domain/glossary.ts';
import { formatChineseDate } from '../../domain/patterns.ts';
import type { ValidityInfo } from '../../schemas/notice.ts';

export const SITE_DATA = {
  schemaTitles: {
    item: '事项（/items/{编号}.json）',
    items: '全部事项（/data/items.json）',
    notice: '文件',
    notices: '全部文件（/data/notices.json）',
  },
} as const;

const noticesCount = (n: number) => `${n}份文件`;
const itemsCount = (n: number) => `${n}个事项`;
/** 「2份文件、15个事项」, leaving out a count of none. */
const citingCount = (notices: number, items: number) =>
  [notices ? noticesCount(notices) : '', items ? itemsCount(items) : ''].filter(Boolean).join('、');

export const DATA_UI = {
  // Downloads on a table page
  download: '下载本表',
  downloadCsv: 'CSV',
  downloadCsvHint: 'UTF-8 编码，Excel、WPS 可直接打开',
  downloadXlsx: 'Excel（XLSX）',
  downloadAbout: '数据说明',
  // /data/
  dataTitle: '开放数据',
  dataIntro: (items: number, notices: number) =>
    `本站收录的${notices}份文件、${items}个事项可以整体下载，供核对、统计和再利用。所有文件都在网站发布时由同一份内容生成，与页面一致；字段说明和 JSON Schema 见下。`,
  dataFiles: '下载',
  dataFile: '文件',
  dataFormat: '格式',
  dataWhat: '内容',
  dataTables: '各附件表格',
  dataTablesIntro: '每个附件表格可单独下载为 CSV 或 Excel：表头与原文一致，每个事项一行，监管措施按原文编号分行写在同一格中。',
  /** When the site holds more notices than the page lists tables of (src/lib/data/listed-tables.ts). */
  dataTablesNewest: (n: number) => `下面是最新${n}份文件的附件表格。`,
  dataTablesMore: (n: number) => `其余${n}份文件的附件表格，在各附件表格页面下载（查看全部文件）`,
  dataFields: '字段说明',
  dataFieldsIntro: '/data/items.json 中每个事项的字段（/items/{编号}.json 相同）：',
  dataNoticeFields: '/data/notices.json 中每份文件的字段：',
  fieldName: '字段',
  fieldMeaning: '含义',
  fieldType: '类型',
  fieldValues: '取值',
  dataCsvColumns: '/data/items.csv 的各列（与上面的字段对应）：',
  csvColumn: '列名',
  dataSchemas: 'JSON Schema',
  dataSchemasIntro: '以下 JSON Schema（2020-12 版）由网站校验内容所用的同一套规则生成，可用来校验下载的文件：',
  dataFeeds: '订阅（Atom）',
  dataFeedsIntro: '用 RSS 阅读器订阅新文件，或订阅某一事项类型、实施部门、调整方式的事项列表（各列表页均有订阅链接）：',
  dataTerms: '使用条件',
  dataCitations: '引用关系',
  dataCitationsIntro: '文件和事项引用的法规、文件，以及引用它们的文件和事项：',
  // Feeds
  feed: '订阅本列表（Atom）',
  feedNotices: '订阅新文件（Atom）',
  feedItems: '订阅全部事项（Atom）',
  feedTitleNotices: '最新文件',
  feedTitleList: (way: string, label: string) => `${way}：${label}`,
  // Citations
  citationsTitle: '引用文件',
  citationsIntro: (n: number) => `本站文件和事项引用的法规、文件共${n}件（依据文件头部所列的引用文件，以及事项“依据”“监管措施”栏中的发文字号和《》书名），按被引用次数排列。`,
  citationDoc: '被引用的文件',
  citationNotices: '引用它的文件',
  citationItems: '引用它的事项',
  /** On a cited document's later pages: where the citing notices are. */
  citationNoticesOnFirst: (n: number) => `引用它的${n}份文件见第1页`,
  citationCount: '次数',
  citedByNotices: noticesCount,
  citedByItems: itemsCount,
  citationIntro: (label: string, notices: number, items: number) =>
    `本站有${citingCount(notices, items)}引用${label}。本站未收录该文件原文。`,
  /** A cited document that is itself on this site: its citation page links to it. */
  citationIntroOnSite: (notices: number, items: number) => `本站有${citingCount(notices, items)}引用该文件。该文件本站已收录：`,
  citationWhere: '引用位置',
  citedBy: '被以下文件引用',
  /** Under a shortened 「被以下文件引用」: the link to the citation page with all of them. */
  citedByAll: (notices: number, items: number) =>
    `查看全部引用（${citingCount(notices, items)}）`,
  citesLabel: '引用文件',
  // History
  history: '更新记录',
  lastUpdated: '最后更新',
  historyIntro: '本页内容的修改记录（日期和说明），取自网站的内容版本库。',
  // Charts
  charts: '事项统计',
  chartsNotice: '本文件事项统计',
  chartByType: '按事项类型',
  chartByChange: '按调整方式',
  chartByDepartment: '按实施部门',
  chartDescription: (what: string, parts: string) => `${what}的事项数：${parts}。`,
  chartTable: (what: string) => `${what}的事项数`,
  chartCategory: '类别',
  chartCount: '事项数',
  chartMore: (shown: number, all: number) => `图中列出事项最多的${shown}个，共${all}个；全部见表。`,
} as const;

/**
 * 已修订 / 已废止 / 失效 when the notice states it is no longer in force; undefined when it is in force or says
 * nothing (never presumed either way). What a list row and a search result say beside an item of that notice.
 */
export function lapsedLabel(v: ValidityInfo | null | undefined): string | undefined {
  return v && v.status !== 'current' ? VALIDITY[v.status] : undefined;
}

/** 已废止（2023年5月1日，依据《…》（…号）） — the 有效性 line, or '' when the notice does not state it. */
export function validityText(v: ValidityInfo | null | undefined): string {
  if (!v) return '';
  const by = v.by ? (v.by.docNumber ? `《${v.by.title}》（${v.by.docNumber}）` : `《${v.by.title}》`) : '';
  const details = [v.date ? formatChineseDate(v.date) : '', by ? `依据${by}` : ''].filter(Boolean).join('，');
  return `${VALIDITY[v.status]}${details ? `（${details}）` : ''}`;
}
