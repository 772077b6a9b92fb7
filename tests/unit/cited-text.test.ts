/**
 * Cited text on the pages (src/components/data/CitedText.astro, through citationSegments): in every 依据 and 监管措施
 * paragraph of the seed content and of the shape fixtures (a State Council decision's 设定依据 …), the text cut
 * into pieces joins back to the paragraph character for character, and every 《title》 and 发文字号 printed in
 * it — found here by a plain pattern, not by the code under test — lies inside a piece that links to a
 * /citations/ page or to a notice of the site.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { citationIndex, citationSegments, citingTexts } from '../../src/lib/citations.ts';
import { flattenTables } from '../../src/lib/items.ts';
import { tableSchema } from '../../src/schemas/table.ts';
import { loadItemEntries } from '../fixtures/items.ts';
import { SHAPES, expectedTableFile } from '../fixtures/shapes/shapes.ts';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');
const seedNotices = readdirSync(join(CONTENT, 'notices'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const fm = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(CONTENT, 'notices', f), 'utf8'))![1]!) as { title: string; docNumber: string; signedDate: string; cites?: { docNumber: string; title: string }[] };
    return { id: f.replace(/\.mdx$/, ''), title: fm.title, docNumber: fm.docNumber, signedDate: fm.signedDate, cites: fm.cites ?? [] };
  });
const shapeNotices = SHAPES.map((s) => ({ id: s.slug, title: s.frontmatter.title, docNumber: s.frontmatter.docNumber, signedDate: s.frontmatter.signedDate, cites: s.frontmatter.cites ?? [] }));
const seedItems = loadItemEntries(join(CONTENT, 'tables'));
const shapeItems = flattenTables(SHAPES.flatMap((s) => s.tables.map((t) => tableSchema.parse(expectedTableFile(s, t)))));
const INDEX = citationIndex([...seedNotices, ...shapeNotices], [...seedItems, ...shapeItems]);

/** 《…》 and 发文字号 (机关代字〔年份〕序号号) as printed. */
const PRINTED = /《[^《》]+》|[\u4e00-\u9fff]+〔\d{4}〕\d+号/g;

function paragraphs(items: typeof seedItems | typeof shapeItems) {
  return items.flatMap((item) => item.cells.flatMap((cell) => citingTexts(cell).map((text) => ({ where: `${item.id} ${cell.header}`, text }))));
}

describe.each([
  ['the seed content', paragraphs(seedItems)],
  ['the shape fixtures', paragraphs(shapeItems)],
])('cited text in %s', (_name, texts) => {
  it('has paragraphs that cite documents (the test is not vacuous)', () => {
    expect(texts.filter((t) => t.text.match(PRINTED)).length).toBeGreaterThan(2);
  });

  it('keeps each paragraph character for character and links every printed title and 发文字号', () => {
    for (const { where, text } of texts) {
      const segments = citationSegments(text, INDEX);
      expect(segments.map((s) => s.text).join(''), where).toBe(text);
      let at = 0;
      const spans = segments.map((s) => ({ from: at, to: (at += s.text.length), path: s.path }));
      for (const m of text.matchAll(PRINTED)) {
        const span = spans.find((s) => s.from <= m.index && m.index + m[0].length <= s.to);
        expect(span?.path, `${where}: ${m[0]}`).toMatch(/^\/(citations|notices)\/[^/]+\/$/);
      }
      // Nothing but a cited document is linked.
      for (const s of segments.filter((x) => x.path)) expect(s.text, where).toMatch(/^(《[^《》]+》(（[^（）]+）)?|[\u4e00-\u9fff]+〔\d{4}〕\d+号)$/);
    }
  });
});
