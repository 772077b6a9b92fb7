/**
 * An attachment table as an .xlsx workbook (write-excel-file): one sheet named 附件N, the printed header row
 * in bold and frozen, one row per item, 序号 as a number, long cells wrapped.
 */
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';

export async function tableXlsx(sheet: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const data: SheetData = [
    header.map((h) => ({ value: h, fontWeight: 'bold' as const, wrap: true })),
    ...rows.map((r) => r.map((v) => (typeof v === 'number' ? { value: v, type: Number } : v === '' ? null : { value: v, type: String, wrap: true }))),
  ];
  // Column widths in characters: narrow for 序号 and short cells, wide for 依据 and 监管措施.
  const columns = header.map((h, i) => {
    const longest = Math.max(h.length, ...rows.map((r) => Math.max(...String(r[i] ?? '').split('\n').map((l) => l.length))));
    return { width: Math.min(60, Math.max(6, longest * 2)) };
  });
  return writeXlsxFile(data, { sheet, columns, stickyRowsCount: 1 }).toBuffer();
}
