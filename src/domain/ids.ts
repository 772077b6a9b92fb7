/** Public identifiers. URLs are a contract: /items/{notice}-a{n}-{seq:02}/ */

export function itemId(notice: string, table: number, seq: number): string {
  return `${notice}-a${table}-${String(seq).padStart(2, '0')}`;
}

/** The id of a table entry in the `tables` collection: {notice}/{n} */
export function tableId(notice: string, table: number): string {
  return `${notice}/${table}`;
}

export function parseItemId(id: string): { notice: string; table: number; seq: number } | undefined {
  const m = /^(.+)-a(\d+)-(\d{2,})$/.exec(id);
  return m ? { notice: m[1]!, table: Number(m[2]), seq: Number(m[3]) } : undefined;
}
