/**
 * 有效性 on the search page, rendered: an item of a notice that states its validity carries it as a Pagefind filter,
 * and the filter list offers it; where no notice states it, neither (never presumed 现行有效). The seed notices state
 * none, so the built site cannot show this.
 */
import { describe, expect, it } from 'vitest';
import { useAstroContainer } from '../fixtures/astro-container.ts';
import { facetOptions, itemFilterValues } from '../../src/lib/search/facets.ts';
import { validitySchema } from '../../src/schemas/notice.ts';

/** The first render transforms the components' modules: slow on a loaded machine. */
const astro = useAstroContainer('search-render');

const itemData = { type: 'license', changeGroup: 'cancelled', department: '县级公安部门', receiver: null, tableNumber: 1 } as const;
const notice = (validity?: unknown) => ({
  id: 'x',
  collection: 'notices',
  data: { docNumber: '嘉政发〔2021〕2号', signedDate: '2021-02-20', ...(validity ? { validity: validitySchema.parse(validity) } : {}) },
});

describe('有效性 as a search filter', () => {
  it('an item inherits its notice’s 有效性 as a filter; without one, no such filter', async () => {
    const withIt = await astro.render('/src/components/search/ItemSearchMeta.astro', { item: { id: 'x-a1-01', data: itemData }, notice: notice({ status: 'repealed', date: '2023-05-01' }) });
    expect(withIt).toMatch(/data-pagefind-filter="validity"[^>]*>已废止<\/span>/);
    const without = await astro.render('/src/components/search/ItemSearchMeta.astro', { item: { id: 'x-a1-01', data: itemData }, notice: notice() });
    expect(without).not.toContain('data-pagefind-filter="validity"');
  }, 60_000);

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
  }, 60_000);
});
