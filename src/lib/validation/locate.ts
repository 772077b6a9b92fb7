/**
 * Find the line a value stands on, so an error names file:line as well as row and field.
 */
import jsonc from 'jsonc-parser';
import { LineCounter, parseDocument, isNode } from 'yaml';

export type Path = (string | number)[];

/**
 * The last text's parse tree and line starts, reused: a table with 20,000 broken rows has 40,000 errors, and
 * parsing the 10 MB text and counting lines again for each one made the check take hours (quadratic).
 */
let jsonCache: { text: string; root: jsonc.Node | undefined; lineStarts: number[] } | undefined;
let yamlCache: { text: string; doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } | undefined;

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(text: string, offset: number, lineStarts = lineStartsOf(text)): number {
  // The number of line starts at or before offset (binary search).
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function jsonTree(text: string): { root: jsonc.Node | undefined; lineStarts: number[] } {
  if (jsonCache?.text !== text) jsonCache = { text, root: jsonc.parseTree(text), lineStarts: lineStartsOf(text) };
  return jsonCache;
}

/** Line of the deepest node along `path` that exists in the JSON text (1-based). */
export function jsonLine(text: string, path: Path): number {
  const { root, lineStarts } = jsonTree(text);
  if (!root) return 1;
  for (let n = path.length; n >= 0; n--) {
    const node = jsonc.findNodeAtLocation(root, path.slice(0, n));
    if (node) {
      // For a property value, point at its key's line.
      const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      return lineAt(text, at, lineStarts);
    }
  }
  return 1;
}

/** Where a JSON text fails to parse: line and a message, or undefined when it parses. */
export function jsonSyntaxError(text: string): { line: number; message: string } | undefined {
  const errors: jsonc.ParseError[] = [];
  jsonc.parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  const e = errors[0];
  if (!e) return undefined;
  return { line: lineAt(text, e.offset), message: jsonc.printParseErrorCode(e.error) };
}

/** Line (1-based, within the YAML text) of the deepest node along `path`. */
export function yamlLine(yamlText: string, path: Path): number {
  if (yamlCache?.text !== yamlText) {
    const lineCounter = new LineCounter();
    yamlCache = { text: yamlText, doc: parseDocument(yamlText, { lineCounter }), lineCounter };
  }
  const { doc, lineCounter } = yamlCache;
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}
