/**
 * npm run import -- path/to/notice.docx [--slug S] [--force] [--content-dir DIR] [--every N]
 *
 * Converts a received Word notice and its attachment tables into content files:
 *   content/notices/{slug}.mdx  and  content/tables/{slug}/{n}.json
 * prints what it could not map, and validates the result the way `npm run check` does.
 * It never overwrites existing content without --force.
 *
 * Exit code: 0 imported and valid; 1 imported but something needs the clerk (see the report);
 * 2 nothing written (bad arguments, unreadable file, content exists).
 */
import { resolve } from 'node:path';
import { actionable, formatReport, importDocx, ImportError } from '../src/lib/import/run.ts';

const USAGE = `用法 / usage: npm run import -- 通知.docx [--slug 网址名] [--force] [--content-dir content] [--every 100]
  --slug S          网址名（小写字母、数字、连字符），默认取自文件名，例如 jiaxiang-2021-2
  --force           覆盖已有的同名内容 / replace existing content
  --content-dir D   内容目录，默认 content（或环境变量 GONGKAI_CONTENT_DIR）
  --every N         长表格每 N 行报告一次进度，默认 100`;

function parseArgs(argv: string[]) {
  const opts: { docx?: string; slug?: string; force: boolean; contentDir?: string; every?: number; help: boolean } = { force: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new ImportError(`${a} 需要一个值 / ${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--slug') opts.slug = value();
    else if (a === '--force') opts.force = true;
    else if (a === '--content-dir') opts.contentDir = value();
    else if (a === '--every') opts.every = Number(value());
    else if (a === '--help' || a === '-h') opts.help = true;
    else if (a.startsWith('--')) throw new ImportError(`未知选项 ${a} / unknown option\n${USAGE}`);
    else if (opts.docx === undefined) opts.docx = a;
    else throw new ImportError(`一次只导入一个文件 / one file at a time\n${USAGE}`);
  }
  return opts;
}

try {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!args.docx) throw new ImportError(`请给出要导入的 .docx 文件 / give the .docx file to import\n${USAGE}`);
  const root = process.cwd();
  const started = performance.now();
  const result = await importDocx({
    docx: resolve(root, args.docx),
    slug: args.slug,
    force: args.force,
    contentDir: resolve(root, args.contentDir ?? process.env.GONGKAI_CONTENT_DIR ?? 'content'),
    root,
    progressEvery: args.every && args.every > 0 ? args.every : undefined,
    onProgress: (m) => console.log(`… ${m}`),
  });
  for (const line of formatReport(result)) console.log(line);
  const ms = Math.round(performance.now() - started);
  const ok = result.check.errors.length === 0 && actionable(result.issues).length === 0;
  console.log(
    ok
      ? `导入完成（${ms} ms）。下一步：对照原件审阅以上文件，npm run dev 预览 /notices/${result.slug}/，然后提交 / done: review, preview, commit`
      : `已导入，但有需要处理的问题（${ms} ms）：按上面的提示对照原件修改文件，再运行 npm run check / imported, but needs fixes`,
  );
  process.exit(ok ? 0 : 1);
} catch (e) {
  if (e instanceof ImportError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
