import { afterAll, describe, expect, it } from 'vitest';
import { close, createIndex } from 'pagefind';
import { EXCLUDE_SELECTORS, INDEX_LANGUAGE, htmlForIndex, indexOrder } from '../../src/lib/search/index-config.ts';
import { storedFragments } from '../../src/lib/search/literal-build.ts';
import { asLoaded, fragmentText } from '../../src/lib/search/fragment.ts';

describe('indexOrder', () => {
  it('adds items first in id order (a2 before a10), then notices, then lists', () => {
    expect(
      indexOrder(['types/license/index.html', 'notices/x/index.html', 'items/index.html', 'items/x-a10-01/index.html', 'items/x-a2-11/index.html', 'items/x-a2-02/index.html']),
    ).toEqual(['items/x-a2-02/index.html', 'items/x-a2-11/index.html', 'items/x-a10-01/index.html', 'notices/x/index.html', 'items/index.html', 'types/license/index.html']);
  });
});

/** A page shaped as the item and attachment pages are: facts in a <dl>, a table with a caption and header cells. */
const PAGE = [
  '<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main data-pagefind-body>',
  '<h1>典当业特种行业许可证核发</h1>',
  '<dl class="facts"><dt>调整方式</dt><dd><a href="/changes/cancelled/">取消</a></dd><dt>发文字号</dt><dd>嘉政发〔2021〕2号</dd><dt>附件</dt><dd><a href="/a/">附件1</a></dd></dl>',
  '<table><caption>取消行政权力事项</caption><thead><tr><th>序号</th><th>事项名称</TH ></tr></thead></table>',
  '</main></body></html>',
].join('');

/** The text Pagefind stores for `html`, read back as the literal check and the excerpts read it. */
async function indexedText(html: string): Promise<string> {
  const { index, errors } = await createIndex({ forceLanguage: INDEX_LANGUAGE, excludeSelectors: [...EXCLUDE_SELECTORS] });
  if (!index) throw new Error(errors.join('; '));
  const added = await index.addHTMLFile({ url: '/items/x-a1-01/', content: html });
  expect(added.errors).toEqual([]);
  const { files } = await index.getFiles();
  const fragments = files.filter((f) => f.path.includes('fragment/')).flatMap((f) => storedFragments(Buffer.from(f.content)));
  expect(fragments).toHaveLength(1);
  return fragmentText(asLoaded(fragments[0]!));
}

describe('htmlForIndex (Pagefind itself indexes the page)', () => {
  afterAll(() => close());

  it('keeps each label apart from its value, and header cells and caption apart from each other', async () => {
    const text = await indexedText(htmlForIndex(PAGE));
    for (const apart of ['调整方式 取消', '发文字号 嘉政发〔2021〕2号', '附件 附件1', '取消行政权力事项 序号', '序号 事项名称']) expect(text).toContain(apart);
  });

  it('is needed: without it Pagefind joins them (「调整方式取消」)', async () => {
    const text = await indexedText(PAGE);
    for (const joined of ['调整方式取消', '发文字号嘉政发〔2021〕2号', '附件附件1', '取消行政权力事项序号', '序号事项名称']) expect(text).toContain(joined);
  });

  it('adds only white space, after those closing tags only', () => {
    const html = htmlForIndex(PAGE);
    expect(html.replace(/ /g, '')).toBe(PAGE.replace(/ /g, ''));
    expect(htmlForIndex('<p>a</p><td>b</td><li>c</li>')).toBe('<p>a</p><td>b</td><li>c</li>');
  });
});
