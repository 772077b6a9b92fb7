/**
 * From an attachment section (title + a grid of cells) to the data of content/tables/{slug}/{n}.json:
 * columns mapped by their header text, rows cleaned the same way the seed drafts were (scripts/draft-seeds.ts),
 * measures split into a lead and steps, the kind of change read from the title.
 */
import { CHANGE_CODES, CHANGES, COLUMN_KEYS, itemTypeFromLabel, type Change, type ColumnKey } from '../../domain/glossary.ts';
import { columnKeyFromHeader } from '../../domain/columns.ts';
import { cellLines, isBlank, rejoin, splitMeasures } from '../text.ts';
import { declaredCountInTitle } from '../../schemas/table.ts';
import { asciiDigits } from './notice.ts';
import type { AttachmentSection, ImportIssue, RowDraft, TableDraft } from './model.ts';

/** The kind of change a table records, from its title: 省级取消后需市县加强监管的事项（7项） → cancelled-by-province. */
export function changeFromTitle(title: string): Change | undefined {
  const t = title.replace(/[\s\u3000]/g, '');
  const byLong = CHANGE_CODES.find((c) => t.startsWith(CHANGES[c].long));
  if (byLong) return byLong;
  // Otherwise by the short label, longest first (省级取消 before 取消).
  const byLabel = [...CHANGE_CODES].sort((x, y) => CHANGES[y].label.length - CHANGES[x].label.length);
  return byLabel.find((c) => t.startsWith(CHANGES[c].label));
}

export interface TableProgress {
  table: number;
  title: string;
  rowsDone: number;
  rowsTotal: number;
}

export interface TableOptions {
  /** Called after every `progressEvery` rows and once when the table is done. */
  onProgress?: (p: TableProgress) => void;
  progressEvery?: number;
}

function isTitleRow(cells: string[][]): boolean {
  const filled = cells.filter((c) => c.length > 0);
  return filled.length === 1 && columnKeyFromHeader(rejoin(filled[0]!)) === undefined;
}

function parseSeq(printed: string): number | string {
  const s = asciiDigits(printed).replace(/[.．、]$/, '');
  return /^\d+$/.test(s) ? Number(s) : printed;
}

export function tableFromSection(section: AttachmentSection, notice: string, options: TableOptions = {}): { table: TableDraft; issues: ImportIssue[] } {
  const { onProgress, progressEvery = 100 } = options;
  const at = `附件${section.number}`;
  const issues: ImportIssue[] = [];
  let title = section.title;
  let grid = section.grid;

  // A first row that is a single merged cell holding the title (some tables carry it inside the table).
  if (grid.length > 1 && isTitleRow(grid[0]!)) {
    const inTable = rejoin(grid[0]!.find((c) => c.length > 0)!);
    if (!title) title = inTable;
    else if (inTable !== title) issues.push({ kind: 'unmapped-text', where: at, message: `表格首行“${inTable}”未导入（标题取自表格上方） / first table row not imported` });
    grid = grid.slice(1);
  }

  const [header = [], ...body] = grid;
  const printedHeaders = header.map((cell) => rejoin(cell));
  const keep: number[] = [];
  const columns: { key: string; header: string }[] = [];
  printedHeaders.forEach((printed, i) => {
    const blankColumn = printed === '' && body.every((row) => (row[i] ?? []).length === 0);
    if (blankColumn) return; // an empty spacer column left by the layout
    const key = columnKeyFromHeader(printed);
    if (!key) {
      issues.push({
        kind: 'unknown-column',
        where: `${at} 第${i + 1}列`,
        message: `未能识别的列“${printed || '（表头为空）'}”，已原样写入，npm run check 会指出它；可识别的列：${COLUMN_KEYS.join('、')}（见 src/lib/columns.ts） / unknown column`,
      });
    } else if (columns.some((c) => c.key === key)) {
      issues.push({ kind: 'unknown-column', where: `${at} 第${i + 1}列`, message: `列“${printed}”与前面的列同属 ${key}，已原样写入 / a second ${key} column` });
    }
    keep.push(i);
    columns.push({ key: key && !columns.some((c) => c.key === key) ? key : printed || `列${i + 1}`, header: printed });
  });

  const index = (k: ColumnKey) => columns.findIndex((c) => c.key === k);
  const rows: RowDraft[] = [];
  const dataRows = body.filter((cells, r) => {
    if (cells.every((c) => c.length === 0)) return false;
    if (cells.length === header.length && cells.every((c, i) => rejoin(c) === printedHeaders[i])) {
      issues.push({ kind: 'unmapped-text', where: `${at} 表格第${r + 2}行`, message: '重复的表头行已跳过 / a repeated header row was skipped' });
      return false;
    }
    return true;
  });
  dataRows.forEach((cells, r) => {
    const cell = (k: ColumnKey): string => {
      const i = index(k);
      return i === -1 ? '' : (cells[keep[i]!] ?? []).join('\n');
    };
    const where = `${at} 第${r + 1}行`;
    const row: RowDraft = {
      seq: parseSeq(rejoin(cellLines(cell('seq')))),
      department: rejoin(cellLines(cell('department'))),
      name: rejoin(cellLines(cell('name'))),
      type: '',
      measures: null,
      remark: null,
    };
    if (typeof row.seq === 'string') issues.push({ kind: 'seq', where, message: `序号“${row.seq}”不是整数 / seq is not a whole number` });
    const typeLabel = rejoin(cellLines(cell('type')));
    const type = itemTypeFromLabel(typeLabel);
    if (!type) issues.push({ kind: 'unknown-type', where, message: `未知的事项类型“${typeLabel}”（应为十类行政权力之一），已原样写入 / unknown item type` });
    row.type = type ?? typeLabel;
    if (index('basis') !== -1) row.basis = isBlank(cell('basis')) ? null : cellLines(cell('basis'));
    try {
      row.measures = splitMeasures(cell('measures'));
    } catch (e) {
      row.measures = { steps: cellLines(cell('measures')) };
      issues.push({ kind: 'measures', where, message: `监管措施未能拆分（${(e as Error).message}），已按原段落写入，请核对 / measures could not be split` });
    }
    row.remark = isBlank(cell('remark')) ? null : rejoin(cellLines(cell('remark')));
    columns.forEach((c, i) => {
      if (!(COLUMN_KEYS as readonly string[]).includes(c.key)) row[c.key] = cellLines((cells[keep[i]!] ?? []).join('\n')).join('\n');
    });
    // Key order as in the committed files: seq, department, name, type, basis, measures, remark.
    const { seq, department, name, type: t, basis, measures, remark, ...unknown } = row;
    rows.push({ seq, department, name, type: t, ...(basis !== undefined ? { basis } : {}), measures, remark, ...unknown });
    if (onProgress && (r + 1) % progressEvery === 0 && r + 1 < dataRows.length) {
      onProgress({ table: section.number, title, rowsDone: r + 1, rowsTotal: dataRows.length });
    }
  });
  onProgress?.({ table: section.number, title, rowsDone: dataRows.length, rowsTotal: dataRows.length });

  const declared = declaredCountInTitle(title);
  const change = changeFromTitle(title);
  const table: TableDraft = { notice, number: section.number, title, ...(declared !== undefined ? { declaredCount: declared } : {}), ...(change ? { change } : {}), columns, rows };
  if (declared === undefined) {
    issues.push({ kind: 'count', where: at, message: `标题“${title}”没有以（N项）结尾，declaredCount 未填写 / the title declares no count` });
  } else if (declared !== rows.length) {
    issues.push({ kind: 'count', where: at, message: `标题声明 ${declared} 项，表格有 ${rows.length} 行 / the title declares ${declared}, the table has ${rows.length} rows` });
  }
  if (!change) {
    issues.push({
      kind: 'unknown-change',
      where: at,
      message: `未能从标题“${title}”判断调整方式，change 未填写；应为 ${CHANGE_CODES.map((c) => `${c}（${CHANGES[c].long}）`).join('、')} 之一 / unknown kind of change`,
    });
  }
  return { table, issues };
}
