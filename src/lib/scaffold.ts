/**
 * Skeleton content files for a new notice (`npm run new -- notice`): the frontmatter from the clerk's answers,
 * a checklist comment in the body, and optionally empty attachment tables — files that pass `npm run check`
 * as they are, so the clerk fills them in step by step and checks as they go.
 */
import { CHANGE_PRESET_CODES, CHANGE_PRESETS, NOTICE_FIELDS, type ColumnRole } from '../domain/glossary.ts';
import { docNumber as docNumberSchema, isoDate, slug as slugSchema, text } from '../schemas/common.ts';
import { splitAddressees } from './import/notice.ts';
import { asciiDigits } from '../domain/numerals.ts';
import { parseChineseDate } from '../domain/patterns.ts';
import { frontmatterYaml } from './import/files.ts';

export interface ScaffoldInput {
  slug: string;
  title: string;
  docNumber: string;
  issuer: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  /** 主送; a placeholder the checklist asks to replace when not given. */
  addressees?: string[];
  /** How many empty attachment tables to create. */
  tables?: number;
}

/** Written when no 主送 was given: the checklist's first item asks to replace it. */
export const ADDRESSEE_PLACEHOLDER = '待填写：主送机关';
export const TABLE_TITLE_PLACEHOLDER = (n: number) => `待填写：附件${n}标题（0项）`;

export interface ScaffoldField {
  key: 'slug' | 'title' | 'docNumber' | 'issuer' | 'date' | 'addressees';
  flag: string;
  /** The question asked on the terminal. */
  prompt: string;
  required: boolean;
  /** Parse and check an answer: the value, or a message saying what is expected. */
  parse: (raw: string) => { value: string | string[] } | { error: string };
}

function bySchema(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, raw: string) {
  const r = schema.safeParse(raw);
  return r.success ? { value: raw } : { error: r.error?.issues[0]?.message ?? '无效 / invalid' };
}

/** A date as clerks type it: 2021-02-20, 2021-2-20, 2021/2/20, 2021.2.20, 2021年2月20日, 二〇二一年二月二十日. */
export function normaliseDate(raw: string): string | undefined {
  const s = asciiDigits(raw.trim());
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : parseChineseDate(s);
  return iso && isoDate.safeParse(iso).success ? iso : undefined;
}

export const SCAFFOLD_FIELDS: ScaffoldField[] = [
  { key: 'slug', flag: '--slug', prompt: '网址名（小写字母、数字、连字符，如 jiaxiang-2021-2）', required: true, parse: (raw) => bySchema(slugSchema, raw.trim()) },
  { key: 'title', flag: '--title', prompt: `${NOTICE_FIELDS.title}（完整标题，一行）`, required: true, parse: (raw) => bySchema(text, raw.trim()) },
  { key: 'docNumber', flag: '--doc-number', prompt: `${NOTICE_FIELDS.docNumber}（如 嘉政发〔2021〕2号）`, required: true, parse: (raw) => bySchema(docNumberSchema, raw.trim()) },
  { key: 'issuer', flag: '--issuer', prompt: `${NOTICE_FIELDS.issuer}（落款单位，如 嘉祥县人民政府）`, required: true, parse: (raw) => bySchema(text, raw.trim()) },
  {
    key: 'date',
    flag: '--date',
    prompt: `${NOTICE_FIELDS.signedDate}（如 2021-02-20 或 2021年2月20日）`,
    required: true,
    parse: (raw) => {
      const iso = normaliseDate(raw);
      return iso ? { value: iso } : { error: '应为真实日期，如 2021-02-20 或 2021年2月20日 / expected a date such as 2021-02-20' };
    },
  },
  {
    key: 'addressees',
    flag: '--addressees',
    prompt: `${NOTICE_FIELDS.addressees}（可留空稍后填写；多个单位用逗号分隔）`,
    required: false,
    parse: (raw) => {
      const list = splitAddressees(raw);
      return list.length > 0 ? { value: list } : { error: '至少一个主送单位 / at least one addressee' };
    },
  },
];

/** The columns of a new table, with the headers most tables print; the clerk edits them to match the original. */
const TABLE_COLUMNS: { key: ColumnRole; header: string }[] = [
  { key: 'seq', header: '序号' },
  { key: 'department', header: '实施部门' },
  { key: 'name', header: '事项名称' },
  { key: 'type', header: '事项类型' },
  { key: 'measures', header: '加强事中事后监管措施' },
  { key: 'remark', header: '备注' },
];

/** The checklist a clerk works through before publishing (an MDX comment: it never reaches the site). */
export function checklist(input: Pick<ScaffoldInput, 'slug' | 'tables'>): string {
  const s = input.slug;
  const items = [
    `头部信息（两行 --- 之间）的标题、发文字号、发文机关、成文日期与原件逐字一致`,
    `addressees（主送）：按原件顺序，每个单位一行，替换其中的占位文字`,
    `disclosure：原件落款下方括号内的文字（如 此件公开发布）；没有就不写`,
    `cites：正文引用的每个《文件名》（文号），按出现顺序，各写 docNumber 和 title`,
    `正文：在本注释下方逐段粘贴原文，段与段之间空一行；不改写、不删减、不加粗`,
    `附件：attachments 的每个标题与 content/tables/${s}/N.json 的 title 一字不差（原文有（N项）或（共N项）就照写，没有项数就不写；印成两行的标题连成一行）；没有附件的通知不写 attachments`,
    `每个表格的列：printedHeader 照原文表头逐格抄写（印成两行的表头连起来）；columns 按同样顺序每列写原文表头 header 和 key（seq、name、type、department、receiver、basis、measures、remark、handling，见 PUBLISHING.md“表格的列”）；原文没有的列删去，其他列写 "key": "colN", "role": "verbatim"`,
    `每个表格的 change（调整方式）：${CHANGE_PRESET_CODES.map((c) => `${c}＝${CHANGE_PRESETS[c].long}`).join('，')}；其他写成 { "action": "delegate", "by": "state", "to": "province" } 等；一表多种调整方式时表格不写 change，每行写自己的 change（见 PUBLISHING.md）`,
    `每个表格：有项数时行数等于项数；序号 1..N；有事项类型列时为十类之一，没有该列而标题写明（如 行政许可事项目录）就写 itemType；监管措施拆为导语 lead 和分条 steps；原文为空的格写 null`,
    `npm run check 通过；npm run dev 打开 /notices/${s}/，与原件逐段、逐行对照`,
    `全部完成后删除本注释，提交：git add content && git commit`,
  ];
  return [
    '{/*',
    '  发布前核对清单（逐项完成；本注释不会出现在网站上）',
    '  有 .docx 原件时，更省事的做法是导入：',
    `    npm run import -- 原件.docx --slug ${s} --force`,
    '',
    ...items.map((t, i) => `  [ ] ${i + 1}. ${t}`),
    '*/}',
  ].join('\n');
}

/** The files of a new notice, relative to the content dir. */
export function scaffoldFiles(input: ScaffoldInput): { path: string; content: string }[] {
  const tables = input.tables ?? 0;
  const attachments = Array.from({ length: tables }, (_, i) => ({ number: i + 1, title: TABLE_TITLE_PLACEHOLDER(i + 1) }));
  const fm = frontmatterYaml({
    title: input.title,
    docNumber: input.docNumber,
    issuer: input.issuer,
    addressees: input.addressees && input.addressees.length > 0 ? input.addressees : [ADDRESSEE_PLACEHOLDER],
    signedDate: input.date,
    ...(tables > 0 ? { attachments } : {}),
  });
  const body = [checklist(input), ...(tables > 0 ? ['<AttachmentList />'] : []), '<Signature />'];
  const files = [{ path: `notices/${input.slug}.mdx`, content: `---\n${fm}---\n\n${body.join('\n\n')}\n` }];
  for (const a of attachments) {
    const table = {
      notice: input.slug,
      number: a.number,
      title: a.title,
      change: 'cancelled',
      printedHeader: TABLE_COLUMNS.map((c) => c.header),
      columns: TABLE_COLUMNS,
      rows: [],
    };
    files.push({ path: `tables/${input.slug}/${a.number}.json`, content: JSON.stringify(table, null, 2) + '\n' });
  }
  return files;
}
