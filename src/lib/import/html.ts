/**
 * Reading the HTML that mammoth makes of a .docx: a small, tolerant parser for its regular output
 * (p, h1–h6, br, table/tr/td/th, ol/ul/li, inline formatting, a, img), turned into a flat list of blocks:
 * paragraphs (as lines, a soft line break starting a new line) and tables (as a grid of cells, each cell
 * its lines). Formatting is dropped: the content files carry text only.
 */

export interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
export type Node = Element | string;

const VOID = new Set(['br', 'img', 'hr', 'col', 'meta', 'link', 'input', 'wbr']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of s.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Parse an HTML fragment into a tree. Unclosed elements are closed at the end; stray end tags are ignored. */
export function parseHtml(html: string): Element {
  const root: Element = { tag: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
  for (const m of html.matchAll(re)) {
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) {
      top.children.push(decodeEntities(m[4]));
    } else if (m[2] !== undefined) {
      const tag = m[2].toLowerCase();
      if (m[1]) {
        const at = stack.map((e) => e.tag).lastIndexOf(tag);
        if (at > 0) stack.length = at;
      } else {
        const el: Element = { tag, attrs: parseAttrs((m[3] ?? '').replace(/\/\s*$/, '')), children: [] };
        top.children.push(el);
        if (!VOID.has(tag) && !/\/\s*$/.test(m[3] ?? '')) stack.push(el);
      }
    } else if (m[0] === '<') {
      top.children.push('<');
    }
  }
  return root;
}

export interface ParagraphBlock {
  kind: 'p';
  /** The paragraph's lines: a soft line break (<br>) in Word starts a new line. */
  lines: string[];
}

export interface Cell {
  /** The cell's lines: one per paragraph, and a soft line break starts a new line. */
  lines: string[];
  rowspan: number;
  colspan: number;
}

export interface TableBlock {
  kind: 'table';
  /** Rows of cells as Word stores them (a merged cell appears once; see `tableGrid`). */
  rows: Cell[][];
}

export type Block = ParagraphBlock | TableBlock;

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote', 'pre']);

/**
 * The text of an element as lines: <br> breaks a line; a nested paragraph or list item starts a new line;
 * an item of an ordered list gets its number back ("1. …"), since Word's automatic numbering is not text.
 */
export function elementLines(el: Element): string[] {
  const lines: string[] = [''];
  const newLine = () => {
    if (lines[lines.length - 1] !== '') lines.push('');
  };
  const walk = (node: Node) => {
    if (typeof node === 'string') {
      lines[lines.length - 1] += node.replace(/[\r\n]+/g, '');
      return;
    }
    if (node.tag === 'br') {
      lines.push('');
      return;
    }
    if (node.tag === 'img') return;
    // Footnote and comment references that mammoth adds as links to the end of the document.
    if (node.tag === 'sup' && node.children.some((c) => typeof c !== 'string' && c.tag === 'a' && /^#(footnote|endnote|comment)-/.test(c.attrs.href ?? ''))) return;
    if (node.tag === 'ol' || node.tag === 'ul') {
      let n = 0;
      for (const child of node.children) {
        if (typeof child === 'string') continue;
        newLine();
        if (child.tag === 'li' && node.tag === 'ol') lines[lines.length - 1] += `${++n}. `;
        child.children.forEach(walk);
        newLine();
      }
      return;
    }
    if (node.tag === 'table') {
      for (const row of rowsOf(node)) for (const cell of row) {
        newLine();
        cell.children.forEach(walk);
        newLine();
      }
      return;
    }
    const block = BLOCK_TAGS.has(node.tag);
    if (block) newLine();
    node.children.forEach(walk);
    if (block) newLine();
  };
  el.children.forEach(walk);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function rowsOf(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      if (child.tag === 'tr') rows.push(child.children.filter((c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th')));
      else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function span(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 1 ? n : 1;
}

/** The blocks of a document in reading order: its paragraphs and tables (lists become paragraphs). */
export function blocksFromHtml(html: string): Block[] {
  const blocks: Block[] = [];
  const visit = (nodes: Node[]) => {
    let loose: Element | null = null;
    const flushLoose = () => {
      if (loose) blocks.push({ kind: 'p', lines: elementLines(loose) });
      loose = null;
    };
    for (const node of nodes) {
      if (typeof node === 'string' || !(BLOCK_TAGS.has(node.tag) || node.tag === 'table' || node.tag === 'ol' || node.tag === 'ul')) {
        // Inline content at the top level (not something mammoth writes, but be tolerant).
        if (typeof node === 'string' && node.trim() === '' && !loose) continue;
        loose ??= { tag: 'p', attrs: {}, children: [] };
        loose.children.push(node);
        continue;
      }
      flushLoose();
      if (node.tag === 'table') {
        blocks.push({
          kind: 'table',
          rows: rowsOf(node).map((cells) => cells.map((c) => ({ lines: elementLines(c), rowspan: span(c.attrs.rowspan), colspan: span(c.attrs.colspan) }))),
        });
      } else if (node.tag === 'ol' || node.tag === 'ul') {
        let n = 0;
        for (const li of node.children) {
          if (typeof li === 'string') continue;
          const lines = elementLines(li);
          if (node.tag === 'ol') lines[0] = `${++n}. ${lines[0]}`;
          blocks.push({ kind: 'p', lines });
        }
      } else if (node.tag === 'div' || node.tag === 'blockquote') {
        visit(node.children);
      } else {
        blocks.push({ kind: 'p', lines: elementLines(node) });
      }
    }
    flushLoose();
  };
  visit(parseHtml(html).children);
  return blocks;
}

/**
 * Lay a table's rows out on a grid, the way it is printed: a cell merged down (rowspan) repeats its text
 * in each row it spans; a cell merged across (colspan) fills its first column and leaves the others empty.
 * Rows shorter than the widest are padded with empty cells.
 */
export function tableGrid(rows: Cell[][]): string[][][] {
  const grid: (string[] | undefined)[][] = [];
  rows.forEach((cells, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = dc === 0 ? cell.lines : [];
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? []));
}
