/**
 * Interface strings: the words of the site's own chrome (navigation, buttons, headings the site adds).
 * Domain labels (行政许可, 取消, 附件, 发文字号 …) are NOT here: they live in ./glossary.ts.
 */

/**
 * What the site publishes, for the meta description of a page that has none of its own. The site's name, tagline,
 * organiser and contact are not here: they are content (content/site.json, read by src/lib/site.ts).
 */
export const SITE_ABOUT =
  '公开放管服改革中取消、调整的行政权力事项，以及相应的事中事后监管措施：按事项类型、实施部门、调整方式查阅，附原文件全文。';

export const UI = {
  skipLink: '跳到主要内容',
  home: '首页',
  nav: '网站导航',
  navItems: '全部事项',
  navSearch: '搜索',
  breadcrumb: '当前位置',
  searchLabel: '搜索事项',
  searchSite: '站内搜索',
  searchAgain: '重新搜索',
  searchPlaceholder: '如：典当、乡村兽医',
  searchButton: '搜索',
  textSize: '大字号',
  textSizeHint: '放大页面文字',
  footerOfficial: '本站内容以发文机关公开发布的正式文件为准。',
  /** The footer's lines (content/site.json), in the order official sites print them. */
  footer: {
    organiser: '主办单位',
    operator: '承办单位',
    phone: '联系电话',
    address: '地址',
    email: '邮箱',
    siteCode: '网站标识码',
    icp: 'ICP备案号',
    publicSecurity: '公安备案号',
  },
  footerAbout: '网站信息',
  printUrl: '本页网址',
  count: (n: number) => `${n}项`,
  countTotal: (n: number) => `共${n}项`,
  // Home
  homeIntro: (notices: number, items: number) =>
    `本站汇集放管服改革中公开发布的文件，共${notices}份文件、${items}个事项：哪些行政权力事项被取消、由上级取消或承接，以及取消或承接后如何加强事中事后监管。`,
  homeSearchTitle: '查找事项',
  homeSearchHint: '输入事项名称、部门或关键词，例如“典当”“乡村兽医”“测绘”。',
  latestNotices: '最新文件',
  byType: '按事项类型',
  byDepartment: '按实施部门',
  byChange: '按调整方式',
  allItems: '查看全部事项',
  // Notice
  noticeInfo: '文件信息',
  noticeText: '文件正文',
  toc: '目录',
  planTasks: '主要任务',
  // Printing a notice with its attachments (/notices/{slug}/print/)
  printAll: '打印全文（含附件）',
  printText: '打印全文',
  printTitle: (docNumber: string, attachments: number) => `${docNumber} 全文${attachments > 0 ? '（含附件）' : ''}`,
  printCrumb: '打印全文',
  printIntro: (n: number) => (n > 0 ? `本页汇集文件正文和全部${n}个附件表格，供打印或另存为 PDF。` : '本页为文件全文，供打印或另存为 PDF。'),
  printHow: '也可以使用浏览器的“打印”功能（Ctrl+P）。',
  printButton: '打印',
  // Item
  itemFacts: '事项信息',
  whatNow: '现在怎么办',
  inCharge: '负责部门',
  asPrinted: (header: string) => `原文“${header}”栏`,
  noticeContact: '文件所列联系方式',
  seeRow: (source: string, seq: number) => `见${source}第${seq}行`,
  typeFromTitle: '附件标题所列',
  prevNext: '同一文件中的上一项、下一项',
  previous: '上一项',
  next: '下一项',
  relatedSameDepartment: '同一部门',
  relatedSameType: '同一类型',
  // Browse
  browseType: '事项类型',
  browseDepartment: '实施部门',
  browseChange: '调整方式',
  itemsTitle: '全部事项',
  itemsIntro: (n: number) => `下表列出本站收录的全部${n}个事项，按发文顺序排列。`,
  itemsSortHint: '点击表头可按该列排序。',
  itemsSortHintPaged: '点击表头可将本页按该列排序。',
  pagination: '分页',
  previousPage: '上一页',
  nextPage: '下一页',
  pageN: (n: number) => `第${n}页`,
  pageRange: (from: number, to: number, page: number, pages: number) => `第${page}/${pages}页，第${from}–${to}项`,
  columnSource: '出处',
  allTypes: '按事项类型浏览',
  allTypesIntro: (n: number) => `本站收录的事项按行政权力的类型分为${n}类（有的文件没有列明事项类型，这些事项不在其中）。`,
  allChanges: '按调整方式浏览',
  allChangesIntro: '每个事项按它被怎样调整归入一类。注意“取消”只含本级决定取消的事项；由国务院、省、市决定取消的事项在“上级取消后加强监管”中。',
  cancelledTotal: (n: number, parts: string) => `被取消的事项共${n}项：${parts}。`,
  terms: '名词解释',
  termsIntro: '本站用到的调整方式和行政权力类型，各用一句话说明。',
  termsChanges: '调整方式',
  termsTypes: '事项类型（十类行政权力）',
  termsLink: '这些说法是什么意思？',
  termWhat: '这是什么意思？',
  attachmentNav: '同一文件的其他附件',
  previousAttachment: '上一个附件',
  nextAttachment: '下一个附件',
  backToNotice: (docNumber: string) => `返回文件正文（${docNumber}）`,
  browseIntro: (way: string, label: string, n: number) => `${way}为“${label}”的事项共${n}项，按发文顺序排列。`,
  allDepartments: '全部实施部门',
  departmentGroup: (group: string) => `同一部门的各种写法合并列于：${group}`,
  allDepartmentsIntro: (n: number) => `本站收录的事项涉及${n}个实施部门（名称按原文）。`,
  moreDepartments: (n: number) => `查看全部${n}个实施部门`,
  allNotices: '全部文件',
  allNoticesIntro: (n: number) => `本站收录的文件共${n}份，按成文日期排列，最新的在前。`,
  moreNotices: (n: number) => `查看全部${n}份文件`,
  navNotices: '文件',
  columnChange: '调整方式',
  // 404
  notFoundTitle: '页面未找到',
  notFoundBody: '您访问的网址不存在，可能已更改或输入有误。',
  notFoundHelp: '您可以：',
  notFoundHome: '返回首页',
  notFoundItems: '查看全部事项',
  notFoundSearch: '或在下方搜索：',
} as const;

/** The words the /items/ sort script needs (kept apart so the script bundles only these). */
export const SORT_UI = {
  ascending: '升序',
  descending: '降序',
  announce: (column: string, direction: string) => `已按${column}${direction}排列`,
} as const;

