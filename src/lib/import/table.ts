/**
 * From an attachment section (title + a grid of cells) to the data of content/tables/{slug}/{n}.json:
 * every printed column kept under its printed header with a role read from the header (an unknown header is a
 * `verbatim` column, never dropped), cells cleaned (lines rejoined, measures split into a lead and steps), the
 * kind of change and a 事项类型 stated by the title read from the title, a per-row change from a 处理意见 column.
 */
import { ACTIONS, ITEM_TYPE_CODES, ITEM_TYPES, CHANGE_PRESET_CODES, CHANGE_PRESETS, itemTypeFromLabel, type Action, type ColumnRole, type ItemType, type Level } from '../../domain/glossary.ts';
import { compactHeader, roleFromHeader } from '../../domain/columns.ts';
import { asciiDigits } from '../../domain/numerals.ts';
import { declaredCountInTitle } from '../../domain/patterns.ts';
import { cellLines, isBlank, rejoin, splitMeasures } from '../text.ts';
import type { ChangeSpec, ChangeValue } from '../../schemas/change.ts';
import type { AttachmentSection, ColumnDraft, ImportIssue, RowDraft, TableDraft } from './model.ts';

/** Words that name an action in a title or a 处理意见 cell; the more specific first. */
const ACTION_WORDS: [RegExp, Action][] = [
  [/部分取消/, 'partial-cancel'],
  [/部分下放/, 'partial-delegate'],
  // 取消审批，改为备案 / 取消后改为备案 is one change, not 取消 and 改为备案.
  [/(?:取消[^，,；;。、]{0,6}[，,、]?)?(?:改为备案|调整为备案)/, 'to-filing'],
  // 委托下放 is how some notices say 委托: one change.
  [/委托下放|委托/, 'entrust'],
  [/下放/, 'delegate'],
  [/承接/, 'take-over'],
  [/赋权|赋予/, 'empower'],
  [/收回/, 'recall'],
  [/合并/, 'merge'],
  [/更名/, 'rename'],
  [/新增/, 'add'],
  [/取消/, 'cancel'],
  [/调整/, 'adjust'],
];

/** Levels named in a title: who decided (at its start) and where a power went (after 下放至 / 委托 / 赋权 …). */
const LEVEL_WORDS: [RegExp, Level][] = [
  [/乡镇|街道/, 'township'],
  [/县级|县（市、区）|县\(市、区\)|县区/, 'county'],
  [/设区的市|市级/, 'city'],
  [/省级/, 'province'],
];

/** The level of government an issuer or a title's opening words stand for. */
export function levelOfIssuer(issuer: string): Level | undefined {
  const s = compactHeader(issuer);
  if (/^国务院/.test(s)) return 'state';
  // An issuer's name: the unit right before 人民政府 is its level (山东省济宁市人民政府 → city).
  const unit = /(省|自治区|市|州|盟|县|区|旗)(人民政府|政府)(办公室|办公厅)?$/.exec(s)?.[1];
  if (unit) return unit === '省' || unit === '自治区' ? 'province' : unit === '县' || unit === '区' || unit === '旗' ? 'county' : 'city';
  if (/^[\p{Script=Han}]{2,3}省|^省(级|人民政府|政府)/u.test(s)) return 'province';
  if (/^[\p{Script=Han}]{2,8}(县|区)人民政府|^[\p{Script=Han}]{2,4}县|^县(级|人民政府|政府)/u.test(s)) return 'county';
  if (/^[\p{Script=Han}]{2,4}市|^市(级|人民政府|政府)/u.test(s)) return 'city';
  return undefined;
}

const ANY_ACTION = new RegExp(ACTION_WORDS.map(([re]) => re.source).join('|'));

/** The actions a text names, in the order of ACTION_WORDS, without one inside another (部分取消 is not also 取消). */
export function actionsIn(text: string): Action[] {
  let rest = compactHeader(text);
  const found: Action[] = [];
  for (const [re, action] of ACTION_WORDS) {
    if (re.test(rest)) {
      found.push(action);
      rest = rest.replace(new RegExp(re.source, 'g'), '');
    }
  }
  return found;
}

/** The words after the action word: where a power went (下放至设区的市级人民政府 → 设区的市级人民政府). */
function afterAction(text: string): string | undefined {
  const at = text.search(/下放|委托|赋权|赋予|承接/);
  return at === -1 ? undefined : text.slice(at);
}

/** Where a delegated, entrusted or empowered power went, by the level its text names after the action word. */
function targetLevel(text: string, action: Action): Level | undefined {
  const tail = afterAction(text);
  const found = tail ? LEVEL_WORDS.find(([re]) => re.test(tail))?.[1] : undefined;
  return found ?? (action === 'empower' ? 'township' : undefined);
}

/**
 * A department a 处理意见 cell names as the receiver: 下放省级卫生和计划生育部门 → 省级卫生和计划生育部门,
 * 委托镇人民政府（街道办事处）实施 → 镇人民政府（街道办事处）. Only a name that ends like an office does.
 */
function targetDepartment(text: string): string | undefined {
  const m = /(?:部分下放|下放|委托|赋权|赋予)(?:至|到|给|由)?(.+?)(?:实施|办理|承接|行使)?$/.exec(text);
  const name = m?.[1];
  return name && /(部门|局|厅|委员会|委|办|机关|机构|人民政府|政府|办事处|管委会|中心)([（(][^）)]*[）)])?$/.test(name) ? name : undefined;
}

/** The level a text's opening words stand for, read only before its first action word (下放省级… names a target). */
function deciderIn(text: string): Level | undefined {
  const at = text.search(ANY_ACTION);
  const head = at === -1 ? text : text.slice(0, at);
  return head ? levelOfIssuer(head) : undefined;
}

function sameSpec(a: ChangeSpec, b: ChangeSpec): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ChangeSpec>;
  return [...keys].every((k) => a[k] === b[k]);
}

/**
 * The change a title or a 处理意见 cell describes: one of the five presets when it starts with its printed
 * wording (省级取消后需市县加强监管…) or means exactly what a preset means; else the one action it names with
 * who decided it (the text's opening words, else the notice's issuer), where the power went and what it became.
 * Undefined when it names no action or more than one (取消和下放…: then each row says its own).
 */
export function changeFromText(text: string, issuer?: string): ChangeValue | undefined {
  const t = compactHeader(text);
  const preset = CHANGE_PRESET_CODES.find((c) => t.startsWith(CHANGE_PRESETS[c].long));
  if (preset) return preset;
  const actions = actionsIn(t);
  if (actions.length !== 1) return undefined;
  const action = actions[0]!;
  const spec: ChangeSpec = { action };
  const head = deciderIn(t);
  // 省级承接 / 由县级承接: the level before 承接 is who took the power over (where it went), not who decided.
  const byWhom = /由(.+?)承接/.exec(t)?.[1];
  const takenBy = action === 'take-over' ? (head ?? (byWhom ? levelOfIssuer(byWhom) : undefined)) : undefined;
  const by = (action === 'take-over' ? undefined : head) ?? (issuer ? levelOfIssuer(issuer) : undefined);
  if (by) spec.by = by;
  if (['delegate', 'partial-delegate', 'entrust', 'empower', 'take-over'].includes(action)) {
    const to = takenBy ?? targetLevel(t, action);
    if (to) spec.to = to;
    const toDepartment = targetDepartment(t);
    if (toDepartment) spec.toDepartment = toDepartment;
  }
  const into = /(?:调整|改|合并|更名)为“?([^“”，。（）()]{2,20}?)”?(?:的|事项|$)/.exec(t)?.[1];
  if (into && ['adjust', 'merge', 'rename'].includes(action)) spec.into = into;
  // The same meaning as a preset is written as the preset (the first notice's tables keep their codes).
  const same = CHANGE_PRESET_CODES.find((c) => sameSpec(CHANGE_PRESETS[c].spec, spec));
  if (same) return same;
  // No issuer to say who decided: a text that opens with a preset's label (取消…) reads as that preset.
  if (!by) {
    const byLabel = CHANGE_PRESET_CODES.find((c) => t.startsWith(CHANGE_PRESETS[c].label) && CHANGE_PRESETS[c].spec.action === action);
    if (byLabel) return byLabel;
  }
  return spec;
}

/** A 事项类型 a title states for the whole table: 国务院决定取消的行政许可事项目录 → license. */
export function itemTypeFromTitle(title: string): ItemType | undefined {
  const t = compactHeader(title);
  const found = ITEM_TYPE_CODES.filter((c) => t.includes(ITEM_TYPES[c]));
  return found.length === 1 ? found[0] : undefined;
}

export interface TableProgress {
  table: number;
  title: string;
  rowsDone: number;
  rowsTotal: number;
}

export interface TableOptions {
  /** Called after every `progressEvery` rows and once when the table is done. */
  onProgress?: (p: TableProgress) => void;
  progressEvery?: number;
  /** The notice's issuer (发文机关): who decided a change when the title does not say. */
  issuer?: string;
}

function isTitleRow(cells: string[][]): boolean {
  const filled = cells.filter((c) => c.length > 0);
  return filled.length === 1 && roleFromHeader(rejoin(filled[0]!)) === undefined;
}

function parseSeq(printed: string): number | string {
  const s = asciiDigits(printed).replace(/[.．、]$/, '');
  return /^\d+$/.test(s) ? Number(s) : printed;
}

/** A header cell as one line: its lines joined, the blanks between Chinese characters removed (序　号 → 序号). */
export function headerText(lines: string[]): string {
  return rejoin(lines).replace(/(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu, '');
}

/** Roles a table has at most once (the schema's rule): a second such column is a verbatim one. */
const SINGLE_ROLES = new Set<ColumnRole>(['seq', 'name', 'type', 'handling']);

/** Roles whose cells are a line of text: the lines a page layout broke are rejoined. */
const LINE_ROLES = new Set<ColumnRole>(['name', 'department', 'receiver', 'level', 'remark', 'handling']);

export function tableFromSection(section: AttachmentSection, notice: string, options: TableOptions = {}): { table: TableDraft; issues: ImportIssue[] } {
  const { onProgress, progressEvery = 100, issuer } = options;
  const at = `附件${section.number}`;
  const issues: ImportIssue[] = [];
  let title = section.title;
  let grid = section.grid;

  // A first row that is a single merged cell holding the title (some tables carry it inside the table).
  if (grid.length > 1 && isTitleRow(grid[0]!)) {
    const inTable = rejoin(grid[0]!.find((c) => c.length > 0)!);
    if (!title) title = inTable;
    else if (inTable !== title) issues.push({ kind: 'unmapped-text', where: at, message: `表格首行“${inTable}”未导入（标题取自表格上方） / first table row not imported` });
    grid = grid.slice(1);
  }

  const [header = [], ...body] = grid;
  // Header cells on two lines (审批 / 部门) or letter-spaced (序　号) are one header: their lines are joined.
  const printedHeaders = header.map(headerText);
  const dataRows = body.filter((cells, r) => {
    if (cells.every((c) => c.length === 0)) return false;
    if (cells.length === header.length && cells.every((c, i) => headerText(c) === printedHeaders[i])) {
      issues.push({ kind: 'unmapped-text', where: `${at} 表格第${r + 2}行`, message: '重复的表头行已跳过 / a repeated header row was skipped' });
      return false;
    }
    return true;
  });

  const keep: number[] = [];
  const columns: ColumnDraft[] = [];
  printedHeaders.forEach((printed, i) => {
    const blankColumn = printed === '' && body.every((row) => (row[i] ?? []).length === 0);
    if (blankColumn) return; // an empty spacer column left by the layout
    let role: ColumnRole | undefined = roleFromHeader(printed);
    let reported = false;
    if (role === 'type') {
      const unknown = dataRows.map((row) => rejoin(row[i] ?? [])).filter((v) => v !== '' && !itemTypeFromLabel(v));
      if (unknown.length > 0) {
        role = undefined;
        reported = true;
        issues.push({ kind: 'verbatim-column', where: `${at} 第${i + 1}列`, message: `“${printed}”列有不属于十类行政权力的值（如“${unknown[0]}”），按原文原样发布 / type column with other values: published as printed` });
      }
    }
    const header = printed || `第${i + 1}列`;
    // A table has one 序号, 事项名称, 事项类型 and 处理意见 column: a second one (子项名称 …) is published as printed.
    if (role && SINGLE_ROLES.has(role) && columns.some((c) => (c.role ?? c.key) === role)) role = undefined;
    if (!role) {
      if (!reported) issues.push({ kind: 'verbatim-column', where: `${at} 第${i + 1}列`, message: `列“${header}”按原文原样发布（role: verbatim） / column “${header}” published as printed` });
      role = 'verbatim';
    }
    const taken = columns.filter((c) => (c.role ?? c.key) === role).length;
    const key = role === 'verbatim' ? `col${i + 1}` : taken === 0 ? role : `${role}${taken + 1}`;
    keep.push(i);
    columns.push(key === role ? { key, header } : { key, role, header });
  });
  const roleOf = (c: ColumnDraft): ColumnRole => c.role ?? (c.key as ColumnRole);

  const handling = columns.findIndex((c) => roleOf(c) === 'handling');
  // Each row's own change, read from its 处理意见 cell.
  const ownChanges = dataRows.map((cells) => {
    if (handling === -1) return undefined;
    const printed = rejoin(cellLines((cells[keep[handling]!] ?? []).join('\n')));
    return printed ? changeFromText(printed, issuer) : undefined;
  });
  const same = (a: ChangeValue | undefined, b: ChangeValue | undefined) => a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
  let titleChange = changeFromText(title, issuer);
  // A title that only says the table adjusts things (…调整目录) while every row says its own change: the rows speak.
  if (titleChange && handling !== -1 && ownChanges.every((c) => c !== undefined && !same(c, titleChange))) titleChange = undefined;
  const rows: RowDraft[] = [];
  dataRows.forEach((cells, r) => {
    const where = `${at} 第${r + 1}行`;
    const row: RowDraft = { seq: '', name: '' };
    columns.forEach((c, ci) => {
      const raw = (cells[keep[ci]!] ?? []).join('\n');
      const role = roleOf(c);
      if (role === 'seq') row.seq = parseSeq(rejoin(cellLines(raw)));
      else if (role === 'type') row[c.key] = isBlank(raw) ? null : itemTypeFromLabel(rejoin(cellLines(raw)));
      else if (role === 'basis') row[c.key] = isBlank(raw) ? null : cellLines(raw);
      else if (role === 'measures') {
        try {
          row[c.key] = splitMeasures(raw);
        } catch (e) {
          row[c.key] = { steps: cellLines(raw) };
          issues.push({ kind: 'measures', where, message: `监管措施未能拆分（${(e as Error).message}），已按原段落写入，请核对 / measures could not be split` });
        }
      } else if (LINE_ROLES.has(role)) row[c.key] = isBlank(raw) ? (role === 'name' ? '' : null) : rejoin(cellLines(raw));
      else row[c.key] = isBlank(raw) ? null : cellLines(raw).join('\n');
    });
    if (typeof row.seq === 'string') issues.push({ kind: 'seq', where, message: `序号“${row.seq}”不是整数 / seq is not a whole number` });
    if (row.name === '') issues.push({ kind: 'missing-field', where, message: '事项名称为空 / the item name is empty' });
    if (handling !== -1) {
      const printed = row[columns[handling]!.key];
      const own = ownChanges[r];
      if (own && !same(own, titleChange)) row.change = own;
      if (!own && !titleChange) issues.push({ kind: 'unknown-change', where, message: `未能从“${String(printed)}”判断此行的调整方式，请写 change / unknown kind of change for this row` });
    }
    // Key order: the table's column order, the row's own change last.
    const ordered = Object.fromEntries(columns.map((c) => [c.key, row[c.key]])) as RowDraft;
    rows.push(row.change === undefined ? ordered : { ...ordered, change: row.change });
    if (onProgress && (r + 1) % progressEvery === 0 && r + 1 < dataRows.length) {
      onProgress({ table: section.number, title, rowsDone: r + 1, rowsTotal: dataRows.length });
    }
  });
  onProgress?.({ table: section.number, title, rowsDone: dataRows.length, rowsTotal: dataRows.length });

  const declared = declaredCountInTitle(title);
  const hasType = columns.some((c) => roleOf(c) === 'type');
  const itemType = hasType ? undefined : itemTypeFromTitle(title);
  const table: TableDraft = {
    notice,
    number: section.number,
    title,
    ...(declared !== undefined ? { declaredCount: declared } : {}),
    ...(titleChange ? { change: titleChange } : {}),
    ...(itemType ? { itemType } : {}),
    printedHeader: columns.map((c) => c.header),
    columns,
    rows,
  };
  if (declared !== undefined && declared !== rows.length) {
    issues.push({ kind: 'count', where: at, message: `标题声明 ${declared} 项，表格有 ${rows.length} 行 / the title declares ${declared}, the table has ${rows.length} rows` });
  }
  if (!titleChange && handling === -1) {
    issues.push({
      kind: 'unknown-change',
      where: at,
      message: `未能从标题“${title}”判断调整方式，change 未填写；可写 ${CHANGE_PRESET_CODES.join('、')} 或 { "action": ${Object.keys(ACTIONS).map((a) => `"${a}"`).join(' | ')} } / unknown kind of change`,
    });
  }
  return { table, issues };
}
