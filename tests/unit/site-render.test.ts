/**
 * The site's components rendered in Astro's container (one Vite server for the whole file: each costs seconds to
 * start): what a data field says is published as text, never as markup (a `<script>` typed into a content file
 * renders as visible characters); the masthead and footer from content/site.json; the notice metadata block; the
 * pager; the 有效性 note and the 有效性 search filter (the seed notices state no validity, so the built site cannot
 * show them); the withdrawn-notice banner; the bar chart's accessible parts.
 */
import { describe, expect, it } from 'vitest';
import { useAstroContainer } from '../fixtures/astro-container.ts';
import { ITEM_FIELDS } from '../../src/domain/glossary.ts';
import { flattenTables } from '../../src/lib/items.ts';
import { validitySchema } from '../../src/schemas/notice.ts';
import { withdrawnSchema } from '../../src/schemas/withdrawn.ts';
import { facetOptions, itemFilterValues } from '../../src/lib/search/facets.ts';

const EVIL = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';

const astro = useAstroContainer('render');

const notice = {
  id: 'demo-2021-1',
  data: {
    title: `示例通知${EVIL}`,
    docNumber: '示政发〔2021〕1号',
    issuer: '示例县人民政府',
    addressees: ['各部门'],
    signedDate: '2021-02-20',
    cites: [],
    attachments: [{ number: 1, title: '取消行政权力事项（1项）' }],
  },
};
const columns = [
  { key: 'seq', header: '序号' },
  { key: 'department', header: '原实施部门' },
  { key: 'name', header: `事项名称及权限${EVIL}` },
  { key: 'type', header: '事项类型' },
  { key: 'basis', header: '取消依据' },
  { key: 'measures', header: '加强事中事后监管措施' },
  { key: 'remark', header: '备注' },
] as const;
const row: Record<string, unknown> & { seq: number; name: string } = {
  seq: 1,
  department: `"><script>alert(3)</script>`,
  name: `典当${EVIL}`,
  type: 'license' as const,
  basis: [`依据${IMG}`],
  measures: { lead: `导语${EVIL}`, steps: ['第一步。', `第二步${IMG}`] },
  remark: '<b>粗体</b>',
};
const tableData = { notice: notice.id, number: 1, title: '取消行政权力事项（1项）', declaredCount: 1, change: 'cancelled' as const, printedHeader: columns.map((c) => c.header), columns: [...columns], rows: [row] };
const table = { id: 'demo-2021-1/1', data: { ...tableData, notice: { collection: 'notices', id: notice.id } } };
/** An item as the items collection holds it: made by the site's own flattening of the table. */
function itemOf(t: typeof tableData) {
  const entry = flattenTables([t])[0]!;
  return { id: entry.id, data: { ...entry, notice: { collection: 'notices', id: notice.id }, table: { collection: 'tables', id: table.id } } };
}
const item = itemOf(tableData);

/**
 * No element came from a data field: outside attribute values (where `<` is inert, and `"` is escaped so a value
 * cannot end early) there is no <script>, <img> or <b>.
 */
function expectNoInjectedMarkup(html: string) {
  const markup = html.replace(/="[^"]*"/g, '=""');
  expect(markup).not.toMatch(/<script/i);
  expect(markup).not.toMatch(/<img/i);
  expect(markup).not.toMatch(/<b>/i);
}

describe('rendering data fields as text', () => {
  it('item details: every field is escaped, and the structure is intact', { timeout: 60_000 }, async () => {
    const html = await astro.render('/src/components/item/ItemDetails.astro', { item, notice, table });
    expectNoInjectedMarkup(html);
    expect(html).toMatch(/<h1[^>]*>典当&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
    expect(html).toContain('&lt;b&gt;粗体&lt;/b&gt;');
    expect(html).toContain('依据&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('导语&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<li[^>]*>/g)).toHaveLength(2);
    // The department goes into a URL encoded and into the text escaped.
    expect(html).toContain(`/departments/${encodeURIComponent(String(row.department))}/`);
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
  });

  it('item details: no measures says so plainly', { timeout: 60_000 }, async () => {
    const bare = itemOf({ ...tableData, rows: [{ ...row, measures: null, remark: null }] });
    const html = await astro.render('/src/components/item/ItemDetails.astro', { item: bare, notice, table });
    expect(html).toContain(ITEM_FIELDS.measuresAbsent);
    expect(html).not.toMatch(/<ol/);
  });

  it('attachment table: headers as printed with scope, cells escaped, the row links to its item', { timeout: 60_000 }, async () => {
    const html = await astro.render('/src/components/table/AttachmentTable.astro', { table: { ...table.data, notice: notice.id }, caption: `附件1${EVIL}` },);
    expectNoInjectedMarkup(html);
    expect(html).toMatch(/<caption[^>]*>附件1&lt;script&gt;/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(columns.length);
    expect(html).toMatch(/<th scope="col"[^>]*>事项名称及权限&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*>[\s\S]*<a href="\/items\/demo-2021-1-a1-01\/"[^>]*>典当&lt;script&gt;/);
  });

  it('browse table: names and departments escaped', { timeout: 60_000 }, async () => {
    const html = await astro.render('/src/components/browse/ItemTable.astro', { items: [item], docNumbers: { [notice.id]: notice.data.docNumber }, caption: EVIL },);
    expectNoInjectedMarkup(html);
    expect(html).toMatch(/<caption[^>]*>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/caption>/);
    // In an attribute the quote is escaped, so the value cannot close early and open a tag.
    expect(html).toContain('data-sort-value="&quot;><script>alert(3)</script>"');
  });
});

describe('masthead and footer: who runs the site, from content/site.json', () => {
  const FULL = {
    name: `示例公开${EVIL}`,
    tagline: '示例县放管服改革事项公开',
    organiser: '示例县人民政府',
    operator: '示例县大数据中心',
    phone: '0000-0000000',
    address: '示例县示例路1号',
    email: 'contact@example.gov.cn',
    siteCode: '0000000000',
    icp: '示ICP备00000000号-1',
    publicSecurity: '示公网安备00000000000000号',
    dataTerms: '示例使用条件。',
  };
  const EMPTY = { name: '公开', tagline: '', organiser: '', operator: '', phone: '', address: '', email: '', siteCode: '', icp: '', publicSecurity: '', dataTerms: '' };
  /** The footer's text, tags dropped. */
  const text = (html: string) => html.replace(/<[^>]+>/g, '');

  it('a full file: every field in the footer under its label, ICP linked to the MIIT lookup, the name in the masthead', { timeout: 60_000 }, async () => {
    const footer = await astro.render('/src/components/layout/SiteFooter.astro', { site: FULL, canonical: 'https://example.gov.cn/' });
    for (const line of ['主办单位：示例县人民政府', '承办单位：示例县大数据中心', '联系电话：0000-0000000', '地址：示例县示例路1号', '邮箱：contact@example.gov.cn', '网站标识码：0000000000', 'ICP备案号：示ICP备00000000号-1', '公安备案号：示公网安备00000000000000号']) {
      expect(text(footer)).toContain(line);
    }
    expect(footer).toMatch(/<a href="https:\/\/beian\.miit\.gov\.cn\/"[^>]*>示ICP备00000000号-1<\/a>/);
    expect(footer).toMatch(/<a href="mailto:contact@example\.gov\.cn"[^>]*>contact@example\.gov\.cn<\/a>/);
    expect(footer.match(/<li/g)).toHaveLength(8);
    expect(text(footer)).toContain('以发文机关公开发布的正式文件为准');
    const header = await astro.render('/src/components/layout/SiteHeader.astro', { site: FULL });
    // The header has its own script (the text-size switch); none comes from the name.
    expect(header).not.toContain("<script>alert");
    expect(header).toMatch(/<span class="site-name-main"[^>]*>示例公开&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/span>/);
    expect(header).toMatch(/<span class="site-name-tagline"[^>]*>示例县放管服改革事项公开<\/span>/);
  });

  it('empty fields: nothing shown for them — no label, no empty line, no ICP link', { timeout: 60_000 }, async () => {
    const footer = await astro.render('/src/components/layout/SiteFooter.astro', { site: EMPTY });
    for (const label of ['主办单位', '承办单位', '联系电话', '地址', '邮箱', '网站标识码', 'ICP', '公安备案']) expect(text(footer)).not.toContain(label);
    expect(footer).not.toContain('beian');
    expect(footer).not.toMatch(/<ul|<li/);
    expect(text(footer)).toContain('以发文机关公开发布的正式文件为准');
    // One field given: that line alone.
    const one = await astro.render('/src/components/layout/SiteFooter.astro', { site: { ...EMPTY, icp: '示ICP备1号' } });
    expect(one.match(/<li/g)).toHaveLength(1);
    expect(one).toMatch(/<a href="https:\/\/beian\.miit\.gov\.cn\/"[^>]*>示ICP备1号<\/a>/);
    const header = await astro.render('/src/components/layout/SiteHeader.astro', { site: EMPTY });
    expect(header).toMatch(/<span class="site-name-main"[^>]*>公开<\/span>/);
    expect(header).not.toContain('site-name-tagline');
  });
});

describe('notice metadata block (文件信息)', () => {
  /** dt → dd text, in order. */
  const facts = (html: string) => [...html.matchAll(/<dt[^>]*>([^<]*)<\/dt>\s*<dd[^>]*>([\s\S]*?)<\/dd>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, '')]);

  it('shows 索引号, 主题分类, 发布日期 and 有效性 when the notice gives them, in gov.cn order', { timeout: 60_000 }, async () => {
    const full = {
      ...notice,
      data: {
        ...notice.data,
        indexNumber: '11370829MB2840000X/2021-00012',
        subject: '综合政务\\政务公开',
        publishedDate: '2021-02-22',
        effectiveDate: '2021-03-01',
        disclosure: '此件公开发布',
        validity: { status: 'repealed', date: '2023-05-01', by: { title: '示例县人民政府关于废止部分文件的决定', docNumber: '示政发〔2023〕3号' } },
      },
    };
    const html = await astro.render('/src/components/notice/NoticeMeta.astro', { notice: full });
    expect(facts(html)).toEqual([
      ['索引号', '11370829MB2840000X/2021-00012'],
      ['主题分类', '综合政务\\政务公开'],
      ['标题', '示例通知&lt;script&gt;alert(1)&lt;/script&gt;'],
      ['发文字号', '示政发〔2021〕1号'],
      ['发文机关', '示例县人民政府'],
      ['主送', '各部门'],
      ['成文日期', '2021年2月20日'],
      ['施行日期', '2021年3月1日'],
      ['发布日期', '2021年2月22日'],
      ['公开方式', '此件公开发布'],
      ['有效性', '已废止（2023年5月1日，依据《示例县人民政府关于废止部分文件的决定》（示政发〔2023〕3号））'],
    ]);
  });

  it('leaves out each of them when the notice does not give it', { timeout: 60_000 }, async () => {
    const html = await astro.render('/src/components/notice/NoticeMeta.astro', { notice });
    expect(facts(html).map(([label]) => label)).toEqual(['标题', '发文字号', '发文机关', '主送', '成文日期']);
  });
});

describe('pager of long lists', () => {
  it('links the neighbours and the ends, marks the current page, and keeps page 1 at the list URL', { timeout: 60_000 }, async () => {
    const html = await astro.render('/src/components/browse/Pagination.astro', { first: '/types/license/', current: 6, last: 12 });
    const hrefs = [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(hrefs).toEqual([
      ['/types/license/5/', '← 上一页'],
      ['/types/license/', '第1页'],
      ['/types/license/4/', '第4页'],
      ['/types/license/5/', '第5页'],
      ['/types/license/7/', '第7页'],
      ['/types/license/8/', '第8页'],
      ['/types/license/12/', '第12页'],
      ['/types/license/7/', '下一页 →'],
    ]);
    expect(html).toMatch(/<span aria-current="page"[^>]*>第6页<\/span>/);
    expect(html.match(/…/g)).toHaveLength(2);
    expect(html).toMatch(/<nav[^>]*aria-label="分页"[^>]*data-pagefind-ignore/);
  });
  it('renders nothing for a single page', { timeout: 60_000 }, async () => {
    const html = await astro.render('/src/components/browse/Pagination.astro', { first: '/items/', current: 1, last: 1 });
    expect(html.trim()).toBe('');
  });
});

describe('ValidityNote: the 有效性 of an item\'s notice', () => {
  const render = astro.render;
  const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  const notice = (validity?: unknown) => ({ id: 'jiaxiang-2021-2', collection: 'notices', data: { docNumber: '嘉政发〔2021〕2号', validity: validity === undefined ? undefined : validitySchema.parse(validity) } });

  it('已废止: status, date and deciding document, marked as a note, linking to the notice', async () => {
    const html = await render('/src/components/notice/ValidityNote.astro', {
      notice: notice({ status: 'repealed', date: '2023-05-01', by: { docNumber: '嘉政发〔2023〕5号', title: '嘉祥县人民政府关于废止部分文件的通知' }, note: '<b>见新文件</b>' }),
    });
    expect(text(html)).toContain('有效性：已废止（2023年5月1日，依据《嘉祥县人民政府关于废止部分文件的通知》（嘉政发〔2023〕5号））');
    expect(html).toContain('role="note"');
    expect(html).toContain('validity-note-lapsed');
    expect(html).toMatch(/<a href="\/notices\/jiaxiang-2021-2\/"/);
    expect(html).toContain('&lt;b&gt;见新文件&lt;/b&gt;');
  });
  it('现行有效: said plainly, not as a warning', async () => {
    const html = await render('/src/components/notice/ValidityNote.astro', { notice: notice({ status: 'current' }) });
    expect(text(html)).toContain('有效性：现行有效');
    expect(html).not.toContain('role="note"');
  });
  it('a notice that does not state its validity: nothing (never presumed in force)', async () => {
    const html = await render('/src/components/notice/ValidityNote.astro', { notice: notice() });
    expect(text(html)).toBe('');
  });
});

describe('BarChart: an accessible build-time chart', () => {
  const render = astro.render;
  it('an SVG image named by its title and description, and the numbers as a table', async () => {
    const html = await render('/src/components/charts/BarChart.astro', {
      id: 't',
      title: '按事项类型',
      bars: [
        { label: '行政许可', count: 19, href: '/types/license/' },
        { label: '<行政处罚>', count: 14 },
      ],
    });
    // Dev rendering adds data-astro-* attributes: compare without them.
    const clean = html.replace(/\s+data-astro-[a-z-]+(="[^"]*")?/g, '');
    expect(clean).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="t-title t-desc"/);
    expect(clean).toContain('<title id="t-title">按事项类型</title>');
    expect(clean).toContain('<desc id="t-desc">按事项类型的事项数：行政许可19项，&lt;行政处罚&gt;14项。</desc>');
    expect(clean).toMatch(/<th scope="row"><a href="\/types\/license\/">行政许可<\/a><\/th>\s*<td class="num">19<\/td>/);
    expect(html).not.toContain('<script');
  });
});

describe('有效性 as a search filter: offered only when a notice states it', () => {
  const itemData = { type: 'license', changeGroup: 'cancelled', department: '县级公安部门', receiver: null, tableNumber: 1 } as const;
  const notice = (validity?: unknown) => ({
    id: 'x',
    collection: 'notices',
    data: { docNumber: '嘉政发〔2021〕2号', signedDate: '2021-02-20', ...(validity ? { validity: validitySchema.parse(validity) } : {}) },
  });

  it('an item inherits its notice’s 有效性 as a filter; without one, no such filter', async () => {
    const withIt = await astro.render('/src/components/search/ItemSearchMeta.astro', { item: { id: 'x-a1-01', data: itemData }, notice: notice({ status: 'repealed', date: '2023-05-01' }) });
    expect(withIt).toMatch(/data-pagefind-filter="validity"[^>]*>已废止<\/span>/);
    const without = await astro.render('/src/components/search/ItemSearchMeta.astro', { item: { id: 'x-a1-01', data: itemData }, notice: notice() });
    expect(without).not.toContain('data-pagefind-filter="validity"');
  });

  it('the filter list offers 有效性 only when some notice states it', async () => {
    const stated = facetOptions([itemFilterValues(itemData, notice({ status: 'repealed' }).data), itemFilterValues(itemData, notice().data)]);
    const html = await astro.render('/src/components/search/SearchFilters.astro', { options: stated, total: 2 });
    expect(html).toContain('data-facet="validity"');
    expect(html).toMatch(/<legend[^>]*>有效性<\/legend>/);
    expect(html).toContain('value="repealed"');
    expect(html).not.toContain('现行有效');
    const none = facetOptions([itemFilterValues(itemData, notice().data)]);
    const plain = await astro.render('/src/components/search/SearchFilters.astro', { options: none, total: 1 });
    expect(plain).not.toContain('data-facet="validity"');
    expect(plain).toContain('data-facet="type"');
    expect(plain).toContain('查看 1 条结果');
  });
});

describe('a long filter is written shortened (departments and 发文字号 by the thousand in a province)', () => {
  const many = (n: number) =>
    facetOptions(
      Array.from({ length: n }, (_, i) => i).flatMap((i) =>
        // Department i has n − i items, so the order (most items first) is 部门0, 部门1 …
        Array.from({ length: n - i }, () => itemFilterValues({ type: 'license', changeGroup: 'cancelled', department: `部门${i}`, receiver: null }, { docNumber: '嘉政发〔2021〕2号', signedDate: '2021-02-20' })),
      ),
    );
  const departmentsOf = (html: string) => [...html.matchAll(/name="department" value="([^"]+)"/g)].map((m) => m[1]);

  it('the first ten choices, 「显示全部 N 个部门」 and the one template the page copies for the others', async () => {
    const html = await astro.render('/src/components/search/SearchFilters.astro', { options: many(40), total: 820 });
    expect(departmentsOf(html)).toEqual(Array.from({ length: 10 }, (_, i) => `部门${i}`));
    expect(html).toMatch(/<button[^>]*aria-controls="search-facet-department"[^>]*data-show-all="department"[^>]*>显示全部 40 个部门<\/button>/);
    expect(html).toContain('id="search-facet-department"');
    expect(html.match(/<template data-facet-option/g)).toHaveLength(1);
    // A filter that is short enough is written whole, with no button.
    expect(html).not.toContain('data-show-all="type"');
  });

  it('twelve choices or fewer: all of them, no button and no template', async () => {
    const html = await astro.render('/src/components/search/SearchFilters.astro', { options: many(12), total: 78 });
    expect(departmentsOf(html)).toHaveLength(12);
    expect(html).not.toContain('data-show-all');
    expect(html).not.toContain('<template');
  });

  it('without JavaScript the departments are links, shortened too, with a link to all of them', async () => {
    const html = await astro.render('/src/components/search/SearchNoScript.astro', { types: ['license'], changes: ['cancelled'], departments: many(40).department });
    const links = [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[2], m[1]]);
    expect(links.filter(([text]) => text!.startsWith('部门'))).toHaveLength(10);
    expect(links).toContainEqual(['全部 40 个部门', '/departments/']);
  });
});

describe('WithdrawnNotice: a withdrawn notice says so first', () => {
  async function renderWithdrawn(withdrawn: unknown): Promise<string> {
    return astro.render('/src/components/notice/WithdrawnNotice.astro', { withdrawn: withdrawnSchema.parse(withdrawn) });
  }

  it('when, what, why, and what to read instead', async () => {
    const html = await renderWithdrawn({ action: '废止', date: '2023-05-01', reason: '相关事项已由新文件重新规定', replacedBy: { title: '嘉祥县人民政府关于调整行政权力事项的通知', docNumber: '嘉政发〔2023〕5号', url: '/notices/jiaxiang-2023-5/' } });
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('本文件已于2023年5月1日废止。');
    expect(text).toContain('废止原因：相关事项已由新文件重新规定');
    expect(text).toMatch(/请以此为准：嘉祥县人民政府关于调整行政权力事项的通知 ?（嘉政发〔2023〕5号）/);
    expect(html).toMatch(/<a href="\/notices\/jiaxiang-2023-5\/"/);
    expect(html).toContain('role="note"');
  });

  it('撤回 without a replacement, and markup in the reason stays text', async () => {
    const html = await renderWithdrawn({ action: '撤回', date: '2021-03-09', reason: '<script>alert(1)</script>发文有误' });
    expect(html).toContain('本文件已于2021年3月9日撤回。');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;发文有误');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('请以此为准');
  });

  it('links to another site as written', async () => {
    const html = await renderWithdrawn({ action: '失效', date: '2024-12-31', reason: '有效期届满', replacedBy: { title: '新办法', url: 'https://www.jiaxiang.gov.cn/art/2025/1/1/art_1.html' } });
    expect(html).toContain('href="https://www.jiaxiang.gov.cn/art/2025/1/1/art_1.html"');
  });
});

describe('SearchResults: the documents the site holds, for a query that finds nothing', () => {
  const docs = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ slug: `demo-2021-${n - i}`, title: `示例县人民政府通知${n - i}`, docNumber: `示政发〔2021〕${n - i}号` }));

  it('lists every document of a small site, with its 发文字号', async () => {
    const html = await astro.render('/src/components/search/SearchResults.astro', { documents: docs(2), issuers: ['示例县人民政府'] });
    expect(html).toContain('本站目前只收录以下 2 份文件：');
    expect(html).toMatch(/<a href="\/notices\/demo-2021-2\/"[^>]*>示例县人民政府通知2<\/a>（示政发〔2021〕2号）/);
    expect(html).toMatch(/<a href="\/notices\/demo-2021-1\/"[^>]*>示例县人民政府通知1<\/a>（示政发〔2021〕1号）/);
    expect(html).not.toContain('查看全部');
  });

  it('a large site: the newest ten, and a link to all of them', async () => {
    const html = await astro.render('/src/components/search/SearchResults.astro', { documents: docs(25), issuers: ['示例县人民政府'] });
    expect(html).toContain('本站目前只收录 25 份文件，最新的 10 份是：');
    expect(html.match(/<li[^>]*><a href="\/notices\/demo-2021-\d+\/"/g)).toHaveLength(10);
    expect(html).toContain('示政发〔2021〕25号');
    expect(html).toContain('示政发〔2021〕16号');
    expect(html).not.toContain('示政发〔2021〕15号');
    expect(html).toMatch(/<a href="\/notices\/"[^>]*>查看全部 25 份文件<\/a>/);
    expect(html).toContain('本站文件的发文机关：示例县人民政府）');
  });

  it('many issuing authorities: the first ten (those of the newest documents) and how many there are', async () => {
    const issuers = Array.from({ length: 40 }, (_, i) => `示例${i}县人民政府`);
    const html = await astro.render('/src/components/search/SearchResults.astro', { documents: docs(40), issuers });
    expect(html).toContain(`本站文件的发文机关：${issuers.slice(0, 10).join('、')}等 40 个）`);
    expect(html).not.toContain('示例10县人民政府');
  });
});

describe('CitedByList: 「被以下文件引用」 on a notice page', () => {
  const notices = [{ href: '/notices/b-2022-1/', title: `乙县通知${EVIL}`, docNumber: '乙政发〔2022〕1号' }];
  const items = [{ href: '/items/c-2022-2-a1-01/', name: `典当${IMG}`, source: '丙政发〔2022〕2号附件1第1项', headers: ['取消依据', '监管措施'] }];

  it('each citing notice and item linked, with its 发文字号 or place and the cells that cite; escaped', async () => {
    const html = await astro.render('/src/components/data/CitedByList.astro', { notices, items, total: { notices: 1, items: 1 } });
    expect(html).toContain('被以下文件引用');
    expect(html).toMatch(/<a href="\/notices\/b-2022-1\/"[^>]*>乙县通知&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/a>（乙政发〔2022〕1号）/);
    expect(html).toMatch(/<a href="\/items\/c-2022-2-a1-01\/"[^>]*>典当&lt;img src=x onerror=alert\(2\)&gt;<\/a>（丙政发〔2022〕2号附件1第1项，取消依据、监管措施）/);
    expect(html).not.toContain('查看全部引用');
  });

  it('shortened: a link to the citation page, saying how many cite it in all', async () => {
    const href = `/citations/${encodeURIComponent('嘉政发〔2021〕2号')}/`;
    const html = await astro.render('/src/components/data/CitedByList.astro', { notices, items, total: { notices: 1, items: 40 }, allHref: href });
    expect(html).toContain(`<a href="${href}"`);
    expect(html).toMatch(/>查看全部引用（1份文件、40个事项）<\/a>/);
    const itemsOnly = await astro.render('/src/components/data/CitedByList.astro', { notices: [], items, total: { notices: 0, items: 40 }, allHref: href });
    expect(itemsOnly).toMatch(/>查看全部引用（40个事项）<\/a>/);
  });
});
