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

/** One plain sentence per kind of administrative power, for the glossary of terms. */
export const ITEM_TYPE_EXPLAIN: Record<ItemType, string> = {
  license: '根据申请，准许公民、法人或者其他组织从事特定活动，如发放许可证、审批。',
  penalty: '对违反行政管理秩序的行为给予处罚，如警告、罚款、没收违法所得、责令停产停业、吊销许可证。',
  coercion: '为制止违法行为、防止证据损毁等，依法对人身或财物采取的强制措施，以及强制执行。',
  levy: '依法向公民、法人或者其他组织收取税费等财物。',
  benefit: '依法向公民、法人或者其他组织发放物质帮助或其他利益，如救助金、补贴。',
  inspection: '依法对公民、法人或者其他组织遵守法律法规的情况进行检查。',
  confirmation: '对特定的法律事实、法律关系或者资格依法予以确认、认定、证明。',
  reward: '对作出突出贡献的公民、法人或者其他组织给予表彰、奖励。',
  adjudication: '依法对特定的民事纠纷作出裁决。',
  other: '不属于以上九类的行政权力。',
};
export const ITEM_TYPE_CODES = Object.keys(ITEM_TYPES) as [ItemType, ...ItemType[]];

/**
 * 变更方式: what happened to a power. An open vocabulary: a new kind is one line here (code, label, and the
 * plain-words verb the status line uses); everything else (schema, browse pages, search filter) follows.
 */
export const ACTIONS = {
  cancel: { label: '取消', verb: '取消' },
  'partial-cancel': { label: '部分取消', verb: '部分取消' },
  'to-filing': { label: '改为备案', verb: '取消审批，改为备案' },
  delegate: { label: '下放', verb: '下放' },
  'partial-delegate': { label: '部分下放', verb: '部分下放' },
  entrust: { label: '委托', verb: '委托' },
  'take-over': { label: '承接', verb: '承接' },
  recall: { label: '收回', verb: '收回' },
  adjust: { label: '调整', verb: '调整' },
  merge: { label: '合并', verb: '合并' },
  add: { label: '新增', verb: '新增' },
  rename: { label: '更名', verb: '更名' },
  empower: { label: '赋权', verb: '赋权' },
} as const;
export type Action = keyof typeof ACTIONS;
export const ACTION_CODES = Object.keys(ACTIONS) as [Action, ...Action[]];

/**
 * Levels of government: who decided a change (`by`: 国务院 / 省 / 市 / 县) and where a power went (`to`).
 */
export const LEVELS = {
  state: { decider: '国务院', level: '国家级' },
  province: { decider: '省级', level: '省级' },
  city: { decider: '市级', level: '市级' },
  county: { decider: '县级', level: '县级' },
  township: { decider: '乡镇（街道）', level: '乡镇（街道）' },
} as const;
export type Level = keyof typeof LEVELS;
export const LEVEL_CODES = Object.keys(LEVELS) as [Level, ...Level[]];

/**
 * The five kinds of change the first notice (嘉政发〔2021〕2号) records, kept as named presets: a table may
 * write `"change": "cancelled"` for `{ "action": "cancel", "by": "county" }`. Their meaning never changes.
 */
export const CHANGE_PRESETS = {
  cancelled: { label: '取消', long: '取消行政权力事项', spec: { action: 'cancel', by: 'county' } },
  'cancelled-by-province': { label: '省级取消', long: '省级取消后需市县加强监管', spec: { action: 'cancel', by: 'province' } },
  'cancelled-by-city': { label: '市级取消', long: '市级取消后需市县加强监管', spec: { action: 'cancel', by: 'city' } },
  'taken-over-by-province': { label: '省级承接', long: '省级承接后需市县加强监管', spec: { action: 'take-over', to: 'province' } },
  'taken-over-by-city': { label: '市级承接', long: '市级承接后需市县加强监管', spec: { action: 'take-over', to: 'city' } },
} as const satisfies Record<string, { label: string; long: string; spec: { action: Action; by?: Level; to?: Level } }>;
export type ChangePreset = keyof typeof CHANGE_PRESETS;
export const CHANGE_PRESET_CODES = Object.keys(CHANGE_PRESETS) as [ChangePreset, ...ChangePreset[]];

/**
 * The ways in by kind of change (/changes/{group}/): the first four are published URLs and keep their meaning;
 * each further action has a group of its own.
 */
export const CHANGE_GROUPS = {
  cancelled: '取消',
  'cancelled-to-filing': '取消后改为备案',
  'cancelled-above': '上级取消后加强监管',
  'taken-over-above': '上级承接后加强监管',
  'partially-cancelled': '部分取消',
  delegated: '下放',
  'partially-delegated': '部分下放',
  entrusted: '委托实施',
  'taken-over': '承接',
  recalled: '收回',
  adjusted: '调整',
  merged: '合并',
  added: '新增',
  renamed: '更名',
  empowered: '赋权',
} as const;
export type ChangeGroup = keyof typeof CHANGE_GROUPS;
export const CHANGE_GROUP_CODES = Object.keys(CHANGE_GROUPS) as [ChangeGroup, ...ChangeGroup[]];

/** One plain sentence per group, on its page and the glossary of terms. */
export const CHANGE_GROUP_EXPLAIN: Record<ChangeGroup, string> = {
  cancelled: '本级人民政府决定取消的行政权力事项，今后不再实施。',
  'cancelled-to-filing': '取消审批，改为备案管理：不再审批，但仍需按规定向主管部门备案。',
  'cancelled-above': '国务院、省或市决定取消的事项，本级不再审批，但要按所列措施加强事中事后监管。',
  'taken-over-above': '改由省级或市级部门实施（承接）的事项，本级要按所列措施配合做好事中事后监管。',
  'partially-cancelled': '事项中的一部分被取消，其余部分继续实施。',
  delegated: '审批或管理权限下放到下级政府或部门实施，由接收的部门办理。',
  'partially-delegated': '事项中的一部分权限下放到下级实施，其余仍由原部门实施。',
  entrusted: '权限仍属原部门，委托其他部门或下级代为实施。',
  'taken-over': '上级下放或取消后，由本级部门承接实施的事项。',
  recalled: '此前下放或委托的权限收回，由原部门实施。',
  adjusted: '事项的类型或管理方式调整，例如调整为行政确认、备案或其他行政权力。',
  merged: '几个事项合并为一个事项实施。',
  added: '依据新的法律法规新增的事项。',
  renamed: '事项名称变更，内容不变。',
  empowered: '县级行政权力赋予乡镇（街道）实施。',
};

/**
 * Column roles of an attachment table: what a printed column holds. The header stays as printed; the role
 * says how to read its cells. `verbatim` is any other column: published under its header, never dropped.
 */
export const COLUMN_ROLES = {
  seq: '序号',
  name: '事项名称',
  type: '事项类型',
  department: '实施部门',
  receiver: '接收部门',
  level: '层级',
  basis: '依据',
  measures: '加强事中事后监管措施',
  remark: '备注',
  handling: '调整方式（原文）',
  verbatim: '其他',
} as const;
export type ColumnRole = keyof typeof COLUMN_ROLES;
export const COLUMN_ROLE_CODES = Object.keys(COLUMN_ROLES) as [ColumnRole, ...ColumnRole[]];

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
  effectiveDate: '施行日期',
  publishedDate: '发布日期',
  indexNumber: '索引号',
  subject: '主题分类',
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

/** 附件N */
export function attachmentLabel(n: number): string {
  return `附件${n}`;
}

/** Where an item is printed: 嘉政发〔2021〕2号附件1第3项. */
export function itemPlace(docNumber: string, tableNumber: number, seq: number): string {
  return `${docNumber}${attachmentLabel(tableNumber)}第${seq}项`;
}

/** Map a printed 事项类型 label back to its code (used by importers). */
export function itemTypeFromLabel(label: string): ItemType | undefined {
  const wanted = label.trim();
  return ITEM_TYPE_CODES.find((code) => ITEM_TYPES[code] === wanted);
}

/** 有效性 of a notice, as government portals print it (gov.cn 政策文件库). */
export const VALIDITY = {
  current: '现行有效',
  revised: '已修订',
  repealed: '已废止',
  expired: '失效',
} as const;
export type Validity = keyof typeof VALIDITY;
export const VALIDITY_CODES = Object.keys(VALIDITY) as [Validity, ...Validity[]];

/** Field labels of a notice's 有效性 (frontmatter `validity`). */
export const VALIDITY_FIELDS = {
  status: '有效性',
  date: '变更日期',
  by: '依据文件',
  note: '说明',
} as const;
