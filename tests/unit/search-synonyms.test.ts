/**
 * The synonym list (content/synonyms.json) and its expansion: every word the documents are said to use is in the
 * committed content, and in the items a reader would expect (read from the source tables, not from the search); the
 * expansion rules; the merged result list (filters and counts over the union).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../../src/lib/validation/check-content.ts';
import { containsAll, normaliseText, queryTerms } from '../../src/lib/search/normalize.ts';
import { MAX_VARIANTS, expandQuery, prepareSynonyms, searchedWords } from '../../src/lib/search/synonyms.ts';
import { unionHits, unionOutcome, unionSession } from '../../src/lib/search/union.ts';
import { emptyFilters } from '../../src/lib/search/state.ts';
import { emptyOutcome, type Hit, type SearchOutcome } from '../../src/lib/search/types.ts';
import { parseStatusFile } from '../../src/lib/search/status-lines.ts';
import { itemOfUrl } from '../../src/domain/urls.ts';
import { loadItemEntries } from '../fixtures/items.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(ROOT, 'content');
const checked = checkContent(ROOT, CONTENT);
const SYNONYMS = checked.synonyms.synonyms;
const ITEMS = loadItemEntries(join(CONTENT, 'tables'));

/** All the committed content's text (tables and notices), normalised like the search's text. */
const contentText = normaliseText(
  readdirSync(CONTENT, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(json|mdx)$/.test(d.name) && d.parentPath !== CONTENT)
    .map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'))
    .join('\n'),
);

/** An item's own text as its page prints it: name, departments, 依据, measures, remark. */
const itemText = (i: (typeof ITEMS)[number]) =>
  normaliseText([i.name, i.department, i.receiver, ...(i.basis ?? []), i.measures?.lead, ...(i.measures?.steps ?? []), i.remark].filter(Boolean).join('\n'));

/**
 * For every word of the list, the items a reader who types it expects, read from the source tables by hand
 * (附件 n, 序号). A new entry in content/synonyms.json needs its line here.
 */
const EXPECTED: Record<string, string[]> = {
  加油站: ['a2-06', 'a5-02'],
  加油点: ['a2-06', 'a5-02'],
  油库: ['a2-06', 'a2-07', 'a5-02'],
  储油: ['a2-06', 'a2-07', 'a5-02'],
  当铺: ['a1-02'],
  测绘公司: ['a1-03', 'a1-04', 'a1-05', 'a1-06', 'a1-07', 'a1-08', 'a1-09', 'a2-04'],
  测绘单位: ['a1-03', 'a1-07', 'a2-04'],
  测量: ['a1-03', 'a2-04'],
  航拍: ['a1-05', 'a2-04'],
  航测: ['a1-05', 'a2-04'],
  杀猪: ['a1-14', 'a1-15', 'a1-16', 'a1-17'],
  宰猪: ['a1-14', 'a1-15', 'a1-16', 'a1-17'],
  猪肉: ['a1-14', 'a1-15', 'a1-16', 'a1-17'],
  屠宰场: ['a1-14', 'a1-15', 'a1-16', 'a1-17'],
  自来水: ['a1-13'],
  污水厂: ['a3-04'],
  污水处理厂: ['a3-04'],
  化肥: ['a2-05'],
  化工: ['a2-01'],
  拆迁: ['a1-12'],
  专利质押: ['a5-04'],
  专利贷款: ['a5-04'],
  知识产权贷款: ['a5-04'],
  网络视听: ['a4-03'],
  网络视频: ['a4-03'],
  网络电视: ['a4-03'],
  广电: ['a4-02', 'a4-03', 'a5-03'],
  敬老院: ['a3-03'],
  罚款: ['a1-03', 'a1-10', 'a1-14'],
  罚钱: ['a1-03', 'a1-10', 'a1-14'],
};
const ID_PREFIX = 'jiaxiang-2021-2-';

describe('content/synonyms.json', () => {
  it('passes the content check and is not empty', () => {
    expect(checked.errors).toEqual([]);
    expect(SYNONYMS.length).toBeGreaterThan(10);
  });

  it('every word the documents are said to use is in the committed content', () => {
    const missing = SYNONYMS.flatMap((s) => s.search.filter((w) => !containsAll(contentText, queryTerms(w))));
    expect(missing).toEqual([]);
  });

  it('every word people type has a test below (its expected items)', () => {
    expect(SYNONYMS.flatMap((s) => s.words).filter((w) => !EXPECTED[w])).toEqual([]);
  });

  for (const entry of SYNONYMS) {
    for (const word of entry.words) {
      it(`「${word}」 → ${entry.search.map((s) => `「${s}」`).join('')}: the expected items contain one of the searched words`, () => {
        const expected = EXPECTED[word] ?? [];
        expect(expected.length).toBeGreaterThan(0);
        const { variants } = expandQuery(word, SYNONYMS);
        for (const short of expected) {
          const item = ITEMS.find((i) => i.id === `${ID_PREFIX}${short}`);
          expect(item, short).toBeDefined();
          const text = itemText(item!);
          expect(variants.some((v) => containsAll(text, queryTerms(v))), `${short} ${item!.name}`).toBe(true);
        }
      });
    }
  }
});

describe('expandQuery', () => {
  const list = [
    { words: ['加油站'], search: ['成品油'] },
    { words: ['油库'], search: ['成品油', '原油'] },
    { words: ['当铺'], search: ['典当'] },
  ];

  it('a query without a listed word is run as typed', () => {
    expect(expandQuery('典当', list)).toEqual({ variants: ['典当'], used: [] });
  });

  it('a listed word is replaced by each of the documents\' words', () => {
    expect(expandQuery('加油站', list)).toEqual({ variants: ['加油站', '成品油'], used: [{ word: '加油站', search: ['成品油'] }] });
    expect(expandQuery('油库', list).variants).toEqual(['油库', '成品油', '原油']);
  });

  it('a term containing the word is split around it: the rest must still be on the page', () => {
    expect(expandQuery('乡村加油站许可', list).variants).toEqual(['乡村加油站许可', '成品油 乡村 许可']);
    expect(expandQuery('加油站 许可', list).variants).toEqual(['加油站 许可', '成品油 许可']);
  });

  it('several words with synonyms combine, up to MAX_VARIANTS queries', () => {
    const e = expandQuery('油库 当铺', list);
    expect(e.variants).toEqual(['油库 当铺', '油库 典当', '成品油 当铺', '成品油 典当', '原油 当铺', '原油 典当']);
    expect(e.variants.length).toBeLessThanOrEqual(MAX_VARIANTS);
    expect(searchedWords(e.used)).toEqual(['成品油', '原油', '典当']);
  });

  it('matches as the search normalises (full width, spaces), the longest word first', () => {
    const l = prepareSynonyms([{ words: ['污水厂'], search: ['污水处理'] }, { words: ['污水处理厂'], search: ['污水处理企业'] }]);
    expect(expandQuery('污水处理厂', l).variants).toEqual(['污水处理厂', '污水处理企业']);
    expect(expandQuery('ＡＢ加油站', list).variants).toEqual(['ＡＢ加油站', '成品油 ab']);
  });
});

const hit = (url: string, filters: Record<string, string[]>): Hit => ({ id: url, url, title: url, kind: 'item', meta: {}, filters, excerpt: [], sections: [], titleMatch: false, score: 1 });
const outcome = (q: string, hits: Hit[]): SearchOutcome => ({ ...emptyOutcome({ q, filters: emptyFilters() }, [q], false), hits, total: hits.length });

describe('the union of a query and its variants', () => {
  const a = hit('/items/a/', { type: ['行政许可'] });
  const b = hit('/items/b/', { type: ['行政处罚'] });
  const c = hit('/items/c/', { type: ['行政许可'] });
  const typed = outcome('屠宰场', [a]);
  const variant = outcome('生猪', [b, a, c]);

  it('keeps the query\'s own results first, each page once', () => {
    expect(unionHits([typed, variant]).map((h) => h.url)).toEqual(['/items/a/', '/items/b/', '/items/c/']);
  });

  it('applies the filters and counts each value with its own filter set aside', () => {
    const state = { q: '屠宰场', filters: { ...emptyFilters(), type: ['行政许可'] } };
    const o = unionOutcome(state, [typed, variant], 10);
    expect(o.hits.map((h) => h.url)).toEqual(['/items/a/', '/items/c/']);
    expect(o.total).toBe(2);
    expect(o.facets.type).toEqual({ 行政许可: 2, 行政处罚: 1 });
    expect(o.exact).toBe(true);
  });

  it('pages locally', async () => {
    const s = unionSession({ q: 'x', filters: emptyFilters() }, [typed, variant], 2);
    expect(s.outcome().hits).toHaveLength(2);
    expect(s.outcome().hasMore).toBe(true);
    expect((await s.more()).hits).toHaveLength(3);
    expect((await s.more()).hasMore).toBe(false);
  });
});

describe('status lines for search results', () => {
  it('tells an item result from other pages by its URL, under a sub-path too', () => {
    expect(itemOfUrl('/items/jiaxiang-2021-2-a1-02/')?.id).toBe('jiaxiang-2021-2-a1-02');
    expect(itemOfUrl('/fgf/items/jiaxiang-2021-2-a1-02/', '/fgf/')?.id).toBe('jiaxiang-2021-2-a1-02');
    expect(itemOfUrl('/items/')).toBeUndefined();
    expect(itemOfUrl('/notices/jiaxiang-2021-2/')).toBeUndefined();
  });

  it('refuses a malformed status file', () => {
    expect(parseStatusFile({ items: { x: { what: '已取消', since: '成文日期 2021年2月20日', source: '嘉政发〔2021〕2号 附件1' } } }).items.x?.what).toBe('已取消');
    expect(() => parseStatusFile({ items: { x: { what: 1 } } })).toThrow();
    expect(parseStatusFile({ items: {}, lapsed: '已废止' }).lapsed).toBe('已废止');
    expect(parseStatusFile({ items: {} }).lapsed).toBeUndefined();
    expect(() => parseStatusFile({ items: {}, lapsed: 1 })).toThrow();
    expect(() => parseStatusFile(null)).toThrow();
  });
});
