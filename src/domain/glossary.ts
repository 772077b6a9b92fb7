/**
 * The one place where domain codes meet their Chinese labels.
 * Code identifiers stay in English; every label a reader sees is spelled here once.
 */

/** 事项类型: the ten standard kinds of administrative power. */
export const ITEM_TYPES = {
  license: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  levy: '行政征收',
  benefit: '行政给付',
  inspection: '行政检查',
  confirmation: '行政确认',
  reward: '行政奖励',
  adjudication: '行政裁决',
  other: '其他行政权力',
} as const;
export type ItemType = keyof typeof ITEM_TYPES;
export const ITEM_TYPE_CODES = Object.keys(ITEM_TYPES) as [ItemType, ...ItemType[]];

/** The kind of change an attachment table records. */
export const CHANGES = {
  cancelled: { label: '取消', long: '取消行政权力事项' },
  'cancelled-by-province': { label: '省级取消', long: '省级取消后需市县加强监管' },
  'cancelled-by-city': { label: '市级取消', long: '市级取消后需市县加强监管' },
  'taken-over-by-province': { label: '省级承接', long: '省级承接后需市县加强监管' },
  'taken-over-by-city': { label: '市级承接', long: '市级承接后需市县加强监管' },
} as const;
export type Change = keyof typeof CHANGES;
export const CHANGE_CODES = Object.keys(CHANGES) as [Change, ...Change[]];

/** The ways in on the home page: change kinds grouped as a citizen asks about them. */
export const CHANGE_GROUPS = {
  cancelled: '取消',
  'cancelled-to-filing': '取消后改为备案',
  'cancelled-above': '上级取消后加强监管',
  'taken-over-above': '上级承接后加强监管',
} as const;
export type ChangeGroup = keyof typeof CHANGE_GROUPS;
export const CHANGE_GROUP_CODES = Object.keys(CHANGE_GROUPS) as [ChangeGroup, ...ChangeGroup[]];

/** Columns of an attachment table, with the header text each is known by. */
export const COLUMNS = {
  seq: '序号',
  department: '实施部门',
  name: '事项名称及权限',
  type: '事项类型',
  basis: '取消依据',
  measures: '加强事中事后监管措施',
  remark: '备注',
} as const;
export type ColumnKey = keyof typeof COLUMNS;
export const COLUMN_KEYS = Object.keys(COLUMNS) as [ColumnKey, ...ColumnKey[]];

/** 责任部门 / 牵头部门 of a work-plan task, as printed. */
export const TASK_ROLES = {
  responsible: '责任部门',
  lead: '牵头部门',
} as const;
export type TaskRole = keyof typeof TASK_ROLES;
export const TASK_ROLE_CODES = Object.keys(TASK_ROLES) as [TaskRole, ...TaskRole[]];

/** Field labels of a notice's metadata block (like gov.cn's 政策文件库). */
export const NOTICE_FIELDS = {
  title: '标题',
  docNumber: '发文字号',
  issuer: '发文机关',
  addressees: '主送',
  signedDate: '成文日期',
  disclosure: '公开方式',
  validity: '有效性',
  cites: '引用文件',
  attachments: '附件',
  letterhead: '版头',
  imprint: '印发',
} as const;

/** Field labels of an item page. */
export const ITEM_FIELDS = {
  name: '事项名称',
  type: '事项类型',
  department: '实施部门',
  change: '调整方式',
  basis: '取消依据',
  measures: '加强事中事后监管措施',
  remark: '备注',
  source: '出处',
  notice: '所属文件',
  table: '附件',
  seq: '序号',
  date: '成文日期',
  related: '相关事项',
  absent: '原文未列明',
  measuresAbsent: '原文此栏为空，未列出监管措施。',
} as const;

export function itemTypeLabel(code: ItemType): string {
  return ITEM_TYPES[code];
}

export function changeLabel(code: Change): string {
  return CHANGES[code].label;
}

/** 附件N */
export function attachmentLabel(n: number): string {
  return `附件${n}`;
}

/** Map a printed 事项类型 label back to its code (used by importers). */
export function itemTypeFromLabel(label: string): ItemType | undefined {
  const wanted = label.trim();
  return ITEM_TYPE_CODES.find((code) => ITEM_TYPES[code] === wanted);
}

/** 2021-02-20 → 2021年2月20日, the way a Chinese document prints its date. */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
