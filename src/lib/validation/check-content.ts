/**
 * Validates every content file the way the build does, and the rules that span files, without building.
 * Used by `npm run check`, by the build (src/integrations/content-guard.ts) and by the tests.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import { parseDocument } from 'yaml';
import { COLUMN_ROLES } from '../../domain/glossary.ts';
import { isSlug, titleWithoutCount } from '../../domain/patterns.ts';
import { noticeSchema, type Notice } from '../../schemas/notice.ts';
import { tableSchema, type Table } from '../../schemas/table.ts';
import { departmentsSchema, type Departments } from '../../schemas/departments.ts';
import { siteSchema, type Site } from '../../schemas/site.ts';
import { synonymsSchema, type Synonyms } from '../../schemas/synonyms.ts';
import { itemId } from '../../domain/ids.ts';
import { jsonLine, jsonSyntaxError, yamlLine, type Path } from './locate.ts';
import { checkBody } from './body.ts';
import { preflightFile } from './read.ts';
import { readRedirects, REDIRECTS } from './redirects.ts';

export interface ContentError {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  /** 1-based row of an attachment table, when the error is in a row. */
  row?: number;
  /** Dotted field path, e.g. rows.3.type */
  field: string;
  value?: unknown;
  message: string;
}

export interface CheckedContent {
  errors: ContentError[];
  /** Not wrong, but not ready to publish: placeholder text left by `npm run new`. The build refuses them. */
  warnings: ContentError[];
  /** How many content files were read. */
  files: number;
  notices: Map<string, Notice>;
  /** Each notice's file (relative to the root) and text as read: the notices collection takes its body from here. */
  noticeSources: Map<string, { file: string; source: string }>;
  tables: { file: string; data: Table }[];
  /** content/departments.json, or no groups when the file is absent. */
  departments: Departments;
  /** content/site.json: who runs the site; only the name when the file is absent. */
  site: Site;
  /** content/synonyms.json, or none when the file is absent. */
  synonyms: Synonyms;
}

export const SITE_FILE = 'site.json';
export const SYNONYMS_FILE = 'synonyms.json';
export const DEPARTMENTS_FILE = 'departments.json';
/** What the site is called without content/site.json (or when it cannot be read: the check says why). */
const NO_SITE: Site = { name: '公开' };

const FIELD_LABELS: Record<string, string> = {
  ...COLUMN_ROLES,
  printedHeader: '原文表头行',
  itemType: '事项类型（全表）',
  key: '列 key',
  header: '表头',
  action: '变更方式',
  by: '决定层级',
  to: '去向层级',
  toDepartment: '接收部门',
  into: '调整为',
  groups: '部门分组',
  synonyms: '同义词',
  words: '群众用词',
  search: '也搜索',
  note: '说明',
  tagline: '副标题',
  organiser: '主办单位',
  operator: '承办单位',
  phone: '联系电话',
  address: '地址',
  email: '电子邮箱',
  siteCode: '网站标识码',
  icp: 'ICP备案号',
  publicSecurity: '公安备案号',
  dataTerms: '数据使用说明',
  aliases: '别名',
  name: '名称',
  notice: '所属通知',
  number: '附件序号',
  title: '标题',
  declaredCount: '声明事项数',
  change: '调整方式',
  columns: '列',
  rows: '行',
  docNumber: '发文字号',
  issuer: '发文机关',
  addressees: '主送',
  signedDate: '成文日期',
  disclosure: '公开方式',
  attachments: '附件',
  tasks: '主要任务',
  cites: '引用文件',
  imprint: '印发',
  lead: '导语',
  steps: '措施',
  role: '部门类别',
  departments: '部门',
  date: '日期',
};

/** What `npm run new` writes where a clerk still has to fill something in. */
export const PLACEHOLDER = '待填写';

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

function fieldLabel(path: Path): string {
  const named = [...path].reverse().find((p): p is string => typeof p === 'string');
  const label = named ? FIELD_LABELS[named] : undefined;
  return label ? `“${label}”(${path.join('.')})` : `(${path.join('.') || '整个文件'})`;
}

function showValue(v: unknown): string {
  if (v === undefined) return '（缺失 / missing）';
  const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}

/** One line per error: Chinese first, English after, with file:line, row, field and the bad value. */
export function formatError(e: ContentError): string {
  const where = e.row !== undefined ? `第 ${e.row} 行（row ${e.row}） ` : '';
  const value = 'value' in e ? ` 值 ${showValue(e.value)}：` : '';
  return `${e.file}:${e.line} ${where}字段 ${fieldLabel(e.field ? e.field.split('.') : [])}${value} ${e.message}`;
}

export function summarize(errors: ContentError[], files: number): string {
  return errors.length === 0
    ? `内容检查通过：${files} 个文件，0 个错误 / content OK: ${files} files, 0 errors`
    : `内容检查未通过：${files} 个文件，${errors.length} 个错误 / content check failed: ${errors.length} error(s) in ${files} files`;
}

function issueValue(issue: z.core.$ZodIssue, data: unknown): unknown {
  if ('input' in issue) return issue.input;
  let v: unknown = data;
  for (const p of issue.path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p as PropertyKey] : undefined;
  return v;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `未知字段 ${issue.keys.join('、')}（可能拼写错误） / unknown field(s) ${issue.keys.join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `缺少必填字段，应为 ${issue.expected} / required field missing, expected ${issue.expected}`;
  }
  return issue.message;
}

/**
 * A value that fits no branch of a union (a change: preset code or object) is reported by the branch its type
 * chose, so the clerk reads "action must be one of …", not "no option matched".
 */
function unwrapUnions(issues: z.core.$ZodIssue[], data: unknown): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const value = issueValue(issue, data);
    const branches = issue.errors.filter((b) => !(b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0));
    const chosen = branches.length === 1 ? branches[0]! : typeof value === 'string' ? issue.errors[0]! : issue.errors[issue.errors.length - 1]!;
    if (branches.length === 0) return [issue];
    return unwrapUnions(chosen.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue), data);
  });
}

function issuesToErrors(
  issues: z.core.$ZodIssue[],
  data: unknown,
  file: string,
  locate: (path: Path) => number,
): ContentError[] {
  return unwrapUnions(issues, data).map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const full = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path;
    const row = path[0] === 'rows' && typeof path[1] === 'number' ? path[1] + 1 : undefined;
    const err: ContentError = { file, line: locate(full), field: path.join('.'), message: issueMessage(issue) };
    if (row !== undefined) err.row = row;
    if (issue.code !== 'unrecognized_keys') err.value = issueValue(issue, data);
    return err;
  });
}

/** Split an MDX file into its frontmatter text and the line the frontmatter starts on. */
export function splitFrontmatter(source: string): { yaml: string; firstLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  return m ? { yaml: m[1]!, firstLine: 2 } : undefined;
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(ext))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

export function checkNoticeFile(abs: string, root: string): { errors: ContentError[]; data?: Notice; source?: string } {
  const file = toPosix(relative(root, abs));
  // Bytes, hidden characters and YAML hazards first (read.ts): a file with any never reaches the parsers.
  const pre = preflightFile(abs, root);
  if (pre.text === undefined) return { errors: pre.errors };
  const source = pre.text;
  const fm = splitFrontmatter(source);
  if (!fm) {
    return { source, errors: [{ file, line: 1, field: '', message: '缺少以 --- 包围的头部信息（frontmatter） / missing frontmatter between --- lines' }] };
  }
  const doc = parseDocument(fm.yaml);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { source, errors: [{ file, line: fm.firstLine + (e.linePos?.[0].line ?? 1) - 1, field: '', message: `头部信息 YAML 语法错误 / YAML syntax error: ${e.message.split('\n')[0]}` }] };
  }
  const data: unknown = doc.toJS();
  const parsed = noticeSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const locate = (p: Path) => fm.firstLine + yamlLine(fm.yaml, p) - 1;
    return { source, errors: issuesToErrors(parsed.error.issues, data, file, locate) };
  }
  const bodyErrors = checkBody(source, parsed.data).map((e) => ({ file, ...e }));
  return { source, errors: bodyErrors, data: bodyErrors.length ? undefined : parsed.data };
}

export function checkTableFile(abs: string, root: string): { errors: ContentError[]; data?: Table; source?: string } {
  const file = toPosix(relative(root, abs));
  // Bytes, hidden characters and JSON hazards first (read.ts): duplicate keys, nesting that would overflow the parser.
  const pre = preflightFile(abs, root);
  if (pre.text === undefined) return { errors: pre.errors };
  const source = pre.text;
  const syntax = jsonSyntaxError(source);
  if (syntax) {
    return { source, errors: [{ file, line: syntax.line, field: '', message: `JSON 语法错误 / JSON syntax error: ${syntax.message}` }] };
  }
  const data: unknown = JSON.parse(source);
  const parsed = tableSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    return { source, errors: issuesToErrors(parsed.error.issues, data, file, (p) => jsonLine(source, p)) };
  }
  return { source, errors: [], data: parsed.data };
}

/**
 * A JSON settings file under content/ (departments.json, site.json, synonyms.json): read, parsed and validated
 * with file, line and field in every error. An absent optional file gives `empty`.
 */
export function checkJsonFile<T>(abs: string, root: string, schema: z.ZodType<T>, empty: T): { errors: ContentError[]; data: T } {
  if (!existsSync(abs)) return { errors: [], data: empty };
  const file = toPosix(relative(root, abs));
  const pre = preflightFile(abs, root);
  if (pre.text === undefined) return { errors: pre.errors, data: empty };
  const source = pre.text;
  const syntax = jsonSyntaxError(source);
  if (syntax) return { errors: [{ file, line: syntax.line, field: '', message: `JSON 语法错误 / JSON syntax error: ${syntax.message}` }], data: empty };
  const data: unknown = JSON.parse(source);
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { errors: issuesToErrors(parsed.error.issues, data, file, (p) => jsonLine(source, p)), data: empty };
  return { errors: [], data: parsed.data };
}

/** content/departments.json: optional; its groups must name each spelling once. */
export function checkDepartmentsFile(abs: string, root: string): { errors: ContentError[]; data: Departments } {
  return checkJsonFile(abs, root, departmentsSchema, { groups: [] });
}

/** The title a notice lists for an attachment matches the table's, with or without the count the table prints. */
function sameAttachmentTitle(listed: string, table: string): boolean {
  return listed === table || titleWithoutCount(listed) === titleWithoutCount(table);
}

/** Validate every notice and table under `contentDir`, each on its own and against each other. */
export function checkContent(root: string, contentDir = join(root, 'content')): CheckedContent {
  const errors: ContentError[] = [];
  const notices = new Map<string, Notice>();
  const noticeFiles = new Map<string, string>();
  const noticeSources = new Map<string, { file: string; source: string }>();
  const tables: { file: string; data: Table; source: string }[] = [];
  /** Every table file by notice#number, valid or not: an invalid one is reported for what is wrong, not as missing. */
  const tableFiles = new Map<string, string>();
  const warnings: ContentError[] = [];
  let files = 0;
  const placeholders = (abs: string, source: string) => {
    const file = toPosix(relative(root, abs));
    source.split(/\r?\n/).forEach((text, i) => {
      const at = text.indexOf(PLACEHOLDER);
      if (at >= 0) {
        warnings.push({ file, line: i + 1, field: '', value: text.slice(at, at + 40).replace(/["',]+$/, ''), message: '仍是“待填写”的占位内容，发布前请替换（构建会拒绝） / placeholder text left to fill in: the build refuses it' });
      }
    });
  };

  const byDocNumber = new Map<string, string>();
  for (const abs of listFiles(join(contentDir, 'notices'), '.mdx')) {
    const slug = abs.slice(abs.lastIndexOf(sep) + 1, -'.mdx'.length);
    const file = toPosix(relative(root, abs));
    files++;
    const result = checkNoticeFile(abs, root);
    if (result.source !== undefined) {
      placeholders(abs, result.source);
      noticeSources.set(slug, { file, source: result.source });
    }
    errors.push(...result.errors);
    if (!isSlug(slug)) {
      errors.push({ file, line: 1, field: '', value: slug, message: '文件名应为小写字母、数字和连字符（它就是网址） / the file name is the URL slug: lower-case letters, digits and hyphens' });
    }
    if (result.data) {
      notices.set(slug, result.data);
      const other = byDocNumber.get(result.data.docNumber);
      if (other) {
        const fm = splitFrontmatter(result.source!)!;
        errors.push({ file, line: fm.firstLine + yamlLine(fm.yaml, ['docNumber']) - 1, field: 'docNumber', value: result.data.docNumber, message: `发文字号与 ${other} 重复：同一文件只能发布一次 / the document number repeats ${other}` });
      } else byDocNumber.set(result.data.docNumber, file);
    }
    noticeFiles.set(slug, file);
  }

  for (const abs of listFiles(join(contentDir, 'tables'), '.json')) {
    files++;
    const file = toPosix(relative(root, abs));
    const m = /tables\/([^/]+)\/(\d+)\.json$/.exec(file);
    if (m) tableFiles.set(`${m[1]}#${Number(m[2])}`, file);
    const result = checkTableFile(abs, root);
    if (result.source !== undefined) placeholders(abs, result.source);
    errors.push(...result.errors);
    if (result.data) tables.push({ file, data: result.data, source: result.source! });
  }

  const departmentsPath = join(contentDir, DEPARTMENTS_FILE);
  const departments = checkDepartmentsFile(departmentsPath, root);
  if (existsSync(departmentsPath)) files++;
  errors.push(...departments.errors);
  const sitePath = join(contentDir, SITE_FILE);
  const site = checkJsonFile(sitePath, root, siteSchema, NO_SITE);
  if (existsSync(sitePath)) files++;
  errors.push(...site.errors);
  const synonymsPath = join(contentDir, SYNONYMS_FILE);
  const synonyms = checkJsonFile(synonymsPath, root, synonymsSchema, { synonyms: [] });
  if (existsSync(synonymsPath)) files++;
  errors.push(...synonyms.errors);
  // content/redirects.json: where published URLs moved (the build's URL step, scripts/published-urls.ts, relies on it).
  if (existsSync(join(contentDir, REDIRECTS))) files++;
  errors.push(...readRedirects(contentDir, root).errors);

  // Rules across files.
  const seenTables = new Map<string, string>();
  const seenItems = new Map<string, string>();
  for (const { file, data, source } of tables) {
    const at = (p: Path) => jsonLine(source, p);
    const expectedFile = `tables/${data.notice}/${data.number}.json`;
    if (!file.endsWith(expectedFile)) {
      errors.push({ file, line: at(['number']), field: 'number', value: data.number, message: `文件应位于 content/${expectedFile} / the file should be content/${expectedFile}` });
    }
    if (!noticeFiles.has(data.notice)) {
      errors.push({
        file,
        line: at(['notice']),
        field: 'notice',
        value: data.notice,
        message: `引用的通知不存在，应为 content/notices/ 下某个文件名：${[...noticeFiles.keys()].join('、') || '（无）'} / reference points nowhere: no notice with that slug`,
      });
    }
    const key = `${data.notice}#${data.number}`;
    const other = seenTables.get(key);
    if (other) {
      errors.push({ file, line: at(['number']), field: 'number', value: data.number, message: `附件编号与 ${other} 重复 / attachment number repeats ${other}` });
    }
    seenTables.set(key, file);
    data.rows.forEach((row, i) => {
      const id = itemId(data.notice, data.number, row.seq);
      const first = seenItems.get(id);
      if (first) {
        errors.push({ file, line: at(['rows', i, 'seq']), row: i + 1, field: `rows.${i}.seq`, value: row.seq, message: `事项编号 ${id} 与 ${first} 重复 / item id ${id} repeats ${first}` });
      } else {
        seenItems.set(id, `${file} 第 ${i + 1} 行`);
      }
    });
    const notice = notices.get(data.notice);
    const listed = notice?.attachments.find((a) => a.number === data.number);
    if (notice && !listed) {
      errors.push({ file, line: at(['number']), field: 'number', value: data.number, message: `通知 ${data.notice} 的附件列表中没有附件${data.number} / the notice does not list this attachment` });
    } else if (listed && !sameAttachmentTitle(listed.title, data.title)) {
      errors.push({ file, line: at(['title']), field: 'title', value: data.title, message: `与通知中所列附件标题“${listed.title}”不一致 / differs from the title the notice lists` });
    }
  }
  for (const [slug, notice] of notices) {
    for (const a of notice.attachments) {
      if (tableFiles.has(`${slug}#${a.number}`)) continue; // present: its own errors (if any) are reported above
      const { file, source } = noticeSources.get(slug)!;
      const fm = splitFrontmatter(source)!;
      errors.push({
        file,
        line: fm.firstLine + yamlLine(fm.yaml, ['attachments', a.number - 1]) - 1,
        field: `attachments.${a.number - 1}`,
        value: a.title,
        message: `附件${a.number}没有对应的表格文件 content/tables/${slug}/${a.number}.json / reference points nowhere: the table file is missing`,
      });
    }
  }
  return { errors, warnings, files, notices, noticeSources, tables: tables.map(({ file, data }) => ({ file, data })), departments: departments.data, site: site.data, synonyms: synonyms.data };
}

/**
 * The content as the build reads it: checked once per process and content folder, then shared by the build's
 * guard and the collections' loaders (so each file is read and validated once per build).
 */
export function loadContent(root: string, contentDir: string): CheckedContent {
  const cache = ((globalThis as { __gongkaiContent?: Map<string, { stamp: string; result: CheckedContent }> }).__gongkaiContent ??= new Map());
  const key = `${root}\0${contentDir}`;
  // Sizes and modification times: in `astro dev` an edited file is read again, an unchanged corpus is not.
  const stamp = [...listFiles(join(contentDir, 'notices'), '.mdx'), ...listFiles(join(contentDir, 'tables'), '.json'), ...[DEPARTMENTS_FILE, SITE_FILE, SYNONYMS_FILE].map((f) => join(contentDir, f))]
    .map((f) => (existsSync(f) ? `${f}:${statSync(f).size}:${statSync(f).mtimeMs}` : ''))
    .join('|');
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.result;
  const result = checkContent(root, contentDir);
  cache.set(key, { stamp, result });
  return result;
}
