/**
 * Importing a received .docx notice: read it with mammoth, take it apart (notice.ts, table.ts), write the
 * content files (files.ts) — never over existing ones unless forced — and validate them with the same check
 * as `npm run check` and the build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import mammoth from 'mammoth';
import { checkContent, formatError, summarize, type ContentError } from '../validation/check-content.ts';
import { blocksFromHtml } from './html.ts';
import { noticeFromBlocks } from './notice.ts';
import { tableFromSection } from './table.ts';
import { noticeMdx, slugFromDocNumber, slugFromFileName, tableJson } from './files.ts';
import { isSlug } from '../../domain/patterns.ts';
import { INFO_KINDS, type ImportIssue, type NoticeDraft, type TableDraft } from './model.ts';

/** A reason to stop before writing anything (the message is for the clerk: Chinese first). */
export class ImportError extends Error {}

export interface ImportOptions {
  /** The .docx file. */
  docx: string;
  /** The URL name; derived from the file name (or the 发文字号) when omitted. */
  slug?: string;
  /** Replace existing content files for this slug. */
  force?: boolean;
  /** Where content lives (content/). */
  contentDir: string;
  /** Paths in messages are relative to this (the project root). Default: the parent of contentDir. */
  root?: string;
  /** Progress lines, for a long import. */
  onProgress?: (message: string) => void;
  /** Report progress every N rows within a table (default 100). */
  progressEvery?: number;
}

export interface ImportResult {
  slug: string;
  /** Files written, relative to root (in full when outside it), in the order written. */
  written: string[];
  /** Table files removed because the new document has fewer attachments (only with force). */
  removed: string[];
  issues: ImportIssue[];
  draft: NoticeDraft;
  tables: TableDraft[];
  /** The content check, for the files written and for the rest of the content dir. */
  check: { errors: ContentError[]; otherErrors: ContentError[]; files: number };
}

function posix(p: string): string {
  return p.split(sep).join('/');
}

/** Convert a .docx (as a buffer) to a notice draft and its tables, without touching the disk. */
export async function convertDocx(
  buffer: Buffer,
  fileName: string,
  options: { slug?: string; onProgress?: (message: string) => void; progressEvery?: number } = {},
): Promise<{ slug: string; draft: NoticeDraft; tables: TableDraft[]; issues: ImportIssue[] }> {
  const progress = options.onProgress ?? (() => {});
  let html: string;
  progress(`正在读取 ${fileName} / reading`);
  try {
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch (e) {
    throw new ImportError(`无法读取 ${fileName}：不是有效的 .docx 文件（.doc 请先在 Word 中另存为 .docx） / cannot read the file as .docx: ${(e as Error).message}`);
  }
  const draft = noticeFromBlocks(blocksFromHtml(html));
  const issues = [...draft.issues];
  progress(`已读取 ${fileName}：正文 ${draft.body.length} 段${draft.enclosed.length ? `，落款后 ${draft.enclosed.length} 段` : ''}，附件表格 ${draft.sections.length} 个 / read: ${draft.body.length} paragraphs, ${draft.sections.length} tables`);

  let slug = options.slug;
  if (slug === undefined) {
    slug = slugFromFileName(fileName);
    if (slug === undefined) {
      slug = slugFromDocNumber(draft.frontmatter.docNumber);
      if (slug === undefined) {
        throw new ImportError(`无法从文件名“${fileName}”或发文字号得出网址名，请用 --slug 指定，例如 --slug jiaxiang-2021-2 / cannot derive a slug: give --slug`);
      }
      issues.push({ kind: 'guessed', where: '网址名', message: `文件名中没有英文字母，网址名取自发文字号：${slug}；可用 --slug 另行指定（如 jiaxiang-2021-2） / slug taken from the document number` });
    }
  }
  if (!isSlug(slug)) {
    throw new ImportError(`网址名“${slug}”无效：只能用小写字母、数字和连字符，例如 jiaxiang-2021-2 / invalid slug`);
  }

  const tables = draft.sections.map((section) => {
    const { table, issues: found } = tableFromSection(section, slug, {
      issuer: draft.frontmatter.issuer,
      progressEvery: options.progressEvery,
      onProgress: (p) =>
        progress(
          p.rowsDone === p.rowsTotal
            ? `附件${p.table} ${p.title}：${p.rowsTotal} 行 / ${p.rowsTotal} rows`
            : `附件${p.table}：已处理 ${p.rowsDone}/${p.rowsTotal} 行 / ${p.rowsDone} of ${p.rowsTotal} rows`,
        ),
    });
    issues.push(...found);
    return table;
  });
  return { slug, draft, tables, issues };
}

/** Import a .docx into contentDir. Throws ImportError (nothing written) when it must stop. */
export async function importDocx(options: ImportOptions): Promise<ImportResult> {
  const { docx, contentDir, force = false } = options;
  const root = options.root ?? dirname(contentDir);
  if (!existsSync(docx)) throw new ImportError(`找不到文件 ${docx} / no such file`);
  const { slug, draft, tables, issues } = await convertDocx(readFileSync(docx), basename(docx), options);

  const noticePath = join(contentDir, 'notices', `${slug}.mdx`);
  const tableDir = join(contentDir, 'tables', slug);
  const tablePaths = tables.map((t) => join(tableDir, `${t.number}.json`));
  const existingTables = existsSync(tableDir) ? readdirSync(tableDir).filter((f) => f.endsWith('.json')).map((f) => join(tableDir, f)) : [];
  const existing = [noticePath, ...existingTables].filter((p) => existsSync(p));
  if (existing.length > 0 && !force) {
    throw new ImportError(
      `已有内容，未作任何修改：${existing.map((p) => (relative(root, p).startsWith('..') ? posix(p) : posix(relative(root, p)))).join('、')}。确需用新文件替换，请加 --force；或用 --slug 另取网址名 / content exists, nothing written: use --force to replace it`,
    );
  }

  mkdirSync(dirname(noticePath), { recursive: true });
  const written: string[] = [];
  writeFileSync(noticePath, noticeMdx(draft.frontmatter, draft.body, draft.enclosed));
  written.push(noticePath);
  if (tables.length > 0) mkdirSync(tableDir, { recursive: true });
  tables.forEach((t, i) => {
    writeFileSync(tablePaths[i]!, tableJson(t));
    written.push(tablePaths[i]!);
  });
  const removed = existingTables.filter((p) => !tablePaths.includes(p));
  for (const p of removed) rmSync(p);

  options.onProgress?.('正在检查 / checking');
  const result = checkContent(root, contentDir);
  const ours = new Set(written.map((p) => posix(relative(root, p))));
  // Paths as the clerk reads them: relative to the project, or in full when the content dir is elsewhere.
  const show = (p: string) => (relative(root, p).startsWith('..') ? posix(p) : posix(relative(root, p)));
  return {
    slug,
    written: written.map(show),
    removed: removed.map(show),
    issues,
    draft,
    tables,
    check: {
      errors: result.errors.filter((e) => ours.has(e.file)),
      otherErrors: result.errors.filter((e) => !ours.has(e.file)),
      files: result.files,
    },
  };
}

/** Issues that need the clerk (not just information). */
export function actionable(issues: ImportIssue[]): ImportIssue[] {
  return issues.filter((i) => !INFO_KINDS.has(i.kind));
}

/** The report printed after an import: what was written, what could not be mapped, the check. */
export function formatReport(r: ImportResult): string[] {
  const out: string[] = [];
  out.push(`已写入 / written (${r.written.length}):`);
  for (const f of r.written) out.push(`  ${f}`);
  for (const f of r.removed) out.push(`  已删除 / removed: ${f}`);
  const rows = r.tables.reduce((n, t) => n + t.rows.length, 0);
  out.push(`附件表格 ${r.tables.length} 个，事项 ${rows} 行 / ${r.tables.length} tables, ${rows} rows`);
  const todo = actionable(r.issues);
  const info = r.issues.filter((i) => INFO_KINDS.has(i.kind));
  if (todo.length > 0) {
    out.push(`需要处理 ${todo.length} 处（未能对应，请对照原件修改上面的文件） / ${todo.length} thing(s) could not be mapped:`);
    for (const i of todo) out.push(`  ✗ ${i.where}：${i.message}`);
  } else {
    out.push('所有列、事项类型和行数均已对应 / every column, item type and count was mapped');
  }
  if (info.length > 0) {
    out.push(`请核对 ${info.length} 处 / please check:`);
    for (const i of info) out.push(`  ? ${i.where}：${i.message}`);
  }
  for (const e of r.check.errors) out.push(formatError(e));
  out.push(summarize(r.check.errors, r.written.length));
  if (r.check.otherErrors.length > 0) {
    out.push(`另有 ${r.check.otherErrors.length} 个错误在其他内容文件中（运行 npm run check 查看） / ${r.check.otherErrors.length} error(s) in other content files`);
  }
  return out;
}
