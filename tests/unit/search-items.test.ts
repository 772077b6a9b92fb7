import { describe, expect, it } from 'vitest';
import { HitItems } from '../../src/scripts/search-items.ts';
import { PAGE_SIZE } from '../../src/lib/search/first-page.ts';
import type { Hit } from '../../src/lib/search/types.ts';

const hit = (n: number): Hit => ({ id: `p${n}`, url: `/items/x-a1-${n}/`, title: `事项${n}`, kind: 'item', meta: {}, filters: {}, excerpt: [], sections: [], titleMatch: false, score: 1 });

describe('HitItems', () => {
  function items() {
    const rendered: string[] = [];
    const list = new HitItems((h) => (rendered.push(h.id), { of: h.id, n: rendered.length }));
    return { list, rendered };
  }

  it('builds a found result’s item once and hands that one to the list, once', () => {
    const { list, rendered } = items();
    const a = hit(1);
    list.found(a);
    list.found(a);
    expect(rendered).toEqual(['p1']);
    expect(list.take(a)).toEqual({ of: 'p1', n: 1 });
    // Shown again (a list rebuilt), it gets a new item: one element cannot be in two places.
    expect(list.take(a)).toEqual({ of: 'p1', n: 2 });
  });

  it('builds ahead a page of results at most per search or page, the rest when the list needs them', () => {
    const { list, rendered } = items();
    const hits = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => hit(i));
    for (const h of hits) list.found(h);
    expect(rendered).toHaveLength(PAGE_SIZE);
    expect(list.take(hits[PAGE_SIZE + 1]!).of).toBe(`p${PAGE_SIZE + 1}`);
    expect(rendered).toHaveLength(PAGE_SIZE + 1);
    list.reset();
    list.found(hits[PAGE_SIZE + 2]!);
    expect(rendered.at(-1)).toBe(`p${PAGE_SIZE + 2}`);
  });
});
