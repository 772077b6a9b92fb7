/** The open-data page's table downloads at scale (src/lib/data/listed-tables.ts). */
import { describe, expect, it } from 'vitest';
import { listedTables } from '../../src/lib/data/listed-tables.ts';

/** `n` notices signed on consecutive days of 2021 (notice i on day i), two tables each, in notice order. */
function site(n: number) {
  const date = (i: number) => `2021-01-${String(i + 1).padStart(2, '0')}`;
  const notices = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, signedDate: date(i) }));
  const tables = notices.flatMap((x) => [1, 2].map((number) => ({ notice: x.id, number })));
  const signed = new Map(notices.map((x) => [x.id, x.signedDate]));
  return listedTables(tables, (t) => t.notice, (id) => signed.get(id)!);
}

describe('listedTables', () => {
  it('lists every table, in the given order, while the notices fit a short list (12)', () => {
    const listed = site(12);
    expect(listed.more).toBe(0);
    expect(listed.notices).toBe(12);
    expect(listed.tables.map((t) => `${t.notice}/${t.number}`).slice(0, 4)).toEqual(['n0/1', 'n0/2', 'n1/1', 'n1/2']);
    expect(listed.tables).toHaveLength(24);
  });

  it('of 13 notices lists the tables of the 10 newest, newest first, each notice\'s tables in order, and leaves 3 out', () => {
    const listed = site(13);
    expect(listed.more).toBe(3);
    expect(listed.notices).toBe(10);
    expect(listed.tables).toHaveLength(20);
    expect(listed.tables.map((t) => `${t.notice}/${t.number}`).slice(0, 4)).toEqual(['n12/1', 'n12/2', 'n11/1', 'n11/2']);
    expect(new Set(listed.tables.map((t) => t.notice))).not.toContain('n2');
  });
});
