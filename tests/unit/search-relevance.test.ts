import { describe, expect, it } from 'vitest';
import { buildQuerySet, citedDocNumbers, departmentNames, phrases, relevanceFigures, relevantPages, substrings } from '../../src/lib/search/relevance.ts';
import { normaliseText } from '../../src/lib/search/normalize.ts';

describe('query set', () => {
  it('takes every 2–4 character substring once', () => {
    expect(substrings('典当业')).toEqual(['典当', '当业', '典当业']);
    expect(substrings('甲甲甲')).toEqual(['甲甲', '甲甲甲']);
  });

  it('cuts measures into the phrases between punctuation', () => {
    expect(phrases('通过“双随机、一公开”监管等方式，加强对典当行的治安管理。')).toEqual(['通过', '双随机', '一公开', '监管等方式', '加强对典当行的治安管理']);
  });

  it('splits a task’s list of departments', () => {
    expect(departmentNames('党群工作部，各行业主管部门及各监管职能部门')).toEqual(['党群工作部', '各行业主管部门', '各监管职能部门']);
  });

  it('finds the 发文字号 cited in a text', () => {
    expect(citedDocNumbers('《决定》（国发〔2020〕13号）和（鲁政发〔2021〕1号），（国发〔2020〕13号）\ndocNumber: 济高管综字〔2021〕40号')).toEqual(['国发〔2020〕13号', '鲁政发〔2021〕1号', '济高管综字〔2021〕40号']);
  });

  it('builds the set without repeats or punctuation-only queries, with every bracket form of a 发文字号', () => {
    const set = buildQuerySet({ itemNames: ['审批——复混肥'], measures: [], departments: ['省商务厅'], docNumbers: ['国发〔2020〕13号'] });
    const queries = set.map((q) => q.query);
    expect(new Set(queries).size).toBe(queries.length);
    expect(queries).not.toContain('——');
    expect(queries).toContain('批——');
    expect(queries).toContain('国发[2020]13号');
    expect(set.filter((q) => q.source === 'docNumber')).toHaveLength(6);
  });
});

describe('figures', () => {
  it('computes recall over relevant pages and precision over the first k results', () => {
    const f = relevanceFigures(
      [
        { query: 'a', relevant: ['1', '2'], returned: ['1', 'x', '2'] },
        { query: 'b', relevant: ['3'], returned: [] },
        { query: 'c', relevant: [], returned: ['y'] },
      ],
      2,
    );
    expect(f.recall).toBeCloseTo(2 / 3);
    expect(f.precisionAtK).toBeCloseTo((1 / 2 + 0) / 2);
    expect(f.misses).toEqual([{ query: 'b', missing: ['3'] }]);
    expect(f.falseHits.map((x) => x.query)).toEqual(['a', 'c']);
  });

  it('judges relevance by the literal, normalised text', () => {
    const pages = new Map([
      ['/a/', normaliseText('《决定》（国发〔2020〕13号）')],
      ['/b/', normaliseText('序号 13')],
    ]);
    expect(relevantPages('国发[2020]13号', pages)).toEqual(['/a/']);
    expect(relevantPages('13号', pages)).toEqual(['/a/']);
  });
});
