/**
 * Values every page of a build shares are worked out once per build (src/lib/build-memo.ts), and afresh in
 * `astro dev` and tests, where a content file may change between two pages; the lapsed notices of the browse
 * lists (src/lib/lapsed.ts) are one of them.
 */
import { describe, expect, it } from 'vitest';
import { oncePerBuild } from '../../src/lib/build-memo.ts';
import { lapsedNotices } from '../../src/lib/lapsed.ts';

describe('oncePerBuild', () => {
  it('computes a key once while building, and gives every later caller that value', () => {
    let calls = 0;
    const compute = () => ({ call: ++calls });
    const first = oncePerBuild('test|building', compute, true);
    expect(oncePerBuild('test|building', compute, true)).toBe(first);
    expect(calls).toBe(1);
    expect(oncePerBuild('test|building-other', compute, true)).toEqual({ call: 2 });
  });

  it('computes afresh on every call outside a build (astro dev, tests)', () => {
    let calls = 0;
    const compute = () => ++calls;
    expect([oncePerBuild('test|dev', compute, false), oncePerBuild('test|dev', compute, false)]).toEqual([1, 2]);
    // Vitest is not a production build: the default is afresh too.
    expect(oncePerBuild('test|dev', compute)).toBe(3);
  });
});

describe('lapsedNotices', () => {
  it('labels each notice no longer in force, and no notice in force or silent on its 有效性', async () => {
    const notices = [
      { id: 'a', data: { validity: { status: 'current' as const } } },
      { id: 'b', data: { validity: { status: 'revised' as const } } },
      { id: 'c', data: { validity: { status: 'repealed' as const, date: '2023-05-01' } } },
      { id: 'd', data: { validity: { status: 'expired' as const } } },
      { id: 'e', data: {} },
    ];
    const lapsed = await lapsedNotices(async () => notices);
    expect([...lapsed]).toEqual([
      ['b', '已修订'],
      ['c', '已废止'],
      ['d', '失效'],
    ]);
  });
});
