import { describe, expect, it } from 'vitest';
import { fragmentSections, fragmentText, fragmentWords, type PagefindFragment } from '../../src/lib/search/fragment.ts';

const Z = '\u200b';
/** A fragment as Pagefind writes it for a Chinese page: words joined by zero-width spaces, ". " between blocks. */
const fragment: PagefindFragment = {
  url: '/notices/jinan-hitech-2021-40/',
  content: '',
  raw_content: ['工作', '方案', '. ', '（', '一', '）', '厘清', '监管', '事权', '。 ', '提请', '党群', '工作部', '协调', '。 ', '（', '二', '）', '强化', '清单', '管理', '。 ', 'a', '&lt;b&gt;'].join(Z),
  meta: { title: '通知' },
  anchors: [
    { element: 'h4', id: 'task-1', text: '（一）厘清监管事权。', location: 3 },
    { element: 'h4', id: 'task-2', text: '（二）强化清单管理。', location: 15 },
    { element: 'span', id: 'x', text: '', location: 20 },
  ],
};

describe('fragmentText', () => {
  it('joins the words, reading the block stops Pagefind inserted as spaces, unescaping < and >', () => {
    expect(fragmentText(fragment)).toBe('工作方案 （一）厘清监管事权。 提请党群工作部协调。 （二）强化清单管理。 a<b>');
    expect(fragmentWords(fragment)[6]).toBe('厘清');
  });

  it('reads a fragment without zero-width spaces by white space', () => {
    expect(fragmentText({ url: '/', content: '', raw_content: 'Plain text. here', meta: {} })).toBe('Plain text. here');
  });
});

describe('fragmentSections', () => {
  it('cuts the text at headings with an id (Pagefind anchors), from each heading to the next', () => {
    const sections = fragmentSections(fragment);
    expect(sections.map((s) => s.id)).toEqual([null, 'task-1', 'task-2']);
    expect(sections[1]!.title).toBe('（一）厘清监管事权。');
    expect(sections[1]!.text).toContain('党群工作部');
    expect(sections[2]!.text).not.toContain('党群工作部');
    expect(sections[0]!.text).toBe('工作方案');
  });
});
