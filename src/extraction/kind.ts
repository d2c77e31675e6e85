/** Whether a figure is a promise (target), an achievement (actual) or a share of a target achieved (completion). */
import type { Kind } from './types.ts';

/** "完成省定目标的" / "完成年度任务占比" right before a percentage (earlier list items allowed: 的125.6%、). */
const COMPLETION_BEFORE = /(完成|达到|实现)[^,,;;。]*?(目标|任务|计划)[^,,;;。]*?(的|占比|比例|比重)(为|是)?[\d.%、]*$/;
/** Words that make a figure a plan wherever they stand before it in the sentence. */
const STRONG_TARGET = /(计划|力争|确保|争取|拟|预计|目标|规划|提出|要求|承诺|任务是|任务为|年度任务|下达)/;
/** 将 means "will" only in a text that looks ahead; in a year-end review it is 把. */
const WEAK_TARGET = /(将|要|预期|推动实现)/;
/** Words that make a figure an achievement when they stand in its own clause. */
const ACTUAL = /(实际|已经|已|累计|截至|目前|共计|全年|超额|实现了|完成了|建成了|达到了)/;
/** The clause names a target right before the figure: 省定目标任务4600人, 计划任务是新建…26所. */
const LOCAL_TARGET = /(目标|任务|计划)(任务)?[^,,;;。]{0,16}$/;

export interface KindContext {
  /** Text of the clause up to the number. */
  clauseBefore: string;
  /** Text of the sentence up to the number. */
  sentenceBefore: string;
  unit: string;
  /** The document is a plan (实施方案, 行动计划): everything in it is promised. */
  plan: boolean;
  /** The document speaks from early in a year or from an unknown time (so 将 means "will"). */
  forwardLooking: boolean;
  /** The figure's explicit year compared with the document's year: -1 past, 0 same, 1 future, null none. */
  yearRelation: -1 | 0 | 1 | null;
}

export function classifyKind(c: KindContext): Kind {
  if ((c.unit === '%' || c.unit === '百分点') && COMPLETION_BEFORE.test(c.clauseBefore)) return 'completion';
  if (c.plan) return 'target';
  if (ACTUAL.test(c.clauseBefore) && !LOCAL_TARGET.test(c.clauseBefore)) return 'actual';
  if (LOCAL_TARGET.test(c.clauseBefore)) return 'target';
  if (c.yearRelation === 1) return 'target';
  if (STRONG_TARGET.test(c.sentenceBefore)) return 'target';
  if (c.yearRelation === -1) return 'actual';
  if (c.forwardLooking && WEAK_TARGET.test(c.sentenceBefore)) return 'target';
  return 'actual';
}

/** Plans and programmes announce themselves in their opening lines. */
export function looksLikePlan(text: string): boolean {
  const head = text.slice(0, 400);
  return /(特制定本|制定本(实施)?方案|实施方案|工作方案|行动方案|行动计划|工作要点|任务清单)/.test(head) || /^[一二三]、(攻坚|主要|工作)?目标/m.test(text.slice(0, 800));
}
