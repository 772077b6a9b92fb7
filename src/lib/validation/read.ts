/**
 * Reading a content file defensively, before any schema sees it: what a careless or hostile file can carry that
 * the schemas cannot see, or that would crash or stall a parser. Pure functions; each problem is a ContentError
 * without the file name (the caller adds it), Chinese first, English after.
 *
 * - the bytes: a BOM, invalid UTF-8, a file too large to be a notice or a table;
 * - the text of every field (frontmatter, JSON, MDX body): Unicode bidi controls and invisible characters
 *   (Trojan-Source: a 发文字号 that shows one thing and is another), control characters, lone surrogates,
 *   a field far too long to be typed;
 * - JSON: duplicate keys (JSON.parse keeps the last one silently), nesting deep enough to overflow a parser;
 * - YAML frontmatter: anchors, aliases and merge keys (a few lines can expand to millions of nodes) and explicit
 *   tags (`!!js/function`, `!custom`): none is needed to write a notice.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import jsonc from 'jsonc-parser';
import { isAlias, isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { splitFrontmatter, type ContentError } from './check-content.ts';

export type Problem = Omit<ContentError, 'file'>;

/** Larger than any real notice or table (the 36-item Jiaxiang table is 60 KB); a 20,000-row table is ~15 MB. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** Longer than any field of a real notice (the longest 措施 text is under 2,000 characters). */
export const MAX_FIELD_CHARS = 100_000;
/** Deeper than any notice or table needs (a table is 4 levels deep). */
export const MAX_JSON_DEPTH = 32;

const INVISIBLE: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x00ad: 'SOFT HYPHEN',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
  0xfff9: 'INTERLINEAR ANNOTATION ANCHOR',
  0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR',
  0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
};

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first character of a text that a reader cannot see or that reorders what they see: bidi controls,
 * zero-width characters, control characters other than tab and line breaks, lone surrogates, noncharacters.
 */
export function hiddenCharacter(text: string): { index: number; code: number; name: string } | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && code >= 0x20 && code !== 0x7f) continue;
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return { index: i, code, name: 'CONTROL CHARACTER' };
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const cp = text.codePointAt(i)!;
        if ((cp & 0xfffe) === 0xfffe) return { index: i, code: cp, name: 'NONCHARACTER' };
        if (cp >= 0xe0000 && cp <= 0xe007f) return { index: i, code: cp, name: 'TAG CHARACTER' };
        i++;
        continue;
      }
      return { index: i, code, name: 'LONE SURROGATE' };
    }
    if (code >= 0xdc00 && code <= 0xdfff) return { index: i, code, name: 'LONE SURROGATE' };
    if (code === 0xfffe || code === 0xffff || (code >= 0xfdd0 && code <= 0xfdef)) return { index: i, code, name: 'NONCHARACTER' };
    const name = INVISIBLE[code];
    if (name) return { index: i, code, name };
  }
  return undefined;
}

/** The problem with one text field, if any: a hidden character, or a length no real field has. */
export function fieldTextProblem(text: string): { value: string; message: string } | undefined {
  if (text.length > MAX_FIELD_CHARS) {
    return {
      value: `${text.slice(0, 20)}…（${text.length} 个字符）`,
      message: `字段长达 ${text.length} 个字符，超过上限 ${MAX_FIELD_CHARS}，疑似粘贴错误，请核对原件 / field is ${text.length} characters long, over the limit of ${MAX_FIELD_CHARS}: check it against the original`,
    };
  }
  const hidden = hiddenCharacter(text);
  if (!hidden) return undefined;
  const before = text.slice(Math.max(0, hidden.index - 12), hidden.index);
  return {
    value: `${before}⟨${hex(hidden.code)}⟩`,
    message: `第 ${hidden.index + 1} 个字符是看不见的 ${hex(hidden.code)}（${hidden.name}），会让显示的文字与实际文字不同，请删除后重新输入 / invisible character ${hex(hidden.code)} ${hidden.name}: what readers see would differ from the text; delete it and retype`,
  };
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Decode a content file's bytes. A BOM, invalid UTF-8 or an oversized file is a problem and no text is returned,
 * so nothing downstream reads a mis-decoded file. CRLF line ends are fine (Windows editors write them).
 */
export function decodeContent(bytes: Uint8Array): { text?: string; problems: Problem[] } {
  if (bytes.length > MAX_FILE_BYTES) {
    return { problems: [{ line: 1, field: '', value: `${bytes.length} 字节`, message: `文件大小 ${(bytes.length / 1048576).toFixed(1)} MB，超过上限 ${MAX_FILE_BYTES / 1048576} MB，请拆分 / file is larger than ${MAX_FILE_BYTES / 1048576} MB: split it` }] };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { problems: [{ line: 1, field: '', message: '文件以 BOM（EF BB BF）开头，请在编辑器中另存为“UTF-8（无 BOM）” / the file starts with a byte order mark: save it as UTF-8 without BOM' }] };
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    return {
      problems: [{
        line: lineOfByte(bytes, bad),
        field: '',
        value: `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')}（第 ${bad} 字节）`,
        message: '文件不是有效的 UTF-8 编码（可能是 GBK 另存），请在编辑器中另存为“UTF-8（无 BOM）” / the file is not valid UTF-8 (GBK?): save it as UTF-8',
      }],
    };
  }
  return { text: new TextDecoder('utf-8').decode(bytes), problems: [] };
}

/**
 * Nesting deeper than MAX_JSON_DEPTH, found by a linear scan (brackets outside strings): jsonc-parser and the
 * locating code recurse per level and overflow the stack on a few hundred thousand `[`.
 */
export function jsonDepthProblem(text: string): Problem | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_JSON_DEPTH) {
        return { line, field: '', message: `JSON 嵌套超过 ${MAX_JSON_DEPTH} 层，不是通知或附件表格的结构 / JSON nested deeper than ${MAX_JSON_DEPTH} levels` };
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}

function pathLabel(path: (string | number)[]): string {
  return path.join('.');
}

function rowOf(path: (string | number)[]): number | undefined {
  return path[0] === 'rows' && typeof path[1] === 'number' ? path[1] + 1 : undefined;
}

/**
 * A JSON text's hazards: duplicate keys, nesting deeper than MAX_JSON_DEPTH, hidden characters or oversized
 * text in any key or string value. Lines are the JSON file's lines. Works on text that does not parse, too.
 */
export function jsonHazards(text: string): Problem[] {
  const deep = jsonDepthProblem(text);
  if (deep) return [deep]; // the JSON parsers recurse: do not hand them this text
  const problems: Problem[] = [];
  const keys: Set<string>[] = [];
  const push = (p: Problem, path: (string | number)[]) => {
    const row = rowOf(path);
    problems.push(row === undefined ? p : { ...p, row });
  };
  jsonc.visit(
    text,
    {
      onObjectBegin: () => {
        keys.push(new Set());
      },
      onObjectEnd: () => {
        keys.pop();
      },
      onObjectProperty: (name, _o, _l, line, _c, pathSupplier) => {
        const path = [...pathSupplier(), name];
        const seen = keys.at(-1);
        if (seen?.has(name)) {
          push({ line: line + 1, field: pathLabel(path), value: name, message: `键 "${name}" 在同一对象中出现了两次（JSON 只保留后一个），请删除重复的一个 / duplicate key "${name}": JSON keeps only the last one` }, path);
        }
        seen?.add(name);
        const bad = fieldTextProblem(name);
        if (bad) push({ line: line + 1, field: pathLabel(path), ...bad }, path);
      },
      onLiteralValue: (value, _o, _l, line, _c, pathSupplier) => {
        if (typeof value !== 'string') return;
        const bad = fieldTextProblem(value);
        if (bad) {
          const path = pathSupplier();
          push({ line: line + 1, field: pathLabel(path), ...bad }, path);
        }
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return problems;
}

/**
 * A YAML frontmatter's hazards: anchors, aliases, merge keys and explicit tags, and hidden characters or oversized
 * text in any scalar. `firstLine` is the file line the YAML text starts on. Never expands aliases.
 */
export function yamlHazards(yamlText: string, firstLine: number): Problem[] {
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, merge: false, uniqueKeys: false });
  const lineOf = (node: unknown) => {
    const range = isNode(node) ? node.range : undefined;
    return firstLine + (range ? lineCounter.linePos(range[0]).line : 1) - 1;
  };
  const fieldOf = (path: readonly unknown[]) =>
    path.filter(isPair).map((p) => (isScalar(p.key) ? String(p.key.value) : '?')).join('.');
  visit(doc, (_key, node, path) => {
    if (isAlias(node)) {
      problems.push({ line: lineOf(node), field: fieldOf(path), value: `*${node.source}`, message: `头部信息不能使用 YAML 别名 *${node.source}，请把内容直接写出 / YAML aliases are not allowed: write the value out` });
      return;
    }
    if (isPair(node)) {
      if (isScalar(node.key) && node.key.value === '<<') {
        problems.push({ line: lineOf(node.key), field: fieldOf(path), value: '<<', message: '头部信息不能使用 YAML 合并键 <<，请把字段直接写出 / YAML merge keys are not allowed: write the fields out' });
      }
      if (isScalar(node.key) && typeof node.key.value === 'string') {
        const bad = fieldTextProblem(node.key.value);
        if (bad) problems.push({ line: lineOf(node.key), field: fieldOf([...path, node]), ...bad });
      }
      return;
    }
    if (!isNode(node)) return;
    if (node.anchor) {
      problems.push({ line: lineOf(node), field: fieldOf(path), value: `&${node.anchor}`, message: `头部信息不能使用 YAML 锚点 &${node.anchor}，请删除 / YAML anchors are not allowed` });
    }
    if (node.tag && !(isMap(node) && node.tag === 'tag:yaml.org,2002:map')) {
      problems.push({ line: lineOf(node), field: fieldOf(path), value: node.tag, message: `头部信息不能使用 YAML 标签 ${node.tag}，请删除，只写文字、数字和列表 / explicit YAML tags are not allowed` });
    }
    if (isScalar(node) && typeof node.value === 'string') {
      const bad = fieldTextProblem(node.value);
      if (bad) problems.push({ line: lineOf(node), field: fieldOf(path), ...bad });
    }
  });
  return problems;
}

/** Hidden characters in the lines of a text (an MDX body): one problem per line. `firstLine` is the text's first line. */
export function textLineHazards(text: string, firstLine = 1, field = 'body'): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    const bad = fieldTextProblem(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (bad) problems.push({ line: firstLine + i, field, ...bad });
  });
  return problems;
}

/**
 * Everything above, for one content file, before any parser or schema reads it: the file's text when it is safe
 * to parse, and its problems (file names relative to `root`). A file with problems gets no text: the caller
 * reports them and goes no further with that file (a YAML alias bomb or a 200,000-deep JSON array never reaches
 * yaml's toJS or JSON.parse). The body of a notice is checked by checkBody (body.ts), which runs textLineHazards.
 */
export function preflightFile(abs: string, root: string): { text?: string; errors: ContentError[] } {
  const file = relative(root, abs).split(sep).join('/');
  const withFile = (ps: Problem[]) => ps.map((p) => ({ file, ...p }));
  const decoded = decodeContent(readFileSync(abs));
  if (decoded.text === undefined) return { errors: withFile(decoded.problems) };
  const text = decoded.text;
  let problems: Problem[] = [];
  if (abs.endsWith('.json')) {
    problems = jsonHazards(text);
  } else if (abs.endsWith('.mdx')) {
    const fm = splitFrontmatter(text);
    if (fm) problems = yamlHazards(fm.yaml, fm.firstLine);
  }
  return problems.length > 0 ? { errors: withFile(problems) } : { text, errors: [] };
}

/** preflightFile for every notice and table under `contentDir` (what `npm run check` and the build read). */
export function preflightContent(root: string, contentDir: string): ContentError[] {
  const files = (dir: string, ext: string) =>
    existsSync(dir)
      ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name.endsWith(ext)).map((d) => join(d.parentPath, d.name)).sort()
      : [];
  return [...files(join(contentDir, 'notices'), '.mdx'), ...files(join(contentDir, 'tables'), '.json')].flatMap((abs) => preflightFile(abs, root).errors);
}
