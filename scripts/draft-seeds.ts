/**
 * Drafts content files from the recorded seed texts in content/sources/.
 * Run once, by hand (`node scripts/draft-seeds.ts --out DIR`); the drafts were reviewed line by line and
 * committed, and from then on the committed files are the source of truth (tests compare them to the seeds).
 * The Jiaxiang tables are drafted here; the notice bodies were written by hand from the same texts.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { itemTypeFromLabel, type ColumnKey } from '../src/domain/glossary.ts';
import { cellLines, isBlank, rejoin, splitMeasures, stripBookmarks } from '../src/lib/text.ts';
import { columnKeyFromHeader } from '../src/domain/columns.ts';
import { declaredCountInTitle } from '../src/schemas/table.ts';

const CHANGE_BY_TITLE: [RegExp, string][] = [
  [/^取消行政权力事项/, 'cancelled'],
  [/^省级取消/, 'cancelled-by-province'],
  [/^市级取消/, 'cancelled-by-city'],
  [/^省级承接/, 'taken-over-by-province'],
  [/^市级承接/, 'taken-over-by-city'],
];

export function draftJiaxiangTables(source: string, notice: string) {
  const lines = stripBookmarks(source).split(/\r?\n/);
  const starts = lines.flatMap((l, i) => (/^\s*附件(\d+)\s*$/.test(l) ? [i] : []));
  return starts.map((start, t) => {
    const end = starts[t + 1] ?? lines.length;
    const number = Number(/附件(\d+)/.exec(lines[start]!)![1]);
    const title = lines[start + 1]!.trim();
    // Cells: a line starting with a tab opens a cell; other non-empty lines continue it; blank lines end a row.
    const groups: string[][] = [];
    let row: string[] | null = null;
    for (const line of lines.slice(start + 2, end)) {
      if (line.startsWith('\t')) {
        if (!row) groups.push((row = []));
        row.push(line.slice(1));
      } else if (line.trim() === '') {
        row = null;
      } else if (row) {
        row[row.length - 1] += '\n' + line;
      }
    }
    const [header, ...body] = groups;
    const columns = header!.map((h) => {
      const printed = rejoin(h.split('\n'));
      const key = columnKeyFromHeader(printed);
      if (!key) throw new Error(`附件${number}: unknown column ${printed}`);
      return { key, header: printed };
    });
    const rows = body.map((cells) => {
      const cell = (k: ColumnKey) => cells[columns.findIndex((c) => c.key === k)] ?? '';
      const type = itemTypeFromLabel(rejoin(cellLines(cell('type'))));
      const r: Record<string, unknown> = {
        seq: Number(cell('seq').trim()),
        department: rejoin(cellLines(cell('department'))),
        name: rejoin(cellLines(cell('name'))),
        type,
      };
      if (columns.some((c) => c.key === 'basis')) r.basis = isBlank(cell('basis')) ? null : cellLines(cell('basis'));
      r.measures = splitMeasures(cell('measures'));
      r.remark = isBlank(cell('remark')) ? null : rejoin(cellLines(cell('remark')));
      return r;
    });
    const change = CHANGE_BY_TITLE.find(([re]) => re.test(title))?.[1];
    return { notice, number, title, declaredCount: declaredCountInTitle(title), change, columns, rows };
  });
}

if (import.meta.main) {
  const out = process.argv[process.argv.indexOf('--out') + 1] ?? 'content';
  const src = readFileSync('content/sources/jiaxiang-2021-2-notice.txt', 'utf8');
  for (const table of draftJiaxiangTables(src, 'jiaxiang-2021-2')) {
    const dir = join(out, 'tables', table.notice);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${table.number}.json`), JSON.stringify(table, null, 2) + '\n');
    console.log(`附件${table.number}: ${table.rows.length} rows`);
  }
}
