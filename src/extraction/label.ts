/**
 * How a figure's label (what it counts) and the start of its span are read: the words before the
 * figure in its clause, less leading function words, or the noun after it (258家企业).
 */
import type { Segment } from './structure.ts';

/** A deadline (12月底, 11月中旬前): when something is due, never what is counted. */
const DEADLINE = String.raw`\d{1,2}月(?:底|末|初|上旬|中旬|下旬)前?`;

/** Leading words that say nothing of what is counted: 其中, 全市, 累计, 2023年末, 12月底, … */
export const FILLER = new RegExp(
  String.raw`^(其中|同时|此外|另外|目前|截至目前|截至今年\d*月?底?|截至\d+月底?|${DEADLINE}|全市|全年|我市|今年|当年|共计|共有|累计|已经|已|并|还|均|都|和|及|以及|分别|为|对|在(?!校)|将|[\u4e00-\u9fa5]{2,4}市(?=共有|现有)|把|达到|达|实现|新建和|\d{4}年(度|末|底)?|前\d{1,2}个月|\d{1,2}[-—–~至]\d{1,2}月份?|[,,、:: ])+`,
);

/** Everything up to a deadline inside a label's words (市住建局要在12月底改造棚户区): the subject and the when. */
const DEADLINE_INSIDE = new RegExp(String.raw`^.*?(要|将)?(在|于)?${DEADLINE}`);

/** The task's own words before what it is (项目计划任务是, 任务目标是): what follows is the item. */
const TASK_LEAD = /^[^,,。]{0,8}?(任务|计划|目标)(是|为)/;

/** Verbs a label may open with that say what is done to the thing counted (新建改建, 建成). */
const LEADING_VERB = /^(新建|改建|改扩建|新改扩建|扩建|建成|建设|改造|新增|实施|完成)+/;

export interface Label {
  label: string;
  start: number;
  fromSuffix: boolean;
  /** How much of the text after the figure the span takes, when the label was read from there. */
  nounLength?: number;
}

export const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The start of the first whole word within `max` characters before `end` (spans never begin mid-word). */
export function wordStartWithin(words: Intl.Segments, line: Segment, from: number, end: number, max: number): number {
  if (end - from <= max) return from;
  // The first word boundary at or after `max` characters before the end.
  const at = end - max - line.start;
  const word = words.containing(at);
  const start = !word ? end - line.start : word.index === at ? at : word.index + word.segment.length;
  return line.start + Math.min(start, end - line.start);
}

/** A label of verbs only (建设并投入使用, 新建和改造): it says what was done, not to what. */
const VERBS_ONLY = /^(?:(?:建设|建成|新建|改建|改造|扩建|投入使用|投用|开工|完工|完成|实施|开展|并|和|及)){2,}$/;
/** Verbs whose object is the group after the figure (带动和吸纳, 惠及, 覆盖). */
const REACHING_VERB = /(带动和吸纳|带动|吸纳|惠及|覆盖|帮扶|资助|救助|推动)$/;

/** A list of one-character names (省、市、区三级): one word, not a clause break. */
const ONE_CHARACTER_LIST = /^[\u4e00-\u9fa5](?:、[\u4e00-\u9fa5])+(?=[\u4e00-\u9fa5])/;

/** Words a money label is made of when it names no purpose: 落实资金, 安排专项资金. */
const BARE_MONEY = /^(落实|安排|投入|筹集|拨付|争取|下达)?(专项)?资金$/;
/** What money is for, as written after it: its verbs (巩固提升, 开工建设) and a specification (10千伏及以下). */
const PURPOSE_LEAD = /^(巩固提升|开工建设|新建|建设|改造|实施|推动|支持|用于|保障|提升)+/;
const SPECIFICATION = /^[\d.\-—–~]+[\u4e00-\u9fa5]{1,2}?(及以下|及以上|以下|以上)/;

/** 落实资金19320万元巩固提升10千伏及以下农村配电网工程: the money of what it is for (农村配电网工程资金). */
function moneyFor(label: string, after: string): string {
  if (!BARE_MONEY.test(label)) return label;
  const clause = after.split(/[,,;;。]/)[0]!;
  const lead = PURPOSE_LEAD.exec(clause);
  if (!lead) return label;
  const purpose = clause.slice(lead[0].length).replace(SPECIFICATION, '');
  return /^[\u4e00-\u9fa5]{2,12}$/.test(purpose) ? `${purpose}资金` : label;
}

/** Verbs a clause opens with before the thing it names (严格落实决策合法性审查, 优化新生儿疾病免费筛查). */
const CLAUSE_VERB = /^(严格|全面|持续|深入|积极|大力|不断|进一步)?(落实|优化|开展|实施|推进|加强|完善|提升|推动|深化|做好|抓好|强化|健全|规范)+/;

/**
 * A short name (筛查率, 完成各类审查) that a clause before it in the sentence says in full
 * (新生儿疾病免费筛查, 决策合法性审查): the full name.
 */
function fullerName(label: string, sentenceBefore: string): string {
  const short = /^(?:完成)?(?:各类|各项)([\u4e00-\u9fa5]{2})$|^([\u4e00-\u9fa5]{2})(率)$/.exec(label);
  if (!short) return label;
  const head = short[1] ?? short[2]!;
  for (const clause of sentenceBefore.split(/[,,;;]/).reverse()) {
    const at = clause.indexOf(head);
    if (at < 0) continue;
    const name = clause.slice(0, at + head.length).replace(CLAUSE_VERB, '');
    return name.length >= 4 && name.length <= 14 && /^[\u4e00-\u9fa5]+$/.test(name) ? name + (short[3] ?? '') : label;
  }
  return label;
}

/** What is counted: the words before the figure in its clause, or the noun after it (258家企业). */
export function labelFor(text: string, from: number, to: number, after: string, sentenceBefore = ''): Label {
  const read = readLabel(text, from, to, after);
  if (read.fromSuffix) return read;
  return { ...read, label: fullerName(moneyFor(read.label, after), sentenceBefore) };
}

function readLabel(text: string, from: number, to: number, after: string): Label {
  const raw = text.slice(from, to);
  const lead = FILLER.exec(raw)?.[0].length ?? 0;
  let label = raw.slice(lead).replace(/(达到|达|为|是|的|共计|合计|总计|共|约|近|超过|超|有)$/, '');
  const spoken = /^[\u4e00-\u9fa5]{1,6}(介绍|表示|说),?/.exec(label);
  const start = from + lead + (spoken ? spoken[0].length : 0);
  if (spoken) label = label.slice(spoken[0].length);
  // A deadline inside the words (要在12月底改造棚户区) says when, not what.
  label = label.replace(DEADLINE_INSIDE, '') || label;
  // An earlier figure in the same words (向1.1万家企业发放…资金): keep what follows it.
  if (/\d/.test(label)) {
    const tail = label
      .replace(/^.*\d/, '')
      .replace(/^年度/, '年') // 2023年度福州市…: the year's 年度, not a unit and a stray 度
      .replace(/^[万亿千百]?[^\u4e00-\u9fa5]*[\u4e00-\u9fa5]?(\/[\u4e00-\u9fa5·]+)*[和及与、]?/, '');
    // 为6.4万名家庭经济困难学生(幼儿)发放助学金1.6亿元: the earlier figure's noun, then what this one is.
    const given = /^[^\d]{2,}?(发放|提供)([\u4e00-\u9fa5]{2,})$/.exec(tail);
    label = given ? given[1]! + given[2]! : tail.length >= 2 ? tail : label.replace(/^[((]?\d+[.、))]/, '').replace(/[\d.].*$/, '');
  }
  label = label.replace(/(不低于|不少于|不超过|超过)$/, '').replace(/(分别)?(提高|提升|增加|稳定在|达到|(?<![下到送传])达)(到|至)?$/, '') || label;
  label = label.replace(TASK_LEAD, '') || label;
  // Quotation marks around the counted noun (14个“口袋公园”) are not a clause break.
  // So is a list of one-character names (省、市、区三级高频服务事项).
  const unquoted = after.replace(/^[“"]([^”"]{1,12})[”"]/, '$1').replace(ONE_CHARACTER_LIST, (list) => list.replace(/、/g, ''));
  const suffixMatch = /^(的)?([^\d,,;;。、()()|]{1,16})/.exec(unquoted);
  const suffix = suffixMatch ? suffixMatch[2]! : '';
  // The span takes only the noun (258家企业), the label also what is done with it (企业发放奖补资金).
  const noun = suffix
    .replace(/(发放|实现|提供|开展|参与|达到|投入|入选|开工|完工|学会|得到|回流|分流|下沉|纳入|获得|分别|提高|提升|增加|降低|下降|调整).*$/, '')
    .replace(/[并和及与]$/, ''); // 基层消防站并投入执勤: the noun, not the conjunction before the next verb
  // The second of two figures joined by 和 (17个县级公益性零工市场和137家零工微市场): the noun after it.
  if (/\d[^\d,,;;。]*[和及与]$/.test(raw) && noun.length >= 2) return { label: suffix, start: to, fromSuffix: true, nounLength: noun.length };
  // A task handed down (超额完成省教育厅下达的8个建设任务): who handed it down, and what it is.
  if (/(下达|分配|交办|部署)的$/.test(raw) && noun.length >= 2) return { label: `${label.replace(/^(超额)?完成/, '')}的${noun}`, start, fromSuffix: false };
  // Examples before the figure (建成燕沟口、南河滨路等14个口袋公园) name instances, not what is counted.
  if (/等的?$/.test(label) && suffix.length >= 2) return { label: (LEADING_VERB.exec(label)?.[0] ?? '') + suffix, start, fromSuffix: false };
  // A bare verb before the figure (扶持2700名创业人员) reads better with the noun after it.
  if (label.length >= 2 && label.length <= 4 && suffix.length >= 2 && !/(率|数|量|额|比|金|费|款)$/.test(label)) {
    // 安排1500万元专项资金推动…: what the money is, not what it then drives.
    return { label: label + suffix.replace(/(?<=..)(推动|用于).*$/, ''), start, fromSuffix: false };
  }
  // Only verbs before the figure (建设并投入使用17个县级公益性零工市场): the noun after it says what.
  if (VERBS_ONLY.test(label) && noun.length >= 2) return { label: label + noun, start, fromSuffix: false };
  // A verb that reaches a group (带动和吸纳2.49万名失业人员再就业): the group and what befalls it.
  const reach = REACHING_VERB.exec(label);
  if (reach && suffix.length >= 2) return { label: reach[0] + suffix, start, fromSuffix: false };
  // Where and what was done (中心乡镇建成15个基层消防站): the noun after the figure says what.
  if (BARE_ACTION.test(label) && noun.length >= 2) return { label: label + noun, start, fromSuffix: false };
  if (label.length >= 2) return { label: lastWords(label), start, fromSuffix: false };
  // A short noun that is what the clause is about (13个县(市、区)所有街道、乡镇均完成电子签章业务):
  // what it did says what is counted (完成电子签章业务的县(市、区)); 县 alone says nothing.
  const done = suffix.length <= 2 && suffix === noun ? subjectDid(unquoted.slice(suffix.length)) : null;
  if (done) return { label: `${done.did}的${suffix}${done.aside}`, start: to, fromSuffix: true, nounLength: noun.length };
  return { label: suffix || label, start: to, fromSuffix: true, nounLength: (noun || label).length };
}

/** An aside in brackets in words (服务(自愿接种)已完成): how, not what; a name in Latin letters ((HPV)) stays. */
const ASIDE = /[((][\u4e00-\u9fa5、]{2,8}[))]/g;

/**
 * The last 18 characters of long words, which name the thing nearest the figure, from a word's
 * start (财政局…, not 政局…: up to two characters more); asides go first to make room.
 */
function lastWords(label: string): string {
  if (label.length <= 18) return label;
  const plain = label.replace(ASIDE, '');
  const words = plain.length >= 2 ? plain : label;
  if (words.length <= 18) return words;
  const at = words.length - 18;
  // Back to the start of the word the cut falls in, when that word is short (a name, not a run of text).
  const word = segmenter.segment(words).containing(at);
  return words.slice(word && at - word.index <= 2 ? word.index : at);
}

/** A verb of completion the subject's clause goes on to, after who or how (所有街道均, 正式), to the clause's end. */
const SUBJECT_DID =
  /^[^,,;;。\d]{0,12}?(?:均|都|已经?|全部|正式|全面)?((?:完成|实现|上线|建成|开通|接入|纳入|通过|配备|安装|覆盖)[^,,;;。\d()()]{2,18})(?=[,,;;。]|$)/;

/** What a counted subject did, from the words after it: its aside in brackets ((市、区)) and its verb phrase. */
function subjectDid(rest: string): { aside: string; did: string } | null {
  const aside = /^[((][^()()]{1,8}[))]/.exec(rest)?.[0] ?? '';
  const did = SUBJECT_DID.exec(rest.slice(aside.length))?.[1];
  return did ? { aside, did } : null;
}

/**
 * When neither side of a figure names what it counts: the clause's own words, else the subject of
 * the clause before it (地区生产总值连续跨越关口,2023年达到5843亿元), else the unit's.
 */
export function fallbackLabel(clause: string, unit: string, sentenceBefore = ''): string {
  const words = clause
    .replace(FILLER, '')
    .replace(/[\d.]+[万亿千百]?/g, ' ')
    .replace(new RegExp(`\\s(${unit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')})`, 'g'), ' ')
    .replace(/[\s.,,;;。%、:()()“”]+/g, '')
    .replace(FILLER, '')
    .slice(0, 12);
  if (words.length >= 2) return words;
  const previous =
    sentenceBefore
      .split(/[,,;;]/)
      .filter(Boolean)
      .pop() ?? '';
  const subject = /^([\u4e00-\u9fa5]{2,12}?)(连续|持续|实现|达到|突破|跨越|稳定|保持|位居|首次|再创)/.exec(previous.replace(FILLER, ''));
  if (subject) return subject[1]!;
  return `${unit === '%' ? '比例' : unit === 'ratio' ? '比值' : '数量'}`;
}

/** A per-head or per-period tail a change's end may carry (提高到每人每月…, 增至年人均…). */
const PER_HEAD = '(每人每月|每人每年|每月|每年|年人均|人均)?';
const CHANGE_TAIL = new RegExp(`([由从][^由从]{0,6})?(降至|降到|降低到|提升至|提升到|提高到|提高至|增至|增加到|下降到|压缩到|压缩至)${PER_HEAD}$`);

/**
 * A label as a resident reads it: without leading function words (等政策性补贴, 和吸纳, 以来新建) or a
 * change's dangling verb (车桩比由降至). Only the label: the span a figure was read from stays as it was.
 */
export function tidyLabel(label: string): string {
  const out = label
    .replace(TASK_LEAD, '') // 项目计划任务是新建…: what follows is the item
    .replace(/^[一二三四五六七八九十]+是/, '') // 一是…, 二是…: the ordinal of a list, not what is counted
    .replace(/^[))]/, '') // the end of a bracket the label began inside: (HPV)疫苗
    .replace(/^(等|和|及|以及|与|以来|共计|合计|确保|力争|并|还)+/, '')
    .replace(/^以([\u4e00-\u9fa5]{2,4})(形式|方式)/, '$1') // 以调解形式结案: 调解结案
    .replace(/城乡各类(?=[\u4e00-\u9fa5]{2})/, '') // 城乡各类失业人员: all of them, said in fewer words
    .replace(CHANGE_TAIL, '')
    .replace(/[由从的及和、((]+$/, ''); // 正在施工中(93%): the bracket opens on the figure
  // Examples of a class before it (新建龚家巷小学等中小学, both …学): the class, with what is done to it.
  const examples = /^([^等]{2,})等([\u4e00-\u9fa5]{2,8})$/.exec(out);
  if (examples && examples[1]!.slice(-1) === examples[2]!.slice(-1)) return (LEADING_VERB.exec(examples[1]!)?.[0] ?? '') + examples[2]!;
  // A change's baseline (补助标准从年人均580元提高到…) is labelled by what changes, not by 从年人均.
  const subject = out.replace(/[由从](?!业)[^由从,,。]{1,5}$/, '');
  return subject.length >= 4 ? subject : out.length >= 2 ? out : label;
}

/**
 * A label that is only what was done, maybe where or when (完成, 已新建, 东营区完成, 上半年完成): the thing
 * done to is named by the figure it belongs to (其中东营区完成26866户 after 已接通天然气172083户).
 */
const BARE_ACTION =
  /^((?:[\u4e00-\u9fa5]{1,6}(?:区|县|市|镇|乡|街道))|上半年|下半年|全年|年内|目前|现|\d{1,2}-\d{1,2}月|前三季度)?(已经|现已|已)?(完成|实施|新建|改建|改造|建成|开工|新增|硬化|加固)$/;

/** A bare action's label completed with what another figure's label counts; null when it is not bare. */
export function withObject(label: string, other: string): string | null {
  const bare = BARE_ACTION.exec(label);
  if (!bare) return null;
  const [, where = '', done = '', verb = ''] = bare;
  if (!where && !verb) return null;
  const thing = other
    .replace(LEADING_VERB, '')
    .replace(/^(已经|现已|已)/, '')
    .replace(LEADING_VERB, '');
  if (thing.length < 2) return null;
  // 完成 and 实施 say only that it was done: the other label's own verb says what (接通天然气).
  const action = /^(完成|实施|)$/.test(verb) ? other.replace(/^(已经|现已|已|累计|实际|共)+/, '') : verb + thing;
  return where + done + action;
}

export const isBareAction = (label: string) => BARE_ACTION.test(label);

/** A share of a breakdown named only by its place (其中枣阳市37所、谷城县30所): it counts what the whole counts. */
const PLACE_ONLY = /^[\u4e00-\u9fa5]{2,6}(?:区|县|市|镇|乡|街道)$/;

/** A breakdown's place label with what the whole counts: 枣阳市 + 义务教育学校创建任务. */
export function placeShare(label: string, whole: string, sentenceBefore: string): string | null {
  if (!PLACE_ONLY.test(label) || !/其中/.test(sentenceBefore)) return null;
  const thing = whole.replace(LEADING_VERB, '').replace(/(分解|下达|分配).*$/, '');
  return thing.length >= 2 && !PLACE_ONLY.test(thing) ? label + thing : null;
}

/** A label that is only a change's verb (提高到, 升至, 压缩到): the figure is named by its pledge's other figure. */
export const CHANGE_ONLY_LABEL = new RegExp(`^(?=.)(分别)?[由从]?(提高|提升|增加|增长|降低|下降|减少|压缩|扩大|缩短|延长|升|降|高|增)?(到|至|为)?${PER_HEAD}$`);

/** A label that names only the task or the rate (完成省定目标, 省定目标任务, 占比): it says nothing of what. */
export const GENERIC_LABEL = /^(上半年|全年)?(完成|超额完成|占)?(省定|市定|年度|全年|年初|省|市)?(目标|任务|计划)*(任务|的|数)?$|^(占比|比例|完成率|完成)$/;

/** What a task's line says was done of it (农村幸福院建设已完成8个): the task is what comes before. */
const DONE_OF_TASK = /(已经?|累计)(完成|建成|开工|送|发放|办结|培训|改造|安置|实现)$/;

/** The task a progress line names, without what it says was done of it: 农村幸福院建设已完成 → 农村幸福院建设. */
export function taskOf(label: string): string {
  const task = label.replace(DONE_OF_TASK, '');
  return task.length >= 2 ? task : label;
}

/** The label of a completion rate or a bare target, from the pledge it measures: 返乡农民工创业完成率. */
export function pledgeLabel(kind: string, subject: string): string {
  return `${subject}${kind === 'completion' ? '完成率' : '目标'}`;
}
