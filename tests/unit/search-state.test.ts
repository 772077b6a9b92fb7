import { describe, expect, it } from 'vitest';
import { emptyFilters, hasFilters, pagefindFilters, parseState, passes, stateToSearch } from '../../src/lib/search/state.ts';
import { itemOfUrl, pageKind, noticeSlugOf, stripBase } from '../../src/domain/urls.ts';
import { facetOptions, itemFilterValues, optionsFromCounts } from '../../src/lib/search/facets.ts';
import { SHORT_LIST_ABOVE, SHORT_LIST_SHOWN, shortList } from '../../src/lib/short-list.ts';
import { shorterQueries } from '../../src/lib/search/suggest.ts';

describe('search state in the URL', () => {
  it('reads the query and filters, with codes for 事项类型 and 调整方式', () => {
    const s = parseState('?q=%20典当%20&type=license&type=penalty&department=县级公安部门&change=cancelled-to-filing&year=2021');
    expect(s.q).toBe('典当');
    expect(s.filters).toEqual({ type: ['行政许可', '行政处罚'], change: ['取消后改为备案'], department: ['县级公安部门'], notice: [], year: ['2021'], validity: [] });
  });

  it('accepts labels too, and drops unknown codes and repeats', () => {
    expect(parseState('type=行政许可&type=license&type=nonsense').filters.type).toEqual(['行政许可']);
  });

  it('writes back what it reads (shareable, stable order)', () => {
    const search = '?q=%E5%85%B8%E5%BD%93&type=penalty&department=%E5%8E%BF%E7%BA%A7%E5%85%AC%E5%AE%89%E9%83%A8%E9%97%A8&notice=%E5%98%89%E6%94%BF%E5%8F%91%E3%80%942021%E3%80%952%E5%8F%B7';
    expect(stateToSearch(parseState(search))).toBe(search);
    expect(stateToSearch({ q: '', filters: emptyFilters() })).toBe('');
  });

  it('turns the choice into Pagefind filters, any of the values within a filter', () => {
    const f = { ...emptyFilters(), type: ['行政许可', '行政处罚'], year: ['2021'] };
    expect(pagefindFilters(f)).toEqual({ type: { any: ['行政许可', '行政处罚'] }, year: { any: ['2021'] } });
    expect(pagefindFilters(f, 'type')).toEqual({ year: { any: ['2021'] } });
    expect(hasFilters(f)).toBe(true);
    expect(hasFilters(emptyFilters())).toBe(false);
  });

  it('tells whether a page passes the choice', () => {
    const f = { ...emptyFilters(), type: ['行政许可', '行政处罚'], year: ['2021'] };
    expect(passes({ type: ['行政处罚'], year: ['2021'] }, f)).toBe(true);
    expect(passes({ type: ['行政检查'], year: ['2021'] }, f)).toBe(false);
    expect(passes({ type: ['行政检查'], year: ['2021'] }, f, 'type')).toBe(true);
    expect(passes({}, f)).toBe(false);
  });
});

describe('page kinds', () => {
  it('reads the kind of page from its public URL, under a sub-path too', () => {
    expect(pageKind('/items/jiaxiang-2021-2-a1-02/')).toBe('item');
    expect(pageKind('/notices/jiaxiang-2021-2/')).toBe('notice');
    expect(pageKind('/notices/jiaxiang-2021-2/attachments/1/')).toBe('attachment');
    expect(pageKind('/departments/%E5%8E%BF/')).toBe('browse');
    expect(pageKind('/items/')).toBe('browse');
    // The list of all items' later pages are not items: at 10,000 items /items/10/ sorts before every item page.
    expect(pageKind('/items/2/')).toBe('browse');
    expect(pageKind('/fgf/items/10/', '/fgf/')).toBe('browse');
    expect(pageKind('/fgf/items/jiaxiang-2021-2-a1-02/', '/fgf/')).toBe('item');
    expect(itemOfUrl('/items/jinan-hitech-2021-40-a1-09/')).toEqual({ id: 'jinan-hitech-2021-40-a1-09', notice: 'jinan-hitech-2021-40', table: 1, seq: 9 });
    expect(itemOfUrl('/items/2/')).toBeUndefined();
    expect(itemOfUrl('/items/jiaxiang-2021-2-a1-0%E5%/')).toBeUndefined();
    expect(pageKind('/items/jiaxiang-2021-2-a1-0%E5%/')).toBe('browse');
    expect(pageKind('/fgf/notices/x/#task-1', '/fgf')).toBe('notice');
    expect(stripBase('/fgf/types/license/', '/fgf/')).toBe('/types/license/');
    expect(noticeSlugOf('/notices/jinan-hitech-2021-40/attachments/2/')).toBe('jinan-hitech-2021-40');
  });
});

describe('filter choices', () => {
  const notice = { docNumber: '嘉政发〔2021〕2号', signedDate: '2021-02-20' };
  it('gives an item the filter values its page carries', () => {
    expect(itemFilterValues({ type: 'license', changeGroup: 'cancelled-to-filing', department: '县级农业农村部门', receiver: null }, notice)).toEqual({
      type: '行政许可', change: '取消后改为备案', department: '县级农业农村部门', notice: '嘉政发〔2021〕2号', year: '2021',
    });
  });

  it('orders types and changes as the glossary does, departments by count, with URL codes', () => {
    const v = (type: 'license' | 'penalty', department: string) => itemFilterValues({ type, changeGroup: 'cancelled', department, receiver: null }, notice);
    const o = facetOptions([v('penalty', '乙'), v('license', '甲'), v('penalty', '乙')]);
    expect(o.type.map((x) => [x.value, x.param, x.count])).toEqual([['行政许可', 'license', 1], ['行政处罚', 'penalty', 2]]);
    expect(o.department.map((x) => x.value)).toEqual(['乙', '甲']);
    expect(o.change[0]).toMatchObject({ value: '取消', param: 'cancelled', count: 3 });
  });

  it('a filter’s choices rebuilt from its counts (what the page adds) come in the order the build wrote them', () => {
    const dep = (department: string, docNumber: string, signedDate: string) =>
      itemFilterValues({ type: 'license', changeGroup: 'cancelled', department, receiver: null }, { docNumber, signedDate });
    const items = [dep('乙', '乙发〔2022〕1号', '2022-01-01'), dep('甲', '甲发〔2021〕2号', '2021-02-20'), dep('乙', '甲发〔2021〕2号', '2021-02-20'), dep('丙', '丙发〔2023〕9号', '2023-01-01')];
    const written = facetOptions(items, ['丙发〔2023〕9号', '乙发〔2022〕1号', '甲发〔2021〕2号']);
    for (const key of ['department', 'year', 'type', 'change'] as const) {
      const counts = Object.fromEntries(written[key].map((o) => [o.value, o.count]).reverse());
      expect(optionsFromCounts(key, counts), key).toEqual(written[key]);
    }
    expect(written.department.map((o) => o.value)).toEqual(['乙', '丙', '甲']);
    expect(written.year.map((o) => o.value)).toEqual(['2023', '2022', '2021']);
    // 发文字号: the newest document first, as the build lists the documents; the page's counts keep that order.
    expect(written.notice.map((o) => [o.value, o.count])).toEqual([['丙发〔2023〕9号', 1], ['乙发〔2022〕1号', 1], ['甲发〔2021〕2号', 2]]);
    expect(optionsFromCounts('notice', JSON.parse(JSON.stringify(Object.fromEntries(written.notice.map((o) => [o.value, o.count])))))).toEqual(written.notice);
  });

  it('a long list is written shortened: its first entries, and how many more there are', () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `部门${i}`, param: `部门${i}`, count: n - i }));
    expect(shortList(options(SHORT_LIST_ABOVE))).toEqual({ shown: options(SHORT_LIST_ABOVE), more: 0 });
    const long = shortList(options(1118));
    expect(long.shown).toEqual(options(1118).slice(0, SHORT_LIST_SHOWN));
    expect(long.more).toBe(1118 - SHORT_LIST_SHOWN);
  });

  it('有效性: items inherit their notice’s, as a filter with URL codes; none stated, no filter (never 现行有效)', () => {
    const item = { type: 'license' as const, changeGroup: 'cancelled' as const, department: '甲', receiver: null };
    const repealed = { ...notice, validity: { status: 'repealed' as const, date: '2023-05-01' } };
    const current = { docNumber: '乙发〔2022〕1号', signedDate: '2022-01-01', validity: { status: 'current' as const } };
    expect(itemFilterValues(item, repealed).validity).toBe('已废止');
    expect(itemFilterValues(item, notice)).not.toHaveProperty('validity');
    const o = facetOptions([itemFilterValues(item, repealed), itemFilterValues(item, current), itemFilterValues(item, notice)]);
    expect(o.validity.map((x) => [x.value, x.param, x.count])).toEqual([['现行有效', 'current', 1], ['已废止', 'repealed', 1]]);
    expect(facetOptions([itemFilterValues(item, notice)]).validity).toEqual([]);
    const s = parseState('?validity=repealed&validity=失效&validity=nonsense');
    expect(s.filters.validity).toEqual(['已废止', '失效']);
    expect(stateToSearch(s)).toBe('?validity=repealed&validity=expired');
    expect(passes({ validity: ['已废止'] }, s.filters)).toBe(true);
    expect(passes({}, s.filters)).toBe(false);
  });

  it('a state without the 有效性 key (an older caller) passes as nothing chosen', () => {
    const old = { type: [], change: [], department: [], notice: [], year: [] } as unknown as ReturnType<typeof emptyFilters>;
    expect(passes({ type: ['行政许可'] }, old)).toBe(true);
    expect(hasFilters(old)).toBe(false);
    expect(pagefindFilters(old)).toEqual({});
  });
});

describe('shorterQueries', () => {
  it('offers halves and two-character pieces of a long query, longest first', () => {
    expect(shorterQueries('乡村兽医诊所')).toEqual(['乡村兽', '医诊所', '乡村', '兽医', '诊所']);
    expect(shorterQueries('典当，兽医')).toEqual(['典当', '兽医']);
    expect(shorterQueries('证')).toEqual([]);
  });
});
