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
  /** It is the start of a change whose end is the next figure (由47%提升至62%). */
  changeFrom?: boolean;
}

/** Character bigrams of a label, for telling whether two labels say the same thing. */
function bigrams(s: string): string[] {
  const t = s.replace(/[^\u4e00-\u9fa5A-Za-z]/g, '');
  const out: string[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
  return t.length === 1 ? [t] : out;
}

function dice(a: string, b: string): number {
  const A = bigrams(a);
  const pool = bigrams(b);
  if (!A.length || !pool.length) return 0;
  const total = A.length + pool.length;
  let n = 0;
  for (const x of A) { const i = pool.indexOf(x); if (i >= 0) { n++; pool.splice(i, 1); } }
  return (2 * n) / total;
}

/** Words a label starts with that say how, not what: 新增, 完成, 实际, 计划 … */
const HOW = /^(计划|实际|累计|完成|已完成|新增|新建|全年|目标|任务|共|总)+/;
const what = (label: string) => label.replace(HOW, '') || label;

/** The pledge key of each figure, or null. */
export function assignPledges(figures: PledgeFigure[]): Array<string | null> {
  const group = figures.map((_, i) => i); // union-find over figure indexes
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i]!)));
  const join = (a: number, b: number) => { group[find(b)] = find(a); };
  const linked = new Set<number>();
  const link = (a: number, b: number) => { join(a, b); linked.add(a); linked.add(b); };

  figures.forEach((f, i) => {
    if (i === 0) return;
    const prev = figures[i - 1]!;
    if (f.row !== undefined && prev.row === f.row && prev.item === f.item) link(i - 1, i);
    if (prev.changeFrom && prev.unit === f.unit && prev.sentence === f.sentence) link(i - 1, i);
  });
  figures.forEach((f, i) => {
    if (f.kind !== 'completion' || linked.has(i)) return;
    // A completion rate joins the figure it follows, in its sentence, else in its item.
    for (let j = i - 1; j >= 0; j--) {
      const g = figures[j]!;
      if (g.item !== f.item) break;
      if (g.kind !== 'completion' && (g.sentence === f.sentence || g.item === f.item)) { link(j, i); break; }
    }
  });
  figures.forEach((f, i) => {
    if (f.kind !== 'actual' || f.row !== undefined) return;
    // The nearest earlier target of the same unit that says the same thing, in the same item first.
    let best = -1;
    let bestScore = 0;
    for (let j = 0; j < figures.length; j++) {
      const t = figures[j]!;
      if (t.kind !== 'target' || t.unit !== f.unit || j === i) continue;
      const score = dice(what(t.label), what(f.label)) + (t.item === f.item ? 0.25 : 0) - (j > i ? 0.1 : 0);
      if (score >= 0.6 && score > bestScore) { best = j; bestScore = score; }
    }
    if (best >= 0) link(best, i);
  });

  const keys = new Map<number, string>();
  const taken = new Set<string>();
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
      for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
      taken.add(key);
      keys.set(root, key);
    }
    return key;
  });
}
