/** The extraction library on real sentences from the seeds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport, parseNumber, type Metric } from '../src/extraction/index.ts';
import { loadRegistry } from '../src/ingest/registry-files.ts';

const registry = loadRegistry();
const seed = (name: string) => readFileSync(`seeds/${name}`, 'utf8');
const find = (metrics: Metric[], text: string) => {
  const m = metrics.find((x) => x.text.includes(text) || text.includes(x.text));
  if (!m) throw new Error(`no metric for «${text}» among ${metrics.map((x) => x.text).join(' | ')}`);
  return m;
};

describe('numbers', () => {
  it.each([
    ['8.8万', 88000],
    ['9.63亿', 963000000],
    ['19320万', 193200000],
    ['1.1万', 11000],
    ['2.64亿', 264000000],
    ['1,234.5', 1234.5],
    ['１２３', 123],
    ['三千五百', 3500],
    ['十二', 12],
    ['两万', 20000],
    ['一百二十点五', 120.5],
    ['三分之一', 1 / 3],
    ['百分之三十', 30],
    ['二〇二四', 2024],
    ['三千五', 3500],
    ['一亿零五百万', 105000000],
  ])('%s → %d', (raw, value) => expect(parseNumber(raw)).toBeCloseTo(value, 9));
  it('reads a minus sign after a word as part of the number, not a range (增幅-1.1%, 1-8月)', () => {
    const r = extractReport('西城区2020年重点工作\n地区生产总值增幅-1.1%,一般公共预算收入增长调整为-4%左右,1-8月新增就业1.2万人。', registry).metrics;
    expect(r.map((m) => [m.value, m.unit])).toEqual([
      [-1.1, '%'],
      [-4, '%'],
      [12000, '人'],
    ]);
  });

  it('returns null for what is not a number', () => {
    for (const s of ['', '人', '万万', 'abc', '1.2.3']) expect(parseNumber(s)).toBeNull();
  });
});

describe('襄阳 press conference (000)', () => {
  const r = extractReport(seed('000_9567e0339920290a.txt'), registry);
  it('reads city, year and departments', () => {
    expect(r.city).toBe('襄阳市');
    expect(r.year).toBe(2024);
    expect(r.departments).toEqual(['市人力资源和社会保障局', '市发展和改革委员会', '市行政审批局', '市教育局']);
  });
  it("reads last year's achievements as actual 2023 and this year's pledges as targets", () => {
    expect(find(r.metrics, '新增返乡创业人数6388人')).toMatchObject({ value: 6388, unit: '人', kind: 'actual', year: 2023 });
    expect(find(r.metrics, '建设改造6000个')).toMatchObject({ value: 6000, kind: 'target', year: 2024, department: '市发展和改革委员会' });
    expect(find(r.metrics, '带动就业1200人以上')).toMatchObject({ qualifier: 'at-least', kind: 'target' });
  });
  it('reads completion of a target, ratios and approximations', () => {
    expect(find(r.metrics, '的139%')).toMatchObject({ value: 139, unit: '%', kind: 'completion', year: 2023 });
    expect(find(r.metrics, '8∶1')).toMatchObject({ value: 8, unit: 'ratio', year: 2022 });
    expect(find(r.metrics, '累计近15000个')).toMatchObject({ qualifier: 'approx', value: 15000 });
    expect(find(r.metrics, '3800多名')).toMatchObject({ qualifier: 'more-than', unit: '人' });
  });
  it('leaves out eligibility conditions, enumerations and dates', () => {
    const texts = r.metrics.map((m) => m.text).join('|');
    expect(texts).not.toMatch(/吸纳3人|毕业5年|6个月|第五场|三个载体/);
  });
  it('keeps a restated pledge once', () => {
    expect(r.metrics.filter((m) => m.value === 100 && m.unit === '个')).toHaveLength(1);
  });
});

describe('衡阳 plan (001)', () => {
  const r = extractReport(seed('001_8d7c135ac80f7089.txt'), registry);
  it('treats a plan as targets of its year, with lead departments by full name', () => {
    expect(r.city).toBe('衡阳市');
    expect(r.metrics.every((m) => m.kind === 'target' && m.year === 2025)).toBe(true);
    expect(find(r.metrics, '新增城镇就业5.8万人以上')).toMatchObject({ value: 58000, qualifier: 'at-least', department: '市人力资源和社会保障局' });
    expect(find(r.metrics, '落实资金19320万元')).toMatchObject({ value: 193200000, unit: '元', department: '国网衡阳供电公司' });
    expect(find(r.metrics, '试点县(市)1个').department).toBe('市交通运输局、市邮政管理局');
  });
  it('reads composite units and shared qualifiers', () => {
    expect(find(r.metrics, '100元/月·人')).toMatchObject({ unit: '元/月·人', value: 100 });
    expect(find(r.metrics, '485元/月')).toMatchObject({ qualifier: 'at-least', unit: '元/月' });
    expect(find(r.metrics, '672万方')).toMatchObject({ value: 6720000, unit: '方' });
  });
});

describe('新乡 (002) and 青岛 (003)', () => {
  it('joins a sentence broken across lines and reads a list of completion rates', () => {
    const r = extractReport(seed('002_211da1db43f6adac.txt'), registry);
    expect(find(r.metrics, '132.3%')).toMatchObject({ kind: 'completion', year: 2023 });
    expect(find(r.metrics, '134.4%').kind).toBe('completion');
    expect(r.metrics.some((m) => /居全省第四位/.test(m.text))).toBe(false);
  });
  it('dates a baseline a year earlier and reads a publication date', () => {
    const r = extractReport(seed('003_d575a152877ceb5f.txt'), registry);
    expect(r.published).toBe('2022-11-28');
    expect(find(r.metrics, '由47%')).toMatchObject({ year: 2021 });
    expect(find(r.metrics, '提升至62%')).toMatchObject({ year: 2022 });
    expect(find(r.metrics, '近2500家')).toMatchObject({ qualifier: 'approx', department: '市科学技术局' });
  });
});

describe('messy input', () => {
  it('reads traditional characters while the span stays the original text', () => {
    const text = '襄陽市發展和改革委員會:2023年我市共新建充電樁9037個,完成年度任務佔比140.9%。';
    const r = extractReport(text, registry);
    const m = find(r.metrics, '9037');
    expect(m).toMatchObject({ value: 9037, unit: '个', department: '市发展和改革委员会' });
    expect(text).toContain(m.text);
    expect(r.city).toBe('襄阳市');
  });
  it('drops site navigation and keeps the article', () => {
    const r = extractReport(seed('004_d397c979dd854359.txt'), registry);
    expect(r.body).not.toMatch(/关注我们|Copyright|荆楚网 >/);
    expect(r.body).toContain('改革潮涌,激荡汉江之畔。');
    expect(r.published).toBe('2024-07-15');
  });
});

describe('a text from a city that is not among the seeds', () => {
  const text = [
    '成都市2023年民生实事项目完成情况',
    '发布时间:2024-01-18 来源:成都日报',
    '市人社局:全年新增城镇就业25.6万人,完成年度目标任务的128%;城镇登记失业率控制在3.5%以内。',
    '市民政局:城乡低保标准提高到每人每月800元,惠及困难群众约12万人。',
    '市住建局:完成投资126.8亿元,占年度计划的105.3%;改造老旧小区1087个,惠及居民近13万户。',
    '2024年,市教育局将新增中小学学位3万个以上,力争普惠性幼儿园覆盖率达到92%。',
    '市卫健委:全市每千人口执业(助理)医师数达到3.9人,比上年提高0.2个百分点。',
  ].join('\n');
  const r = extractReport(text, registry);
  it('finds the city in the registry and the date in the page furniture', () => {
    expect(r.city).toBe('成都市');
    expect(r.published).toBe('2024-01-18');
    expect(r.body).not.toContain('发布时间');
  });
  it('reads every figure with its department, kind and year', () => {
    expect(find(r.metrics, '25.6万人')).toMatchObject({ value: 256000, kind: 'actual', year: 2023, department: '市人力资源和社会保障局' });
    expect(find(r.metrics, '的128%')).toMatchObject({ kind: 'completion' });
    expect(find(r.metrics, '3.5%以内')).toMatchObject({ qualifier: 'at-most' });
    expect(find(r.metrics, '每人每月800元')).toMatchObject({ value: 800, department: '市民政局' });
    expect(find(r.metrics, '126.8亿元')).toMatchObject({ value: 12680000000, department: '市住房和城乡建设局' });
    expect(find(r.metrics, '105.3%')).toMatchObject({ kind: 'completion' });
    expect(find(r.metrics, '3万个以上')).toMatchObject({ kind: 'target', year: 2024, qualifier: 'at-least', department: '市教育局' });
    expect(find(r.metrics, '3.9人')).toMatchObject({ value: 3.9, department: '市卫生健康委员会' });
    expect(find(r.metrics, '0.2个百分点')).toMatchObject({ unit: '百分点', value: 0.2 });
    expect(r.metrics).toHaveLength(13);
  });
});

describe('texts from other places', () => {
  it('reads digits grouped by spaces as one number when a unit follows, not a row number before a rate', () => {
    const r = extractReport('襄阳市2024年民生实事\n今年全市新增城镇就业2 539人,发放补贴12 000 000元,完成1 100%。', registry);
    expect(r.metrics.map((m) => [m.value, m.unit])).toEqual([
      [2539, '人'],
      [12000000, '元'],
      [100, '%'],
    ]);
  });

  it("files a text under the district it is about, and a city's text that lists its districts under the city", () => {
    const district = extractReport(
      '房山区公布2023年40件重要民生实事项目\n北京青年报记者获悉,房山区发布2023年40件重要民生实事。新增中小学学位2660个。',
      registry,
    );
    expect(district.city).toBe('北京市房山区');
    const city = extractReport('东营市2017年民生实事\n东营区完成26866户,河口区完成6445户,垦利区完成37603户。东营市全年接通天然气172083户。', registry);
    expect(city.city).toBe('东营市');
    // 新建区 (南昌) inside 新建区域 is no mention of it.
    expect(extractReport('邢台市今年新建区域性养老中心3个。', registry).city).toBe('邢台市');
    // Nor is a city's short name inside a word: 大理石 is marble, not 大理.
    expect(extractReport('学校改扩建工程\n楼梯间贴大理石已完成,新增教室16个。', registry).city).toBeNull();
  });

  it('files a government page under its publisher, told by the code its 索引号 opens with, when the text never names its place in full', () => {
    const table = '2022年度民生实事1-6月份进展情况表\n序号 | 项目 | 嵊州 牵头单位 | 进展\n1 | 新增托位525个 | 卫生健康局 | 新增托位336个';
    expect(extractReport(table, registry).city).toBeNull();
    expect(extractReport(`索 引 号: | 11330683002584812B/2022-90092 | 主题分类: | 综合政务 |\n${table}`, registry).city).toBe('绍兴市嵊州市');
    // A city government's code (…00) is its city's.
    expect(extractReport(`索引号:114206000113460473/2024-00012\n${table}`, registry).city).toBe('襄阳市');
    // A code the registry does not know, or a number that is no publisher's code, says nothing.
    expect(extractReport(`索引号:119999990000000000/2024-1\n${table}`, registry).city).toBeNull();
  });

  it("reads an item's 责任单位 line for all its figures, at the level of the place", () => {
    const r = extractReport(
      '房山区2023年重要民生实事\n1、新增中小学学位2660个,开工建设学校1所。\n完成时限:2023年9月底前\n责任单位:区教委\n2、新增360个学前学位。\n责任单位:区教委、新城投资公司',
      registry,
    );
    expect(r.metrics.map((m) => m.department)).toEqual(['区教育委员会', '区教育委员会', '区教育委员会、新城投资公司']);
    expect(r.metrics.every((m) => m.kind === 'target' && m.year === 2023)).toBe(true);
  });

  it('reads the lead department a flattened table row names between its task and its result', () => {
    // 西城区's year-end table: 类别 | 序号 | 重点督办内容 | 牵头单位 | 全年完成情况, run together.
    const r = extractReport(
      [
        '北京市西城区2020年政府工作报告重点工作全年完成情况',
        '类别序号重点督办内容牵头单位全年完成情况',
        '经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委西城区2020年度地区生产总值初步核算数50610595万元,增幅-1.1%。',
        '经济社会发展主要预期目标2区级一般公共预算收入增长2%左右。区财政局截至12月31日,全年一般公共预算收入完成413.84亿元。',
        '经济社会发展主要预期目标3居民人均可支配收入增长与经济增长基本同步。区人力社保局2020年度地区生产总值初步核算数50610595万元,增幅-1.1%;西城区居民人均可支配收入90286元。',
      ].join('\n'),
      registry,
    );
    const dept = (text: string) => find(r.metrics, text).department;
    expect(dept('地区生产总值增长6%左右')).toBe('区发展和改革委员会');
    expect(dept('收入完成413.84亿元')).toBe('区财政局');
    expect(dept('居民人均可支配收入90286元')).toBe('区人力资源和社会保障局');
    // The third row quotes the first row's figures word for word: still one figure each.
    expect(r.metrics.filter((m) => m.value === 506105950000)).toHaveLength(1);
  });

  it('gives a figure to the department that opens its sentence, and to both of two that speak together', () => {
    const plan = extractReport(
      '呼和浩特市2021年重点任务\n今年,呼和浩特市住建局要在12月底改造棚户区23个区块、1.33万户。市轨道交通公司要加快地铁TOD开发。市教育局要在11月底新建、续建幼儿园9所。',
      registry,
    );
    expect(find(plan.metrics, '改造棚户区23个').department).toBe('市住房和城乡建设局');
    expect(find(plan.metrics, '幼儿园9所').department).toBe('市教育局');
    // A deadline (12月底) is when, not what: neither the label nor the span begins with it.
    expect(find(plan.metrics, '改造棚户区23个').label).toBe('改造棚户区');
    const joint = extractReport('福州市2023年为民办实事\n市民政局和财政局已联合发文,将困难残疾人生活补贴从每人每月285元提高到每人每月295元。', registry);
    expect(joint.metrics.map((m) => m.department)).toEqual(['市民政局、市财政局', '市民政局、市财政局']);
  });
});

describe('what was done beside what was promised', () => {
  it("reads a task done (完成41个…改造任务) and a half-year result after the year's task as achievements", () => {
    const r = extractReport(
      '徐州市2016年民生实事上半年进展\n村内道路建设年度任务是硬化道路350万平方米,上半年完成248万平方米,占年度任务的71%;完成41个老旧小区改造任务;40个非城建类实事项目中,有10个项目超额完成节点任务。',
      registry,
    ).metrics;
    expect(find(r, '硬化道路350万平方米').kind).toBe('target');
    expect(find(r, '上半年完成248万平方米').kind).toBe('actual');
    expect(find(r, '占年度任务的71%').kind).toBe('completion');
    expect(find(r, '完成41个').kind).toBe('actual');
    expect(find(r, '10个项目').kind).toBe('actual');
    // 完成18个建设项目和9个公共服务事项全部年度任务: both were done.
    const yanan = extractReport('延安市2023年民生实事\n延安市完成18个建设项目和9个公共服务事项全部年度任务。', registry).metrics;
    expect(yanan.map((m) => m.kind)).toEqual(['actual', 'actual']);
  });

  it('reads a budget as a plan, and 一般公共预算 as the name of an account', () => {
    const r = extractReport(
      '西城区2020年重点工作\n一般公共预算收入由年初预算439.55亿元调整为413.8亿元左右。全区民生支出占一般公共预算支出比重约73.3%。',
      registry,
    ).metrics;
    expect(find(r, '439.55亿元').kind).toBe('target');
    expect(find(r, '413.8亿元').kind).toBe('target');
    expect(find(r, '73.3%').kind).toBe('actual');
  });

  it('reads items expected to be done later (这5项预计10月底前全部完成) as promised, beside those done', () => {
    const r = extractReport('萧县2023年民生实事进展\n截至9月底已完成19项;剩余8项中,这5项预计10月底前全部完成。', registry).metrics;
    expect(find(r, '19项').kind).toBe('actual');
    expect(find(r, '5项').kind).toBe('target');
  });

  it('does not read 要 inside 重要 as "will" in a text of unknown date', () => {
    const r = extractReport('张家口市民生实事完成情况\n新建、改建口袋公园72个,提升重要节点景观亮化62个,均超额完成年度目标任务。', registry).metrics;
    expect(r.map((m) => m.kind)).toEqual(['actual', 'actual']);
  });
});

describe('labels say what is counted', () => {
  const hengyang = extractReport(seed('001_8d7c135ac80f7089.txt'), registry).metrics;
  const xiangyang = extractReport(seed('000_9567e0339920290a.txt'), registry).metrics;

  it('keeps a quoted name before the words, and the noun after a place and a verb', () => {
    // 在公办养老机构建设老年人“时光守护”床位100张: the span stays after the quotation mark.
    expect(find(hengyang, '床位100张')).toMatchObject({ text: '床位100张', label: '时光守护床位' });
    expect(find(hengyang, '中心乡镇建成15个').label).toBe('中心乡镇建成基层消防站');
  });

  it("names a breakdown's shares by their place and what the whole counts", () => {
    // 把90所义务教育学校创建任务分解到各县(市、区)和开发区,其中枣阳市37所、谷城县30所…
    expect(find(xiangyang, '枣阳市37所').label).toBe('枣阳市义务教育学校创建任务');
    expect(find(xiangyang, '东津新区6所').label).toBe('东津新区义务教育学校创建任务');
  });

  it('names what drives jobs, even when the driver is set up in words (建立就业帮扶集聚区,…,带动就业500人)', () => {
    expect(find(xiangyang, '带动就业500人以上').label).toBe('就业帮扶集聚区带动就业');
    expect(find(xiangyang, '带动就业1800人以上').label).toBe('创业项目带动就业');
  });

  it('names a figure listed after another in another unit like it, and leaves dates out', () => {
    const r = extractReport('呼和浩特市2021年重点任务\n2021年度全市改造老旧小区333个、466万平方米;前8个月海阳民生支出19.4亿元。', registry).metrics;
    expect(find(r, '466万平方米').label).toBe('改造老旧小区');
    expect(find(r, '19.4亿元').label).toBe('海阳民生支出');
  });

  it("names a figure whose clause says nothing by its sentence's subject, and a bare share by what it is a share of", () => {
    const xiangyang2024 = extractReport(seed('004_d397c979dd854359.txt'), registry).metrics;
    // 地区生产总值连续跨越关口,2023年达到5843亿元.
    expect(find(xiangyang2024, '5843亿元').label).toBe('地区生产总值');
    // 纳入教联体建设的学校达508所,占比为74.38%.
    expect(find(xiangyang2024, '占比74.38%').label).toBe('纳入教联体建设的学校占比');
    // …居民人均可支配收入90286元,同比增长2.3%; 新建龚家巷小学等中小学8所.
    const r = extractReport('西城区2020年重点工作\n西城区居民人均可支配收入90286元,同比增长2.3%;新建龚家巷小学等中小学8所。', registry).metrics;
    expect(find(r, '2.3%').label).toBe('西城区居民人均可支配收入同比增长');
    expect(find(r, '8所').label).toBe('新建中小学');
  });

  it('names a short counted subject by what it did, to the end of its clause', () => {
    const r = extractReport(
      '延安市2022年\n13个县(市、区)所有街道、乡镇均完成电子签章业务,实现生活便利。3526个村(社区)正式上线基层电子证明系统。',
      registry,
    ).metrics;
    expect(find(r, '13个县').label).toBe('完成电子签章业务的县(市、区)');
    expect(find(r, '3526个村').label).toBe('上线基层电子证明系统的村(社区)');
    // A verb phrase the clause does not finish within reach says nothing certain: the noun stays.
    const long = extractReport('2022年\n5个县(市)均完成了一项极其复杂而漫长并且涉及多个部门的综合改革试点工作。', registry).metrics;
    expect(find(long, '5个县').label).toBe('县');
  });

  it("names a progress line's task, what was done of it and its rate in brackets (15个幸福院建设已完成8个(53%))", () => {
    const r = extractReport(
      '某县2023年民生实事进展\n截至9月底,15个农村幸福院建设已完成8个(53%),为适龄女生提供人乳头瘤病毒(HPV)疫苗免费接种服务(自愿接种)已完成4769人(51.2%)。',
      registry,
    ).metrics;
    expect(find(r, '15个').label).toBe('农村幸福院建设');
    expect(find(r, '8个').label).toBe('农村幸福院建设已完成');
    expect(find(r, '53%')).toMatchObject({ kind: 'completion', label: '农村幸福院建设完成率' });
    // Long words are cut to their last 18 characters, a bracketed aside (自愿接种) first.
    expect(find(r, '4769人').label).toBe('病毒(HPV)疫苗免费接种服务已完成');
    expect(find(r, '51.2%').label).toBe('病毒(HPV)疫苗免费接种服务完成率');
  });

  // Each row: a seed, a figure's span in it, and the label it should get; each seed is read once.
  const read = new Map<string, Metric[]>();
  const metricsOf = (file: string): Metric[] => read.get(file) ?? read.set(file, extractReport(seed(file), registry).metrics).get(file)!;
  it.each([
    // 落实资金19320万元巩固提升10千伏及以下农村配电网工程: money by what it is for.
    ['001_8d7c135ac80f7089.txt', '落实资金19320万元', '农村配电网工程资金'],
    ['001_8d7c135ac80f7089.txt', '落实资金3755万元', '农村主电网资金'],
    // 优化新生儿疾病免费筛查与诊断服务,…,筛查率达到100%: a short name by the clause that says it in full.
    ['001_8d7c135ac80f7089.txt', '筛查率达到100%', '新生儿疾病免费筛查率'],
    // 严格落实决策合法性审查,完成各类审查481件.
    ['003_d575a152877ceb5f.txt', '审查481件', '决策合法性审查'],
    // 安排1500万元专项资金推动10个强镇筑基省级试点镇工作: the money, then what it drives.
    ['003_d575a152877ceb5f.txt', '安排1500万元', '安排专项资金'],
    ['003_d575a152877ceb5f.txt', '10个', '推动强镇筑基省级试点镇工作'],
    // 共为6.4万名家庭经济困难学生(幼儿)发放助学金1.6亿元: not the students' noun again.
    ['003_d575a152877ceb5f.txt', '助学金1.6亿元', '发放助学金'],
    // 建设并投入使用17个县级公益性零工市场和137家零工微市场: the second of two figures by its own noun.
    ['002_211da1db43f6adac.txt', '137家', '零工微市场'],
    // 超额完成省教育厅下达的8个建设任务: who handed the task down (not the fragment 超额完成省教育厅下).
    ['002_211da1db43f6adac.txt', '下达的8个', '省教育厅下达的建设任务'],
    ['002_211da1db43f6adac.txt', '结案1385件', '调解结案'],
    // 推动100多项省、市、区三级高频服务事项下沉.
    ['004_d397c979dd854359.txt', '推动100多项', '推动省市区三级高频服务事项下沉'],
    // 3个区(市)首批通过国家学前教育普及普惠县省级评估: the places by what they did, not 区.
    ['003_d575a152877ceb5f.txt', '3个区', '通过国家学前教育普及普惠县省级评估的区(市)'],
  ])('in %s, names 「%s」 %s', (file, span, label) => {
    expect(find(metricsOf(file), span).label).toBe(label);
  });
});

describe('a table flattened to one cell per line', () => {
  const table = [
    '眉山市2017年十大民生工程项目实施进度表',
    '序号',
    '项目内容',
    '目标任务',
    '市级牵头',
    '责任单位',
    '进度',
    '完成目标',
    '(%)',
    '备注',
    '1',
    '2014级民族地区毕业生初次就业率(%)',
    '95',
    '市教体局',
    '100',
    '105.3',
    '超额完成',
    '2',
    '创业补贴资金(万元)',
    '1.1',
    '市人力资源社会保障局',
    '1.3',
    '118.2',
    '超额完成',
  ].join('\n\n');
  const r = extractReport(table, registry);
  it("reads each cell by its column, with the row's label whole and its magnitude exact", () => {
    const rate = r.metrics.filter((m) => m.label.startsWith('2014级民族地区'));
    expect(rate.map((m) => [m.value, m.unit, m.kind])).toEqual([
      [95, '%', 'target'],
      [100, '%', 'actual'],
      [105.3, '%', 'completion'],
    ]);
    const money = r.metrics.filter((m) => m.label === '创业补贴资金');
    expect(money.map((m) => [m.value, m.unit, m.kind])).toEqual([
      [11000, '元', 'target'],
      [13000, '元', 'actual'],
      [118.2, '%', 'completion'],
    ]);
    expect(new Set(money.map((m) => m.pledge)).size).toBe(1);
  });
});
