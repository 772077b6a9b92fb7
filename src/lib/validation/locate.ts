/**
 * Find the line a value stands on, so an error names file:line as well as row and field.
 */
import jsonc from 'jsonc-parser';
import { LineCounter, parseDocument, isNode } from 'yaml';

export type Path = (string | number)[];

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line of the deepest node along `path` that exists in the JSON text (1-based). */
export function jsonLine(text: string, path: Path): number {
  const root = jsonc.parseTree(text);
  if (!root) return 1;
  for (let n = path.length; n >= 0; n--) {
    const node = jsonc.findNodeAtLocation(root, path.slice(0, n));
    if (node) {
      // For a property value, point at its key's line.
      const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      return lineAt(text, at);
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}
