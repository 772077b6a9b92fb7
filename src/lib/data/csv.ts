/**
 * CSV as Excel and WPS open it without an import dialog: UTF-8 with a byte-order mark (else Excel reads GBK),
 * CRLF between records, every field quoted (a cell holds line breaks, commas and quotes; quoting all keeps
 * 序号 01 or a 发文字号 from being reinterpreted), quotes doubled (RFC 4180).
 */
export const BOM = '\uFEFF';

export function csvField(value: string | number): string {
  return `"${String(value).replace(/"/g, '""')}"`;
}

/** One record and its line end. */
export function csvRecord(row: readonly (string | number)[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

/** A whole file: the byte-order mark, then each record (a table's file always has its header row). */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map(csvRecord).join('');
}
