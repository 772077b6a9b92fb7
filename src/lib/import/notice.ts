/**
 * From the blocks of a received notice (paragraphs and tables, see html.ts) to its parts: 版头, 发文字号,
 * title, 主送, body, 附件 list, signature (发文机关, 成文日期, 公开方式), 版记, and the attachment sections
 * (附件N, title, table). Fields it cannot find are left out and reported, never invented.
 */
import { rejoin, stripBookmarks, trimAll } from '../text.ts';
import { asciiDigits } from '../../domain/numerals.ts';
import { CHINESE_DATE_IN_LINE, CITATION_IN_TEXT, parseChineseDate, parseDocNumber } from '../../domain/patterns.ts';
import { tableGrid, type Block, type TableBlock } from './html.ts';
import type { AttachmentRef, AttachmentSection, Citation, ImportIssue, NoticeDraft, NoticeFrontmatter } from './model.ts';

/** 附件1 / 附件 1： / 附件１ — the heading over an attachment; `rest` is a title written on the same line. */
export function parseAttachmentHeading(line: string): { number?: number; rest: string } | undefined {
  const s = asciiDigits(trimAll(line));
  const m = /^附\s*件\s*(\d+)\s*[:：.．]?\s*(.*)$/.exec(s);
  if (m) return { number: Number(m[1]), rest: trimAll(m[2]!) };
  if (/^附\s*件\s*[:：]?$/.test(s)) return { rest: '' };
  return undefined;
}

/** Split 主送 at the commas between units, never inside brackets: 各镇（街道）人民政府（办事处），… */
export function splitAddressees(line: string): string[] {
  const s = trimAll(line).replace(/[:：]$/, '');
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if ('（(【〔'.includes(ch)) depth++;
    if ('）)】〕'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '，,；;'.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map(trimAll).filter((a) => a.length > 0);
}

/** 《title》（docNumber） pairs the body cites, first mention first, each once. */
export function findCitations(paragraphs: string[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const p of paragraphs) {
    for (const m of p.matchAll(CITATION_IN_TEXT)) {
      const docNumber = trimAll(m[2]!);
      if (seen.has(docNumber)) continue;
      seen.add(docNumber);
      out.push({ docNumber, title: trimAll(m[1]!) });
    }
  }
  return out;
}

/** 邮箱：… and the place reports go to (报…室), when the body names them. */
export function findContact(paragraphs: string[]): { address?: string; email?: string } | undefined {
  for (const p of paragraphs) {
    const email = /(?:邮箱|电子邮箱|电子邮件|E-?mail)\s*[:：]\s*([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/i.exec(p)?.[1];
    if (!email) continue;
    const address = /报(?:送)?([^，。；：、“”]{2,40}?\d+\s*室)/.exec(p)?.[1];
    return address ? { address: trimAll(address), email } : { email };
  }
  return undefined;
}

/** 嘉祥县人民政府办公室 2021年2月20日印发 */
function parseImprint(line: string): { org: string; date: string } | undefined {
  const m = new RegExp(`^(.+?)\\s*${CHINESE_DATE_IN_LINE.source}\\s*印发$`).exec(asciiDigits(trimAll(line)));
  if (!m) return undefined;
  const date = parseChineseDate(m[2]!);
  return date ? { org: trimAll(m[1]!), date } : undefined;
}

const ATTACHMENT_ITEM = /^(\d+)\s*[.．、]\s*(.+)$/;

interface Line {
  text: string;
  /** Index of the paragraph the line belongs to (lines of one paragraph were split by soft breaks). */
  para: number;
}

function cleanLines(lines: string[]): string[] {
  return lines.map((l) => trimAll(stripBookmarks(l))).filter((l) => l.length > 0);
}

function isParagraph(b: Block): b is Block & { kind: 'p' } {
  return b.kind === 'p';
}

/** A line short enough and unpunctuated enough to be a signature (发文机关), not the end of the body. */
function looksLikeIssuer(s: string): boolean {
  return s.length <= 40 && !/[。；，：:]$/.test(s) && !/^附\s*件/.test(s);
}

/**
 * A signature printed letter-spaced (国　务　院, 嘉 祥 县 人 民 政 府) as the issuer's name: single characters
 * separated by blanks are joined; a line of words (two issuers side by side) is left as it is.
 */
export function unspaced(line: string): string {
  const parts = trimAll(line).split(/[\s\u3000]+/);
  return parts.length > 1 && parts.every((p) => [...p].length === 1) ? parts.join('') : trimAll(line);
}

function sameRow(a: string[][] | undefined, b: string[][] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((cell, i) => rejoin(cell) === rejoin(b[i]!));
}

/**
 * Read the parts of a notice from its blocks. Everything before the first attachment section is the notice
 * itself; each 附件N heading with its title and the table(s) after it is a section.
 */
export function noticeFromBlocks(blocks: Block[]): NoticeDraft {
  const issues: ImportIssue[] = [];
  const fm: NoticeFrontmatter = {};
  const firstTable = blocks.findIndex((b) => b.kind === 'table');

  // Where the attachment part begins: the 附件N heading nearest above the first table (within its title lines).
  let sectionStart = firstTable === -1 ? blocks.length : firstTable;
  if (firstTable !== -1) {
    for (let i = firstTable - 1, seen = 0; i >= 0 && seen < 4; i--) {
      const b = blocks[i]!;
      if (!isParagraph(b)) break;
      const lines = cleanLines(b.lines);
      if (lines.length === 0) continue;
      seen++;
      if (parseAttachmentHeading(lines[0]!)) {
        sectionStart = i;
        break;
      }
    }
    if (sectionStart === firstTable) {
      // No heading: take the paragraph right above the table as its title.
      const above = blocks[firstTable - 1];
      if (above && isParagraph(above) && cleanLines(above.lines).length > 0) sectionStart = firstTable - 1;
    }
  }

  // ── The notice: a flat list of lines, each knowing its paragraph.
  const lines: Line[] = [];
  blocks.slice(0, sectionStart).forEach((b, para) => {
    if (!isParagraph(b)) return;
    for (const text of cleanLines(b.lines)) lines.push({ text, para });
  });
  const text = (i: number) => lines[i]!.text;

  /** Lines above the 发文字号 other than the 版头: the title when the number is printed under it (as on gov.cn). */
  let aboveNumber: string[] = [];
  // 上行文 print the signer beside the number: 嘉政发〔2021〕2号    签发人：张三
  const SIGNER = /\s+签\s*发\s*人\s*[:：].*$/;
  let d = lines.findIndex((l, i) => i < 10 && parseDocNumber(l.text.replace(SIGNER, '')));
  if (d !== -1) {
    const signer = SIGNER.exec(text(d))?.[0];
    if (signer) issues.push({ kind: 'unmapped-text', where: '版头', message: `未导入：“${trimAll(signer)}” / not imported` });
    const parsed = parseDocNumber(text(d).replace(SIGNER, ''))!;
    fm.docNumber = parsed.value;
    if (parsed.normalised) issues.push({ kind: 'normalised', where: '发文字号', message: `“${text(d).replace(SIGNER, '')}”按规范写作“${parsed.value}” / document number written the standard way` });
    const before = lines.slice(0, d).map((l) => l.text);
    const letterheads = before.filter((t) => /文件$/.test(t));
    if (letterheads.length === 1) fm.letterhead = letterheads[0];
    aboveNumber = before.filter((t) => t !== fm.letterhead);
  } else {
    issues.push({ kind: 'missing-field', where: '头部信息', message: '未找到发文字号（形如 嘉政发〔2021〕2号），请手工填写 docNumber / no document number found' });
  }

  const start = d + 1;
  let a = -1;
  for (let i = start; i < Math.min(lines.length, start + 8); i++) {
    if (/[:：]$/.test(text(i)) && !parseAttachmentHeading(text(i)) && !/^附\s*件\s*[:：]/.test(text(i))) {
      a = i;
      break;
    }
  }
  let bodyStart: number;
  // The title printed above the 发文字号 (国务院关于…的决定 / 国发〔2019〕6号 / 主送): nothing stands between number and 主送.
  const titleAbove = a === start && aboveNumber.length > 0 && aboveNumber.length <= 3;
  for (const t of titleAbove ? [] : aboveNumber) issues.push({ kind: 'unmapped-text', where: '版头', message: `未导入：“${t}” / not imported` });
  if (a !== -1) {
    fm.title = rejoin(titleAbove ? aboveNumber : lines.slice(start, a).map((l) => l.text));
    fm.addressees = splitAddressees(text(a));
    bodyStart = a + 1;
  } else {
    // No 主送 line: the title is the lines up to the first that reads like a sentence of the body.
    let t = start;
    while (t < lines.length && t < start + 4 && !/[。；：:]$/.test(text(t)) && text(t).length < 60) t++;
    fm.title = rejoin(lines.slice(start, t).map((l) => l.text));
    bodyStart = t;
    issues.push({ kind: 'missing-field', where: '主送', message: '未找到主送机关（以冒号结尾的一行），请手工填写 addressees / no addressee line found' });
  }
  if (!fm.title) {
    delete fm.title;
    issues.push({ kind: 'missing-field', where: '标题', message: '未找到标题，请手工填写 title / no title found' });
  }

  const listAt = lines.findIndex((l, i) => i >= bodyStart && /^附\s*件\s*[:：]/.test(l.text));
  const dateAt = lines.findIndex((l, i) => i >= bodyStart && parseChineseDate(l.text));
  // The signature: 发文机关 on the line above 成文日期 (not an attachment-list line, not a sentence).
  let issuerAt = -1;
  if (dateAt > bodyStart && dateAt - 1 !== listAt && looksLikeIssuer(text(dateAt - 1))) {
    if (!(listAt !== -1 && dateAt - 1 > listAt && ATTACHMENT_ITEM.test(asciiDigits(text(dateAt - 1))))) issuerAt = dateAt - 1;
  }
  const signatureAt = issuerAt !== -1 ? issuerAt : dateAt;
  const bodyEnd = listAt !== -1 ? listAt : signatureAt !== -1 ? signatureAt : lines.length;

  // Body: paragraphs of the lines between 主送 and the 附件 list / signature; soft breaks within a paragraph
  // are page layout, so its lines are rejoined.
  const body: string[] = [];
  let lastPara = -1;
  for (const l of lines.slice(bodyStart, bodyEnd)) {
    if (l.para === lastPara) body[body.length - 1] += l.text;
    else body.push(l.text);
    lastPara = l.para;
  }
  if (body.length === 0) issues.push({ kind: 'missing-field', where: '正文', message: '未找到正文段落 / no body text found' });

  // 附件：1.… 2.… (the list may start on the 附件： line or below it).
  const listed: AttachmentRef[] = [];
  if (listAt !== -1) {
    const listEnd = signatureAt !== -1 && signatureAt > listAt ? signatureAt : lines.length;
    const first = trimAll(text(listAt).replace(/^附\s*件\s*[:：]/, ''));
    const entries = [first, ...lines.slice(listAt + 1, listEnd).map((l) => l.text)].filter((s) => s.length > 0);
    for (const e of entries) {
      const m = ATTACHMENT_ITEM.exec(asciiDigits(e));
      if (m) listed.push({ number: Number(m[1]), title: trimAll(m[2]!) });
      else if (listed.length > 0) listed[listed.length - 1]!.title += e; // a title broken over two lines
      else listed.push({ number: 1, title: e });
    }
  }

  if (issuerAt !== -1) fm.issuer = unspaced(text(issuerAt));
  if (dateAt !== -1) fm.signedDate = parseChineseDate(text(dateAt));
  let after = dateAt === -1 ? lines.length : dateAt + 1;
  if (dateAt !== -1 && dateAt + 1 < lines.length) {
    const m = /^[（(](.+)[）)]$/.exec(text(dateAt + 1));
    if (m) {
      fm.disclosure = trimAll(m[1]!);
      after = dateAt + 2;
    }
  }

  if (!fm.issuer) {
    const fromTitle = fm.title ? /^(.+?)关于/.exec(fm.title)?.[1] : undefined;
    if (fromTitle) {
      fm.issuer = fromTitle;
      issues.push({ kind: 'guessed', where: '发文机关', message: `落款中未找到发文机关，取自标题“${fromTitle}”，请核对 / issuer taken from the title` });
    } else {
      issues.push({ kind: 'missing-field', where: '发文机关', message: '未找到发文机关（落款），请手工填写 issuer / no issuer found' });
    }
  }
  if (!fm.signedDate) issues.push({ kind: 'missing-field', where: '成文日期', message: '未找到成文日期（如 2021年2月20日），请手工填写 signedDate / no date found' });


  // ── The attachment sections.
  const sections: AttachmentSection[] = [];
  // After the signature: the text of a document the notice issues (印发 … 的通知 carries the plan itself),
  // kept as paragraphs after <Signature />; 抄送 and 版记 lines are not part of it.
  const trailing: string[] = [];
  const enclosed: string[] = [];
  let enclosedPara = -1;
  for (const l of lines.slice(after)) {
    if (/^抄\s*送\s*[:：]/.test(l.text) || parseImprint(l.text)) {
      trailing.push(l.text);
      continue;
    }
    if (l.para === enclosedPara) enclosed[enclosed.length - 1] += l.text;
    else enclosed.push(l.text);
    enclosedPara = l.para;
  }
  const cites = findCitations([...body, ...enclosed]);
  if (cites.length > 0) fm.cites = cites;
  if (enclosed.length > 0) {
    issues.push({ kind: 'guessed', where: '落款之后', message: `落款之后的 ${enclosed.length} 段文字（如印发的方案正文）已写在 <Signature /> 之后，请核对 / ${enclosed.length} paragraph(s) after the signature kept after <Signature />` });
  }
  let current: (AttachmentSection & { header?: string[][] }) | undefined;
  let pending: string[] = [];
  const closePending = () => {
    trailing.push(...pending);
    pending = [];
  };
  for (const b of blocks.slice(sectionStart)) {
    if (isParagraph(b)) {
      pending.push(...cleanLines(b.lines));
      continue;
    }
    const grid = tableGrid((b as TableBlock).rows).map((row) => row.map(cleanLines));
    if (grid.length === 0) continue;
    const h = pending.findIndex((l) => parseAttachmentHeading(l));
    if (h === -1 && current && (pending.length === 0 || sameRow(grid[0], current.header))) {
      // The same table, continued (Word split it, or it repeats its header on a new page).
      closePending();
      const rows = sameRow(grid[0], current.header) ? grid.slice(1) : grid;
      current.grid.push(...rows);
      continue;
    }
    let number: number;
    let titleLines: string[];
    if (h !== -1) {
      trailing.push(...pending.slice(0, h));
      const heading = parseAttachmentHeading(pending[h]!)!;
      number = heading.number ?? (current ? current.number + 1 : 1);
      titleLines = [heading.rest, ...pending.slice(h + 1)].filter((l) => l.length > 0);
      if (heading.number === undefined) issues.push({ kind: 'guessed', where: `附件${number}`, message: `附件标题行没有编号，按顺序记为附件${number} / attachment heading without a number` });
    } else {
      number = current ? current.number + 1 : 1;
      titleLines = pending;
      issues.push({ kind: 'guessed', where: `附件${number}`, message: `表格上方没有“附件${number}”字样，按顺序记为附件${number} / no 附件N heading above this table` });
    }
    pending = [];
    current = { number, title: rejoin(titleLines), grid, header: grid[0] };
    sections.push(current);
  }
  closePending();
  for (const s of sections) delete (s as { header?: unknown }).header;

  for (const t of trailing) {
    const imprint = parseImprint(t);
    if (imprint && !fm.imprint) fm.imprint = imprint;
    else issues.push({ kind: 'unmapped-text', where: '其他', message: `未导入：“${t.length > 60 ? t.slice(0, 60) + '…' : t}” / not imported` });
  }

  // The attachment list of the notice, checked against the sections.
  if (listed.length > 0) {
    fm.attachments = listed;
  } else if (sections.length > 0) {
    fm.attachments = sections.map((s) => ({ number: s.number, title: s.title }));
    issues.push({ kind: 'guessed', where: '附件', message: '正文后没有“附件：”列表，附件清单取自各附件标题 / attachment list taken from the attachment headings' });
  }
  if (listed.length > 0 && listed.length !== sections.length) {
    issues.push({ kind: 'count', where: '附件', message: `“附件：”列出 ${listed.length} 个附件，文档中有 ${sections.length} 个附件表格 / the list names ${listed.length} attachments, the document has ${sections.length} tables` });
  }
  for (const s of sections) {
    if (!s.title) issues.push({ kind: 'missing-field', where: `附件${s.number}`, message: '未找到附件标题 / no title above the table' });
  }

  const contact = findContact(body);
  if (contact) {
    fm.contact = contact;
    issues.push({ kind: 'guessed', where: '联系方式', message: `从正文识别出联系方式 ${[contact.address, contact.email].filter(Boolean).join('，')}，请核对 / contact found in the body: check it` });
  }

  return { frontmatter: fm, body, enclosed, sections, issues };
}
