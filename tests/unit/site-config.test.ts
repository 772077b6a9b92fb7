/**
 * Who runs the site (content/site.json, read by src/lib/site.ts): the real file is what the content check read;
 * the footer's lines keep the official order and leave out every empty field; titles and descriptions use the
 * name, tagline and 主办单位 the file gives, and nothing when it gives none.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { footerLines, filled, siteConfig, ICP_LOOKUP } from '../../src/lib/site.ts';
import { pageTitle, siteDescription } from '../../src/lib/page.ts';
import { UI } from '../../src/lib/ui.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FILE = JSON.parse(readFileSync(join(ROOT, 'content', 'site.json'), 'utf8')) as Record<string, string>;

const FULL = {
  name: '示例县人民政府信息公开',
  tagline: '放管服改革事项公开',
  organiser: '示例县人民政府办公室',
  operator: '示例县大数据中心',
  phone: '0000-0000000',
  address: '示例县示例路1号',
  email: 'contact@example.gov.cn',
  siteCode: '0000000000',
  icp: '示ICP备00000000号',
  publicSecurity: '示公网安备00000000000000号',
  dataTerms: '示例使用条件。',
};
const EMPTY = { name: '公开', tagline: '', organiser: '', operator: '', phone: '', address: '', email: '', siteCode: '', icp: '', publicSecurity: '', dataTerms: '' };

describe('content/site.json', () => {
  it('is read as the file says', () => {
    expect(siteConfig()).toEqual(FILE);
  });
});

describe('the footer lines', () => {
  it('are every filled field, labelled, in the order official sites print them', () => {
    const lines = footerLines(FULL, UI.footer);
    expect(lines.map((l) => `${l.label}：${l.text}`)).toEqual([
      '主办单位：示例县人民政府办公室',
      '承办单位：示例县大数据中心',
      '联系电话：0000-0000000',
      '地址：示例县示例路1号',
      '邮箱：contact@example.gov.cn',
      '网站标识码：0000000000',
      'ICP备案号：示ICP备00000000号',
      '公安备案号：示公网安备00000000000000号',
    ]);
    expect(lines.find((l) => l.key === 'icp')!.href).toBe('https://beian.miit.gov.cn/');
    expect(ICP_LOOKUP).toBe('https://beian.miit.gov.cn/');
    expect(lines.find((l) => l.key === 'email')!.href).toBe('mailto:contact@example.gov.cn');
    expect(lines.filter((l) => l.href).map((l) => l.key)).toEqual(['email', 'icp']);
  });

  it('are none for empty or missing fields (blank text counts as empty)', () => {
    expect(footerLines(EMPTY, UI.footer)).toEqual([]);
    expect(footerLines({ name: '公开' }, UI.footer)).toEqual([]);
    expect(filled('  ')).toBeUndefined();
    expect(footerLines({ name: '公开', phone: '0000-1' }, UI.footer).map((l) => l.key)).toEqual(['phone']);
  });
});

describe('titles and descriptions', () => {
  it('end with the site name; the bare title is the name and its tagline, or the name alone', () => {
    expect(pageTitle('典当业特种行业许可证核发', FULL)).toBe('典当业特种行业许可证核发 - 示例县人民政府信息公开');
    expect(pageTitle('', FULL)).toBe('示例县人民政府信息公开 - 放管服改革事项公开');
    expect(pageTitle('', EMPTY)).toBe('公开');
  });

  it('name the 主办单位 only when the file gives one', () => {
    expect(siteDescription(FULL)).toContain('主办单位：示例县人民政府办公室。');
    expect(siteDescription(EMPTY)).not.toContain('主办单位');
  });
});
