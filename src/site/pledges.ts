/**
 * Pledges as residents read them: what was promised, what was done, how much of it, and a status.
 * Built from the figures that share a `pledge` key in one report (see src/extraction/pledge.ts).
 *
 * Completion is the stated rate, else result ÷ target where both are in one unit (for a ceiling,
 * 失业率低于4.3%, a result at or under it is met). Status: 超额完成 and 已完成 when met; inside the
 * year a progress report speaks of, 进行中, with the pace expected by its date (序时进度 = target ×
 * share of the year elapsed); after it, 未完成; a target no figure reports a result for is 暂无结果
 * (the site knows only the texts it was given).
 */
import { dice, what } from '../extraction/pledge.ts';
import type { SourcedMetric } from './catalog.ts';

export const STATUSES = ['超额完成', '已完成', '进行中', '未完成', '暂无结果'] as const;
export type PledgeStatus = (typeof STATUSES)[number];

export interface Pace {
  /** The share of the year elapsed at the report's date, 0–1. */
  elapsed: number;
  /** Where the result should be by then: target × elapsed. */
  expected: number;
  verdict: '领先' | '符合序时' | '落后';
}

export interface Pledge {
  key: string;
  /** What was promised, in the words of its target (or its first figure). */
  title: string;
  topic: string | null;
  department: string | null;
  year: number | null;
  target?: SourcedMetric;
  result?: SourcedMetric;
  /** The stated completion rate, when the text gives one. */
  stated?: SourcedMetric;
  /** Completion in percent, stated or computed; null when it cannot be told. */
  completion: number | null;
  status: PledgeStatus;
  pace?: Pace;
  metrics: SourcedMetric[];
}

/** The share of its year elapsed on an ISO date (2023-09-30 → 0.75), or null. */
export function yearShare(date: string | null, year: number | null): number | null {
  if (!date || year === null) return null;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() !== year) return null;
  const start = Date.UTC(year, 0, 1);
  return (d.getTime() - start) / (Date.UTC(year + 1, 0, 1) - start);
}

/** The status of one pledge's figures, given the date of the report that states them. */
export function pledgeOf(key: string, metrics: SourcedMetric[], published: string | null): Pledge {
  const target = metrics.find((m) => m.kind === 'target' && m.unit !== '%') ?? metrics.find((m) => m.kind === 'target');
  const result = [...metrics].reverse().find((m) => m.kind === 'actual' && (!target || m.unit === target.unit)) ?? metrics.find((m) => m.kind === 'actual');
  const stated = metrics.find((m) => m.kind === 'completion');
  const ceiling = target?.qualifier === 'at-most';
  let completion: number | null = stated ? stated.value : null;
  if (completion === null && target && result && target.unit === result.unit && target.value > 0) {
    completion = ceiling ? (result.value <= target.value ? 100 : (100 * target.value) / result.value) : (100 * result.value) / target.value;
  }
  const year = (target ?? result ?? metrics[0])!.year;
  const share = yearShare(published, year);
  let status: PledgeStatus;
  let pace: Pace | undefined;
  if (completion === null) status = result || stated ? '进行中' : '暂无结果';
  else if (completion > 100.5 && !ceiling) status = '超额完成';
  else if (completion >= 99.5) status = '已完成';
  else if (share !== null && share < 0.97) {
    status = '进行中';
    if (target && result && target.unit === result.unit && !ceiling) {
      const expected = target.value * share;
      pace = { elapsed: share, expected, verdict: result.value >= expected * 1.05 ? '领先' : result.value >= expected * 0.95 ? '符合序时' : '落后' };
    }
  } else status = '未完成';
  return {
    key, title: (target ?? result ?? metrics[0])!.label, topic: metrics.find((m) => m.topic)?.topic ?? null,
    department: (target ?? result ?? metrics[0])!.department, year, target, result, stated, completion, status, pace, metrics,
  };
}

/**
 * The pledges among some figures. Figures that share a key form one pledge, within a report and
 * across the reports of one city and year (an editor joins two by giving them one key); a target
 * with no counterpart in its text is a pledge of its own. A pledge with no result then takes, from
 * another report of its city and year, a result nobody has claimed whose unit and words match
 * (a plan's target, and the year-end report's result).
 */
export function pledgesIn(metrics: SourcedMetric[]): Pledge[] {
  const groups = new Map<string, SourcedMetric[]>();
  const add = (key: string, m: SourcedMetric) => { const list = groups.get(key); if (list) list.push(m); else groups.set(key, [m]); };
  const unclaimed: SourcedMetric[] = [];
  for (const m of metrics) {
    const year = m.year ?? m.report.data.year;
    if (m.pledge) add(`${m.city}\u0000${year}\u0000${m.pledge}`, m);
    else if (m.kind === 'target') add(`${m.report.id}\u0000${m.id}`, m);
    else if (m.kind === 'actual') unclaimed.push(m);
  }
  for (const list of groups.values()) {
    if (list.some((m) => m.kind !== 'target')) continue;
    const target = list[0]!;
    let best: SourcedMetric | undefined;
    let bestScore = 0.5;
    for (const r of unclaimed) {
      if (r.report.id === target.report.id || r.unit !== target.unit || r.city !== target.city || (r.year ?? r.report.data.year) !== (target.year ?? target.report.data.year)) continue;
      const score = dice(what(target.label), what(r.label)) + (r.topic && r.topic === target.topic ? 0.05 : 0);
      if (score > bestScore) { best = r; bestScore = score; }
    }
    if (best) { list.push(best); unclaimed.splice(unclaimed.indexOf(best), 1); }
  }
  return [...groups.values()]
    .filter((list) => list.some((m) => m.kind === 'target') || list.length > 1)
    .map((list) => {
      // The date that decides a progress report's pace is the latest report's that states a result.
      const dated = list.filter((m) => m.kind !== 'target').map((m) => m.report.data.published ?? null).filter(Boolean).sort().pop() ?? list[0]!.report.data.published ?? null;
      return pledgeOf(list[0]!.pledge ?? list[0]!.label, list, dated);
    });
}

/** How many pledges have each status. */
export function statusCounts(pledges: Pledge[]): Array<[PledgeStatus, number]> {
  return STATUSES.map((s) => [s, pledges.filter((p) => p.status === s).length] as [PledgeStatus, number]).filter(([, n]) => n > 0);
}

/** Pledges kept (超额完成 or 已完成) among some, and their share in percent (null when there are none). */
export function keptShare(pledges: Pledge[]): { kept: number; share: number | null } {
  const kept = pledges.filter((p) => p.status === '超额完成' || p.status === '已完成').length;
  return { kept, share: pledges.length ? Math.round((100 * kept) / pledges.length) : null };
}

/** Pledges of several cities that promise the same thing: one topic, one unit, titles that say the same. */
export interface PledgeComparison { topic: string | null; unit: string; title: string; pledges: Pledge[] }

/**
 * Pledges compared across cities: grouped by topic and unit where their titles say the same thing
 * (新增城镇就业 with 新增城镇就业), each city once (its latest); a pledge that matches no other city's
 * is not forced into a comparison.
 */
export function comparablePledges(pledges: Pledge[]): PledgeComparison[] {
  const groups: PledgeComparison[] = [];
  const latest = [...pledges].sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
  for (const p of latest) {
    const unit = (p.target ?? p.result)?.unit;
    if (!unit || unit === '%' && !p.target) continue;
    const title = what(p.title);
    const group = groups.find((g) => g.topic === p.topic && g.unit === unit && dice(what(g.title), title) >= 0.7);
    const city = p.metrics[0]!.report.data.city;
    if (!group) groups.push({ topic: p.topic, unit, title: p.title, pledges: [p] });
    else if (!group.pledges.some((o) => o.metrics[0]!.report.data.city === city)) group.pledges.push(p);
  }
  return groups.filter((g) => g.pledges.length >= 2).sort((a, b) => b.pledges.length - a.pledges.length);
}
