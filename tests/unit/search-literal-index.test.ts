import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { addGrams, buildShards, gramOfKey, literalTierFinder, shardFile, shardOf, termGrams } from '../../src/lib/search/literal-index.ts';
import { storedFragments } from '../../src/lib/search/literal-build.ts';
import { asLoaded, fragmentText } from '../../src/lib/search/fragment.ts';
import { normaliseText, queryTerms } from '../../src/lib/search/normalize.ts';

const gramsOf = (text: string) => {
  const s = new Set<number>();
  addGrams(normaliseText(text), s);
  return s;
};

/** Three tiers' page texts, as the build would read them. */
const TIERS = [
  ['典当业特种行业许可证核发', '乡村兽医登记'],
  ['测绘成果未经检验的处罚', '济高管综字〔2021〕40号 关于印发工作方案的通知'],
  ['生猪屠宰许可', '旅行社业务经营许可'],
];

function finder() {
  const { shards, files } = buildShards(TIERS.map((pages) => {
    const s = new Set<number>();
    for (const p of pages) addGrams(normaliseText(p), s);
    return s;
  }));
  const manifest = { id: 'abc', shards };
  const fetched: string[] = [];
  const find = literalTierFinder(manifest, TIERS.length, async (file) => {
    fetched.push(file);
    const n = Number(/-(\d+)\.json$/.exec(file)![1]);
    return JSON.parse(files[n]!) as Record<string, string>;
  });
  return { find, fetched, manifest };
}

describe('grams', () => {
  it('are the adjacent pairs of a term, or the term itself when it is one character', () => {
    expect(termGrams('典当行')).toEqual(['典当', '当行']);
    expect(termGrams('典')).toEqual(['典']);
    expect(termGrams('')).toEqual([]);
  });

  it('of a text are every character and every adjacent pair, as numbers that read back', () => {
    expect([...gramsOf('典当典')].map(gramOfKey).sort()).toEqual(['典', '典当', '当', '当典'].sort());
    expect(shardOf('典当', 7)).toBe(shardOf('典当', 7));
    expect(shardOf('典当', 7)).toBeLessThan(7);
  });
});

describe('literalTierFinder', () => {
  it('names every tier that holds a literal match, for every substring of every page (no match ever lost)', async () => {
    const { find } = finder();
    for (const [t, pages] of TIERS.entries()) {
      for (const page of pages) {
        const chars = [...page];
        for (let i = 0; i < chars.length; i++) {
          for (const len of [1, 2, 4]) {
            const q = chars.slice(i, i + len).join('');
            const may = await find(queryTerms(q));
            expect(may.has(t), `${q} in tier ${t}`).toBe(true);
          }
        }
      }
    }
  });

  it('rules out what no tier holds and places a query found in one old tier there alone', async () => {
    const { find } = finder();
    expect([...(await find(queryTerms('乡村兽医诊所')))]).toEqual([]);
    expect([...(await find(queryTerms('济高管综字(2021)40号')))]).toEqual([1]);
    expect([...(await find(queryTerms('许可')))].sort()).toEqual([0, 2]);
    // Several terms: a tier must hold every one.
    expect([...(await find(queryTerms('生猪 旅行社')))]).toEqual([2]);
    expect([...(await find(queryTerms('生猪 兽医')))]).toEqual([]);
  });

  it('fetches each shard once per visit, named by the build’s id', async () => {
    const { find, fetched, manifest } = finder();
    await find(['典当']);
    await find(['典当']);
    expect(fetched).toEqual([shardFile(manifest, shardOf('典当', manifest.shards))]);
    expect(fetched[0]).toMatch(/^grams\/abc-\d+\.json$/);
  });
});

describe('buildShards', () => {
  it('is deterministic and spreads the grams over shards of about 250', () => {
    const tiers = [gramsOf('甲乙丙丁戊己庚辛壬癸'.repeat(3) + Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4e00 + i * 7)).join(''))];
    const a = buildShards(tiers);
    expect(buildShards(tiers)).toEqual(a);
    expect(a.shards).toBe(Math.ceil(a.grams / 250));
    const keys = a.files.flatMap((f) => Object.keys(JSON.parse(f) as object));
    expect(keys).toHaveLength(a.grams);
  });
});

describe('reading Pagefind’s stored fragments', () => {
  it('reads one page or a group, with or without the signature, as Pagefind hands them to the page', () => {
    const page = { url: '/items/x/', content: '典当\u200b业\u200b<许可>', meta: { title: '典当业' } };
    const one = storedFragments(gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(page)}`)));
    expect(one).toHaveLength(1);
    const loaded = asLoaded(one[0]!);
    expect(loaded.content).toBe('典当业<许可>');
    expect(fragmentText(loaded)).toBe('典当业<许可>');
    const group = storedFragments(gzipSync(Buffer.from(JSON.stringify({ a: page, b: { ...page, url: '/items/y/' } }))));
    expect(group.map((f) => f.url)).toEqual(['/items/x/', '/items/y/']);
  });
});
