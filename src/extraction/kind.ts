/** Whether a figure is a promise (target), an achievement (actual) or a share of a target achieved (completion). */
import type { Kind } from './types.ts';

/** "完成省定目标的" / "完成年度任务占比" right before a percentage (earlier list items allowed: 的125.6%、). */
const COMPLETION_BEFORE = /(完成|达到|实现|占|为|是)[^,,;;。]*?(目标|任务|计划)[^,,;;。]*?(的|占比|比例|比重)(为|是)?[\d.%、]*$/;
/** "年度目标任务完成率98%", "开工率100%", "完成总工程量80%", "1个(50%)": how much of a task is done. */
const COMPLETION_RATE = /((目标|任务|计划)(任务)?完成率|完成率|开工率|建成率|竣工率|完工率)(为|达|达到|已达)?$|完成(了)?(总)?(工程量|工程进度|进度)?的?$|[((]$/;
/** The task, before what was done of it in the same clause: 2个嵌入式养老机构建设已完成1个(50%). */
const TASK_BEFORE_RESULT = /^[^,,;;。\d]{0,16}?(已经?|累计)(完成|建成|开工|送|发放|办结|培训|改造|安置|实现)[^,,;;。\d]{0,4}\d/;
/** Words that make a figure an achievement beyond doubt, even in a task's own line. */
const STRONG_ACTUAL = /(实际|已经|已|累计|截至|目前|完成了|建成了|实现了)/;
/** A progress report's result line: 完成情况:…, 推进情况:…. */
const RESULT_LINE = /(完成情况|推进情况|进展情况|工作进展|进展)[::]/;
/** A verb in the perfect right before the figure (实施了22项, 改造了181个): done. */
const DONE_VERB = /[\u4e00-\u9fa5]了$/;
/** Words that make a figure a plan (计划 as a verb: 计划新建, not 募集计划,). */
const TARGET_CUE = /(计划(?![,,;;。、”])|力争|确保|争取|拟|预计|目标|规划|提出|要求|承诺|任务|(?<!执行|完成|公共)预算(?!执行|完成|收入|支出|内))/g;
/** Words that make a figure an achievement. */
const ACTUAL_CUE =
  /(实际|已经|已|累计|截至|目前|共计|超额|实现了|完成了|建成了|达到了|全年|(?:上半年|前三季度|一季度|前\d{1,2}个?月)(?:已|累计)?(?:完成|实现|建成|新增))/g;
/** 将 means "will" only in a text that looks ahead; in a year-end review it is 把. */
const WEAK_TARGET = /(将|(?<![重主需只必紧首])要(?![求点素闻])|预期)/; // 要 as "will", not 重要 or 要求
/** The clause names a target right before the figure: 省定目标任务4600人, 计划任务是新建…26所. */
const LOCAL_TARGET = /(目标|任务|计划)(任务)?[^,,;;。]{0,16}$/;
/** …or right after it: 90所义务教育学校创建任务, 6000个充电桩的年度目标任务, 这5项预计10月底前全部完成. */
const TARGET_AFTER = /^[^,,;;。\d]{0,12}?(的)?(年度)?(目标|任务)|^[^,,;;。\d]{0,2}(预计|计划|力争|争取|将于|将在)[^,,;;。]{0,12}(完成|建成|投用|开工)/;

export interface KindContext {
  /** Text of the clause up to the number. */
  clauseBefore: string;
  /** Text of the clause after the figure. */
  clauseAfter: string;
  /** Text of the sentence up to the number. */
  sentenceBefore: string;
  unit: string;
  /** The document is a plan (实施方案, 行动计划): everything in it is promised. */
  plan: boolean;
  /** The document speaks from early in a year or from an unknown time (so 将 means "will"). */
  forwardLooking: boolean;
  /** The figure's explicit year compared with the document's year: -1 past, 0 same, 1 future, null none. */
  yearRelation: -1 | 0 | 1 | null;
  /** The text reports on a list of tasks (a progress or completion report), and the figure stands in a task's own numbered line. */
  taskLine: boolean;
  /** What the figure's column of a flattened table holds, when it stands in one. */
  column?: Kind;
}

/** Where the last match of a global expression starts in `s`, or -1. */
function lastIndex(re: RegExp, s: string): number {
  let at = -1;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) at = m.index; // the last exec, finding none, sets lastIndex back to 0
  return at;
}

/** "完成省定目标任务4600人的139%" reports an achievement: its 目标 is no cue for what follows. */
const COMPLETION_PHRASE = /(超额)?完成(了)?[^,,;;。]*?(目标|任务)[^,,;;。]*/g;

export function classifyKind(c: KindContext): Kind {
  if ((c.unit === '%' || c.unit === '百分点') && COMPLETION_BEFORE.test(c.clauseBefore)) return 'completion';
  if (c.plan) return 'target';
  if (c.column) return c.column;
  if (TASK_BEFORE_RESULT.test(c.clauseAfter)) return 'target';
  if (c.unit === '%' && COMPLETION_RATE.test(c.clauseBefore)) return 'completion';
  if (DONE_VERB.test(c.clauseBefore)) return 'actual';
  if (RESULT_LINE.test(c.sentenceBefore)) return 'actual';
  // 1.…全年开展职业技能培训4.7万人次以上 (责任单位:…): a task's own line states the task, unless it says it is done.
  if (c.taskLine && !STRONG_ACTUAL.test(c.clauseBefore)) return 'target';
  // 完成41个老旧小区改造任务, 有10个项目超额完成节点任务: the task after the figure is what was done.
  const doneTask = /(完成|建成)了?([^,,;;。]{0,12}[和、及])?$/.test(c.clauseBefore) || /^[^,,;;。\d]{0,8}完成/.test(c.clauseAfter);
  const localTarget = LOCAL_TARGET.test(c.clauseBefore) || (TARGET_AFTER.test(c.clauseAfter) && !(doneTask && lastIndex(TARGET_CUE, c.clauseBefore) < 0));
  if (lastIndex(ACTUAL_CUE, c.clauseBefore) >= 0 && !localTarget) return 'actual';
  if (localTarget) return 'target';
  // A semicolon ends the reach of a cue; the nearest cue before the figure decides.
  const sentence = c.sentenceBefore.replace(COMPLETION_PHRASE, (m) => ' '.repeat(m.length));
  const scope = sentence.slice(Math.max(sentence.lastIndexOf(';'), sentence.lastIndexOf(';')) + 1);
  const target = lastIndex(TARGET_CUE, scope);
  const actual = lastIndex(ACTUAL_CUE, scope);
  if (target > actual) return 'target';
  if (actual >= 0) return 'actual';
  if (c.yearRelation === -1) return 'actual';
  if (c.yearRelation === 1) return 'target';
  if (c.forwardLooking && (c.yearRelation === 0 || WEAK_TARGET.test(sentence))) return 'target';
  return 'actual';
}

/** Plans and programmes announce themselves in their opening lines. */
const PLAN_WORDS =
  /(特制定本|制定本(实施)?方案|实施方案|安排方案|工作方案|行动方案|行动计划|工作要点|任务清单|任务分工|量化目标任务|要办的|拟办|将办|票决|计划项目|完成时限)/;
/** A headline announcing a year's pledges: 房山区公布2023年40件重要民生实事项目. */
const ANNOUNCED =
  /(公布|发布(?!会)|确定|出炉|敲定|来了)[^,,。]{0,12}(民生实事|实事项目|为民办实事|惠民实事|民生工程)|(民生实事|实事项目)[^,,。]{0,6}(公布|发布(?!会)|出炉|来了)/;
/** Reports on how pledges went: 完成情况, 进展情况, 推进情况. */
const REPORT_WORDS = /(完成情况|进展情况|推进情况|进度|已完成|全面完成|超额完成|圆满完成)/;

export function looksLikePlan(text: string, headline = ''): boolean {
  const head = `${headline}\n${text.slice(0, 400)}`;
  if (REPORT_WORDS.test(head)) return false; // 票决的十件民生实事全部完成: a report on a plan, not the plan
  return PLAN_WORDS.test(head) || ANNOUNCED.test(headline) || /^[一二三]、(攻坚|主要|工作)?目标/m.test(text.slice(0, 800));
}

/** Whether the text reports on a list of tasks, item by item: a progress or completion report. */
export function looksLikeTaskReport(text: string, headline = ''): boolean {
  return (
    (REPORT_WORDS.test(`${headline}\n${text.slice(0, 300)}`) && /(推进情况|进展情况|完成情况)[::]/.test(text)) ||
    /(^|\n)\s*(\d+[.、]|[一二三四五六七八九十]+、)[^\n]*[((](责任单位|牵头单位)/.test(text)
  );
}
