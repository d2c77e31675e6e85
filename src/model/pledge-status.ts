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
import type { Metric } from '../extraction/types.ts';

export const STATUSES = ['超额完成', '已完成', '进行中', '未完成', '暂无结果'] as const;
export type PledgeStatus = (typeof STATUSES)[number];

export interface Pace {
  /** The share of the year elapsed at the report's date, 0–1. */
  elapsed: number;
  /** Where the result should be by then: target × elapsed. */
  expected: number;
  verdict: '领先' | '符合序时' | '落后';
}

/** What a pledge's status is computed from: its figures. */
export type PledgeMetric = Pick<Metric, 'id' | 'kind' | 'value' | 'unit' | 'qualifier' | 'year' | 'label' | 'department'> & { topic?: string | null };

export interface Pledge<M extends PledgeMetric = PledgeMetric> {
  key: string;
  /** What was promised, in the words of its target (or its first figure). */
  title: string;
  topic: string | null;
  department: string | null;
  year: number | null;
  target?: M;
  result?: M;
  /** The stated completion rate, when the text gives one. */
  stated?: M;
  /** Completion in percent, stated or computed; null when it cannot be told. */
  completion: number | null;
  status: PledgeStatus;
  pace?: Pace;
  metrics: M[];
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
export function pledgeOf<M extends PledgeMetric>(key: string, metrics: M[], published: string | null): Pledge<M> {
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
    key,
    title: (target ?? result ?? metrics[0])!.label,
    topic: metrics.find((m) => m.topic)?.topic ?? null,
    department: (target ?? result ?? metrics[0])!.department,
    year,
    target,
    result,
    stated,
    completion,
    status,
    pace,
    metrics,
  };
}

/** A report's pledges as its frontmatter lists them: one per key its figures share. */
export interface PledgeListEntry {
  id: string;
  title: string;
  topic?: string;
  department: string | null;
  year: number | null;
  target: string | null;
  result: string | null;
  completion: string | null;
  status: PledgeStatus;
}

/** The frontmatter `pledges` of a report's figures, in the order they are first stated. */
export function pledgeList<M extends PledgeMetric & { pledge?: string | null }>(metrics: M[], published: string | null): PledgeListEntry[] {
  const groups = new Map<string, M[]>();
  for (const m of metrics)
    if (m.pledge) {
      const list = groups.get(m.pledge);
      if (list) list.push(m);
      else groups.set(m.pledge, [m]);
    }
  return [...groups].map(([key, list]) => {
    const p = pledgeOf(key, list, published);
    return {
      id: key,
      title: p.title,
      ...(p.topic ? { topic: p.topic } : {}),
      department: p.department,
      year: p.year,
      target: p.target?.id ?? null,
      result: p.result?.id ?? null,
      completion: p.stated?.id ?? null,
      status: p.status,
    };
  });
}
