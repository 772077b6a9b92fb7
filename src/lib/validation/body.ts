/**
 * The body of a notice (the MDX after the frontmatter): what it may contain. Errors carry the line within the
 * file; the caller adds the file name.
 *
 * Content is data, never code. The body is parsed with the MDX parser the build itself compiles it with (Sätteri,
 * through @astrojs/mdx), and every node of the tree must be on an allow-list: paragraphs, headings, lists, tables,
 * emphasis, line breaks, footnotes, links to http(s):, mailto: or this site, the known components with literal
 * props, and MDX comments. Everything else — import/export, `{…}` expressions, raw HTML and lower-case JSX,
 * event attributes, script URLs — is refused here, and the build runs this check before MDX compiles a file
 * (src/integrations/content-guard.ts), so nothing in a content file is ever evaluated.
 */
import { mdxToJs, mdxToMdast, type MdastNode } from 'satteri';
import type { Notice } from '../../schemas/notice.ts';
import type { ContentError } from './check-content.ts';
import { textLineHazards } from './read.ts';

type BodyError = Omit<ContentError, 'file'>;

/** The components a notice body may place, and what each needs from the frontmatter. */
export const BODY_COMPONENTS: Record<string, { needs?: (n: Notice) => boolean; expected?: string }> = {
  AttachmentList: {},
  Signature: {},
  PlanTitle: { needs: (n) => n.planTitle !== undefined, expected: '头部信息需有 planTitle / needs planTitle in the frontmatter' },
  TaskList: { needs: (n) => (n.tasks?.length ?? 0) > 0, expected: '头部信息需有 tasks / needs tasks in the frontmatter' },
};

/**
 * Lower-case elements a body may use, without any attribute. <strong>/<em> are how a Chinese text bolds a phrase
 * that ends in punctuation before more text (「<strong>坚持依法依规。</strong>坚持…」): Markdown's `**…。**坚持`
 * does not close there (CommonMark's flanking rules), so the seed text needs the element form.
 */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set(['strong', 'em', 'sub', 'sup', 'br']);

/** Markdown nodes that are plain, inert text structure. */
const ALLOWED_NODES: ReadonlySet<string> = new Set([
  'root', 'paragraph', 'heading', 'text', 'emphasis', 'strong', 'delete', 'break', 'thematicBreak',
  'list', 'listItem', 'table', 'tableRow', 'tableCell', 'footnoteReference', 'footnoteDefinition', 'linkReference',
]);

/** Why a node type is refused, with what to write instead (Chinese first). */
const REFUSED_NODES: Record<string, string> = {
  blockquote: '行首的 > 被读成了引用块；若是文字，写作 \\> / a ">" at the start of a line makes a block quote: write \\> for the text',
  code: '` 或缩进被读成了代码块；正文写作普通段落（文字中的 ` 写作 \\`） / a code block is not allowed: write plain paragraphs (\\` for a backtick)',
  inlineCode: '` 被读成了代码；若是文字，写作 \\` / a backtick starts inline code: write \\` for the text',
  image: '正文不能插入图片 / images are not allowed in a notice body',
  imageReference: '正文不能插入图片 / images are not allowed in a notice body',
  html: '正文不能含 HTML / raw HTML is not allowed in a notice body',
  math: '$ 被读成了公式；若是文字，写作 \\$ / "$" starts math: write \\$',
  inlineMath: '$ 被读成了公式；若是文字，写作 \\$ / "$" starts math: write \\$',
  toml: '头部信息应使用 --- 包围的 YAML / the frontmatter must be YAML between --- lines',
};

/** Characters MDX reads as syntax in prose, and what to write for each. */
const MISREAD = new Set(['<', '>', '{', '}']);

const DANGEROUS_SCHEMES = ['javascript:', 'vbscript:', 'data:'];
/** Attribute names whose value a browser loads or follows as a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'srcset', 'data', 'cite', 'ping']);

/**
 * Why a link target is refused, or undefined when it is allowed: http(s):, mailto:, or a path on this site
 * (`/notices/x/`, `#task-1`, `../`). The URL is read the way a browser reads it (WHATWG URL parser: leading and
 * trailing spaces and control characters dropped, tabs and newlines removed), after the MDX parser has decoded
 * character references (`java&#115;cript:` is `javascript:` by then).
 */
export function unsafeUrl(raw: string): string | undefined {
  // Letters only: catches "java script:", "JAVA\u0000SCRIPT:" and the like even where a browser would not run them.
  const squeezed = raw.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, '').toLowerCase();
  if (DANGEROUS_SCHEMES.some((s) => squeezed.startsWith(s))) {
    return `链接不能使用 ${DANGEROUS_SCHEMES.find((s) => squeezed.startsWith(s))} 地址，请改为 https:// 网址或本站路径 / script and data URLs are not allowed: use an https:// address or a path on this site`;
  }
  const base = 'https://site.invalid/';
  let resolved: URL;
  try {
    resolved = new URL(raw, base);
  } catch {
    return '不是有效的网址 / not a valid URL';
  }
  if (resolved.protocol === 'mailto:') return undefined;
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') {
    return `链接只能是 http(s):、mailto: 或本站路径，不能是 ${resolved.protocol} / only http(s):, mailto: or site paths are allowed`;
  }
  if (resolved.origin === new URL(base).origin) return undefined;
  // Another host: only when written out in full. `//host/…` and `/\host/…` look like site paths but leave the site.
  let absolute: URL | undefined;
  try {
    absolute = new URL(raw);
  } catch {
    absolute = undefined;
  }
  if (!absolute) return '以 // 或 /\\ 开头的地址会指向其他网站，请写完整的 https:// 网址 / an address starting with // leaves the site: write the full https:// address';
  return undefined;
}

/** True when an MDX expression is nothing but comments (`{/* 待核对 *\/}`): it compiles to nothing. */
export function isPureComment(expression: string): boolean {
  let i = 0;
  let comments = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (expression.startsWith('/*', i)) {
      const end = expression.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 2;
      comments++;
    } else if (expression.startsWith('//', i)) {
      const end = expression.indexOf('\n', i);
      i = end < 0 ? expression.length : end + 1;
      comments++;
    } else {
      return false;
    }
  }
  return comments > 0;
}

/** "12:34: message (code)" from the MDX parser → line, column, message. */
function parseError(e: unknown): { line: number; column: number; message: string } {
  const text = e instanceof Error ? e.message : String(e);
  const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]), message: m[3]! } : { line: 1, column: 0, message: text };
}

/**
 * Parse rounds at most: each misread character costs one parse, and a file with hundreds is reported in part. With
 * the limits below, this bounds the check's work by the text's size, not by a clock: the same file gets the same
 * errors on any machine.
 */
export const MAX_FIXES = 30;
/**
 * Resource limits, far above any notice (the Jinan plan's MDX is 14,000 characters, its longest line 600): the
 * MDX parser's time grows with line length and, for unclosed `{`, with their number times the text after them
 * (quadratic: 30,000 `{` cost a thousand times what 1,000 do), so a paste gone wrong is refused before it is parsed.
 */
export const MAX_BODY_CHARS = 300_000;
export const MAX_LINE_CHARS = 20_000;
/** Unescaped `{` or `<` in a body: a notice has a handful (components, <strong>, comments). */
export const MAX_MARKUP_CHARS = 1_000;

/**
 * Parse the body; where the parser stops at a `<`, `{`, `}` or `>` that prose put there (「PM2.5<35」), escape it
 * in a working copy and parse again, so every such character of the file is found in one run.
 */
function parseEscaping(source: string, parse: MdxParser): { tree?: MdastNode; fixes: Map<number, Set<number>>; fatal?: BodyError } {
  const lines = source.split('\n');
  const fixes = new Map<number, Set<number>>(); // line → columns (0-based, in the original line) to escape
  for (let round = 0; round <= MAX_FIXES; round++) {
    const working = lines.map((text, i) => escapeAt(text, fixes.get(i + 1))).join('\n');
    try {
      return { tree: parse(working), fixes };
    } catch (e) {
      const err = parseError(e);
      const original = lines[err.line - 1] ?? '';
      const col = originalColumn(original, fixes.get(err.line), err.column - 1);
      const ch = original[col];
      if (round === MAX_FIXES || col < 0 || ch === undefined || !MISREAD.has(ch) || fixes.get(err.line)?.has(col)) {
        return {
          fixes,
          fatal: {
            line: err.line,
            field: 'body',
            value: original.trim(),
            message: `正文无法按 MDX 解析（第 ${err.column} 列）：若是文字中的 < > { }，写作 \\< \\> \\{ \\}；注释写作 {/* … */} / the body is not valid MDX: ${err.message}`,
          },
        };
      }
      if (!fixes.has(err.line)) fixes.set(err.line, new Set());
      fixes.get(err.line)!.add(col);
    }
  }
  return { fixes };
}

/** The line with a backslash before each fixed column. */
function escapeAt(text: string, cols: Set<number> | undefined): string {
  if (!cols || cols.size === 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += cols.has(i) ? `\\${text[i]}` : text[i];
  return out;
}

/** A column of the escaped working line → the same character's column in the original line. */
function originalColumn(original: string, cols: Set<number> | undefined, workingCol: number): number {
  let w = 0;
  for (let i = 0; i < original.length; i++) {
    if (cols?.has(i)) w++; // the inserted backslash
    if (w === workingCol) return i;
    w++;
  }
  return workingCol === w ? original.length : -1;
}

function describeElement(name: string | null): string {
  return name === null ? '<>' : `<${name}>`;
}

/** Lines too long to be typed, or more `{` / `<` than any notice has: refused before the parser sees them. */
function resourceProblems(lines: string[], bodyStart: number): BodyError[] {
  const problems: BodyError[] = [];
  const counts: Record<string, { n: number; line: number }> = { '{': { n: 0, line: 0 }, '<': { n: 0, line: 0 } };
  for (let i = bodyStart; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.length > MAX_LINE_CHARS) {
      problems.push({ line: i + 1, field: 'body', value: `${text.slice(0, 20)}…（${text.length} 个字符）`, message: `这一行长达 ${text.length} 个字符，超过上限 ${MAX_LINE_CHARS}，疑似粘贴错误，请核对原件并分段 / the line is over ${MAX_LINE_CHARS} characters: check it against the original` });
      continue;
    }
    for (let j = 0; j < text.length; j++) {
      const c = text[j]!;
      if (c === '\\') j++;
      else if (c === '{' || c === '<') {
        const count = counts[c]!;
        if (++count.n === MAX_MARKUP_CHARS + 1) count.line = i + 1;
      }
    }
  }
  for (const [c, { n, line }] of Object.entries(counts)) {
    if (n > MAX_MARKUP_CHARS) {
      problems.push({ line, field: 'body', value: `${n} 个 ${c}`, message: `正文中未转义的 ${c} 有 ${n} 个，超过上限 ${MAX_MARKUP_CHARS}：文字中的 ${c} 请写作 \\${c} / ${n} unescaped "${c}" in the body, over the limit of ${MAX_MARKUP_CHARS}: write \\${c} for text` });
    }
  }
  return problems;
}

/** The MDX parser the check runs (the build's own); a test passes one that counts its calls. */
export type MdxParser = (text: string) => MdastNode;

/** Check a notice's MDX source (frontmatter included, so lines are the file's lines). */
export function checkBody(source: string, notice: Notice, parse: MdxParser = mdxToMdast): BodyError[] {
  const errors: BodyError[] = [];
  if (source.length > MAX_BODY_CHARS) {
    return [{ line: 1, field: 'body', value: `${source.length} 个字符`, message: `正文长达 ${source.length} 个字符，超过上限 ${MAX_BODY_CHARS}，疑似粘贴错误，请核对原件 / the body is over ${MAX_BODY_CHARS} characters: check it against the original` }];
  }
  // Bidi controls and invisible characters in the text (Trojan-Source): what readers see must be what is there.
  const lines = source.split('\n');
  const bodyStart = lines.findIndex((l, i) => i > 0 && l.replace(/\r$/, '') === '---') + 1;
  errors.push(...textLineHazards(lines.slice(bodyStart).join('\n'), bodyStart + 1));
  const limits = resourceProblems(lines, bodyStart);
  if (limits.length > 0) return [...errors, ...limits];
  const { tree, fixes, fatal } = parseEscaping(source, parse);
  if (fatal) errors.push(fatal);
  // Lines that need escaping: one error per line, naming the characters and the whole line as it should be.
  const expressionFixes = new Map<number, Set<number>>();
  const addFix = (line: number, col: number) => {
    if (!expressionFixes.has(line)) expressionFixes.set(line, new Set());
    expressionFixes.get(line)!.add(col);
  };
  const later: { line: number; make: () => BodyError }[] = [];

  const visit = (node: MdastNode, parent: MdastNode | undefined, index: number) => {
    const n = node as MdastNode & Record<string, any>;
    const line: number = n.position?.start.line ?? 1;
    const type: string = n.type;
    const refuse = (value: unknown, message: string) => errors.push({ line, field: 'body', value, message });
    switch (type) {
      case 'yaml':
        if (parent?.type !== 'root' || index !== 0) refuse(n.value, REFUSED_NODES.toml!);
        return;
      case 'mdxjsEsm':
        refuse(String(n.value).split('\n')[0], '正文不能含 import / export 语句（内容是数据，不是代码），请删除；组件无需导入 / import and export are code: delete the line (components need no import)');
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        if (isPureComment(String(n.value))) return;
        const start = n.position?.start;
        const end = n.position?.end;
        if (start && end) {
          // Positions are in the working copy, where earlier fixes inserted backslashes.
          addFix(start.line, originalColumn(lines[start.line - 1] ?? '', fixes.get(start.line), start.column - 1));
          addFix(end.line, originalColumn(lines[end.line - 1] ?? '', fixes.get(end.line), end.column - 2));
        }
        const shown = `{${String(n.value).split('\n')[0]}}`;
        later.push({
          line,
          make: () => ({
            line,
            field: 'body',
            value: shown,
            message: `正文不能含 {…} 表达式（构建会把它当作代码执行）。若是文字，写作：${fixedLine(line)}；若是注释，写作 {/* … */} / an expression {…} is code and never runs: escape it as \\{ \\} for text, or write a comment {/* … */}`,
          }),
        });
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(n, line, refuse, notice);
        break;
      case 'link':
      case 'definition': {
        const why = unsafeUrl(String(n.url));
        if (why) refuse(n.url, why);
        break;
      }
      default:
        if (!ALLOWED_NODES.has(type)) {
          refuse(type, REFUSED_NODES[type] ?? `正文不能含这种内容（${type}） / ${type} is not allowed in a notice body`);
          return;
        }
    }
    const children: MdastNode[] = Array.isArray(n.children) ? n.children : [];
    children.forEach((c, i) => visit(c, node, i));
  };

  const fixedLine = (line: number): string => {
    const cols = new Set([...(fixes.get(line) ?? []), ...(expressionFixes.get(line) ?? [])]);
    return escapeAt(lines[line - 1] ?? '', cols).replace(/\r$/, '').trim();
  };

  if (tree) visit(tree, undefined, 0);
  for (const [line, cols] of fixes) {
    const chars = [...cols].sort((a, b) => a - b).map((c) => lines[line - 1]![c]);
    errors.push({
      line,
      field: 'body',
      value: (lines[line - 1] ?? '').replace(/\r$/, '').trim(),
      message: `文字中的 ${[...new Set(chars)].join(' ')} 会被 MDX 读成标签或代码，请加反斜杠转义，写作：${fixedLine(line)} / MDX reads ${[...new Set(chars)].join(' ')} in text as markup: escape it with a backslash`,
    });
  }
  for (const l of later) errors.push(l.make());
  if (errors.length === 0) {
    // Belt and braces: what the tree allows must also compile (the same compiler the build uses, no plugins),
    // so a body can never fail the build with a bare compiler error instead of a content error here.
    try {
      mdxToJs(source);
    } catch (e) {
      const err = parseError(e);
      errors.push({ line: err.line, field: 'body', value: (lines[err.line - 1] ?? '').trim(), message: `正文无法编译：${err.message} / the body does not compile: ${err.message}` });
    }
  }
  return errors.sort((a, b) => a.line - b.line);
}

function checkElement(
  n: Record<string, any>,
  line: number,
  refuse: (value: unknown, message: string) => void,
  notice: Notice,
): void {
  const name: string | null = n.name ?? null;
  const attributes: Record<string, any>[] = n.attributes ?? [];
  const isComponent = name !== null && /^[A-Z][A-Za-z0-9]*$/.test(name);
  if (name !== null && INLINE_ELEMENTS.has(name)) {
    if (attributes.length > 0) {
      refuse(`<${name} …>`, `元素 <${name}> 不能带属性，请写作 <${name}>…</${name}> / the element <${name}> takes no attributes`);
    }
    return;
  }
  if (!isComponent) {
    const hint = name === 'a'
      ? '链接请写作 [文字](https://…) / write a link as [text](https://…)'
      : `若是文字，把 < 写作 \\<；加粗可写 <strong>…</strong> / write \\< to show "<" as text`;
    refuse(describeElement(name), `正文不能含 HTML 标签或小写 JSX 元素 ${describeElement(name)}。${hint} / raw HTML and lower-case JSX are not allowed in a notice body`);
    return;
  }
  const known = BODY_COMPONENTS[name];
  if (!known) {
    refuse(`<${name}>`, `正文中没有这个组件，可用：${Object.keys(BODY_COMPONENTS).map((c) => `<${c} />`).join('、')} / unknown component in the body`);
    return;
  }
  for (const a of attributes) {
    if (a.type !== 'mdxJsxAttribute') {
      refuse(`{${a.value}}`, `组件 <${name}> 的属性只能是写定的文字（如 title="…"），不能是 {…} 展开 / component props must be literal text, not {…}`);
      continue;
    }
    const attr = String(a.name);
    if (/^on/i.test(attr)) {
      refuse(`${attr}=…`, `组件 <${name}> 不能带事件属性 ${attr} / event attributes are not allowed`);
      continue;
    }
    if (a.value !== null && typeof a.value === 'object') {
      refuse(`${attr}={${a.value.value}}`, `组件 <${name}> 的属性 ${attr} 只能是写定的文字（如 ${attr}="…"），不能是 {…} 表达式 / component props must be literal text, not {…} expressions`);
      continue;
    }
    if (typeof a.value === 'string' && URL_ATTRIBUTES.has(attr.toLowerCase())) {
      const why = unsafeUrl(a.value);
      if (why) refuse(a.value, why);
    }
  }
  if (known.needs && !known.needs(notice)) refuse(`<${name} />`, known.expected!);
}
