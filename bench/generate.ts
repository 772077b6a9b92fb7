/**
 * A synthetic corpus at province scale, valid under the real schemas: notices (content/notices/{slug}.mdx) with
 * attachment tables (content/tables/{slug}/{n}.json), plus a few work plans with tasks, written the way staff write
 * them. Names, departments, measures, bases and remarks are built from the seed rows in content/ and the words in
 * bench/vocabulary.ts. The same options always give the same files (a seeded random generator).
 *
 *   node bench/generate.ts --items 1000 --dir /tmp/corpus
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { checkContent, splitFrontmatter } from '../src/lib/validation/check-content.ts';
import { CHANGE_PRESET_CODES, type ChangePreset as Change, type ItemType } from '../src/domain/glossary.ts';
import type { Notice } from '../src/schemas/notice.ts';
import type { Measures } from '../src/schemas/item.ts';
import type { Table } from '../src/schemas/table.ts';
import { DOMAINS, EXTRA_CITES, NAME_SHAPES, PLACES, STEP_SHAPES, TYPE_WEIGHTS, type Domain, type Place } from './vocabulary.ts';

export interface GenerateOptions {
  /** How many items (table rows) in all, the seed notices' rows included. */
  items: number;
  /** Where to write notices/ and tables/ (emptied first). */
  dir: string;
  /** The random seed: the same seed gives the same corpus. */
  seed?: number;
  /** The project root, to read the seed content from. */
  root?: string;
  /** Copy the seed notices in as they are (default true: the real documents are part of any real corpus). */
  includeSeeds?: boolean;
}

export interface GeneratedCorpus {
  dir: string;
  notices: number;
  plans: number;
  tables: number;
  items: number;
}

/** mulberry32: a small, fast, seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A row of the generated tables: the seed tables' columns. */
type ItemRow = {
  seq: number;
  department: string;
  name: string;
  type: ItemType;
  basis?: string[] | null;
  measures: Measures | null;
  remark: string | null;
};

interface Seeds {
  rows: ItemRow[];
  steps: string[];
  basis: string[];
  addressees: string[][];
  cites: { docNumber: string; title: string }[];
  /** The second paragraph of the seed notice: the standard instruction to all departments. */
  instruction: string;
  plan?: { notice: Notice; body: string; slug: string };
  items: number;
  slugs: Set<string>;
  docNumbers: Set<string>;
}

function readSeeds(root: string): Seeds {
  const contentDir = join(root, 'content');
  const checked = checkContent(root, contentDir);
  if (checked.errors.length > 0) throw new Error(`the seed content in ${contentDir} does not pass the content check`);
  // The seed tables all have the columns of ItemRow.
  const rows = checked.tables.flatMap((t) => t.data.rows) as unknown as ItemRow[];
  const bodies = new Map<string, string>();
  for (const slug of checked.notices.keys()) {
    const source = readFileSync(join(contentDir, 'notices', `${slug}.mdx`), 'utf8');
    const fm = splitFrontmatter(source);
    bodies.set(slug, fm ? source.slice(source.indexOf('\n---', 3) + 4).trim() : source);
  }
  let plan: Seeds['plan'];
  let instruction = '';
  for (const [slug, notice] of checked.notices) {
    if (notice.tasks && !plan) plan = { notice, body: bodies.get(slug)!, slug };
    if (notice.attachments.length > 0 && !instruction) {
      const paragraphs = bodies.get(slug)!.split(/\n\s*\n/).filter((p) => !p.startsWith('<'));
      instruction = paragraphs[1] ?? paragraphs[0] ?? '';
    }
  }
  return {
    rows,
    steps: rows.flatMap((r) => r.measures?.steps ?? []),
    basis: rows.flatMap((r) => r.basis ?? []),
    addressees: [...checked.notices.values()].map((n) => n.addressees),
    cites: [...checked.notices.values()].flatMap((n) => n.cites),
    instruction,
    ...(plan ? { plan } : {}),
    items: rows.length,
    slugs: new Set(checked.notices.keys()),
    docNumbers: new Set([...checked.notices.values()].map((n) => n.docNumber)),
  };
}

const TABLE_TITLES: Record<Change, string> = {
  cancelled: '取消行政权力事项',
  'cancelled-by-province': '省级取消后需市县加强监管的事项',
  'cancelled-by-city': '市级取消后需市县加强监管的事项',
  'taken-over-by-province': '省级承接后需市县加强监管的事项',
  'taken-over-by-city': '市级承接后需市县加强监管的事项',
};

const LEVEL_WORD: Record<Place['level'], string> = { province: '省级', city: '市级', county: '县级' };
const LEVEL_SELF: Record<Place['level'], string> = { province: '我省', city: '我市', county: '我县' };

export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  const root = resolve(options.root ?? process.cwd());
  const dir = resolve(options.dir);
  const rand = random(options.seed ?? 20210220);
  const seeds = readSeeds(root);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const chance = (p: number) => rand() < p;
  const typeTotal = TYPE_WEIGHTS.reduce((a, [, w]) => a + w, 0);
  const pickType = (): ItemType => {
    let r = rand() * typeTotal;
    for (const [t, w] of TYPE_WEIGHTS) if ((r -= w) < 0) return t as ItemType;
    return 'license';
  };

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'notices'), { recursive: true });
  mkdirSync(join(dir, 'tables'), { recursive: true });

  const includeSeeds = options.includeSeeds ?? true;
  let notices = 0;
  let plans = 0;
  let tables = 0;
  let items = 0;
  if (includeSeeds) {
    cpSync(join(root, 'content', 'notices'), join(dir, 'notices'), { recursive: true });
    cpSync(join(root, 'content', 'tables'), join(dir, 'tables'), { recursive: true });
    notices = readdirSync(join(dir, 'notices')).length;
    plans = seeds.plan ? 1 : 0;
    tables = readdirSync(join(dir, 'tables'), { recursive: true }).filter((f) => String(f).endsWith('.json')).length;
    items = seeds.items;
  }

  const counters = new Map<string, number>();
  const next = (key: string) => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };
  const usedSlugs = new Set(seeds.slugs);
  const usedNumbers = new Set(seeds.docNumbers);
  const cites = [...seeds.cites, ...EXTRA_CITES];

  /** A fresh 发文字号 and slug for a place and year. */
  const identity = (place: Place, year: number, kind: string) => {
    for (;;) {
      const n = next(`${place.abbr}${kind}${year}`);
      const docNumber = `${place.abbr}${kind}〔${year}〕${n}号`;
      const slug = `${place.slug}-${year}-${n}${kind === '政办发' ? 'b' : ''}`;
      if (!usedSlugs.has(slug) && !usedNumbers.has(docNumber)) {
        usedSlugs.add(slug);
        usedNumbers.add(docNumber);
        return { docNumber, slug };
      }
    }
  };
  const date = (year: number) => `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;

  const department = (change: Change, place: Place, domain: Domain): string => {
    switch (change) {
      case 'cancelled':
        if (place.level === 'province') return domain.province;
        if (place.level === 'city') return chance(0.5) ? `市级${domain.kind}部门` : `市、县级${domain.kind}部门`;
        return chance(0.5) ? `县级${domain.kind}部门` : `市、县级${domain.kind}部门`;
      case 'cancelled-by-province':
      case 'taken-over-by-province':
        return domain.province;
      case 'cancelled-by-city':
        return domain.city;
      case 'taken-over-by-city':
        return chance(0.6) ? '市行政审批服务局' : domain.city;
    }
  };

  const measures = (change: Change, type: ItemType, domain: Domain, subject: string, remark: string | null): Measures | null => {
    if (chance(change === 'cancelled' ? 0.45 : 0.05)) return null;
    const reg = chance(0.2) ? `${domain.regulator}要会同有关部门` : `${domain.regulator}要`;
    const lead =
      remark === '改为备案'
        ? `取消许可、改为备案后，${reg}通过以下措施加强事中事后监管：`
        : change.startsWith('cancelled')
          ? `${type === 'license' ? '取消许可后' : '取消后'}，${reg}通过以下措施加强监管：`
          : change === 'taken-over-by-province'
            ? `调整权限后，${reg}通过以下措施加强监管：`
            : `${reg}通过以下措施加强监管：`;
    const steps: string[] = [];
    const count = int(1, 5);
    while (steps.length < count) {
      const step = chance(0.3) && seeds.steps.length > 0 ? pick(seeds.steps) : pick(STEP_SHAPES).replaceAll('{s}', subject);
      if (!steps.includes(step)) steps.push(step);
    }
    return { lead, steps };
  };

  const row = (seq: number, change: Change, place: Place): ItemRow => {
    const domain = pick(DOMAINS);
    const subject = pick(domain.subjects);
    let type = pickType();
    if (change !== 'cancelled' && chance(0.7)) type = 'license';
    let name = pick(NAME_SHAPES[type]!).replaceAll('{s}', subject);
    if (chance(0.08)) {
      const seed = pick(seeds.rows);
      name = seed.name;
      type = seed.type;
    }
    const remark =
      change === 'cancelled' && type === 'license' && chance(0.15)
        ? '改为备案'
        : change === 'taken-over-by-city' && chance(0.3)
          ? `受${domain.province}委托实施`
          : null;
    const out: ItemRow = { seq, department: department(change, place, domain), name, type, measures: measures(change, type, domain, subject, remark), remark };
    if (change === 'cancelled') {
      const r = rand();
      out.basis =
        r < 0.1
          ? null
          : r < 0.35 && seeds.basis.length > 0
            ? [pick(seeds.basis)]
            : r < 0.7
              ? ['《国务院关于取消和下放一批行政许可事项的决定》（国发〔2020〕13号）取消该事项。']
              : [`原设定依据为原《山东省${subject}管理办法》。`, `《山东省${subject}管理办法》已废止，现行法规中已无相关规定。`];
      // Keep the key order of the seed files: basis before measures.
      return { seq: out.seq, department: out.department, name: out.name, type: out.type, basis: out.basis, measures: out.measures, remark: out.remark };
    }
    return out;
  };

  const writeNotice = (slug: string, data: Record<string, unknown>, body: string) => {
    writeFileSync(join(dir, 'notices', `${slug}.mdx`), `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`);
  };

  let remaining = Math.max(0, options.items - items);
  while (remaining > 0) {
    const place = pick(PLACES);
    const year = int(2018, 2024);
    const signedDate = date(year);
    const issuer = `${place.name}人民政府`;

    // One notice in twenty is a work plan with tasks and no tables, like the Jinan seed.
    if (seeds.plan && notices % 20 === 19) {
      const { docNumber, slug } = identity(place, year, '政办发');
      const planTitle = `${place.name}加强和规范事中事后监管工作方案`;
      const seedPlan = seeds.plan.notice;
      const data = {
        title: `${issuer}办公室关于印发${planTitle}的通知`,
        docNumber,
        issuer: `${issuer}办公室`,
        letterhead: `${issuer}办公室文件`,
        addressees: pick(seeds.addressees),
        signedDate,
        cites: seedPlan.cites,
        planTitle,
        tasks: seedPlan.tasks,
        imprint: { org: `${issuer}办公室`, date: signedDate },
      };
      const body = seeds.plan.body.replaceAll(seedPlan.planTitle ?? planTitle, planTitle);
      writeNotice(slug, data, body);
      notices++;
      plans++;
      continue;
    }

    const { docNumber, slug } = identity(place, year, '政发');
    const size = Math.min(remaining, int(20, 180));
    const others: Change[] = CHANGE_PRESET_CODES.filter((c) => c !== 'cancelled' && chance(0.5));
    const changes: Change[] = (['cancelled', ...others] satisfies Change[]).slice(0, Math.max(1, Math.min(5, size)));
    // About half the rows go to 附件1 (取消), the rest are shared out; every table keeps at least one row.
    const counts = changes.map(() => 1);
    for (let i = changes.length; i < size; i++) counts[chance(0.5) ? 0 : int(0, changes.length - 1)]!++;
    const attachments = changes.map((c, i) => ({ number: i + 1, title: `${TABLE_TITLES[c]}（${counts[i]}项）` }));
    mkdirSync(join(dir, 'tables', slug), { recursive: true });
    changes.forEach((change, i) => {
      const n = i + 1;
      const columns = [
          { key: 'seq', header: '序号' },
          { key: 'department', header: change.startsWith('taken-over') ? '实施部门' : '原实施部门' },
          { key: 'name', header: '事项名称及权限' },
          { key: 'type', header: '事项类型' },
          ...(change === 'cancelled' ? [{ key: 'basis' as const, header: '取消依据' }] : []),
          { key: 'measures', header: change === 'cancelled' ? '加强事中事后监管措施' : '市县加强事中事后监管措施' },
          { key: 'remark', header: '备注' },
        ];
      const table: Table = {
        notice: slug,
        number: n,
        title: attachments[i]!.title,
        declaredCount: counts[i]!,
        change,
        printedHeader: columns.map((c) => c.header),
        columns,
        rows: Array.from({ length: counts[i]! }, (_, k) => row(k + 1, change, place)),
      };
      writeFileSync(join(dir, 'tables', slug, `${n}.json`), JSON.stringify(table, null, 2) + '\n');
      tables++;
    });
    const summary = changes
      .map((c, i) =>
        c === 'cancelled'
          ? `取消${counts[i]}项行政权力`
          : `对${c.endsWith('province') ? '省级' : '市级'}${c.startsWith('cancelled') ? '取消' : '承接'}的${counts[i]}项行政权力事项`,
      )
      .join('，');
    const cited = [...new Map(Array.from({ length: int(1, 3) }, () => pick(cites)).map((c) => [c.docNumber, c])).values()];
    const according = cited.map((c) => `《${c.title}》（${c.docNumber}）`).join('、');
    const body = [
      `为深入实施“放管服”改革、加快推进政府职能转变，全面减权放权授权、打造精简高效政务生态，根据${according}精神，结合${LEVEL_SELF[place.level]}实际，${place.level === 'province' ? '省' : place.level === 'city' ? '市' : '县'}政府决定${summary}，进一步加强和改进事中事后监管措施。`,
      seeds.instruction.replaceAll('（嘉祥站）', `（${place.name.length > 2 ? place.name.slice(0, -1) : place.name}站）`),
      '<AttachmentList />',
      '<Signature />',
    ]
      .filter(Boolean)
      .join('\n\n');
    const data = {
      title: `${issuer}关于${year}年第${next(`${place.slug}${year}batch`)}批削减${LEVEL_WORD[place.level]}行政权力事项等事宜的通知`,
      docNumber,
      issuer,
      addressees: pick(seeds.addressees),
      signedDate,
      disclosure: '此件公开发布',
      cites: cited,
      attachments,
    };
    writeNotice(slug, data, body);
    notices++;
    items += size;
    remaining -= size;
  }
  return { dir, notices, plans, tables, items };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.main) {
  const result = generateCorpus({ items: Number(arg('items') ?? 10_000), dir: arg('dir') ?? 'bench/work/content', seed: Number(arg('seed') ?? 20210220) });
  console.log(`${result.items} items in ${result.tables} tables of ${result.notices} notices (${result.plans} work plans) → ${result.dir}`);
}
