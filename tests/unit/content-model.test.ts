/**
 * The content model beyond the two seeds: tables of other shapes pass the check and flatten into items that say
 * what happened in plain words; nothing is invented for a column the source lacks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, formatError } from '../../src/lib/validation/check-content.ts';
import { flattenTables } from '../../src/lib/items.ts';
import { changeGroupOf, changeSentence, resolveChange, rowChange, tableChangeText } from '../../src/lib/change.ts';
import { copyContent } from '../fixtures/content-cases.ts';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

const NOTICE = `---
title: 国务院关于取消和下放一批行政许可事项的决定
docNumber: 国发〔2020〕13号
issuer: 国务院
addressees:
  - 各省、自治区、直辖市人民政府
signedDate: '2020-09-13'
attachments:
  - number: 1
    title: 国务院决定取消的行政许可事项目录
  - number: 2
    title: 国务院决定下放审批层级的行政许可事项目录
  - number: 3
    title: 赋予乡镇（街道）的县级行政权力事项
---

经研究论证，国务院决定取消29项行政许可事项，下放4项行政许可事项的审批层级。

<AttachmentList />

<Signature />
`;

/** 附件1: no 事项类型 column (the title states it), no 备注, 设定依据, （共2项） on the title. */
const CANCELLED = {
  notice: 'guofa-2020-13',
  number: 1,
  title: '国务院决定取消的行政许可事项目录（共2项）',
  change: { action: 'cancel', by: 'state' },
  itemType: 'license',
  printedHeader: ['序号', '事项名称', '审批部门', '设定依据', '加强事中事后监管措施'],
  columns: [
    { key: 'seq', header: '序号' },
    { key: 'name', header: '事项名称' },
    { key: 'department', header: '审批部门' },
    { key: 'basis', header: '设定依据' },
    { key: 'measures', header: '加强事中事后监管措施' },
  ],
  rows: [
    { seq: 1, name: '石油天然气（含煤层气）对外合作项目总体开发方案审批', department: '国家发展改革委', basis: ['《国务院对确需保留的行政审批项目设定行政许可的决定》'], measures: { lead: '取消审批后，国家发展改革委通过以下措施加强监管：', steps: ['加强对开发方案实施情况的事中事后监管。'] } },
    { seq: 2, name: '出版物零售单位和个体工商户设立、变更审批', department: '县级新闻出版主管部门', basis: null, measures: null },
  ],
};

/** 附件2: 下放 with a receiving department per row and a column published as printed (办理时限); no count. */
const DELEGATED = {
  notice: 'guofa-2020-13',
  number: 2,
  title: '国务院决定下放审批层级的行政许可事项目录',
  change: { action: 'delegate', by: 'state' },
  itemType: 'license',
  printedHeader: ['序号', '事项名称', '审批部门', '下放后审批部门', '办理时限'],
  columns: [
    { key: 'seq', header: '序号' },
    { key: 'name', header: '事项名称' },
    { key: 'department', header: '审批部门' },
    { key: 'receiver', header: '下放后审批部门' },
    { key: 'col5', role: 'verbatim', header: '办理时限' },
  ],
  rows: [
    { seq: 1, name: '外商投资旅行社业务许可', department: '文化和旅游部', receiver: '省级人民政府文化和旅游主管部门', col5: '20个工作日' },
    { seq: 2, name: '国内水路运输经营许可', department: '交通运输部', receiver: '设区的市级人民政府交通运输主管部门', col5: null },
  ],
};

/** 附件3: one table, kinds of change per row (委托 / 赋权 to 乡镇), a 处理意见 column; no table-level change. */
const MIXED = {
  notice: 'guofa-2020-13',
  number: 3,
  title: '赋予乡镇（街道）的县级行政权力事项（共2项）',
  printedHeader: ['序号', '事项名称', '事项类型', '处理意见'],
  columns: [
    { key: 'seq', header: '序号' },
    { key: 'name', header: '事项名称' },
    { key: 'type', header: '事项类型' },
    { key: 'handling', header: '处理意见' },
  ],
  rows: [
    { seq: 1, name: '对农村村民未经批准占用土地建设住宅的处罚', type: 'penalty', handling: '赋权乡镇（街道）', change: { action: 'empower', to: 'township' } },
    { seq: 2, name: '临时占用城市绿化用地审批', type: 'license', handling: '委托乡镇（街道）实施', change: { action: 'entrust', to: 'township' } },
  ],
};

function withShapes(edit?: (tables: Record<string, unknown>[]) => void) {
  const { root, content } = copyContent();
  roots.push(root);
  writeFileSync(join(content, 'notices', 'guofa-2020-13.mdx'), NOTICE);
  mkdirSync(join(content, 'tables', 'guofa-2020-13'));
  const tables: Record<string, unknown>[] = structuredClone([CANCELLED, DELEGATED, MIXED]);
  edit?.(tables);
  for (const t of tables) writeFileSync(join(content, 'tables', 'guofa-2020-13', `${t.number}.json`), JSON.stringify(t, null, 2) + '\n');
  return checkContent(root, content);
}

describe('tables of other shapes', () => {
  it('pass the check: no 事项类型 column, no 备注, 设定依据, 下放后审批部门, a verbatim column, （共N项） and no count, changes per row', () => {
    const result = withShapes();
    expect(result.errors.map(formatError)).toEqual([]);
    expect(result.tables.filter((t) => t.data.notice === 'guofa-2020-13')).toHaveLength(3);
  });

  it('flatten into items with exactly the printed cells, and the change in plain words', () => {
    const result = withShapes();
    const items = flattenTables(result.tables.map((t) => t.data).filter((t) => t.notice === 'guofa-2020-13'));
    const byId = new Map(items.map((i) => [i.id, i]));
    const cancelled = byId.get('guofa-2020-13-a1-02')!;
    expect(cancelled.cells.map((c) => [c.header, c.value])).toEqual([
      ['序号', 2],
      ['事项名称', '出版物零售单位和个体工商户设立、变更审批'],
      ['审批部门', '县级新闻出版主管部门'],
      ['设定依据', null],
      ['加强事中事后监管措施', null],
    ]);
    expect(cancelled).toMatchObject({ type: 'license', typeFrom: 'title', changeText: '国务院取消', changeGroup: 'cancelled-above', receiver: null });
    const delegated = byId.get('guofa-2020-13-a2-02')!;
    expect(delegated).toMatchObject({ receiver: '设区的市级人民政府交通运输主管部门', receiverHeader: '下放后审批部门', changeGroup: 'delegated' });
    expect(delegated.changeText).toBe('国务院下放至设区的市级人民政府交通运输主管部门');
    expect(delegated.cells.map((c) => c.header)).toEqual(DELEGATED.printedHeader);
    expect(byId.get('guofa-2020-13-a3-01')).toMatchObject({ changeText: '赋权给乡镇（街道）', changeGroup: 'empowered', ownChange: true, type: 'penalty', typeFrom: 'column', department: null });
    expect(byId.get('guofa-2020-13-a3-02')).toMatchObject({ changeText: '委托乡镇（街道）实施', changeGroup: 'entrusted' });
  });

  it('refuse a row of a table without its own change when the table has none', () => {
    const result = withShapes((t) => delete (t[2]!.rows as Record<string, unknown>[])[1]!.change);
    expect(result.errors.map(formatError).join('\n')).toMatch(/3\.json:\d+ 第 2 行.*rows\.1\.change.*须写明自己的 change/);
  });

  it('refuse a row count that differs from （共N项）', () => {
    const result = withShapes((t) => (t[0]!.rows as unknown[]).pop());
    expect(result.errors.map(formatError).join('\n')).toMatch(/1\.json:\d+ .*行数 1 与声明的 2 项不符/);
  });

  it('accept a notice that says it was withdrawn, and refuse one that says it badly', () => {
    const ok = withShapes();
    expect(ok.notices.get('guofa-2020-13')?.withdrawn).toBeUndefined();
    const { root, content } = copyContent();
    roots.push(root);
    const file = join(content, 'notices', 'jiaxiang-2021-2.mdx');
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace('disclosure: 此件公开发布\n', "disclosure: 此件公开发布\nwithdrawn:\n  action: 废止\n  date: '2023-05-01'\n  reason: 相关事项已重新规定\n"));
    const withdrawn = checkContent(root, content);
    expect(withdrawn.errors.map(formatError)).toEqual([]);
    expect(withdrawn.notices.get('jiaxiang-2021-2')?.withdrawn).toMatchObject({ action: '废止', date: '2023-05-01' });
    writeFileSync(file, source.replace('disclosure: 此件公开发布\n', "disclosure: 此件公开发布\nwithdrawn:\n  action: 作废\n  date: '2023-05-01'\n"));
    expect(checkContent(root, content).errors.map(formatError).join('\n')).toMatch(/jiaxiang-2021-2\.mdx:\d+ .*withdrawn\.action/);
  });

  it('report an invalid table for what is wrong in it, never as missing', () => {
    const result = withShapes((t) => ((t[1]!.rows as Record<string, unknown>[])[0]!.receiver = 42));
    const lines = result.errors.map(formatError);
    expect(lines.join('\n')).toMatch(/2\.json:\d+ 第 1 行.*rows\.0\.receiver.*下放后审批部门/);
    expect(lines.join('\n')).not.toMatch(/没有对应的表格文件/);
  });
});

describe('kinds of change', () => {
  it('keep the five seed codes and their meaning', () => {
    expect(resolveChange('cancelled')).toEqual({ action: 'cancel', by: 'county' });
    expect(changeGroupOf(resolveChange('cancelled-by-province'))).toBe('cancelled-above');
    expect(changeGroupOf(resolveChange('taken-over-by-city'))).toBe('taken-over-above');
    expect(tableChangeText('taken-over-by-province')).toBe('省级承接后需市县加强监管');
    expect(changeSentence(resolveChange('taken-over-by-province'))).toBe('由省级承接');
  });
  it('say what happened in plain words, naming only what the source gives', () => {
    expect(changeSentence({ action: 'delegate', by: 'province', to: 'city' })).toBe('省级下放至市级');
    expect(changeSentence({ action: 'delegate' })).toBe('下放');
    expect(changeSentence({ action: 'delegate', toDepartment: '设区的市级人民政府指定部门' })).toBe('下放至设区的市级人民政府指定部门');
    expect(changeSentence({ action: 'adjust', into: '行政确认' })).toBe('调整为行政确认');
    expect(changeSentence({ action: 'to-filing' })).toBe('取消审批，改为备案');
    expect(changeGroupOf({ action: 'take-over', to: 'county' })).toBe('taken-over');
  });
  it('let a row name only what differs from its table', () => {
    expect(rowChange({ action: 'delegate', by: 'state' }, { action: 'delegate', to: 'city' })).toEqual({ action: 'delegate', by: 'state', to: 'city' });
    expect(rowChange({ action: 'delegate', by: 'state' }, { action: 'cancel' })).toEqual({ action: 'cancel' });
    expect(rowChange('cancelled', undefined)).toEqual({ action: 'cancel', by: 'county' });
  });
});

describe('the status line', () => {
  const notice = { docNumber: '嘉政发〔2021〕2号', signedDate: '2021-02-20' };
  it('says what happened, since when and by which document', async () => {
    const { itemStatus } = await import('../../src/lib/status.ts');
    const cancelled = { change: resolveChange('cancelled'), changeGroup: 'cancelled' as const, receiver: null, type: 'license' as const, tableNumber: 1 };
    expect(itemStatus(cancelled, notice).line).toBe('已取消 · 成文日期 2021年2月20日 · 嘉政发〔2021〕2号 附件1');
    expect(itemStatus({ ...cancelled, changeGroup: 'cancelled-to-filing' }, notice).what).toBe('取消许可，改为备案');
    expect(itemStatus({ ...cancelled, change: resolveChange('cancelled-by-province'), changeGroup: 'cancelled-above', tableNumber: 2 }, notice).what).toBe('省级已取消');
    expect(itemStatus({ ...cancelled, change: resolveChange('taken-over-by-city'), changeGroup: 'taken-over-above' }, notice).what).toBe('已由市级承接');
    const delegated = { change: { action: 'delegate' as const, by: 'state' as const }, changeGroup: 'delegated' as const, receiver: '设区的市级人民政府指定部门', type: null, tableNumber: 2 };
    expect(itemStatus(delegated, { ...notice, effectiveDate: '2021-03-01' }).line).toBe('国务院已下放至设区的市级人民政府指定部门 · 2021年3月1日起 · 嘉政发〔2021〕2号 附件2');
    expect(itemStatus({ ...delegated, change: { action: 'entrust', to: 'township' }, receiver: null }, notice).what).toBe('已委托乡镇（街道）实施');
    expect(itemStatus({ ...delegated, change: { action: 'adjust', into: '行政确认' }, receiver: null }, notice).what).toBe('已调整为行政确认');
  });
});
