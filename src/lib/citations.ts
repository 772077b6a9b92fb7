/**
 * Citations both ways: which documents the notices and items cite, and who cites each document.
 *
 * A notice cites what its frontmatter `cites` lists; an item cites the 发文字号 and 《…》 titles found in its 依据
 * (basis) and 监管措施 (measures) cells. A cited document is known by its 发文字号 when the site ever sees one for it
 * (《title》（号）, `cites`, or a notice of this site with that title), else by its title. Pure: the pages and the
 * data files call `citationIndex` with the collections.
 *
 * URL scheme: /citations/{key}/, where key is the 发文字号 (国发〔2020〕13号) or, for a document cited by title
 * only, the title without 《》 (山东省测绘管理条例), percent-encoded in links like /departments/{name}/. Both are
 * how the document itself is printed and cited, so the address is readable and stays the same as long as the
 * document is cited the same way. A "/" (never seen in a 发文字号 or title) would split the path, so it is written
 * as the full-width "／". Links to a document that is itself on this site go straight to its notice page, which
 * lists 「被以下文件引用」 (shortened when long); its /citations/ page exists too, with the whole list, so the
 * address a document got while only cited stays when its notice is published here later.
 */
import { CITATION_IN_TEXT, DOC_NUMBER_IN_TEXT, TITLE_IN_TEXT, docNumberInText } from '../domain/patterns.ts';
import type { ItemCell } from '../schemas/item.ts';
import { paths } from '../domain/urls.ts';
import { shortList } from './short-list.ts';

/** One mention of a document in running text. */
export interface Mention {
  docNumber?: string;
  title?: string;
}

/**
 * Every document mentioned in `text`, in order: 《title》（号） pairs, then a 发文字号 or a 《title》 standing alone.
 * A mention repeated in the same text is kept once. `known` 发文字号 (the site's and those it cites) tell where a
 * bare 发文字号 starts (见嘉政发〔2021〕2号).
 */
export function mentionsInText(text: string, known: Iterable<string> = []): Mention[] {
  const found: { at: number; m: Mention }[] = [];
  const taken: [number, number][] = [];
  const free = (from: number, to: number) => !taken.some(([a, b]) => from < b && to > a);
  for (const m of text.matchAll(CITATION_IN_TEXT)) {
    found.push({ at: m.index, m: { title: m[1]!, docNumber: m[2]! } });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(DOC_NUMBER_IN_TEXT)) {
    if (free(m.index, m.index + m[0].length)) found.push({ at: m.index, m: { docNumber: docNumberInText(m[0], known) } });
  }
  for (const m of text.matchAll(TITLE_IN_TEXT)) {
    if (free(m.index, m.index + m[0].length)) found.push({ at: m.index, m: { title: m[1]! } });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((f) => f.m)
    .filter((m) => {
      const k = `${m.docNumber ?? ''}|${m.title ?? ''}`;
      return seen.has(k) ? false : (seen.add(k), true);
    });
}

/** The cells a citation is looked for in: 依据 and 监管措施. */
const CITING_ROLES = new Set(['basis', 'measures']);

/** The text of a 依据 or 监管措施 cell, paragraph by paragraph; other cells give none. */
export function citingTexts(cell: ItemCell): string[] {
  if (!CITING_ROLES.has(cell.role) || cell.value === null) return [];
  if (cell.role === 'basis') return cell.value;
  if (cell.role === 'measures') return [...(cell.value.lead === undefined ? [] : [cell.value.lead]), ...cell.value.steps];
  return [];
}

export interface CitingNotice {
  id: string;
  docNumber: string;
  title: string;
  signedDate: string;
  cites: readonly { docNumber: string; title: string }[];
}
export interface CitingItem {
  id: string;
  notice: string;
  name: string;
  tableNumber: number;
  seq: number;
  cells: readonly ItemCell[];
}

export interface CitedDocument {
  /** 发文字号, or the title when no 发文字号 is known: what the URL is made of. */
  key: string;
  docNumber?: string;
  title?: string;
  /** The notice of this site that is this document, when there is one. */
  onSite?: string;
  /** Notices citing it (ids, in the order given). */
  notices: string[];
  /** Items citing it, with the printed headers of the cells that cite it. */
  items: { id: string; headers: string[] }[];
}

export interface CitationIndex {
  documents: CitedDocument[];
  /** document key → document */
  byKey: Map<string, CitedDocument>;
  /** notice id → the cited document that notice is (a notice of this site that something here cites) */
  byOnSite: Map<string, CitedDocument>;
  /** notice id → the keys it cites; item id → the keys it cites */
  byNotice: Map<string, string[]>;
  byItem: Map<string, string[]>;
}

/** "/" would split the URL path: written as the full-width "／". */
export function citationSlug(key: string): string {
  return key.replace(/\//g, '／');
}

/** The base-less path of a cited document's page. */
export function citationPath(key: string): string {
  return `/citations/${encodeURIComponent(citationSlug(key))}/`;
}

/** One page of a cited document's page: /citations/{key}/, then …/2/ … when its citing items fill more than one. */
export interface CitationPage {
  /** 1-based. */
  current: number;
  last: number;
  /** The citing items on this page, and the position (0-based) of its first among all of them. */
  items: CitedDocument['items'];
  start: number;
  /** The citing notices: on the first page only. */
  notices: string[];
}

/**
 * A cited document's pages, `pageSize` citing items each (a document cited by every item of a province would
 * otherwise be one page of megabytes); always at least one page, which lists the citing notices.
 */
export function citationPages(doc: Pick<CitedDocument, 'notices' | 'items'>, pageSize: number): CitationPage[] {
  const last = Math.max(1, Math.ceil(doc.items.length / pageSize));
  return Array.from({ length: last }, (_, i) => ({
    current: i + 1,
    last,
    items: doc.items.slice(i * pageSize, (i + 1) * pageSize),
    start: i * pageSize,
    notices: i === 0 ? doc.notices : [],
  }));
}

/** What a notice's page lists under 「被以下文件引用」, each list shortened by the short-list rule. */
export interface CitedByList {
  notices: readonly string[];
  items: readonly CitedDocument['items'][number][];
  /** Some were left out: the page links to the document's citation page, which lists them all. */
  shortened: boolean;
}

export function citedByList(doc: Pick<CitedDocument, 'notices' | 'items'>): CitedByList {
  const notices = shortList(doc.notices);
  const items = shortList(doc.items);
  return { notices: notices.shown, items: items.shown, shortened: notices.more + items.more > 0 };
}

/** How a cited document is named in a list: 《title》（号）, 《title》 or 号. */
export function citationLabel(d: Pick<CitedDocument, 'docNumber' | 'title'>): string {
  if (d.title && d.docNumber) return `《${d.title}》（${d.docNumber}）`;
  return d.title ? `《${d.title}》` : d.docNumber!;
}

/**
 * Who cites what, both ways. Documents come sorted by how often they are cited (notices + items), then by key.
 * A notice never cites itself, nor do its own items.
 */
export function citationIndex(notices: readonly CitingNotice[], items: readonly CitingItem[]): CitationIndex {
  const numberOfTitle = new Map<string, string>();
  const titleOfNumber = new Map<string, string>();
  const learn = (title: string | undefined, docNumber: string | undefined) => {
    if (!title || !docNumber) return;
    if (!numberOfTitle.has(title)) numberOfTitle.set(title, docNumber);
    if (!titleOfNumber.has(docNumber)) titleOfNumber.set(docNumber, title);
  };
  for (const n of notices) {
    learn(n.title, n.docNumber);
    for (const c of n.cites) learn(c.title, c.docNumber);
  }
  const known = new Set(titleOfNumber.keys());
  const itemMentions = items.map((item) => ({
    item,
    mentions: item.cells.flatMap((cell) => citingTexts(cell).flatMap((t) => mentionsInText(t, known).map((m) => ({ m, header: cell.header })))),
  }));
  for (const { mentions } of itemMentions) for (const { m } of mentions) learn(m.title, m.docNumber);

  const noticeByNumber = new Map(notices.map((n) => [n.docNumber, n]));
  const byKey = new Map<string, CitedDocument>();
  const byNotice = new Map<string, string[]>();
  const byItem = new Map<string, string[]>();
  const docOf = (m: Mention): CitedDocument => {
    const docNumber = m.docNumber ?? (m.title ? numberOfTitle.get(m.title) : undefined);
    const title = m.title ?? (docNumber ? titleOfNumber.get(docNumber) : undefined);
    const key = docNumber ?? title!;
    let doc = byKey.get(key);
    if (!doc) {
      doc = { key, notices: [], items: [] };
      if (docNumber) doc.docNumber = docNumber;
      if (title) doc.title = title;
      const onSite = docNumber ? noticeByNumber.get(docNumber) : undefined;
      if (onSite) doc.onSite = onSite.id;
      byKey.set(key, doc);
    }
    return doc;
  };
  const docNumberOf = new Map(notices.map((n) => [n.id, n.docNumber]));
  for (const n of notices) {
    const keys: string[] = [];
    for (const c of n.cites) {
      const doc = docOf(c);
      if (doc.onSite === n.id || keys.includes(doc.key)) continue;
      doc.notices.push(n.id);
      keys.push(doc.key);
    }
    byNotice.set(n.id, keys);
  }
  for (const { item, mentions } of itemMentions) {
    const keys: string[] = [];
    const headers = new Map<string, string[]>();
    for (const { m, header } of mentions) {
      const doc = docOf(m);
      if (doc.docNumber !== undefined && doc.docNumber === docNumberOf.get(item.notice)) continue;
      if (!keys.includes(doc.key)) keys.push(doc.key);
      const h = headers.get(doc.key) ?? [];
      if (!h.includes(header)) h.push(header);
      headers.set(doc.key, h);
    }
    for (const k of keys) byKey.get(k)!.items.push({ id: item.id, headers: headers.get(k)! });
    byItem.set(item.id, keys);
  }
  const collator = new Intl.Collator('zh-CN');
  const documents = [...byKey.values()]
    .filter((d) => d.notices.length + d.items.length > 0)
    .sort((a, b) => b.notices.length + b.items.length - (a.notices.length + a.items.length) || collator.compare(a.key, b.key));
  const byOnSite = new Map(documents.flatMap((d) => (d.onSite === undefined ? [] : [[d.onSite, d] as const])));
  return { documents, byKey, byOnSite, byNotice, byItem };
}

/** A piece of running text: plain, or a cited document's mention linking to its page. */
export interface TextSegment {
  text: string;
  /** Base-less path: the cited document's /citations/ page, or its notice when it is on this site. */
  path?: string;
}

/**
 * Running text cut into plain pieces and cited documents, each mention (《title》（号）, 《title》, or a bare
 * 发文字号) linking where the index says: so the cited text in a page links to the document's page.
 */
export function citationSegments(text: string, index: Pick<CitationIndex, 'byKey'>): TextSegment[] {
  const numberOfTitle = new Map<string, string>();
  for (const d of index.byKey.values()) if (d.title && d.docNumber) numberOfTitle.set(d.title, d.docNumber);
  const pathOf = (docNumber: string | undefined, title: string | undefined): string | undefined => {
    const d = index.byKey.get(docNumber ?? (title ? (numberOfTitle.get(title) ?? title) : ''));
    if (!d) return undefined;
    return d.onSite ? paths.notice(d.onSite) : citationPath(d.key);
  };
  const spans: { from: number; to: number; path: string }[] = [];
  const free = (from: number, to: number) => !spans.some((s) => from < s.to && to > s.from);
  const add = (from: number, to: number, path: string | undefined) => {
    if (path && free(from, to)) spans.push({ from, to, path });
  };
  for (const m of text.matchAll(CITATION_IN_TEXT)) add(m.index, m.index + m[0].length, pathOf(m[2], m[1]));
  for (const m of text.matchAll(TITLE_IN_TEXT)) add(m.index, m.index + m[0].length, pathOf(undefined, m[1]));
  for (const m of text.matchAll(DOC_NUMBER_IN_TEXT)) {
    const number = docNumberInText(m[0], index.byKey.keys());
    const at = m.index + m[0].length - number.length;
    add(at, at + number.length, pathOf(number, undefined));
  }
  spans.sort((a, b) => a.from - b.from);
  const out: TextSegment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.from > at) out.push({ text: text.slice(at, s.from) });
    out.push({ text: text.slice(s.from, s.to), path: s.path });
    at = s.to;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at) });
  return out;
}
