/**
 * Which figures of a text measure the same promised item (一项民生实事): its target, its result,
 * its completion rate, both ends of a change (由47%提升至62%). Figures are joined when the text
 * makes it plain:
 * - the cells of one table row;
 * - the two ends of a change in one clause;
 * - a completion rate and the figure it follows in its sentence or item (6415人,完成年度任务的105.16%);
 * - a result and a target of the same unit whose labels say the same thing (计划新建和改扩建公办幼儿园26所
 *   … 实际新建和改扩建公办幼儿园27所), the nearest one, in the same item first.
 * A figure with no counterpart has no pledge. Keys are short labels, unique within the text.
 */
import type { Kind } from './types.ts';

export interface PledgeFigure {
  value: number;
  unit: string;
  kind: Kind;
  label: string;
  /** Where its sentence starts, and its item (numbered item or table block; else its line). */
  sentence: number;
  item: number;
  /** The table row it is a cell of. */
  row?: string;
  /** Where it stands in the text. */
  start: number;
  end: number;
  /** It is the start of a change whose end is the next figure (由47%提升至62%). */
  changeFrom?: boolean;
  /** The end of a change whose start restates this earlier figure (数量达341项 … 由原来的341项压缩到41项). */
  changeBase?: PledgeFigure;
}

/** Character bigrams of a label, for telling whether two labels say the same thing. */
function bigrams(s: string): string[] {
  const t = s.replace(/[^\u4e00-\u9fa5A-Za-z]/g, '');
  const out: string[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
  return t.length === 1 ? [t] : out;
}

/** How alike two labels are: the share of character pairs they have in common (Dice), 0–1. */
export function dice(a: string, b: string): number {
  const A = bigrams(a);
  const pool = bigrams(b);
  if (!A.length || !pool.length) return 0;
  const total = A.length + pool.length;
  let n = 0;
  for (const x of A) {
    const i = pool.indexOf(x);
    if (i >= 0) {
      n++;
      pool.splice(i, 1);
    }
  }
  return (2 * n) / total;
}

/** A target's label that names only the task: 省定目标任务, 年度任务, 目标. */
const GENERIC_TARGET = /^(省定|市定|年度|全年|省|市)?(目标|任务|计划)+(数)?$/;

/** Words a label starts with that say how, not what: 新增, 完成, 实际, 计划 … */
const HOW = /^(计划|实际|累计|完成|已完成|新增|新建|全年|目标|任务|共|总)+/;
/** A label without the words that say how (新增, 完成, 计划 …): what is counted. */
export const what = (label: string) => label.replace(HOW, '') || label;

/** A label that is only a rise or a fall (提升, 增长了): the change of the figure before it (not 同比增长, a statistic). */
const BARE_RISE = /^(提升|提高|增长|增加|下降|降低|减少)(了)?$/;

/** The pledge key of each figure, or null. */
export function assignPledges(figures: PledgeFigure[]): Array<string | null> {
  const group = figures.map((_, i) => i); // union-find over figure indexes
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i]!)));
  const join = (a: number, b: number) => {
    group[find(b)] = find(a);
  };
  const linked = new Set<number>();
  const taken = new Set<number>(); // targets a result has been joined to
  const link = (a: number, b: number) => {
    join(a, b);
    linked.add(a);
    linked.add(b);
    for (const [t, r] of [
      [a, b],
      [b, a],
    ] as const)
      if (figures[t]!.kind === 'target' && figures[r]!.kind === 'actual') taken.add(t);
  };

  // 从119元、99元分别提高到128元、107元: a run of starts changes, in order, into as many ends.
  const parallel = new Set<number>();
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i]!;
    if (!f.changeFrom) continue;
    let k = 1;
    const alike = (g: PledgeFigure | undefined) => g && g.unit === f.unit && g.sentence === f.sentence;
    while (alike(figures[i + k]) && figures[i + k]!.changeFrom && figures[i + k]!.start - figures[i + k - 1]!.end <= 2) k++;
    const ends = Array.from({ length: k }, (_, j) => i + k + j);
    if (k < 2 || !ends.every((e) => alike(figures[e]) && !figures[e]!.changeFrom)) continue;
    for (let j = 0; j < k; j++) {
      link(i + j, i + k + j);
      parallel.add(i + j);
    }
    i += 2 * k - 1;
  }
  figures.forEach((f, i) => {
    if (i === 0) return;
    const prev = figures[i - 1]!;
    if (f.row !== undefined && prev.row === f.row && prev.item === f.item) link(i - 1, i);
    if (prev.changeFrom && !parallel.has(i - 1) && prev.unit === f.unit && prev.sentence === f.sentence) link(i - 1, i);
    const base = f.changeBase ? figures.indexOf(f.changeBase) : -1;
    if (base >= 0) link(base, i);
    // 事项新增19项,提升14%: a bare rise right after a figure is that figure's growth.
    if (f.unit === '%' && prev.unit !== '%' && prev.sentence === f.sentence && BARE_RISE.test(f.label) && f.start - prev.end <= 6) link(i - 1, i);
  });
  // A completion rate joins the figure it follows in its sentence, else in its item; a run of them
  // (分别完成省定目标的125.6%、134.4%、110.4%) joins, in order, as many figures before it.
  for (let i = 0; i < figures.length; i++) {
    if (figures[i]!.kind !== 'completion' || linked.has(i)) continue;
    let end = i;
    // A run is rates written one after another (125.6%、134.4%、110.4%), not rates clauses apart
    // (…已完成2个(50%),…工程正在施工中(93%)), which each go with their own figure.
    while (
      end + 1 < figures.length &&
      figures[end + 1]!.kind === 'completion' &&
      figures[end + 1]!.sentence === figures[i]!.sentence &&
      figures[end + 1]!.start - figures[end]!.end <= 3
    )
      end++;
    const run = end - i + 1;
    const rate = figures[i]!;
    // 棚改开工8264套,棚改安置房建成6985套。…开工率100%,…基本建成率100%: a rate of a named act
    // (开工率, 建成率) joins the nearest figure of its item whose label names that act.
    const act = run === 1 ? /([\u4e00-\u9fa5]{2})率$/.exec(rate.label)?.[1] : undefined;
    if (act && act !== '完成' && act !== '目标') {
      let j = i - 1;
      while (j >= 0 && figures[j]!.item === rate.item && (figures[j]!.kind === 'completion' || !figures[j]!.label.includes(act))) j--;
      if (j >= 0 && figures[j]!.item === rate.item) {
        link(j, i);
        continue;
      }
    }
    const aloneInSentence = figures[i - 1]?.sentence !== rate.sentence; // 完成率105% on its own, after its result
    const before: number[] = [];
    for (let j = i - 1; j >= 0 && before.length < run; j--) {
      const g = figures[j]!;
      if (g.item !== rate.item) break;
      // A lone rate joins a figure close before it in its sentence (6415人,完成年度任务的105.16%), or a
      // table row's; not one clauses away (…已完成2个, …引调水工程正在施工中(93%)).
      const close = g.sentence === rate.sentence && rate.start - g.end <= 24;
      if (g.kind !== 'completion' && (run === 1 ? close || g.row !== undefined || aloneInSentence : g.sentence === rate.sentence)) before.unshift(j);
    }
    if (before.length === run) before.forEach((j, k) => link(j, i + k));
    else if (before.length) link(before[before.length - 1]!, i);
    i = end;
  }
  // A target named only as the task (省定目标任务4600人) is the target of the figure of its unit beside it.
  figures.forEach((f, i) => {
    if (f.kind !== 'target' || !GENERIC_TARGET.test(what(f.label))) return;
    for (const j of [i - 1, i + 1]) {
      const g = figures[j];
      if (g && g.kind === 'actual' && g.unit === f.unit && g.sentence === f.sentence) {
        link(j, i);
        break;
      }
    }
  });
  figures.forEach((f, i) => {
    if (f.kind !== 'actual' || f.row !== undefined) return;
    // The nearest earlier target of the same unit that says the same thing, in the same item first.
    let best = -1;
    let bestScore = 0;
    for (let j = 0; j < figures.length; j++) {
      const t = figures[j]!;
      // Only in the same item: across paragraphs, similar words are as often other measures (申报数 of 创业项目).
      if (t.kind !== 'target' || t.unit !== f.unit || j === i || t.item !== f.item) continue;
      const score = dice(what(t.label), what(f.label)) - (j > i ? 0.1 : 0);
      if (score >= 0.5 && score > bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best >= 0) {
      link(best, i);
      return;
    }
    // Else the target right before it: the nearest figure of its unit in its item, if that is a target
    // no other result has taken (新建市政燃气管网60公里 … 已新建62.675公里).
    for (let j = i - 1; j >= 0 && figures[j]!.item === f.item; j--) {
      const t = figures[j]!;
      if (t.unit !== f.unit) continue;
      if (t.kind === 'target' && !taken.has(j)) link(j, i);
      break;
    }
  });

  const keys = new Map<number, string>();
  const used = new Set<string>();
  return figures.map((_, i) => {
    if (!linked.has(i)) return null;
    const root = find(i);
    let key = keys.get(root);
    if (!key) {
      // Named after its target, else its first figure.
      const members = figures.map((f, j) => [f, j] as const).filter(([, j]) => find(j) === root);
      const named = members.find(([f]) => f.kind === 'target') ?? members[0]!;
      const base = (named[0].row ?? what(named[0].label)).slice(0, 16) || '民生实事';
      key = base;
      for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
      used.add(key);
      keys.set(root, key);
    }
    return key;
  });
}
