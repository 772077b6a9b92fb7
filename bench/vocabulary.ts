/**
 * Words the synthetic corpus is made of, beyond what the seed notices in content/ already say.
 * Places are real Shandong cities and counties (a province's worth of issuers); each domain is a field of
 * administration with its department as a county, a city and the province name it, the regulator that the
 * measures' lead sentence names, and subjects that item names are built from. The seed rows themselves
 * (names, departments, measures, bases, remarks, notice text, tasks) are read from content/ at run time.
 */

export interface Place {
  /** 嘉祥县 */
  name: string;
  /** The one-character abbreviation a document number starts with: 嘉政发〔2021〕2号 */
  abbr: string;
  /** ASCII for the slug: jiaxiang-2021-2 */
  slug: string;
  level: 'province' | 'city' | 'county';
}

export const PLACES: Place[] = [
  { name: '山东省', abbr: '鲁', slug: 'shandong', level: 'province' },
  { name: '济南市', abbr: '济', slug: 'jinan', level: 'city' },
  { name: '青岛市', abbr: '青', slug: 'qingdao', level: 'city' },
  { name: '淄博市', abbr: '淄', slug: 'zibo', level: 'city' },
  { name: '枣庄市', abbr: '枣', slug: 'zaozhuang', level: 'city' },
  { name: '东营市', abbr: '东', slug: 'dongying', level: 'city' },
  { name: '烟台市', abbr: '烟', slug: 'yantai', level: 'city' },
  { name: '潍坊市', abbr: '潍', slug: 'weifang', level: 'city' },
  { name: '济宁市', abbr: '济', slug: 'jining', level: 'city' },
  { name: '泰安市', abbr: '泰', slug: 'taian', level: 'city' },
  { name: '威海市', abbr: '威', slug: 'weihai', level: 'city' },
  { name: '日照市', abbr: '日', slug: 'rizhao', level: 'city' },
  { name: '临沂市', abbr: '临', slug: 'linyi', level: 'city' },
  { name: '德州市', abbr: '德', slug: 'dezhou', level: 'city' },
  { name: '聊城市', abbr: '聊', slug: 'liaocheng', level: 'city' },
  { name: '滨州市', abbr: '滨', slug: 'binzhou', level: 'city' },
  { name: '菏泽市', abbr: '菏', slug: 'heze', level: 'city' },
  { name: '嘉祥县', abbr: '嘉', slug: 'jiaxiang', level: 'county' },
  { name: '金乡县', abbr: '金', slug: 'jinxiang', level: 'county' },
  { name: '鱼台县', abbr: '鱼', slug: 'yutai', level: 'county' },
  { name: '微山县', abbr: '微', slug: 'weishan', level: 'county' },
  { name: '汶上县', abbr: '汶', slug: 'wenshang', level: 'county' },
  { name: '泗水县', abbr: '泗', slug: 'sishui', level: 'county' },
  { name: '梁山县', abbr: '梁', slug: 'liangshan', level: 'county' },
  { name: '曲阜市', abbr: '曲', slug: 'qufu', level: 'county' },
  { name: '邹城市', abbr: '邹', slug: 'zoucheng', level: 'county' },
  { name: '平阴县', abbr: '平', slug: 'pingyin', level: 'county' },
  { name: '商河县', abbr: '商', slug: 'shanghe', level: 'county' },
  { name: '莱西市', abbr: '莱', slug: 'laixi', level: 'county' },
  { name: '平度市', abbr: '平', slug: 'pingdu', level: 'county' },
  { name: '沂水县', abbr: '沂', slug: 'yishui', level: 'county' },
  { name: '蒙阴县', abbr: '蒙', slug: 'mengyin', level: 'county' },
  { name: '郯城县', abbr: '郯', slug: 'tancheng', level: 'county' },
  { name: '莒县', abbr: '莒', slug: 'juxian', level: 'county' },
  { name: '寿光市', abbr: '寿', slug: 'shouguang', level: 'county' },
  { name: '青州市', abbr: '青', slug: 'qingzhou', level: 'county' },
  { name: '诸城市', abbr: '诸', slug: 'zhucheng', level: 'county' },
  { name: '临朐县', abbr: '朐', slug: 'linqu', level: 'county' },
  { name: '宁阳县', abbr: '宁', slug: 'ningyang', level: 'county' },
  { name: '东平县', abbr: '东', slug: 'dongping', level: 'county' },
  { name: '肥城市', abbr: '肥', slug: 'feicheng', level: 'county' },
  { name: '单县', abbr: '单', slug: 'shanxian', level: 'county' },
  { name: '曹县', abbr: '曹', slug: 'caoxian', level: 'county' },
  { name: '郓城县', abbr: '郓', slug: 'yuncheng', level: 'county' },
  { name: '阳谷县', abbr: '阳', slug: 'yanggu', level: 'county' },
  { name: '冠县', abbr: '冠', slug: 'guanxian', level: 'county' },
  { name: '惠民县', abbr: '惠', slug: 'huimin', level: 'county' },
  { name: '无棣县', abbr: '棣', slug: 'wudi', level: 'county' },
  { name: '乐陵市', abbr: '乐', slug: 'laoling', level: 'county' },
  { name: '齐河县', abbr: '齐', slug: 'qihe', level: 'county' },
];

export interface Domain {
  /** 公安 → 县级公安部门, 市、县级公安部门 */
  kind: string;
  /** 省公安厅 */
  province: string;
  /** 市公安局 */
  city: string;
  /** Who the measures' lead sentence says must act: 公安机关 */
  regulator: string;
  /** What items are about: 典当业, 旅馆业 … */
  subjects: string[];
}

export const DOMAINS: Domain[] = [
  { kind: '公安', province: '省公安厅', city: '市公安局', regulator: '公安机关', subjects: ['典当业', '旅馆业', '公章刻制业', '保安服务', '民用爆炸物品', '烟花爆竹', '机动车维修业', '废旧金属收购业'] },
  { kind: '自然资源', province: '省自然资源厅', city: '市自然资源和规划局', regulator: '自然资源部门', subjects: ['测绘', '地图', '矿产资源勘查', '土地复垦', '地质灾害治理工程', '建设用地', '林木种子', '古树名木'] },
  { kind: '住房城乡建设（城市管理）', province: '省住房城乡建设厅', city: '市住房城乡建设局', regulator: '住房城乡建设（城市管理）主管部门', subjects: ['城市供水', '污水处理', '燃气经营', '建筑施工', '房地产开发', '物业服务', '城市道路占用', '户外广告设施', '建筑节能', '园林绿化工程'] },
  { kind: '农业农村', province: '省农业农村厅', city: '市农业农村局', regulator: '农业农村部门', subjects: ['乡村兽医', '生猪屠宰', '农药经营', '兽药经营', '种子生产经营', '饲料和饲料添加剂', '肥料', '农业机械维修', '渔业捕捞', '动物诊疗', '农作物种子', '拖拉机驾驶培训'] },
  { kind: '市场监管', province: '省市场监管局', city: '市市场监管局', regulator: '市场监管部门', subjects: ['食品生产', '食品经营', '特种设备', '计量器具', '工业产品生产', '检验检测机构', '广告发布', '网络交易', '知识产权质押融资', '电梯维护保养'] },
  { kind: '交通运输', province: '省交通运输厅', city: '市交通运输局', regulator: '交通运输部门', subjects: ['道路运输', '出租汽车经营', '机动车驾驶员培训', '公路超限运输', '港口经营', '水路运输', '网络预约出租汽车', '道路货物运输站（场）'] },
  { kind: '卫生健康', province: '省卫生健康委', city: '市卫生健康委', regulator: '卫生健康部门', subjects: ['职业卫生技术服务机构', '医疗机构', '公共场所卫生', '母婴保健技术服务', '放射诊疗', '消毒产品生产企业', '饮用水供水单位', '医师执业'] },
  { kind: '商务', province: '省商务厅', city: '市商务局', regulator: '商务部门', subjects: ['成品油零售经营', '成品油批发、仓储经营', '原油销售、仓储经营', '再生资源回收', '拍卖业', '单用途商业预付卡', '二手车交易市场', '报废机动车回收拆解'] },
  { kind: '文化和旅游', province: '省文化和旅游厅', city: '市文化和旅游局', regulator: '文化和旅游部门', subjects: ['旅行社', '娱乐场所', '互联网上网服务营业场所', '营业性演出', '文物保护单位', 'A级旅游景区', '导游', '艺术品经营'] },
  { kind: '生态环境', province: '省生态环境厅', city: '市生态环境局', regulator: '生态环境部门', subjects: ['排污许可', '危险废物经营', '建设项目环境影响评价', '辐射安全', '机动车排放检验机构', '医疗废物处置', '入河排污口', '放射性同位素'] },
  { kind: '水利', province: '省水利厅', city: '市水务局', regulator: '水行政主管部门', subjects: ['取水', '河道采砂', '水土保持方案', '洪水影响评价', '水利工程质量检测', '农村供水工程', '河道管理范围内建设项目'] },
  { kind: '教育', province: '省教育厅', city: '市教育局', regulator: '教育部门', subjects: ['民办学校', '校外培训机构', '中外合作办学', '幼儿园', '教师资格', '学校安全'] },
  { kind: '人力资源社会保障', province: '省人力资源社会保障厅', city: '市人力资源社会保障局', regulator: '人力资源社会保障部门', subjects: ['人力资源服务机构', '劳务派遣', '职业技能培训机构', '特殊工时制度', '社会保险基金', '技工学校'] },
  { kind: '民政', province: '省民政厅', city: '市民政局', regulator: '民政部门', subjects: ['社会团体', '民办非企业单位', '养老机构', '殡葬服务', '慈善组织', '地名命名'] },
  { kind: '应急管理', province: '省应急厅', city: '市应急局', regulator: '应急管理部门', subjects: ['危险化学品经营', '非煤矿山', '烟花爆竹经营', '安全评价机构', '金属冶炼建设项目', '安全生产培训'] },
  { kind: '广播电视', province: '省广播电视局', city: '市广播电视局', regulator: '广电部门', subjects: ['广播电台、电视台', '信息网络传播视听节目', '有线广播电视站', '卫星电视广播地面接收设施', '广播电视节目制作经营'] },
  { kind: '工业和信息化', province: '省工业和信息化厅', city: '市工业和信息化局', regulator: '工业和信息化部门', subjects: ['铬化合物生产建设项目', '民用爆炸物品生产', '无线电台（站）', '食盐定点生产', '监控化学品'] },
  { kind: '民族宗教事务', province: '省民族宗教委', city: '市民族宗教局', regulator: '民族宗教事务管理部门', subjects: ['宗教活动场所', '清真食品', '民族政策和法律法规执行情况'] },
];

/** How an item name is built from a subject, by 事项类型 (the shapes the seed rows have). */
export const NAME_SHAPES: Record<string, string[]> = {
  license: ['{s}许可证核发', '{s}经营许可', '{s}资质认定', '{s}审批', '{s}许可初审', '{s}登记', '{s}资格审批', '{s}备案核准', '{s}许可证变更、延续'],
  penalty: [
    '对{s}未按规定建立质量追溯制度的处罚',
    '对{s}未取得许可擅自从事经营活动的处罚',
    '伪造、涂改、转借、转让{s}许可证件的处罚',
    '对{s}拒绝、阻碍监督检查的处罚',
    '对{s}未按规定报送有关资料的处罚',
    '对{s}超出核准范围从事经营活动的处罚',
    '对{s}未按规定公示相关信息的处罚',
    '对{s}使用未经检验或者检验不合格设备的处罚',
  ],
  coercion: ['查封、扣押{s}违法物品', '对{s}违法场所的查封', '暂扣{s}相关证件'],
  levy: ['{s}有关费用征收', '{s}保证金收缴'],
  benefit: ['{s}从业人员补助发放', '{s}扶持资金给付'],
  inspection: ['对{s}的监督检查', '对{s}执行情况的监督检查', '{s}年度检查'],
  confirmation: ['{s}资格确认', '{s}等级评定', '{s}条件认定'],
  reward: ['对{s}工作中成绩显著的单位和个人给予奖励', '{s}先进集体和先进个人表彰'],
  adjudication: ['{s}权属争议裁决', '{s}纠纷裁决'],
  other: ['{s}备案', '对{s}项目的审核', '{s}认可', '{s}信息公示'],
};

/** How often each 事项类型 appears (roughly as in a published 权责清单: licenses and penalties dominate). */
export const TYPE_WEIGHTS: [string, number][] = [
  ['license', 38],
  ['penalty', 34],
  ['inspection', 7],
  ['coercion', 4],
  ['levy', 2],
  ['benefit', 2],
  ['confirmation', 4],
  ['reward', 2],
  ['adjudication', 1],
  ['other', 6],
];

/** Steps that name the subject, in the style of the seed measures. */
export const STEP_SHAPES: string[] = [
  '通过“双随机、一公开”监管、信用监管等方式，加强对{s}的监督检查，发现违法违规行为要依法查处并向社会公开结果。',
  '及时将{s}相关主体纳入监管范围，依法实施监管。',
  '加强跨部门、跨层级的{s}信息共享，实现监管信息互联互通。',
  '畅通投诉举报渠道，依法及时处理{s}相关投诉举报。',
  '建立健全{s}信用记录，对失信主体依法实施联合惩戒。',
  '制定{s}监管工作规范，明确监管内容、方式和频次。',
  '加强对{s}从业人员的业务培训和指导，督促其依法依规开展经营活动。',
  '对{s}实行备案管理，备案信息及时向社会公开。',
];

/** Cites a generated notice may list (the seeds' own cites are added to these). */
export const EXTRA_CITES = [
  { docNumber: '国发〔2019〕6号', title: '国务院关于取消和下放一批行政许可事项的决定' },
  { docNumber: '国发〔2019〕18号', title: '国务院关于加强和规范事中事后监管的指导意见' },
  { docNumber: '国发〔2021〕7号', title: '国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知' },
  { docNumber: '鲁政发〔2020〕4号', title: '山东省人民政府关于调整一批行政权力事项的通知' },
  { docNumber: '鲁政字〔2019〕155号', title: '山东省人民政府关于加强和规范事中事后监管的实施意见' },
];

/** The ten queries the benchmark runs against the index: what citizens look up (seed terms and common words). */
export const QUERIES = ['典当', '乡村兽医', '测绘', '双随机', '食品经营', '成品油', '行政许可', '信用监管', '生猪屠宰', '旅行社'];

/**
 * First queries that the newest part of a large index cannot answer (src/lib/search/tiers.ts): one whose pages are
 * all in an older notice (济南's 发文字号; the seed notices are from 2021, the generated ones up to 2024) and one
 * with no result at all (no page has 诊所), which is certain only once every page was looked at.
 */
export const OLDER_QUERIES = ['济高管综字〔2021〕40号', '乡村兽医诊所'];
