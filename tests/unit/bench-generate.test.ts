/**
 * The benchmark's corpus generator (bench/generate.ts) writes content the real content check accepts, with the
 * requested number of items spread over notices and tables, the same files for the same seed, and the variety a
 * province's lists have (every kind of change, mostly licences and penalties, many distinct names).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { checkContent } from '../../src/lib/validation/check-content.ts';
import { CHANGE_PRESET_CODES } from '../../src/domain/glossary.ts';

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (d.isFile()) out.set(join(d.parentPath, d.name).slice(dir.length), readFileSync(join(d.parentPath, d.name), 'utf8'));
  }
  return out;
}

describe('bench corpus generator', () => {
  const dir = join(work, 'a');
  const corpus = generateCorpus({ items: 700, dir, seed: 7, root });
  const checked = checkContent(root, dir);
  // Every generated table has the seed tables' columns (seq, department, name, type, basis?, measures, remark).
  const rows = checked.tables.flatMap((t) => t.data.rows) as unknown as { name: string; type: string; department: string; measures: { steps: string[] } | null }[];

  it('passes the real content check', () => {
    expect(checked.errors).toEqual([]);
  });

  it('writes exactly the items asked for, the seed rows among them, over several notices and tables', () => {
    expect(corpus.items).toBe(700);
    expect(rows).toHaveLength(700);
    expect(checked.notices.size).toBe(corpus.notices);
    expect(checked.tables).toHaveLength(corpus.tables);
    expect(corpus.notices).toBeGreaterThan(5);
    expect(checked.notices.has('jiaxiang-2021-2')).toBe(true);
    expect(checked.notices.has('jinan-hitech-2021-40')).toBe(true);
    expect(rows.map((r) => r.name)).toContain('典当业特种行业许可证核发');
  });

  it('uses every kind of change, and licences and penalties outnumber every other type', () => {
    expect(new Set(checked.tables.map((t) => t.data.change))).toEqual(new Set(CHANGE_PRESET_CODES));
    const byType = new Map<string, number>();
    for (const r of rows) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    const others = [...byType].filter(([t]) => t !== 'license' && t !== 'penalty').map(([, n]) => n);
    expect(Math.min(byType.get('license')!, byType.get('penalty')!)).toBeGreaterThan(Math.max(...others));
    expect(byType.size).toBeGreaterThanOrEqual(6);
  });

  it('varies names, departments and measures', () => {
    expect(new Set(rows.map((r) => r.name)).size).toBeGreaterThan(rows.length / 3);
    expect(new Set(rows.map((r) => r.department)).size).toBeGreaterThan(30);
    expect(rows.filter((r) => r.measures === null).length).toBeGreaterThan(0);
    expect(rows.filter((r) => (r.measures?.steps.length ?? 0) >= 3).length).toBeGreaterThan(0);
  });

  it('gives the same files for the same seed and other files for another seed', () => {
    const again = join(work, 'b');
    generateCorpus({ items: 700, dir: again, seed: 7, root });
    expect(files(again)).toEqual(files(dir));
    const other = join(work, 'c');
    generateCorpus({ items: 700, dir: other, seed: 8, root });
    expect(files(other)).not.toEqual(files(dir));
  });
});
