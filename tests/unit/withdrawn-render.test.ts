/**
 * The withdrawn notice (src/components/notice/WithdrawnNotice.astro): 「本文件已于2023年5月1日废止。」, the reason and a
 * link to what replaces it, base-aware, all as text. Rendered in Astro's container.
 */
import { describe, expect, it } from 'vitest';
import { useAstroContainer } from '../fixtures/astro-container.ts';
import { withdrawnSchema } from '../../src/schemas/withdrawn.ts';

const astro = useAstroContainer('withdrawn-render');

async function render(withdrawn: unknown): Promise<string> {
  return astro.render('/src/components/notice/WithdrawnNotice.astro', { withdrawn: withdrawnSchema.parse(withdrawn) });
}

describe('a withdrawn notice says so first', () => {
  it('when, what, why, and what to read instead', async () => {
    const html = await render({ action: '废止', date: '2023-05-01', reason: '相关事项已由新文件重新规定', replacedBy: { title: '嘉祥县人民政府关于调整行政权力事项的通知', docNumber: '嘉政发〔2023〕5号', url: '/notices/jiaxiang-2023-5/' } });
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('本文件已于2023年5月1日废止。');
    expect(text).toContain('废止原因：相关事项已由新文件重新规定');
    expect(text).toMatch(/请以此为准：嘉祥县人民政府关于调整行政权力事项的通知 ?（嘉政发〔2023〕5号）/);
    expect(html).toMatch(/<a href="\/notices\/jiaxiang-2023-5\/"/);
    expect(html).toContain('role="note"');
  });

  it('撤回 without a replacement, and markup in the reason stays text', async () => {
    const html = await render({ action: '撤回', date: '2021-03-09', reason: '<script>alert(1)</script>发文有误' });
    expect(html).toContain('本文件已于2021年3月9日撤回。');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;发文有误');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('请以此为准');
  });

  it('links to another site as written', async () => {
    const html = await render({ action: '失效', date: '2024-12-31', reason: '有效期届满', replacedBy: { title: '新办法', url: 'https://www.jiaxiang.gov.cn/art/2025/1/1/art_1.html' } });
    expect(html).toContain('href="https://www.jiaxiang.gov.cn/art/2025/1/1/art_1.html"');
  });
});
