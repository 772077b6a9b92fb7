/**
 * What the importer makes of a received notice before it is written out: the frontmatter it could find,
 * the body paragraphs, the attachment tables as data, and a report of everything it could not map.
 */
import type { ColumnRole, ItemType } from '../../domain/glossary.ts';
import type { ChangeValue } from '../../schemas/change.ts';

export type IssueKind =
  /** A table whose rows differ from the count its title declares; or a 附件 list that differs from the tables. */
  | 'count'
  /** A frontmatter field (or table field) that was not found in the document: left out, never invented. */
  | 'missing-field'
  /** Text in the document that has no place in the content files (e.g. 抄送, notes under a table). */
  | 'unmapped-text'
  /** A value taken by a rule of thumb (a contact address found in the body): check it against the original. */
  | 'guessed'
  /** Measures whose step numbering could not be followed. */
  | 'measures'
  /** A table (or a row of a 处理意见 column) whose text names no kind of change, or more than one. */
  | 'unknown-change'
  /** A 序号 that is not a whole number. */
  | 'seq'
  /** A typographic variant written the standard way (e.g. 嘉政发[2021]2号 → 嘉政发〔2021〕2号). */
  | 'normalised'
  /** A column published as printed under its header (no known role, or a 事项类型 column with other values). */
  | 'verbatim-column';

/** Kinds that only inform: the content is complete without the clerk's action. */
export const INFO_KINDS: ReadonlySet<IssueKind> = new Set(['guessed', 'normalised', 'verbatim-column']);

export interface ImportIssue {
  kind: IssueKind;
  /** Where in the document, in the clerk's words: 头部信息 / 正文 / 附件2 第3行 / 附件1 第7列 */
  where: string;
  /** Chinese first, English after. */
  message: string;
}

export interface AttachmentRef {
  number: number;
  title: string;
}

export interface Citation {
  docNumber: string;
  title: string;
}

/** The notice frontmatter as far as the document gives it (the order is the order written). */
export interface NoticeFrontmatter {
  title?: string;
  docNumber?: string;
  issuer?: string;
  letterhead?: string;
  addressees?: string[];
  signedDate?: string;
  disclosure?: string;
  cites?: Citation[];
  attachments?: AttachmentRef[];
  imprint?: { org: string; date: string };
  contact?: { address?: string; email?: string };
}

/** One attachment section of the document: 附件N, its title and its table as a grid of cells (each its lines). */
export interface AttachmentSection {
  number: number;
  title: string;
  grid: string[][][];
}

export interface NoticeDraft {
  frontmatter: NoticeFrontmatter;
  /** Body paragraphs, as printed, in order. */
  body: string[];
  /** Paragraphs after the signature: the text of a document the notice issues (印发), in order. */
  enclosed: string[];
  sections: AttachmentSection[];
  issues: ImportIssue[];
}

/**
 * A row as written to content/tables/{slug}/{n}.json: a field per column key. A value the importer could not map
 * stays as printed (a string where a number belongs) so that `npm run check` points at it.
 */
export interface RowDraft {
  seq: number | string;
  name: string;
  change?: ChangeValue;
  [column: string]: unknown;
}

export interface ColumnDraft {
  key: string;
  role?: ColumnRole;
  header: string;
}

export interface TableDraft {
  notice: string;
  number: number;
  title: string;
  declaredCount?: number;
  change?: ChangeValue;
  itemType?: ItemType;
  printedHeader: string[];
  columns: ColumnDraft[];
  rows: RowDraft[];
}
