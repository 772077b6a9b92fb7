import type { ColumnKey } from './glossary.ts';

/**
 * Map a printed header cell to its column, by the words in it:
 * 序号, 原实施部门 / 实施部门, 事项名称及权限, 事项类型, 取消依据, (市县)加强事中事后监管措施, 备注.
 */
const RULES: [RegExp, ColumnKey][] = [
  [/^序号$/, 'seq'],
  [/实施部门$|^部门$/, 'department'],
  [/^事项名称/, 'name'],
  [/^事项类型$/, 'type'],
  [/依据$/, 'basis'],
  [/监管措施$/, 'measures'],
  [/^备注$/, 'remark'],
];

export function columnKeyFromHeader(header: string): ColumnKey | undefined {
  const h = header.replace(/[\s\u3000]/g, '');
  return RULES.find(([re]) => re.test(h))?.[1];
}
