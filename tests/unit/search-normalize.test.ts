import { describe, expect, it, vi } from 'vitest';
import {
  bracketVariants,
  containsAll,
  hasWords,
  normaliseText,
  normaliseWithMap,
  pagefindQuery,
  lookupWords,
  MAX_LOOKUP_WORDS,
  queryTerms,
} from '../../src/lib/search/normalize.ts';

describe('normaliseText', () => {
  it('makes every bracket form a citizen types the same', () => {
    const forms = ['国发〔2020〕13号', '国发[2020]13号', '国发(2020)13号', '国发（2020）13号', '国发【2020】13号', '国发［2020］13号', '国发﹝2020﹞13号'];
    const normalised = new Set(forms.map(normaliseText));
    expect([...normalised]).toEqual(['国发(2020)13号']);
  });

  it('folds full-width letters and digits, lower-cases, drops white space of every kind', () => {
    expect(normaliseText('ＡＢＣ２０２１')).toBe('abc2021');
    expect(normaliseText('乡村\u3000兽医 \n登记\u200b')).toBe('乡村兽医登记');
  });

  it('turns every quotation and book-title mark into one mark, so they still separate words', () => {
    expect(normaliseText('“双随机、一公开”')).toBe('"双随机、一公开"');
    expect(normaliseText('《山东省测绘管理条例》')).toBe('"山东省测绘管理条例"');
    // 办法》规定 must not read as 办法规定: 法规 is not in it.
    expect(normaliseText('办法》规定').includes('法规')).toBe(false);
  });

  it('keeps the origin of every normalised character', () => {
    const s = '国发〔2020〕 13号';
    const n = normaliseWithMap(s);
    expect(n.text).toBe('国发(2020)13号');
    expect(n.origin).toHaveLength(n.text.length);
    expect(s[n.origin[n.text.indexOf('13')]!]).toBe('1');
    expect(s[n.origin[n.text.indexOf(')')]!]).toBe('〕');
  });
});

describe('queryTerms', () => {
  it('splits at spaces (the ideographic space too) and normalises each term', () => {
    expect(queryTerms('  乡村\u3000兽医  ')).toEqual(['乡村', '兽医']);
    expect(queryTerms('国发[2020]13号')).toEqual(['国发(2020)13号']);
  });

  it('drops a query term’s own outer quotes, keeps inner marks', () => {
    expect(queryTerms('“双随机、一公开”')).toEqual(['双随机、一公开']);
    expect(queryTerms('"典当"')).toEqual(['典当']);
    expect(queryTerms('办法》规定')).toEqual(['办法"规定']);
  });

  it('drops repeated terms and terms inside other terms', () => {
    expect(queryTerms('兽医 乡村兽医 兽医')).toEqual(['乡村兽医']);
  });

  it('gives nothing for blank input', () => {
    expect(queryTerms(' \u3000 ')).toEqual([]);
  });
});

describe('pagefindQuery', () => {
  it('hands Pagefind words without punctuation, digits apart from characters, at most two of them', () => {
    expect(pagefindQuery(queryTerms('国发〔2020〕13号'))).toEqual({ query: '国 2020 13', dropped: ['号'] });
    expect(pagefindQuery(queryTerms('“双随机、一公开”')).query).toBe('随机 公开');
    expect(pagefindQuery(queryTerms('典当')).query).toBe('典');
    expect(pagefindQuery(queryTerms('乡村兽医')).query).toBe('乡村 兽医');
  });

  it('leaves out lone characters when other words remain, and says when none remain', () => {
    expect(pagefindQuery(queryTerms('①县级'))).toEqual({ query: '县', dropped: ['1'] });
    expect(pagefindQuery(queryTerms('造、'))).toEqual({ query: '', dropped: ['造'] });
  });
});

describe('lookupWords', () => {
  it('leaves out a one-character word that ends its piece (nothing indexed may start with it before punctuation)', () => {
    // The segmenter splits 典当 into 典|当: 典 is always followed by 当 in a matching page, 当 maybe by 。
    expect(lookupWords(['典当'])).toEqual(['典']);
    expect(lookupWords(['典当业'])).toEqual(['典']);
  });

  it('prefers words of two or more characters, the longest, at most MAX_LOOKUP_WORDS, in the query’s order', () => {
    expect(MAX_LOOKUP_WORDS).toBe(3);
    expect(lookupWords(['乡村兽医诊所'])).toEqual(['乡村', '兽医', '诊所']);
    expect(lookupWords(['乡村兽医诊所'], 2)).toEqual(['乡村', '兽医']);
    expect(lookupWords(['生猪屠宰'])).toEqual(['屠宰']);
    expect(lookupWords(['双随机'])).toEqual(['随机']);
    expect(lookupWords(['食品生产许可'])).toEqual(['食品', '生产', '许可']);
    expect(lookupWords(['食品生产许可', '公安机关'], 3)).toEqual(['食品', '生产', '许可']);
    expect(lookupWords(['旅行社'])).toEqual(['旅行社']);
    expect(lookupWords(['乡村兽医', '公安'], 3)).toEqual(['乡村', '兽医', '公安']);
    expect(lookupWords(['2020', '13'])).toEqual(['2020', '13']);
  });

  it('asks for a character too when the longer words are all numbers: the one nearest before them that does not end its piece', () => {
    // A 发文字号 whose prefix the segmenter cuts into single characters: 2021 and 40 alone match dates and counts.
    expect(lookupWords(['济高管综字', '2021', '40'])).toEqual(['综', '2021', '40']);
    expect(pagefindQuery(queryTerms('济高管综字〔2021〕40号')).query).toBe('综 2021 40');
    // Three numbers: the character and the two longest of them.
    expect(lookupWords(['国发', '2020', '13', '2'])).toEqual(['国', '2020', '13']);
    // A longer word that is not a number: as before.
    expect(pagefindQuery(queryTerms('济南市2021年40号')).query).toBe('济南 2021 40');
    expect(lookupWords(['2021', '40'], 1)).toEqual(['2021']);
  });

  it('knows a query of punctuation only has nothing to look up', () => {
    expect(hasWords(queryTerms('——'))).toBe(false);
    expect(hasWords(queryTerms('造、'))).toBe(true);
  });
});

describe('containsAll', () => {
  it('needs every term, literally', () => {
    const text = normaliseText('伪造、涂改、转借测绘资质证书');
    expect(containsAll(text, queryTerms('涂改 资质'))).toBe(true);
    expect(containsAll(text, queryTerms('涂改 兽医'))).toBe(false);
    expect(containsAll(text, [])).toBe(false);
  });

  it('does not find 13号 in 序号 13', () => {
    expect(containsAll(normaliseText('序号 13'), queryTerms('13号'))).toBe(false);
  });
});

describe('bracketVariants', () => {
  it('writes a 发文字号 in every bracket form', () => {
    expect(bracketVariants('国发〔2020〕13号')).toEqual([
      '国发〔2020〕13号',
      '国发[2020]13号',
      '国发(2020)13号',
      '国发（2020）13号',
      '国发【2020】13号',
      '国发［2020］13号',
    ]);
    expect(bracketVariants('济高管综字[2021]40号')).toContain('济高管综字〔2021〕40号');
  });

  it('leaves other text alone', () => {
    expect(bracketVariants('典当')).toEqual(['典当']);
  });
});

describe('the word segmenter', () => {
  it('is built when a query first needs it, once, and not when the module loads (the first costs 50–100 ms in a browser)', async () => {
    vi.resetModules();
    const spy = vi.spyOn(Intl, 'Segmenter');
    try {
      const fresh = await import('../../src/lib/search/normalize.ts');
      expect(spy).not.toHaveBeenCalled();
      expect(fresh.lookupWords(['生猪屠宰'])).toEqual(['屠宰']);
      fresh.lookupWords(['典当']);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
