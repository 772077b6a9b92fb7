/**
 * Components of issue 13 rendered in Astro's container: the 有效性 note an item page places (a notice no longer in
 * force is marked, one that says nothing gets nothing), and the bar chart's accessible parts.
 */
import { describe, expect, it } from 'vitest';
import { useAstroContainer } from '../fixtures/astro-container.ts';
import { validitySchema } from '../../src/schemas/notice.ts';

const astro = useAstroContainer('data-render');

const render = astro.render;
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

describe('ValidityNote', () => {
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

describe('BarChart', () => {
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
