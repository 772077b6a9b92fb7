/**
 * npm run new -- notice [--slug S --title T --doc-number N --issuer I --date D] [--addressees A] [--tables N] [--content-dir DIR]
 *
 * Creates skeleton content files for a new notice — content/notices/{slug}.mdx with a checklist comment, and
 * with --tables N empty tables content/tables/{slug}/1..N.json — that pass `npm run check` as they are.
 * Asks for whatever the flags do not give (one question per line, so answers can also be piped in).
 * Never overwrites an existing file.
 *
 * Exit code: 0 created; 2 nothing written (missing or invalid answer, files exist).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { checkContent, formatError, summarize } from '../src/lib/validation/check-content.ts';
import { ADDRESSEE_PLACEHOLDER, SCAFFOLD_FIELDS, scaffoldFiles, type ScaffoldInput } from '../src/lib/scaffold.ts';

const USAGE = `用法 / usage: npm run new -- notice [选项]
  --slug S          网址名（小写字母、数字、连字符），如 jiaxiang-2021-2
  --title T         标题
  --doc-number N    发文字号，如 嘉政发〔2021〕2号
  --issuer I        发文机关
  --date D          成文日期，如 2021-02-20 或 2021年2月20日
  --addressees A    主送（可选，多个用逗号分隔）
  --tables N        同时创建 N 个空的附件表格（可选）
  --content-dir D   内容目录，默认 content
缺少的项会逐项询问 / missing values are asked for`;

class Stop extends Error {}

function parseArgs(argv: string[]) {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') flags.set('--help', '');
    else if (a.startsWith('--')) {
      const [name, inline] = a.split(/=(.*)/s);
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Stop(`${a} 需要一个值 / ${a} needs a value\n${USAGE}`);
      flags.set(name!, v);
    } else positional.push(a);
  }
  return { flags, positional };
}

async function main(): Promise<number> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  if (flags.has('--help')) {
    console.log(USAGE);
    return 0;
  }
  if (positional[0] !== 'notice' || positional.length > 1) throw new Stop(`目前只能新建通知：npm run new -- notice / only "notice" can be created\n${USAGE}`);
  const known = new Set([...SCAFFOLD_FIELDS.map((f) => f.flag), '--tables', '--content-dir']);
  for (const f of flags.keys()) if (!known.has(f)) throw new Stop(`未知选项 ${f} / unknown option\n${USAGE}`);

  const root = process.cwd();
  const contentDir = resolve(root, flags.get('--content-dir') ?? process.env.GONGKAI_CONTENT_DIR ?? 'content');
  const show = (abs: string) => relative(root, abs).split(sep).join('/');
  // A slug already in use is refused as soon as it is given, before the other questions.
  const parse = (field: (typeof SCAFFOLD_FIELDS)[number], raw: string) => {
    const r = field.parse(raw);
    if (field.key !== 'slug' || !('value' in r)) return r;
    const taken = [join(contentDir, 'notices', `${r.value}.mdx`), join(contentDir, 'tables', String(r.value))].filter((p) => existsSync(p));
    return taken.length > 0 ? { error: `已存在，不会覆盖：${taken.map(show).join('、')} / exists, will not overwrite` } : r;
  };

  const answers: Partial<Record<string, string | string[]>> = {};
  for (const field of SCAFFOLD_FIELDS) {
    const raw = flags.get(field.flag);
    if (raw === undefined) continue;
    const r = parse(field, raw);
    if ('error' in r) throw new Stop(`${field.flag} “${raw}”：${r.error}`);
    answers[field.key] = r.value;
  }

  // Ask for what is missing; when asking anyway, the optional 主送 too.
  let missing = SCAFFOLD_FIELDS.filter((f) => answers[f.key] === undefined && f.required);
  if (missing.length > 0) missing = SCAFFOLD_FIELDS.filter((f) => answers[f.key] === undefined);
  if (missing.length > 0) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    const lines = rl[Symbol.asyncIterator]();
    try {
      for (const field of missing) {
        for (;;) {
          process.stdout.write(`${field.prompt}：`);
          const next = await lines.next();
          if (next.done) {
            const still = missing.filter((f) => f.required && answers[f.key] === undefined).map((f) => f.flag);
            throw new Stop(`\n缺少 ${still.join(' ')}：请回答提问，或用选项给出 / missing ${still.join(' ')}\n${USAGE}`);
          }
          const raw = String(next.value).trim();
          if (!process.stdin.isTTY) process.stdout.write(`${raw}\n`); // piped answers: show them like typed ones
          if (raw === '' && !field.required) break;
          const r = parse(field, raw);
          if ('value' in r) {
            answers[field.key] = r.value;
            break;
          }
          console.log(`  ✗ ${r.error}`);
        }
      }
    } finally {
      rl.close();
    }
  }

  const tables = flags.has('--tables') ? Number(flags.get('--tables')) : 0;
  if (!Number.isInteger(tables) || tables < 0 || tables > 50) throw new Stop(`--tables 应为 0 到 50 的整数 / --tables must be a whole number 0..50`);
  const input: ScaffoldInput = {
    slug: answers.slug as string,
    title: answers.title as string,
    docNumber: answers.docNumber as string,
    issuer: answers.issuer as string,
    date: answers.date as string,
    addressees: answers.addressees as string[] | undefined,
    tables,
  };

  const files = scaffoldFiles(input).map((f) => ({ ...f, abs: join(contentDir, f.path) }));
  const existing = files.filter((f) => existsSync(f.abs));
  if (existing.length > 0) throw new Stop(`已存在，未作任何修改：${existing.map((f) => show(f.abs)).join('、')} / exists, nothing written`);

  for (const f of files) {
    mkdirSync(dirname(f.abs), { recursive: true });
    writeFileSync(f.abs, f.content, { flag: 'wx' });
    console.log(`已创建 / created ${show(f.abs)}`);
  }
  if (!input.addressees) console.log(`注意：主送暂写为“${ADDRESSEE_PLACEHOLDER}”，发布前务必替换 / replace the addressee placeholder before publishing`);
  const result = checkContent(root, contentDir);
  const ours = new Set(files.map((f) => show(f.abs)));
  const errors = result.errors.filter((e) => ours.has(e.file));
  for (const e of errors) console.error(formatError(e));
  console.log(summarize(errors, files.length));
  console.log(`下一步：打开 ${show(files[0]!.abs)}，按文中的核对清单填写；npm run dev 预览 /notices/${input.slug}/ / next: fill in the file following its checklist`);
  return errors.length === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (e) {
  if (!(e instanceof Stop)) throw e;
  console.error(e.message);
  process.exitCode = 2;
}
