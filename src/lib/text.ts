/**
 * Cleaning text extracted from Word documents: the same rules for the seed drafts and the .docx importer.
 */
import type { Measures } from '../schemas/item.ts';

/** Remove Word bookmark markers such as `[bookmark: _GoBack]`. */
export function stripBookmarks(s: string): string {
  return s.replace(/\[bookmark: [^\]]*\]/g, '');
}

/** Full-width space and other blank filler that Word leaves in empty cells. */
const BLANK = /^[\s\u3000\u00a0]*$/;

export function isBlank(s: string | undefined | null): boolean {
  return s == null || BLANK.test(s);
}

/** Trim ASCII and full-width white space at both ends. */
export function trimAll(s: string): string {
  return s.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
}

/**
 * Rejoin a name broken over lines by page layout (省自然\n资源厅 → 省自然资源厅).
 * Chinese has no spaces between words, so the pieces are joined with nothing between them.
 */
export function rejoin(lines: string[]): string {
  return lines.map(trimAll).join('');
}

/** Split a cell into its non-blank lines (paragraphs within the cell). */
export function cellLines(cell: string): string[] {
  return stripBookmarks(cell)
    .split(/\r?\n/)
    .map(trimAll)
    .filter((l) => l.length > 0);
}

const STEP = /^(\d+)\s*[.．、]\s*/;

/**
 * 加强事中事后监管措施 as a lead sentence and numbered steps; the numbers themselves are
 * left to the ordered list. Returns null for an empty cell. Throws when the numbering skips,
 * so nothing is silently merged or lost.
 */
export function splitMeasures(cell: string): Measures | null {
  const lines = cellLines(cell);
  if (lines.length === 0) return null;
  let lead: string | undefined;
  const steps: string[] = [];
  for (const line of lines) {
    const m = STEP.exec(line);
    if (m) {
      const n = Number(m[1]);
      if (n !== steps.length + 1) throw new Error(`措施编号不连续：期望 ${steps.length + 1}，得到 ${n} / step numbering skips: “${line}”`);
      steps.push(line.slice(m[0].length));
    } else if (steps.length === 0 && lead === undefined) {
      lead = line;
    } else if (steps.length > 0) {
      // A continuation paragraph of the previous step.
      steps[steps.length - 1] += line;
    } else {
      lead += line;
    }
  }
  return lead === undefined ? { steps } : { lead, steps };
}
