/** The units figures are counted in, and how a unit written in a text is read. */
import { PhraseMatcher } from './phrases.ts';

/** Written form → normalised unit. Longest forms are tried first. */
const UNIT_FORMS: Record<string, string> = {
  '元/月·人': '元/月·人',
  '元/人·月': '元/人·月',
  '元/人·年': '元/人·年',
  '元/年·人': '元/年·人',
  '元/月': '元/月',
  '元/人': '元/人',
  '元/年': '元/年',
  '元/平方米': '元/平方米',
  '元/吨': '元/吨',
  '元/亩': '元/亩',
  '元/天': '元/天',
  '元/次': '元/次',
  '元/户': '元/户',
  '微克/立方米': '微克/立方米',
  '毫克/立方米': '毫克/立方米',
  个百分点: '百分点',
  百分点: '百分点',
  '人(次)': '人次',
  人次: '人次',
  户次: '户次',
  车次: '车次',
  架次: '架次',
  班次: '班次',
  场次: '场次',
  平方公里: '平方公里',
  平方千米: '平方公里',
  平方米: '平方米',
  平米: '平方米',
  立方米: '立方米',
  公里: '公里',
  千米: '千米',
  米: '米',
  公顷: '公顷',
  亩: '亩',
  方: '方',
  吨: '吨',
  公斤: '公斤',
  千克: '公斤',
  千瓦时: '千瓦时',
  千瓦: '千瓦',
  兆瓦: '兆瓦',
  度: '度',
  张床位: '张',
  个床位: '个',
  人: '人',
  名: '人',
  位: '人',
  户: '户',
  套: '套',
  张: '张',
  个: '个',
  家: '家',
  所: '所',
  项: '项',
  场: '场',
  次: '次',
  件: '件',
  条: '条',
  处: '处',
  支: '支',
  台: '台',
  辆: '辆',
  座: '座',
  栋: '栋',
  间: '间',
  册: '册',
  份: '份',
  篇: '篇',
  部: '部',
  批: '批',
  株: '株',
  棵: '棵',
  盏: '盏',
  块: '块',
  根: '根',
  只: '只',
  头: '头',
  床: '张',
  班: '个',
  元: '元',
  倍: '倍',
  '%': '%',
  '‰': '‰',
  起: '起',
  宗: '宗',
  例: '例',
  对: '对',
  门: '门',
  期: '期',
  轮: '轮',
  单: '单',
  种: '种',
  类: '类',
  款: '款',
  本: '本',
  节: '节',
  堂: '堂',
};
const FORMS = new PhraseMatcher(Object.keys(UNIT_FORMS));

/** Words that begin with a unit character but are nouns, not units: 4万家长 is parents, not 家. */
const NOT_A_UNIT =
  /^(家长|家庭|家乡|家属|家园|家门|家电|家政|家居|家中|人员|人口|人民|人才|人群|人均|人社|人大|人工|名单|名称|名录|名额|名牌|位置|位于|户籍|户外|户口|场所|场地|场景|场馆|次数|次年|次日|件事|条件|条例|处理|处置|台账|座谈|项目|张贴|所有|所以|所在|所属|支持|支付|支出|批准|批次|头部|份额|部门|部署|部分|套餐|期间|期限|种植|种类|类型|门诊|方面|方式|方案|方向|方便|方法|元素|度假|节点|单位|本地|本市|本级|起步|例如|轮流|班子|班级|对接|对象|对口|只有|个人|个体|个性|起来)/;

/** Nouns that count people when they follow a bare number (惠及4万家长 → 40000 人). */
const PEOPLE_NOUNS =
  /^(家长|学生|村民|群众|居民|市民|职工|老人|老年人|儿童|幼儿|农民工|毕业生|教师|医生|志愿者|患者|残疾人|人员|员工|游客|妇女|青年|考生|新生儿)/;

/** Units that date or time a thing rather than count it: never a metric. */
export const TIME_UNITS = /^(年|月|日|号|时|点钟|分钟|秒|季度|世纪|届|周岁|岁|周|天|小时|个月|个工作日|工作日|星期|旬|代)/;

export interface UnitMatch {
  unit: string;
  length: number;
}

/** Reads the unit at the start of `rest` (the text right after a number, magnitude removed). */
export function readUnit(rest: string): UnitMatch | null {
  const form = FORMS.longestAt(rest, 0); // the longest written form: 平方公里 before 公里
  if (form !== undefined && !(form.length === 1 && NOT_A_UNIT.test(rest))) return { unit: UNIT_FORMS[form]!, length: form.length };
  const people = PEOPLE_NOUNS.exec(rest);
  if (people) return { unit: '人', length: 0 };
  return null;
}
