/**
 * The pure parts of the .docx importer: reading mammoth's HTML, taking a notice apart, converting a table,
 * writing the files. The whole import of a real .docx is in import-docx.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { blocksFromHtml, parseHtml, tableGrid, type Cell } from '../../src/lib/import/html.ts';
import {
  findCitations,
  findContact,
  noticeFromBlocks,
  parseAttachmentHeading,
  splitAddressees,
  unspaced,
} from '../../src/lib/import/notice.ts';
import { changeFromText as changeFromTitle, levelOfIssuer, tableFromSection, type TableProgress } from '../../src/lib/import/table.ts';
import { actionable } from '../../src/lib/import/run.ts';
import { parseChineseDate, parseDocNumber } from '../../src/domain/patterns.ts';
import { frontmatterYaml, mdxBodyParagraphs, mdxText, noticeMdx, slugFromDocNumber, slugFromFileName, unescapeMdxText } from '../../src/lib/import/files.ts';
import { parseDocument } from 'yaml';

const p = (...lines: string[]) => `<p>${lines.join('<br />')}</p>`;
const td = (...paras: string[]) => `<td>${paras.map((x) => `<p>${x}</p>`).join('')}</td>`;

describe('reading mammoth HTML', () => {
  it('decodes entities and keeps text exactly', () => {
    const root = parseHtml('<p>A &amp; B &lt;C&gt; &#x4E00;&#20108;　</p>');
    expect(root.children).toHaveLength(1);
    expect(blocksFromHtml('<p>A &amp; B &lt;C&gt; &#x4E00;&#20108;　</p>')).toEqual([{ kind: 'p', lines: ['A & B <C> 一二　'] }]);
  });
  it('turns soft line breaks into lines and drops formatting and bookmarks anchors', () => {
    expect(blocksFromHtml('<p><strong>嘉祥县</strong>人民政府<br />关于<a id="bookmark4"></a>通知</p>')).toEqual([{ kind: 'p', lines: ['嘉祥县人民政府', '关于通知'] }]);
  });
  it('reads table cells paragraph by paragraph, header cells included', () => {
    const blocks = blocksFromHtml(`<table><thead><tr><th><p>原实施</p><p>部门</p></th><th></th></tr></thead><tbody><tr>${td('1')}${td('a', 'b')}</tr></tbody></table>`);
    expect(blocks).toEqual([
      {
        kind: 'table',
        rows: [
          [{ lines: ['原实施', '部门'], rowspan: 1, colspan: 1 }, { lines: [''], rowspan: 1, colspan: 1 }],
          [{ lines: ['1'], rowspan: 1, colspan: 1 }, { lines: ['a', 'b'], rowspan: 1, colspan: 1 }],
        ],
      },
    ]);
  });
  it('gives automatically numbered list items their numbers back', () => {
    const blocks = blocksFromHtml(`<table><tr><td><p>导语：</p><ol><li>一。</li><li>二。</li></ol></td></tr></table><ol><li>附一</li><li>附二</li></ol>`);
    expect(blocks[0]).toMatchObject({ kind: 'table', rows: [[{ lines: ['导语：', '1. 一。', '2. 二。'] }]] });
    expect(blocks.slice(1)).toEqual([{ kind: 'p', lines: ['1. 附一'] }, { kind: 'p', lines: ['2. 附二'] }]);
  });
  it('lays merged cells out on the grid: merged down repeats, merged across fills the first column', () => {
    const c = (text: string, rowspan = 1, colspan = 1): Cell => ({ lines: [text], rowspan, colspan });
    expect(tableGrid([[c('1'), c('县公安局', 2), c('x')], [c('2'), c('y')], [c('备注', 1, 3)]])).toEqual([
      [['1'], ['县公安局'], ['x']],
      [['2'], ['县公安局'], ['y']],
      [['备注'], [], []],
    ]);
  });
});

describe('taking a notice apart', () => {
  it('reads 发文字号, also typed with other brackets, and reports the normalisation', () => {
    expect(parseDocNumber('嘉政发〔2021〕2号')).toEqual({ value: '嘉政发〔2021〕2号', normalised: false });
    expect(parseDocNumber('嘉政发[2021]2号')).toEqual({ value: '嘉政发〔2021〕2号', normalised: true });
    expect(parseDocNumber('济高管综字〔２０２１〕４０号')?.value).toBe('济高管综字〔2021〕40号');
    expect(parseDocNumber('根据嘉政发〔2021〕2号，')).toBeUndefined();
  });
  it('reads dates in Arabic and Chinese numerals, and refuses days that do not exist', () => {
    expect(parseChineseDate('                                   2021年2月20日')).toBe('2021-02-20');
    expect(parseChineseDate('二〇二一年十二月三十一日')).toBe('2021-12-31');
    expect(parseChineseDate('2021年2月30日')).toBeUndefined();
    expect(parseChineseDate('请于2021年2月21日前报')).toBeUndefined();
  });
  it('recognises attachment headings but not the 附件： list', () => {
    expect(parseAttachmentHeading(' 附件1\t\t\t\t\t\t')).toEqual({ number: 1, rest: '' });
    expect(parseAttachmentHeading('附件２：取消行政权力事项（18项）')).toEqual({ number: 2, rest: '取消行政权力事项（18项）' });
    expect(parseAttachmentHeading('附件：1.取消行政权力事项（18项）')).toBeUndefined();
  });
  it('splits 主送 at commas outside brackets', () => {
    expect(splitAddressees('各镇（街道）人民政府（办事处），嘉祥经济开发区管委会，县政府各部门单位：')).toEqual(['各镇（街道）人民政府（办事处）', '嘉祥经济开发区管委会', '县政府各部门单位']);
    expect(splitAddressees('各有关部门（单位，含驻区机构）：')).toEqual(['各有关部门（单位，含驻区机构）']);
  });
  it('finds the documents the body cites, each once, and a contact', () => {
    const body = ['根据《甲的决定》（国发〔2020〕13号）、《乙的通知》（鲁政发〔2021〕1号）精神，又据《甲的决定》（国发〔2020〕13号）', '请于2月21日前报县为民服务中心主楼404室。邮箱：a.b@ji.shandong.cn。'];
    expect(findCitations(body)).toEqual([
      { docNumber: '国发〔2020〕13号', title: '甲的决定' },
      { docNumber: '鲁政发〔2021〕1号', title: '乙的通知' },
    ]);
    expect(findContact(body)).toEqual({ address: '县为民服务中心主楼404室', email: 'a.b@ji.shandong.cn' });
    expect(findContact(['没有联系方式。'])).toBeUndefined();
  });
  it('reads the parts of a notice, and leaves out what it cannot find', () => {
    const html = [
      p('嘉政发〔2021〕2号'),
      p('嘉祥县人民政府', '关于某事的通知'),
      p('各镇人民政府，县政府各部门：'),
      p('第一段正文，', '被版面断开。'),
      p('第二段。'),
      p('附件：1.取消行政权力事项（1项）'),
      p('嘉祥县人民政府'),
      p('2021年2月20日'),
      p('（此件公开发布）'),
      p('抄送：县委办公室。'),
      p('附件1'),
      p('取消行政权力事项（1项）'),
      `<table><tr>${td('序号')}${td('实施部门')}</tr><tr>${td('1')}${td('县公安局')}</tr></table>`,
      p('注：本表由县司法局汇总。'),
    ].join('');
    const draft = noticeFromBlocks(blocksFromHtml(html));
    expect(draft.frontmatter).toEqual({
      docNumber: '嘉政发〔2021〕2号',
      title: '嘉祥县人民政府关于某事的通知',
      addressees: ['各镇人民政府', '县政府各部门'],
      issuer: '嘉祥县人民政府',
      signedDate: '2021-02-20',
      disclosure: '此件公开发布',
      attachments: [{ number: 1, title: '取消行政权力事项（1项）' }],
    });
    expect(draft.body).toEqual(['第一段正文，被版面断开。', '第二段。']);
    expect(draft.sections).toEqual([{ number: 1, title: '取消行政权力事项（1项）', grid: [[['序号'], ['实施部门']], [['1'], ['县公安局']]] }]);
    const unmapped = draft.issues.filter((i) => i.kind === 'unmapped-text').map((i) => i.message);
    expect(unmapped).toEqual([expect.stringContaining('抄送：县委办公室。'), expect.stringContaining('注：本表由县司法局汇总。')]);
  });
  it('keeps the text a notice issues (印发) after the signature, and reads 版头 and 版记', () => {
    const html = [
      p('济南高新区管委会综合管理部文件'),
      p('济高管综字〔2021〕40 号'),
      p('济南高新区管委会综合管理部', '关于印发某工作方案的通知'),
      p('各有关部门（单位）：'),
      p('现将《某工作方案》印发给你们，请认真组织实施。'),
      p('济南高新区管委会综合管理部'),
      p('2021年12月31日'),
      p('某工作方案'),
      p('根据《甲的通知》（济政字〔2021〕16号）精神，', '制定本方案。'),
      p('抄送：市市场监管局。'),
      p('济南高新区管委会综合管理部 2021 年 12 月 31 日印发'),
    ].join('');
    const draft = noticeFromBlocks(blocksFromHtml(html));
    expect(draft.frontmatter).toMatchObject({
      letterhead: '济南高新区管委会综合管理部文件',
      docNumber: '济高管综字〔2021〕40号',
      title: '济南高新区管委会综合管理部关于印发某工作方案的通知',
      issuer: '济南高新区管委会综合管理部',
      signedDate: '2021-12-31',
      cites: [{ docNumber: '济政字〔2021〕16号', title: '甲的通知' }],
      imprint: { org: '济南高新区管委会综合管理部', date: '2021-12-31' },
    });
    expect(draft.body).toEqual(['现将《某工作方案》印发给你们，请认真组织实施。']);
    expect(draft.enclosed).toEqual(['某工作方案', '根据《甲的通知》（济政字〔2021〕16号）精神，制定本方案。']);
    expect(draft.issues.map((i) => [i.kind, i.where])).toEqual([
      ['normalised', '发文字号'],
      ['guessed', '落款之后'],
      ['unmapped-text', '其他'],
    ]);
    expect(noticeMdx(draft.frontmatter, draft.body, draft.enclosed)).toMatch(/<Signature \/>\n\n某工作方案\n\n根据《甲的通知》/);
  });
  it('reads a title printed above the 发文字号 (as on gov.cn), a letter-spaced signature, and a notice with no attachments', () => {
    const draft = noticeFromBlocks(
      blocksFromHtml(
        p('国务院关于取消和下放一批', '行政许可事项的决定') + p('国发〔2019〕6号') + p('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：') + p('正文一段。') + p('国　务　院') + p('2019年2月27日') + p('（此件公开发布）'),
      ),
    );
    expect(draft.frontmatter).toEqual({
      docNumber: '国发〔2019〕6号',
      title: '国务院关于取消和下放一批行政许可事项的决定',
      addressees: ['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构'],
      issuer: '国务院',
      signedDate: '2019-02-27',
      disclosure: '此件公开发布',
    });
    expect(draft.sections).toEqual([]);
    expect(draft.issues).toEqual([]);
  });
  it('joins a letter-spaced name, and leaves words side by side as they are', () => {
    expect(unspaced('国 务 院')).toBe('国务院');
    expect(unspaced('嘉　祥　县　人　民　政　府')).toBe('嘉祥县人民政府');
    expect(unspaced('嘉祥县人民政府')).toBe('嘉祥县人民政府');
    expect(unspaced('中共嘉祥县委  嘉祥县人民政府')).toBe('中共嘉祥县委  嘉祥县人民政府');
  });
  it('reads a 发文字号 printed beside the signer, and reports the signer', () => {
    const draft = noticeFromBlocks(blocksFromHtml(p('嘉政发〔2021〕2号　　签发人：张三') + p('关于某事的请示') + p('市人民政府：') + p('正文。')));
    expect(draft.frontmatter).toMatchObject({ docNumber: '嘉政发〔2021〕2号', title: '关于某事的请示', addressees: ['市人民政府'] });
    expect(draft.issues).toContainEqual(expect.objectContaining({ kind: 'unmapped-text', where: '版头', message: expect.stringContaining('签发人：张三') }));
  });
  it('reports missing 发文字号, 主送 and date instead of inventing them', () => {
    const draft = noticeFromBlocks(blocksFromHtml(p('关于某事的通知') + p('正文一段。')));
    expect(draft.frontmatter.docNumber).toBeUndefined();
    expect(draft.frontmatter.signedDate).toBeUndefined();
    expect(draft.frontmatter.addressees).toBeUndefined();
    expect(draft.frontmatter.issuer).toBeUndefined();
    expect(draft.issues.filter((i) => i.kind === 'missing-field').map((i) => i.where)).toEqual(['头部信息', '主送', '发文机关', '成文日期']);
  });
  it('joins a table split over pages, skipping its repeated header row', () => {
    const header = `<tr>${td('序号')}${td('实施部门')}</tr>`;
    const html = p('附件1') + p('取消行政权力事项（2项）') + `<table>${header}<tr>${td('1')}${td('甲')}</tr></table><table>${header}<tr>${td('2')}${td('乙')}</tr></table>`;
    expect(noticeFromBlocks(blocksFromHtml(html)).sections[0]!.grid).toEqual([[['序号'], ['实施部门']], [['1'], ['甲']], [['2'], ['乙']]]);
  });
});

const HEADER = [['序号'], ['原实施', '部门'], ['事项名称及', '权限'], ['事项类型'], ['加强事中事后监管措施'], ['备注']];

describe('converting an attachment table', () => {
  it('reads the kind of change from the title', () => {
    expect(changeFromTitle('取消行政权力事项（18项）')).toBe('cancelled');
    expect(changeFromTitle('省级取消后需市县加强监管的事项（7项）')).toBe('cancelled-by-province');
    expect(changeFromTitle('市级承接后需市县加强监管的事项（4项）')).toBe('taken-over-by-city');
    expect(changeFromTitle('下放行政权力事项（3项）')).toEqual({ action: 'delegate' });
    expect(changeFromTitle('取消和下放的行政权力事项（3项）')).toBeUndefined();
  });
  it('reads who decided a change (the title, else the issuer) and where it went', () => {
    // The Jiaxiang titles keep their preset codes, with or without the issuer.
    expect(changeFromTitle('取消行政权力事项（18项）', '嘉祥县人民政府')).toBe('cancelled');
    expect(changeFromTitle('省级取消后需市县加强监管的事项（7项）', '嘉祥县人民政府')).toBe('cancelled-by-province');
    // A State Council decision: 国务院 decided, by its title's opening words or by its issuer (printed 国 务 院).
    expect(changeFromTitle('国务院决定取消的行政许可事项目录（共29项）')).toEqual({ action: 'cancel', by: 'state' });
    expect(changeFromTitle('国务院决定下放管理层级的行政许可事项目录（共4项）', '国 务 院')).toEqual({ action: 'delegate', by: 'state' });
    expect(changeFromTitle('取消的行政许可事项目录', '国务院')).toEqual({ action: 'cancel', by: 'state' });
    // 处理意见 cells: the level after the action word is where the power went, never who decided it.
    expect(changeFromTitle('下放省级卫生和计划生育部门', '国务院')).toEqual({ action: 'delegate', by: 'state', to: 'province', toDepartment: '省级卫生和计划生育部门' });
    expect(changeFromTitle('下放至镇（街道）', '样例县人民政府')).toEqual({ action: 'delegate', by: 'county', to: 'township' });
    expect(changeFromTitle('委托镇（街道）实施', '样例县人民政府')).toEqual({ action: 'entrust', by: 'county', to: 'township' });
    expect(changeFromTitle('样例县赋予镇（街道）的县级行政权力事项目录', '样例县人民政府')).toEqual({ action: 'empower', by: 'county', to: 'township' });
    expect(changeFromTitle('调整为行政确认', '样例县人民政府')).toEqual({ action: 'adjust', by: 'county', into: '行政确认' });
    expect(changeFromTitle('取消', '样例县人民政府')).toBe('cancelled');
    expect(changeFromTitle('保留', '样例县人民政府')).toBeUndefined();
    // 承接: the level before the verb is who took the power over.
    expect(changeFromTitle('省级承接的行政许可事项', '样例县人民政府')).toEqual({ action: 'take-over', by: 'county', to: 'province' });
    expect(changeFromTitle('由县级承接', '济宁市人民政府')).toEqual({ action: 'take-over', by: 'city', to: 'county' });
    // One change each, however it is worded.
    expect(changeFromTitle('取消审批，改为备案', '国务院')).toEqual({ action: 'to-filing', by: 'state' });
    expect(changeFromTitle('取消后改为备案', '样例县人民政府')).toEqual({ action: 'to-filing', by: 'county' });
    expect(changeFromTitle('委托下放至镇（街道）', '样例县人民政府')).toEqual({ action: 'entrust', by: 'county', to: 'township' });
    expect(changeFromTitle('部分下放至设区的市级人民政府', '山东省人民政府')).toEqual({ action: 'partial-delegate', by: 'province', to: 'city', toDepartment: '设区的市级人民政府' });
  });
  it('gives each row its own change from a 处理意见 column, the title’s where a row says the same', () => {
    const header = [['序号'], ['事项名称'], ['处理', '意见']];
    const { table, issues } = tableFromSection(
      { number: 1, title: '取消和下放的行政权力事项', grid: [header, [['1'], ['甲'], ['取消']], [['2'], ['乙'], ['下放至镇（街道）']], [['3'], ['丙'], ['保留']]] },
      'x',
      { issuer: '样例县人民政府' },
    );
    expect(table.printedHeader).toEqual(['序号', '事项名称', '处理意见']);
    expect('change' in table).toBe(false);
    expect(table.rows).toEqual([
      { seq: 1, name: '甲', handling: '取消', change: 'cancelled' },
      { seq: 2, name: '乙', handling: '下放至镇（街道）', change: { action: 'delegate', by: 'county', to: 'township' } },
      { seq: 3, name: '丙', handling: '保留' },
    ]);
    expect(issues.map((i) => [i.kind, i.where])).toEqual([['unknown-change', '附件1 第3行']]);
    // A title naming one change: rows that say the same carry no change of their own.
    const same = tableFromSection({ number: 1, title: '取消行政权力事项', grid: [header, [['1'], ['甲'], ['取消']], [['2'], ['乙'], ['委托镇（街道）实施']]] }, 'x', { issuer: '样例县人民政府' });
    expect(same.table.change).toBe('cancelled');
    expect(same.table.rows.map((r) => r.change)).toEqual([undefined, { action: 'entrust', by: 'county', to: 'township' }]);
  });
  it('joins header cells printed on two lines or letter-spaced, and reads real headers into roles', () => {
    const { table, issues } = tableFromSection(
      {
        number: 1,
        title: '国务院决定取消和下放管理层级的行政审批项目目录',
        grid: [
          [['序　号'], ['项目名称'], ['实施', '机关'], ['设定依据'], ['委托部门'], ['受委托', '单位'], ['处理决定']],
          [['1'], ['外国医疗团体来华短期行医审批'], ['国家卫生计生委'], ['《外国医师来华短期行医暂行管理办法》'], ['甲'], ['乙'], ['下放省级卫生和计划生育部门']],
        ],
      },
      'x',
      { issuer: '国务院' },
    );
    expect(table.columns).toEqual([
      { key: 'seq', header: '序号' },
      { key: 'name', header: '项目名称' },
      { key: 'department', header: '实施机关' },
      { key: 'basis', header: '设定依据' },
      { key: 'department2', role: 'department', header: '委托部门' },
      { key: 'receiver', header: '受委托单位' },
      { key: 'handling', header: '处理决定' },
    ]);
    expect(table.rows[0]!.change).toEqual({ action: 'delegate', by: 'state', to: 'province', toDepartment: '省级卫生和计划生育部门' });
    expect(issues).toEqual([]);
  });
  it('publishes a second 事项名称 column (子项名称) as printed: a table has one name column', () => {
    const { table, issues } = tableFromSection(
      { number: 1, title: '取消行政权力事项', grid: [[['序号'], ['事项名称'], ['子项名称'], ['实施部门'], ['事项类型'], ['权力类型']], [['1'], ['甲'], ['甲之一'], ['县公安局'], ['行政许可'], ['行政许可']]] },
      'x',
      { issuer: '样例县人民政府' },
    );
    expect(table.columns).toEqual([
      { key: 'seq', header: '序号' },
      { key: 'name', header: '事项名称' },
      { key: 'col3', role: 'verbatim', header: '子项名称' },
      { key: 'department', header: '实施部门' },
      { key: 'type', header: '事项类型' },
      { key: 'col6', role: 'verbatim', header: '权力类型' },
    ]);
    expect(table.rows).toEqual([{ seq: 1, name: '甲', col3: '甲之一', department: '县公安局', type: 'license', col6: '行政许可' }]);
    expect(issues.map((i) => [i.kind, i.where])).toEqual([['verbatim-column', '附件1 第3列'], ['verbatim-column', '附件1 第6列']]);
  });
  it('maps columns by header text and cleans cells the way the committed tables were drafted', () => {
    const { table, issues } = tableFromSection(
      {
        number: 2,
        title: '省级取消后需市县加强监管的事项（1项）',
        grid: [HEADER, [['1'], ['省自然', '资源厅'], ['林木种子质量检验机构资质考核'], ['行政许可'], ['取消许可后：', '1. 一。', '2．二。'], ['　']]],
      },
      'x-2021-1',
    );
    expect(issues).toEqual([]);
    expect(table).toEqual({
      notice: 'x-2021-1',
      number: 2,
      title: '省级取消后需市县加强监管的事项（1项）',
      declaredCount: 1,
      change: 'cancelled-by-province',
      printedHeader: ['序号', '原实施部门', '事项名称及权限', '事项类型', '加强事中事后监管措施', '备注'],
      columns: [
        { key: 'seq', header: '序号' },
        { key: 'department', header: '原实施部门' },
        { key: 'name', header: '事项名称及权限' },
        { key: 'type', header: '事项类型' },
        { key: 'measures', header: '加强事中事后监管措施' },
        { key: 'remark', header: '备注' },
      ],
      rows: [{ seq: 1, department: '省自然资源厅', name: '林木种子质量检验机构资质考核', type: 'license', measures: { lead: '取消许可后：', steps: ['一。', '二。'] }, remark: null }],
    });
    expect(Object.keys(table.rows[0]!)).toEqual(['seq', 'department', 'name', 'type', 'measures', 'remark']);
  });
  it('publishes an unknown column and a 事项类型 column with other values as printed (verbatim), and reports a count that differs and measures it cannot split — keeping the text', () => {
    // Model v2: a column with no known role is a `verbatim` column (an informational warning, nothing lost),
    // where the old model reported it as an error for the clerk to fix by hand.
    const { table, issues } = tableFromSection(
      {
        number: 1,
        title: '取消行政权力事项（3项）',
        grid: [
          [...HEADER, ['联系电话']],
          [['1'], ['县公安局'], ['典当业特种行业许可证核发'], ['行政备案'], ['导语：', '1. 一。', '3. 三。'], [''], ['0537-1234567']],
          [['2'], ['县农业农村局'], ['乡村兽医登记'], ['行政许可'], [''], ['改为备案'], ['']],
        ],
      },
      'x-2021-1',
    );
    expect(issues.map((i) => [i.kind, i.where])).toEqual([
      ['verbatim-column', '附件1 第4列'],
      ['verbatim-column', '附件1 第7列'],
      ['measures', '附件1 第1行'],
      ['count', '附件1'],
    ]);
    expect(issues[0]!.message).toContain('行政备案');
    expect(issues[1]!.message).toContain('联系电话');
    expect(issues[3]!.message).toContain('标题声明 3 项，表格有 2 行');
    expect(actionable(issues).map((i) => i.kind)).toEqual(['measures', 'count']);
    expect(table.columns[3]).toEqual({ key: 'col4', role: 'verbatim', header: '事项类型' });
    expect(table.columns.at(-1)).toEqual({ key: 'col7', role: 'verbatim', header: '联系电话' });
    expect(table.printedHeader).toEqual(['序号', '原实施部门', '事项名称及权限', '事项类型', '加强事中事后监管措施', '备注', '联系电话']);
    expect(table.rows[0]).toMatchObject({ col4: '行政备案', measures: { steps: ['导语：', '1. 一。', '3. 三。'] }, col7: '0537-1234567' });
    expect(table.rows[1]).toMatchObject({ col4: '行政许可', measures: null, remark: '改为备案', col7: null });
  });
  it('leaves out declaredCount and change when the title does not give them (no count is valid)', () => {
    const { table, issues } = tableFromSection({ number: 1, title: '行政权力事项目录', grid: [HEADER, [['1'], ['甲'], ['乙'], ['行政许可'], [''], ['']]] }, 'x');
    expect('declaredCount' in table).toBe(false);
    expect('change' in table).toBe(false);
    // Model v2: a title without （N项） is valid; only the kind of change is left for the clerk.
    expect(issues.map((i) => i.kind)).toEqual(['unknown-change']);
    expect(tableFromSection({ number: 1, title: '下放事项', grid: [HEADER, [['1'], ['甲'], ['乙'], ['行政许可'], [''], ['']]] }, 'x').table.change).toEqual({ action: 'delegate' });
  });
  it('reads an issuer’s level from the unit right before 人民政府', () => {
    expect(levelOfIssuer('国务院')).toBe('state');
    expect(levelOfIssuer('山东省人民政府')).toBe('province');
    expect(levelOfIssuer('山东省济宁市人民政府')).toBe('city');
    expect(levelOfIssuer('嘉祥县人民政府')).toBe('county');
    expect(levelOfIssuer('济南市历下区人民政府办公室')).toBe('county');
  });
  // State Council lists print （共计152项）.
  it('reads the count of a title printed （共计N项）', () => {
    const { table } = tableFromSection({ number: 1, title: '国务院决定第二批取消中央指定地方实施的行政审批事项目录（共计1项）', grid: [HEADER, [['1'], ['甲'], ['乙'], ['行政许可'], [''], ['']]] }, 'x');
    expect(table.declaredCount).toBe(1);
  });
  it('reports progress every N rows of a long table and once at the end', () => {
    const rows = Array.from({ length: 250 }, (_, i) => [[String(i + 1)], ['甲'], ['乙'], ['行政许可'], [''], ['']]);
    const seen: TableProgress[] = [];
    tableFromSection({ number: 1, title: '取消行政权力事项（250项）', grid: [HEADER, ...rows] }, 'x', { progressEvery: 100, onProgress: (p) => seen.push(p) });
    expect(seen.map((s) => s.rowsDone)).toEqual([100, 200, 250]);
    expect(seen.every((s) => s.rowsTotal === 250)).toBe(true);
  });
});

describe('writing the files', () => {
  it('escapes what MDX would read as syntax, and only that', () => {
    expect(mdxText('为深入实施“放管服”改革（国发〔2020〕13号）。邮箱：a@b.cn。')).toBe('为深入实施“放管服”改革（国发〔2020〕13号）。邮箱：a@b.cn。');
    expect(mdxText('1. 见 {a} <b> *c* [d]')).toBe('1\\. 见 \\{a\\} \\<b\\> \\*c\\* \\[d\\]');
    expect(mdxText('# 不是标题')).toBe('\\# 不是标题');
    for (const s of ['1. 见 {a} <b> *c* [d] & e_f', '- 甲', 'a\\b']) expect(unescapeMdxText(mdxText(s))).toBe(s);
  });
  it('writes frontmatter in schema order with the date quoted', () => {
    const yaml = frontmatterYaml({ signedDate: '2021-02-20', title: '标题', addressees: ['甲'] });
    expect(yaml).toBe("title: 标题\naddressees:\n  - 甲\nsignedDate: '2021-02-20'\n");
    expect(parseDocument(yaml).toJS()).toEqual({ title: '标题', addressees: ['甲'], signedDate: '2021-02-20' });
  });
  it('ends the body with the attachment list and signature components, and reads the paragraphs back', () => {
    const mdx = noticeMdx({ title: '标题', attachments: [{ number: 1, title: '表（1项）' }] }, ['第一段。', '2021年见 {x}。']);
    expect(mdx.endsWith('\n\n<AttachmentList />\n\n<Signature />\n')).toBe(true);
    expect(mdxBodyParagraphs(mdx)).toEqual(['第一段。', '2021年见 {x}。']);
    expect(noticeMdx({ title: '标题' }, ['一。'])).not.toContain('AttachmentList');
  });
  it('derives a slug from the file name, or from the 发文字号 when the name has no letters', () => {
    expect(slugFromFileName('/in/Jiaxiang 2021_2.docx')).toBe('jiaxiang-2021-2');
    expect(slugFromFileName('ｊｉａｘｉａｎｇ-2021-2.DOCX')).toBe('jiaxiang-2021-2');
    expect(slugFromFileName('嘉政发〔2021〕2号.docx')).toBeUndefined();
    expect(slugFromDocNumber('嘉政发〔2021〕2号')).toBe('2021-2');
    expect(slugFromDocNumber(undefined)).toBeUndefined();
  });
});
