/**
 * How a figure's label (what it counts) and the start of its span are read: the words before the
 * figure in its clause, less leading function words, or the noun after it (258家企业).
 */
import type { Segment } from './structure.ts';

/** Leading words that say nothing of what is counted: 其中, 全市, 累计, 2023年末, … */
export const FILLER =
  /^(其中|同时|此外|另外|目前|截至目前|截至今年\d*月?底?|截至\d+月底?|全市|全年|我市|今年|当年|共计|共有|累计|已经|已|并|还|均|都|和|及|以及|分别|为|对|在|将|把|达|达到|实现|新建和|\d{4}年(末|底)?|[,,、:: ])+/;

export interface Label {
  label: string;
  start: number;
  fromSuffix: boolean;
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

/** What is counted: the words before the figure in its clause, or the noun after it (258家企业). */
export function labelFor(text: string, from: number, to: number, after: string): Label {
  const raw = text.slice(from, to);
  const lead = FILLER.exec(raw)?.[0].length ?? 0;
  let label = raw.slice(lead).replace(/(达到|达|为|是|的|共|约|近|超过|超|有)$/, '');
  const spoken = /^[\u4e00-\u9fa5]{1,6}(介绍|表示|说),?/.exec(label);
  const start = from + lead + (spoken ? spoken[0].length : 0);
  if (spoken) label = label.slice(spoken[0].length);
  // An earlier figure in the same words (向1.1万家企业发放…资金): keep what follows it.
  if (/\d/.test(label)) {
    const tail = label.replace(/^.*\d/, '').replace(/^[万亿千百]?[^\u4e00-\u9fa5]*[\u4e00-\u9fa5]?(\/[\u4e00-\u9fa5·]+)*[和及与、]?/, '');
    label = tail.length >= 2 ? tail : label.replace(/^[((]?\d+[.、))]/, '').replace(/[\d.].*$/, '');
  }
  label = label.replace(/(不低于|不少于|不超过|超过)$/, '').replace(/(分别)?(提高|提升|增加|稳定在|达到|达)(到|至)?$/, '') || label;
  const suffixMatch = /^(的)?([^\d,,;;。、()()“”]{1,12})/.exec(after);
  const suffix = suffixMatch ? suffixMatch[2]!.replace(/(发放|实现|提供|开展|参与|达到|投入|入选|开工|完工|学会|得到|回流|分流|下沉|纳入|获得).*$/, '') : '';
  // A bare verb before the figure (扶持2700名创业人员) reads better with the noun after it.
  if (label.length >= 2 && label.length <= 4 && suffix.length >= 2 && !/(率|数|量|额|比|金|费|款)$/.test(label)) {
    return { label: label + suffix, start, fromSuffix: false };
  }
  if (label.length >= 2) return { label: label.length > 18 ? label.slice(-18) : label, start, fromSuffix: false };
  return { label: suffix || label, start: to, fromSuffix: true };
}

/** When neither side of a figure names what it counts: the clause's words, or the unit's. */
export function fallbackLabel(clause: string, unit: string): string {
  const words = clause
    .replace(/[\d.,,;;。%、:()()“”]+/g, '')
    .replace(FILLER, '')
    .slice(0, 12);
  return words.length >= 2 ? words : `${unit === '%' ? '比例' : unit === 'ratio' ? '比值' : '数量'}`;
}

/**
 * A label as a resident reads it: without leading function words (等政策性补贴, 和吸纳, 以来新建) or a
 * change's dangling verb (车桩比由降至). Only the label: the span a figure was read from stays as it was.
 */
export function tidyLabel(label: string): string {
  const out = label
    .replace(/^[^,,。]{0,8}?(任务|计划|目标)(是|为)/, '') // 项目计划任务是新建…: what follows is the item
    .replace(/^[一二三四五六七八九十]+是/, '') // 一是…, 二是…: the ordinal of a list, not what is counted
    .replace(/^(等|和|及|以及|与|以来|共计|合计|确保|力争|并|还)+/, '')
    .replace(/([由从][^由从]{0,6})?(降至|降到|降低到|提升至|提升到|提高到|提高至|增至|增加到|下降到|压缩到|压缩至)$/, '')
    .replace(/[由从的及和、]+$/, '');
  // A change's baseline (补助标准从年人均580元提高到…) is labelled by what changes, not by 从年人均.
  const subject = out.replace(/[由从](?!业)[^由从,,。]{1,5}$/, '');
  return subject.length >= 4 ? subject : out.length >= 2 ? out : label;
}

/** A label that is only a change's verb (提高到, 升至, 压缩到): the figure is named by its pledge's other figure. */
export const CHANGE_ONLY_LABEL = /^[由从]?(提高|提升|增加|增长|降低|下降|减少|压缩|扩大|缩短|延长|升|降|高|增)?(到|至|为)$/;

/** A label that names only the task or the rate (完成省定目标, 省定目标任务, 占比): it says nothing of what. */
export const GENERIC_LABEL = /^(完成|超额完成)?(省定|市定|年度|全年|省|市)?(目标|任务|计划)*(任务|的|数)?$|^(占比|比例|完成率|完成)$/;

/** The label of a completion rate or a bare target, from the pledge it measures: 返乡农民工创业完成率. */
export function pledgeLabel(kind: string, subject: string): string {
  return `${subject}${kind === 'completion' ? '完成率' : '目标'}`;
}
