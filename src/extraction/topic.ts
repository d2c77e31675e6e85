/**
 * A figure's topic: exactly one of the fifteen a resident browses by (../shared/eval/GUIDELINE.md).
 * The words of its label and clause decide first, most specific topic first; then its sentence;
 * then its department; else 其他.
 */
export const TOPICS = [
  '就业创业',
  '教育',
  '医疗卫生',
  '养老服务',
  '社会救助与保障',
  '住房与社区',
  '交通出行',
  '生态环境',
  '供水与水利',
  '文化体育',
  '城市设施',
  '农业农村',
  '政务与营商',
  '财政投入',
  '其他',
] as const;

export type Topic = (typeof TOPICS)[number];

/** Each topic's page address (/topics/SLUG/). */
export const TOPIC_SLUGS: Record<Topic, string> = {
  就业创业: 'employment',
  教育: 'education',
  医疗卫生: 'health',
  养老服务: 'elderly-care',
  社会救助与保障: 'social-assistance',
  住房与社区: 'housing',
  交通出行: 'transport',
  生态环境: 'environment',
  供水与水利: 'water',
  文化体育: 'culture-sports',
  城市设施: 'urban-facilities',
  农业农村: 'rural',
  政务与营商: 'government-services',
  财政投入: 'public-finance',
  其他: 'other',
};

/**
 * Words by topic, in the order they are tried: the more specific topics come before the broader ones.
 * A third element marks words specific enough to hold against a section's or a department's topic
 * even where their topic is a weak one (就近办 is government service, whoever provides it).
 */
const WORDS: Array<[Topic, RegExp, 'strong'?]> = [
  // The pledges themselves (30项民生实事, 68件为民办实事项目), science and industry: none of the fourteen.
  ['其他', /民生实事|实事项目|办实事|惠民实事|民生工程|重点工程|创新|科技|产学研|技术成果|产业链|规模以上|工业|制造业|专利|研发|食品安全|消防|网格/],
  // The economy's indicators (地区生产总值, 可支配收入, 预算收入) are none of the fourteen either: revenue is not spending.
  ['其他', /地区生产总值|GDP|可支配收入|预算收入|财政收入|税收收入/, 'strong'],
  // Services of government itself (就近办, 帮办, 高频事项, 填报): not the place they happen in (社区).
  ['政务与营商', /就近办|帮办|一窗受理|高频.{0,4}事项|服务事项|填报|无申即享|免申即享|一网通办|网上可办|行政复议|合法性审查/, 'strong'],
  // Who heals, and the mutual insurance of workers: before 培训 (就业) and 医疗 (卫生) decide.
  ['医疗卫生', /医生|医务人员|护士|卫生技术人员/],
  // Getting a group into work (促进退役军人就业) is employment, whoever the group is.
  ['就业创业', /(促进|实现|帮助|扶持).{0,6}就业/],
  // A village's toilets are the countryside's (农村户厕, 农村公厕), a town's are its facilities.
  ['农业农村', /农村[^,,。;;]{0,6}厕|户厕/, 'strong'],
  ['社会救助与保障', /医疗互助|互助保障/],
  ['养老服务', /养老|老年|敬老|适老|助餐|幸福院|居家.{0,4}服务|护理型床位|颐养/],
  [
    '社会救助与保障',
    /低保|救助|特困|残疾|残障|孤儿|困境儿童|社保|社会保险|医保|医疗保障|参保|参合|新农合|城乡居民医疗保险|报销|退役军人|法律援助|优抚|临时救助|殡葬|公墓/,
  ],
  ['就业创业', /就业|创业|失业|岗位|招聘|职业技能|技能|培训|人才|劳动者|务工|返乡|稳岗|零工|乡村车间|就业车间/],
  ['教育', /学校|学位|幼儿园|托育|托位|托幼|学前|中小学|小学|初中|高中|中学|义务教育|校舍|教师|学生|高校|教育|课桌|校园|职业院校/],
  ['医疗卫生', /医院|医疗|卫生院|卫生室|村医|诊所|门诊|号源|家庭医生|健康|疾控|疫苗|筛查|HPV|两癌|妇幼|孕|体检|急救|药/],
  ['住房与社区', /住房|保障房|保障性|房地产|不动产|棚改|棚户|老旧小区|加装电梯|电梯|安置房|城中村|物业|小区|社区|危房|危旧房|公租房|户居民/],
  ['供水与水利', /供水|供排水|排水管网|给水|饮水|自来水|水厂|水利|水库|防洪|排涝|灌溉|引调水|蓄水/],
  ['城市设施', /停车|车位|公厕|厕所|充电|车桩|燃气|天然气|供热|供暖|路灯|管网|井盖|亮化|垃圾分类|监控|菜市场|农贸|公园|游园|绿地/],
  ['交通出行', /公交|道路|公路|交通|干线|国道|省道|地铁|轨道|桥|断头路|背街小巷|出行|客运|公交站|站点|通行|事故|连村路|农村路|四好/],
  ['生态环境', /空气|大气|PM|污水|垃圾|黑臭|河湖|河道|水质|环境|绿化|造林|生态|扬尘|噪声|油烟|燃煤|散煤/],
  ['文化体育', /文化|体育|健身|图书|书屋|博物|演出|送戏|电影|放映|广场舞|赛事|运动|全民阅读|非遗/],
  ['农业农村', /农村|农业|乡村|村庄|农户|农民|种植|畜牧|粮食|高标准农田|耕地|亩|村|户厕/],
  // Civil society and people's mediation (社会组织, 志愿者, 慈善, 调解纠纷): none of the fourteen.
  ['其他', /社会组织|志愿者|志愿服务|慈善|善款|社工站|调解民间|民间纠纷|矛盾纠纷|法律咨询/],
  [
    '政务与营商',
    /政务|审批|办事|营商|企业|市场主体|一网|网办|热线|12345|电子|数字|5G|信号|无申即享|免申即享|直接兑现|填报|高频|一窗|行政复议|合法性审查|网上可办/,
  ],
  ['财政投入', /民生支出|财政|预算|投入.{0,6}资金|总投资|资金支出|投资.{0,4}亿元|一般公共预算/],
];

/** Departments' usual topics, for a figure whose words name none. */
const BY_DEPARTMENT: Array<[RegExp, Topic]> = [
  [/人力资源|人社/, '就业创业'],
  [/教育|教体|教委/, '教育'],
  [/卫生健康|卫健|医院/, '医疗卫生'],
  [/医疗保障|医保/, '社会救助与保障'],
  [/民政/, '社会救助与保障'],
  [/残疾人|残联/, '社会救助与保障'],
  [/住房|住建|房管/, '住房与社区'],
  [/交通|公交/, '交通出行'],
  [/生态环境|环保|园林|林业/, '生态环境'],
  [/水利|水务/, '供水与水利'],
  [/文化|体育|文旅/, '文化体育'],
  [/城市管理|城管|燃气|供电|通信/, '城市设施'],
  [/农业|乡村振兴/, '农业农村'],
  [/审批|政务|数据|市场监/, '政务与营商'],
  [/财政/, '财政投入'],
];

const firstEntry = (text: string) => WORDS.find(([, re]) => re.test(text));
const first = (text: string): Topic | null => firstEntry(text)?.[0] ?? null;

/** Topics whose words are common in any section (企业, 资金, 村): the department's topic goes before them. */
const WEAK = new Set<Topic>(['政务与营商', '财政投入', '农业农村']);
/** Whether the words that named `text`'s topic give way to a section's or a department's. */
const isWeak = (text: string) => {
  const e = firstEntry(text);
  return !!e && WEAK.has(e[0]) && e[2] !== 'strong';
};

/** The topic a label's own words name, when it is a specific one (not 企业, 资金, 村 or 其他). */
export function namedTopic(label: string): Topic | null {
  const t = first(label);
  return t !== null && !isWeak(label) && t !== '其他' ? t : null;
}

/** The topic a heading gives the figures under it (三、开展城乡居民医疗保障待遇提升行动), if its words name one. */
export const headingTopic = (heading: string): Topic | null => first(heading);

/**
 * The topic of a figure: its label's words, then the heading it stands under, then its clause's,
 * then its department's, then its sentence's. Words of a weak topic (企业, 资金, 村) give way to the
 * heading's and the department's topic.
 */
export function topicOf(
  label: string,
  clause: string,
  sentence: string,
  department: string | null,
  section: Topic | null = null,
  amount?: { value: number; unit: string },
): Topic {
  const fromLabel = first(label);
  // Money in the hundreds of millions invested or spent across items is the budget's (完成投资10.81亿元),
  // unless its label names what it builds (投资10.2亿元建设教育园区项目: 教育).
  if (amount && amount.unit === '元' && amount.value >= 1e8 && /投资|投入|支出|筹措/.test(clause) && !namedTopic(label)) return '财政投入';
  const own = section ?? (department ? BY_DEPARTMENT.find(([re]) => re.test(department))?.[1] : undefined);
  if (fromLabel && !(isWeak(label) && own)) return fromLabel;
  if (section) return section;
  for (const text of [clause, sentence]) {
    const t = first(text);
    if (t && !(isWeak(text) && own)) return t;
  }
  return own ?? fromLabel ?? first(clause) ?? first(sentence) ?? '其他';
}
