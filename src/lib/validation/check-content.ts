/**
 * Validates every content file the way the build does, and the rules that span files, without building.
 * Used by `npm run check`, by the build (src/integrations/content-guard.ts) and by the tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import { parseDocument } from 'yaml';
import { COLUMNS } from '../../domain/glossary.ts';
import { noticeSchema, type Notice } from '../../schemas/notice.ts';
import { tableSchema, type Table } from '../../schemas/table.ts';
import { itemId } from '../../domain/ids.ts';
import { jsonLine, jsonSyntaxError, yamlLine, type Path } from './locate.ts';
import { checkBody } from './body.ts';

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
  tables: { file: string; data: Table }[];
}

const FIELD_LABELS: Record<string, string> = {
  ...COLUMNS,
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

function issuesToErrors(
  issues: z.core.$ZodIssue[],
  data: unknown,
  file: string,
  locate: (path: Path) => number,
): ContentError[] {
  return issues.map((issue) => {
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

export function checkNoticeFile(abs: string, root: string): { errors: ContentError[]; data?: Notice } {
  const file = toPosix(relative(root, abs));
  const source = readFileSync(abs, 'utf8');
  const fm = splitFrontmatter(source);
  if (!fm) {
    return { errors: [{ file, line: 1, field: '', message: '缺少以 --- 包围的头部信息（frontmatter） / missing frontmatter between --- lines' }] };
  }
  const doc = parseDocument(fm.yaml);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { errors: [{ file, line: fm.firstLine + (e.linePos?.[0].line ?? 1) - 1, field: '', message: `头部信息 YAML 语法错误 / YAML syntax error: ${e.message.split('\n')[0]}` }] };
  }
  const data: unknown = doc.toJS();
  const parsed = noticeSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const locate = (p: Path) => fm.firstLine + yamlLine(fm.yaml, p) - 1;
    return { errors: issuesToErrors(parsed.error.issues, data, file, locate) };
  }
  const bodyErrors = checkBody(source, parsed.data).map((e) => ({ file, ...e }));
  return { errors: bodyErrors, data: bodyErrors.length ? undefined : parsed.data };
}

export function checkTableFile(abs: string, root: string): { errors: ContentError[]; data?: Table } {
  const file = toPosix(relative(root, abs));
  const source = readFileSync(abs, 'utf8');
  const syntax = jsonSyntaxError(source);
  if (syntax) {
    return { errors: [{ file, line: syntax.line, field: '', message: `JSON 语法错误 / JSON syntax error: ${syntax.message}` }] };
  }
  const data: unknown = JSON.parse(source);
  const parsed = tableSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    return { errors: issuesToErrors(parsed.error.issues, data, file, (p) => jsonLine(source, p)) };
  }
  return { errors: [], data: parsed.data };
}

/** Validate every notice and table under `contentDir`, each on its own and against each other. */
export function checkContent(root: string, contentDir = join(root, 'content')): CheckedContent {
  const errors: ContentError[] = [];
  const notices = new Map<string, Notice>();
  const noticeFiles = new Map<string, string>();
  const tables: { file: string; data: Table; source: string }[] = [];
  const warnings: ContentError[] = [];
  let files = 0;
  const placeholders = (abs: string) => {
    const file = toPosix(relative(root, abs));
    readFileSync(abs, 'utf8').split(/\r?\n/).forEach((text, i) => {
      const at = text.indexOf(PLACEHOLDER);
      if (at >= 0) {
        warnings.push({ file, line: i + 1, field: '', value: text.slice(at, at + 40).replace(/["',]+$/, ''), message: '仍是“待填写”的占位内容，发布前请替换（构建会拒绝） / placeholder text left to fill in: the build refuses it' });
      }
    });
  };

  for (const abs of listFiles(join(contentDir, 'notices'), '.mdx')) {
    const slug = abs.slice(abs.lastIndexOf(sep) + 1, -'.mdx'.length);
    files++;
    placeholders(abs);
    const result = checkNoticeFile(abs, root);
    errors.push(...result.errors);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
      errors.push({ file: toPosix(relative(root, abs)), line: 1, field: '', value: slug, message: '文件名应为小写字母、数字和连字符（它就是网址） / the file name is the URL slug: lower-case letters, digits and hyphens' });
    }
    if (result.data) notices.set(slug, result.data);
    noticeFiles.set(slug, toPosix(relative(root, abs)));
  }

  for (const abs of listFiles(join(contentDir, 'tables'), '.json')) {
    files++;
    placeholders(abs);
    const result = checkTableFile(abs, root);
    errors.push(...result.errors);
    if (result.data) tables.push({ file: toPosix(relative(root, abs)), data: result.data, source: readFileSync(abs, 'utf8') });
  }

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
    } else if (listed && listed.title !== data.title) {
      errors.push({ file, line: at(['title']), field: 'title', value: data.title, message: `与通知中所列附件标题“${listed.title}”不一致 / differs from the title the notice lists` });
    }
  }
  for (const [slug, notice] of notices) {
    for (const a of notice.attachments) {
      if (!seenTables.has(`${slug}#${a.number}`)) {
        const file = noticeFiles.get(slug)!;
        const source = readFileSync(join(root, file), 'utf8');
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
  }
  return { errors, warnings, files, notices, tables: tables.map(({ file, data }) => ({ file, data })) };
}

