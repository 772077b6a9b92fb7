/**
 * The attachment workbooks are written in a worker thread of their own (src/lib/data/xlsx-thread.ts): what comes
 * back is the workbook tableXlsx writes — its sheet, the printed header and every cell, read back with
 * read-excel-file — and a failing workbook rejects instead of hanging the build.
 */
import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { tableXlsxInThread } from '../../src/lib/data/xlsx-thread.ts';

describe('tableXlsxInThread', () => {
  it('returns the workbook: sheet 附件1, the printed header, each row as given (empty cells empty)', async () => {
    const header = ['序号', '事项名称', '备注'];
    const rows = [
      [1, '典当业特种行业许可证核发', ''],
      [2, '乡村兽医登记许可', '下放至乡镇\n第二行'],
    ];
    const [a, b] = await Promise.all([tableXlsxInThread('附件1', header, rows), tableXlsxInThread('附件2', header, rows.slice(0, 1))]);
    const sheets = await readXlsxFile(Buffer.from(a));
    expect(sheets.map((s) => s.sheet)).toEqual(['附件1']);
    expect(sheets[0]!.data).toEqual([header, [1, '典当业特种行业许可证核发', null], [2, '乡村兽医登记许可', '下放至乡镇\n第二行']]);
    expect((await readXlsxFile(Buffer.from(b)))[0]!.data).toEqual([header, [1, '典当业特种行业许可证核发', null]]);
  });

  it('rejects when the workbook cannot be written, and keeps writing the next ones', async () => {
    // A header that is not a list fails inside the worker; a value that cannot be sent fails before it.
    await expect(tableXlsxInThread('附件1', '序号' as unknown as string[], [])).rejects.toThrow(/map/);
    await expect(tableXlsxInThread('附件1', ['序号'], [[Symbol('x') as unknown as string]])).rejects.toThrow();
    const sheets = await readXlsxFile(Buffer.from(await tableXlsxInThread('附件3', ['序号'], [[3]])));
    expect(sheets[0]!.data).toEqual([['序号'], [3]]);
  });
});
