/**
 * What each field of the published records means, its type and its allowed values — the /data/ page's field
 * list. Allowed values are the glossary's codes and labels; the list of fields is checked against the record
 * schemas by a unit test, so a field added to a record without a line here fails.
 */
import { ACTION_CODES, ACTIONS, CHANGE_GROUP_CODES, CHANGE_GROUPS, COLUMN_ROLE_CODES, COLUMN_ROLES, ITEM_TYPE_CODES, ITEM_TYPES, LEVEL_CODES, LEVELS, NOTICE_FIELDS, VALIDITY, VALIDITY_CODES } from '../../domain/glossary.ts';

export interface FieldDoc {
  name: string;
  meaning: string;
  type: string;
  values?: string;
}

const list = <K extends string>(codes: readonly K[], label: (k: K) => string) => codes.map((c) => `${c}（${label(c)}）`).join('、');

export const TYPE_VALUES = list(ITEM_TYPE_CODES, (c) => ITEM_TYPES[c]);
export const CHANGE_GROUP_VALUES = list(CHANGE_GROUP_CODES, (c) => CHANGE_GROUPS[c]);
export const ROLE_VALUES = list(COLUMN_ROLE_CODES, (c) => COLUMN_ROLES[c]);
export const ACTION_VALUES = list(ACTION_CODES, (c) => ACTIONS[c].label);
export const LEVEL_VALUES = list(LEVEL_CODES, (c) => LEVELS[c].level);
export const VALIDITY_VALUES = list(VALIDITY_CODES, (c) => VALIDITY[c]);

export const ITEM_FIELD_DOCS: FieldDoc[] = [
  { name: 'id', meaning: '事项编号：{文件}-a{附件序号}-{序号}，也是事项网址的一部分', type: '文字' },
  { name: 'url', meaning: '事项页面的网址', type: '网址' },
  { name: 'json', meaning: '本事项单独的 JSON 文件的网址', type: '网址' },
  { name: 'notice', meaning: '所属文件：id（文件网址名）、docNumber（发文字号）、title（标题）、issuer（发文机关）、signedDate（成文日期）、url', type: '对象' },
  { name: 'table', meaning: '所属附件：number（附件序号）、title（附件标题，按原文）、url、csv、xlsx（本表下载）', type: '对象' },
  { name: 'seq', meaning: '序号（在附件中的顺序）', type: '整数' },
  { name: 'name', meaning: '事项名称，按原文', type: '文字' },
  { name: 'type', meaning: '事项类型代码；原文未列明时为 null', type: '代码或 null', values: TYPE_VALUES },
  { name: 'typeLabel', meaning: '事项类型名称', type: '文字或 null' },
  { name: 'typeFrom', meaning: '事项类型出自何处：column（本行“事项类型”栏）、title（附件标题）；未列明时为 null', type: '代码或 null', values: 'column、title' },
  { name: 'department', meaning: '实施部门（原实施部门、审批部门等），按原文', type: '文字或 null' },
  { name: 'departmentHeader', meaning: '实施部门一栏的原文表头', type: '文字或 null' },
  { name: 'receiver', meaning: '接收部门（下放后审批部门、承接部门等），按原文', type: '文字或 null' },
  { name: 'receiverHeader', meaning: '接收部门一栏的原文表头', type: '文字或 null' },
  { name: 'change', meaning: '调整方式：action（做法）、by（决定层级）、to（去向层级）、toDepartment（去向部门）、into（调整为）', type: '对象', values: `action：${ACTION_VALUES}；by、to：${LEVEL_VALUES}` },
  { name: 'ownChange', meaning: '本行是否单独写明了自己的调整方式（否则沿用附件的）', type: '是/否' },
  { name: 'changeGroup', meaning: '按调整方式浏览时所属的类别代码', type: '代码', values: CHANGE_GROUP_VALUES },
  { name: 'changeGroupLabel', meaning: '调整方式类别的名称', type: '文字' },
  { name: 'changeText', meaning: '调整情况的一句话说明，如“取消”“由省级承接”', type: '文字' },
  { name: 'cells', meaning: '原文每一栏：key（栏目代码）、role（作用）、header（原文表头）、value（内容：依据为段落数组，监管措施为 lead 导语和 steps 措施数组，空白栏为 null）、text（同一内容的文字形式，与 CSV 相同）', type: '数组', values: `role：${ROLE_VALUES}` },
  { name: 'cites', meaning: '本事项“依据”“监管措施”栏中引用的文件：key、docNumber（发文字号）、title（标题）、label、url（引用关系页，或本站的文件页）', type: '数组' },
  { name: 'validity', meaning: '所属文件的有效性：status、date（变更日期）、by（依据文件）、note（说明）；文件未列明时为 null', type: '对象或 null', values: `status：${VALIDITY_VALUES}` },
];

export const NOTICE_FIELD_DOCS: FieldDoc[] = [
  { name: 'id', meaning: '文件网址名，如 jiaxiang-2021-2', type: '文字' },
  { name: 'url', meaning: '文件页面的网址', type: '网址' },
  { name: 'title', meaning: NOTICE_FIELDS.title, type: '文字' },
  { name: 'docNumber', meaning: NOTICE_FIELDS.docNumber, type: '文字' },
  { name: 'issuer', meaning: NOTICE_FIELDS.issuer, type: '文字' },
  { name: 'letterhead', meaning: `${NOTICE_FIELDS.letterhead}（原文有时）`, type: '文字' },
  { name: 'addressees', meaning: NOTICE_FIELDS.addressees, type: '文字数组' },
  { name: 'signedDate', meaning: `${NOTICE_FIELDS.signedDate}（YYYY-MM-DD）`, type: '日期' },
  { name: 'effectiveDate', meaning: `${NOTICE_FIELDS.effectiveDate}（原文有时）`, type: '日期' },
  { name: 'publishedDate', meaning: `${NOTICE_FIELDS.publishedDate}（原文有时）`, type: '日期' },
  { name: 'indexNumber', meaning: `${NOTICE_FIELDS.indexNumber}（原文有时）`, type: '文字' },
  { name: 'subject', meaning: `${NOTICE_FIELDS.subject}（原文有时）`, type: '文字' },
  { name: 'disclosure', meaning: NOTICE_FIELDS.disclosure, type: '文字' },
  { name: 'validity', meaning: `${NOTICE_FIELDS.validity}：status、date、by、note（文件未列明时没有此字段）`, type: '对象', values: `status：${VALIDITY_VALUES}` },
  { name: 'cites', meaning: `${NOTICE_FIELDS.cites}：docNumber、title、label、url`, type: '数组' },
  { name: 'attachments', meaning: `${NOTICE_FIELDS.attachments}：number、title、url、csv、xlsx、itemCount（事项数）`, type: '数组' },
  { name: 'planTitle', meaning: '工作方案的标题（印发方案的通知才有）', type: '文字' },
  { name: 'tasks', meaning: '工作方案的主要任务：number、title、text、role（责任部门或牵头部门）、departments', type: '数组' },
  { name: 'imprint', meaning: `${NOTICE_FIELDS.imprint}：org（印发机关）、date（印发日期）`, type: '对象' },
  { name: 'contact', meaning: '文件所列联系方式：address、email', type: '对象' },
  { name: 'itemCount', meaning: '各附件事项数之和', type: '整数' },
  { name: 'citedBy', meaning: '本站引用本文件的文件（notices）和事项（items）的编号', type: '对象' },
];
