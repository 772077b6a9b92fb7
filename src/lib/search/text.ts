/**
 * The words of the search page. Domain labels (事项类型, 实施部门, 发文字号 …) come from ../glossary.ts.
 */
import { ITEM_FIELDS, NOTICE_FIELDS, VALIDITY_FIELDS } from '../../domain/glossary.ts';
import { formatChineseDate } from '../../domain/patterns.ts';
import type { FilterKey } from './state.ts';
import type { PageKind } from '../../domain/urls.ts';

const MORE = '显示更多结果';

/** What a filter's choices are, counted: 「显示全部 212 个部门」. */
const OPTION_NOUNS: Record<FilterKey, string> = {
  type: '个事项类型',
  change: '种调整方式',
  department: '个部门',
  notice: '份文件',
  year: '个年份',
  validity: '种有效性',
};

export const SEARCH_TEXT = {
  title: '搜索',
  /** The page's <title> while it shows results for a query. */
  titleFor: (q: string) => `“${q}”的搜索结果`,
  description: '按事项名称、部门、监管措施或发文字号搜索放管服改革调整的行政权力事项，可按事项类型、实施部门、调整方式筛选。',
  queryLabel: '关键词',
  queryHint: '输入事项名称中的几个字、部门名称、监管措施或发文字号，例如：典当、乡村兽医、双随机、国发〔2020〕13号。',
  submit: '搜索',
  filtersHeading: '筛选',
  chosen: (n: number) => `（已选 ${n} 项）`,
  filtersHint: '勾选后立即更新结果；同一类中勾选多项表示“任一”。',
  clearFilters: '清除全部筛选',
  resultsHeading: '搜索结果',
  loading: '正在搜索……',
  more: MORE,
  noJs: '本页的搜索需要浏览器启用 JavaScript，您的浏览器没有运行它，所以无法在这里显示结果。',
  /** Without JavaScript the page cannot read the query in its address; it says where the query is. */
  noJsQuery: '如果您是从搜索框来到这里的，您输入的关键词仍在地址栏中（“?q=”之后）。不用 JavaScript 也可以这样查找：',
  noJsFind: '打开“全部事项”，用浏览器的“在页面中查找”（Ctrl+F，手机在浏览器菜单中）查找您的关键词；',
  noJsBrowse: '或者按下面的分类浏览，这些页面都不需要 JavaScript。',
  browseAll: '全部事项',
  browseNotices: '全部文件',
  browseTypeIndex: '按事项类型浏览',
  browseChangeIndex: '按调整方式浏览',
  browseDepartmentIndex: '按实施部门浏览',
  browseTypes: '按事项类型浏览',
  browseDepartments: '按实施部门浏览',
  allDepartments: (n: number) => `全部 ${n} ${OPTION_NOUNS.department}`,
  failed: '搜索暂时无法使用，请稍后再试，或直接浏览全部事项。',
  /** The aria-live line. */
  countExact: (n: number, q: string) => (q ? `“${q}”共找到 ${n} 条结果` : `共 ${n} 个事项`),
  countAtLeast: (n: number, q: string) => `“${q}”已找到 ${n} 条结果，可能还有更多`,
  countFiltered: (text: string, filters: number) => (filters > 0 ? `${text}（已选 ${filters} 项筛选条件）` : text),
  shown: (shown: number, total: number) => `显示第 1—${shown} 条，共 ${total} 条`,
  /** Older tiers of a large index not searched yet (src/lib/search/tiers.ts). */
  searchedSince: (date: string) => `${date ? `目前检索了${formatChineseDate(date)}以来成文的文件，` : ''}“${MORE}”将继续检索更早的文件`,
  // No results
  noResultsHeading: '没有找到结果',
  noResults: (q: string) => `没有找到包含“${q}”的内容。`,
  unsearchable: '请输入文字或数字，仅有标点符号无法搜索。',
  suggestionsHeading: '您可以：',
  suggestShorter: '使用更短的关键词，例如事项名称中的两三个字：',
  suggestRemoveFilters: '去掉筛选条件，在全部内容中搜索',
  suggestSpelling: '检查是否有错别字；发文字号的括号可以输入〔〕、()或[]。',
  suggestExamples: '试试这些常用搜索：',
  suggestBrowse: '或者直接浏览：',
  /** The documents the site holds, and what “not found” does not mean. */
  siteHolds: (n: number) => `本站目前只收录以下 ${n} 份文件：`,
  siteHoldsNewest: (n: number, listed: number) => `本站目前只收录 ${n} 份文件，最新的 ${listed} 份是：`,
  allHeld: (n: number) => `查看全部 ${n} 份文件`,
  notFoundNotCancelled: '未找到不代表未取消：在本站没有找到某个事项，不代表它没有被取消、下放或调整。',
  /** `named`: the issuers listed, of `all` (more than listed: 「…等 N 个」). */
  askIssuers: (named: readonly string[], all: number) =>
    `其他文件请查阅发文机关公布的原文，或向发文机关咨询（本站文件的发文机关：${named.join('、')}${named.length < all ? `等 ${all} 个` : ''}）。`,
  // Synonyms (content/synonyms.json)
  alsoSearched: '也搜索了：',
  synonymWhy: (word: string, search: readonly string[]) => `「${word}」→${search.map((s) => `「${s}」`).join('')}，文件中的说法`,
  // A query of several words with no result containing them all
  perWordIntro: '没有同时包含这些词的内容。下面是分别搜索每个词的结果：',
  perWordHeading: (w: string, n: number) => `“${w}”：${n} 条结果`,
  perWordAll: (w: string, n: number) => `查看“${w}”的全部 ${n} 条结果`,
  // Filters on a phone
  filterToggle: (n: number) => (n > 0 ? `筛选（${n}）` : '筛选'),
  showResults: (n: number) => `查看 ${n} 条结果`,
  examples: ['典当', '乡村兽医', '测绘', '双随机', '改为备案'],
  // Result
  subResults: '文中相关段落',
  kind: {
    item: '事项',
    notice: '文件',
    attachment: '附件表格',
    browse: '分类浏览',
    other: '页面',
  } satisfies Record<PageKind, string>,
  filterLegend: {
    type: ITEM_FIELDS.type,
    change: ITEM_FIELDS.change,
    department: ITEM_FIELDS.department,
    notice: NOTICE_FIELDS.docNumber,
    year: '成文年份',
    validity: VALIDITY_FIELDS.status,
  } satisfies Record<FilterKey, string>,
  metaType: ITEM_FIELDS.type,
  metaDepartment: ITEM_FIELDS.department,
  metaSource: ITEM_FIELDS.source,
  metaDocNumber: NOTICE_FIELDS.docNumber,
  facetCount: (n: number) => `（${n}）`,
  facetCountApprox: (n: number) => `（约${n}）`,
  /** A filter choice as the checkbox names it. */
  optionLabel: (key: FilterKey, value: string) => (key === 'year' ? `${value}年` : value),
  /** The button under a shortened filter (src/lib/short-list.ts). */
  showAllOptions: (key: FilterKey, n: number) => `显示全部 ${n} ${OPTION_NOUNS[key]}`,
} as const;
