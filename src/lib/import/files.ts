/**
 * Writing a notice out as content files, in the format of the committed ones:
 * content/notices/{slug}.mdx (YAML frontmatter, the body paragraphs, <AttachmentList /> and <Signature />)
 * and content/tables/{slug}/{n}.json (two-space JSON).
 */
import { Document, isScalar, Scalar, visit } from 'yaml';
import { docNumberParts, ISO_DATE, slugify } from '../../domain/patterns.ts';
import type { NoticeFrontmatter, TableDraft } from './model.ts';

/** The order fields are written in: the order of the notice schema (src/schemas/notice.ts). */
const FIELD_ORDER: (keyof NoticeFrontmatter)[] = ['title', 'docNumber', 'issuer', 'letterhead', 'addressees', 'signedDate', 'disclosure', 'cites', 'attachments', 'imprint', 'contact'];

/** YAML frontmatter text (without the --- lines); dates are quoted so every YAML reader keeps them as text. */
export function frontmatterYaml(fm: NoticeFrontmatter): string {
  const ordered: Record<string, unknown> = {};
  for (const k of FIELD_ORDER) if (fm[k] !== undefined) ordered[k] = fm[k];
  const doc = new Document(ordered);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && ISO_DATE.test(node.value)) node.type = Scalar.QUOTE_SINGLE;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/**
 * A paragraph of plain text as MDX that renders exactly that text: characters MDX or Markdown would read as
 * syntax are escaped ({ } < > for JSX and expressions; * _ ` [ ] ~ | & \ for Markdown; and at the start of a
 * line #, -, +, =, "1." that would make a heading, list or rule).
 */
export function mdxText(paragraph: string): string {
  let s = paragraph.replace(/[\\{}<>*_`[\]~|&]/g, (c) => `\\${c}`);
  s = s.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return s;
}

/** The reverse of mdxText, for comparing a committed body with imported text. */
export function unescapeMdxText(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The notice as MDX: body, attachment list, signature, then any text the notice issues (after the signature). */
export function noticeMdx(fm: NoticeFrontmatter, body: string[], enclosed: string[] = []): string {
  const parts = body.map(mdxText);
  if (fm.attachments && fm.attachments.length > 0) parts.push('<AttachmentList />');
  parts.push('<Signature />');
  parts.push(...enclosed.map(mdxText));
  return `---\n${frontmatterYaml(fm)}---\n\n${parts.join('\n\n')}\n`;
}

export function tableJson(table: TableDraft): string {
  return JSON.stringify(table, null, 2) + '\n';
}

/** The body paragraphs of an MDX notice: its text paragraphs, without components, comments or imports. */
export function mdxBodyParagraphs(source: string): string[] {
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && !/^<[A-Z][\s\S]*\/>$/.test(p) && !/^\{\/\*[\s\S]*\*\/\}$/.test(p) && !/^(import|export)\s/.test(p))
    .map(unescapeMdxText);
}

/** A URL slug from a file name: lower-case ASCII words joined by hyphens; undefined when it has no letters. */
export function slugFromFileName(fileName: string): string | undefined {
  const slug = slugify(fileName.replace(/^.*[\\/]/, '').replace(/\.docx?$/i, ''));
  return /[a-z]/.test(slug) ? slug : undefined;
}

/** 嘉政发〔2021〕2号 → 2021-2: the numbers of a 发文字号, for a file named only in Chinese. */
export function slugFromDocNumber(docNumber: string | undefined): string | undefined {
  const parts = docNumber ? docNumberParts(docNumber) : undefined;
  return parts ? `${parts.year}-${parts.serial}` : undefined;
}
