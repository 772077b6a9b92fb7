/**
 * A printed header cell → the role of its column (see COLUMN_ROLES in ./glossary.ts), by the words in it.
 * The header itself is always kept as printed; an unrecognised header is a `verbatim` column.
 * Seen in published tables: 序号 | 事项名称(及权限) | 事项类型 | 原实施部门 / 实施部门 / 审批部门 / 实施主体 |
 * 下放后审批部门 / 承接部门 | 实施层级 | 设定依据 / 实施依据 / 取消依据 | (市县)加强事中事后监管措施 | 备注 | 处理意见 …
 */
import type { ColumnRole } from './glossary.ts';

/** First match wins: the receiving department before the department, the level before both. */
const RULES: [RegExp, ColumnRole][] = [
  [/^(序号|编号)$/, 'seq'],
  [/^(处理意见|处理决定|处理方式|调整方式|调整意见|调整情况|改革方式|审改意见|改革措施|调整类别)$/, 'handling'],
  [/^(事项|权力|职权)?(类型|类别)$/, 'type'],
  [/层级$/, 'level'],
  [/^(下放后|调整后|承接|接收|受委托|赋权后?)|承接(部门|单位|主体)$/, 'receiver'],
  [/依据$/, 'basis'],
  [/监管措施$|^(事中事后)?监管(措施|方式)/, 'measures'],
  [/^(备注|说明)$/, 'remark'],
  [/(部门|机关|单位|主体)$/, 'department'],
  [/名称|^(审批|许可|权力|行政权力)?事项$/, 'name'],
];

/** Header text with the white space of two-line or letter-spaced header cells removed. */
export function compactHeader(header: string): string {
  return header.replace(/[\s\u3000]/g, '');
}

/** The role of a printed header, or undefined when none fits (then the column is published verbatim). */
export function roleFromHeader(header: string): Exclude<ColumnRole, 'verbatim'> | undefined {
  const h = compactHeader(header);
  return RULES.find(([re]) => re.test(h))?.[1] as Exclude<ColumnRole, 'verbatim'> | undefined;
}
