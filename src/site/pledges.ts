/**
 * Pledges across the site: a report's figures that share a `pledge` key, joined across the reports
 * of a city and year, compared across cities. How a pledge's status is told: src/model/pledge-status.ts.
 */
import { dice, what } from '../extraction/pledge.ts';
import { pledgeOf, STATUSES, type Pledge as PledgeOf, type PledgeStatus } from '../model/pledge-status.ts';
import type { CityPage, SourcedMetric } from './catalog.ts';

export { STATUSES, yearShare, pledgeOf, type PledgeStatus, type Pace } from '../model/pledge-status.ts';
export type Pledge = PledgeOf<SourcedMetric>;

/**
 * The pledges among some figures. Figures that share a key form one pledge, within a report and
 * across the reports of one city and year (an editor joins two by giving them one key); a target
 * with no counterpart in its text is a pledge of its own. A pledge with no result then takes, from
 * another report of its city and year, a result nobody has claimed whose unit and words match
 * (a plan's target, and the year-end report's result).
 */
export function pledgesIn(metrics: SourcedMetric[]): Pledge[] {
  const groups = new Map<string, SourcedMetric[]>();
  const add = (key: string, m: SourcedMetric) => {
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  };
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
      if (
        r.report.id === target.report.id ||
        r.unit !== target.unit ||
        r.city !== target.city ||
        (r.year ?? r.report.data.year) !== (target.year ?? target.report.data.year)
      )
        continue;
      const score = dice(what(target.label), what(r.label)) + (r.topic && r.topic === target.topic ? 0.05 : 0);
      if (score > bestScore) {
        best = r;
        bestScore = score;
      }
    }
    if (best) {
      list.push(best);
      unclaimed.splice(unclaimed.indexOf(best), 1);
    }
  }
  return [...groups.values()]
    .filter((list) => list.some((m) => m.kind === 'target') || list.length > 1)
    .map((list) => {
      // The date that decides a progress report's pace is the latest report's that states a result.
      const dated =
        list
          .filter((m) => m.kind !== 'target')
          .map((m) => m.report.data.published ?? null)
          .filter(Boolean)
          .sort()
          .pop() ??
        list[0]!.report.data.published ??
        null;
      const pledge = pledgeOf(list[0]!.pledge ?? list[0]!.label, list, dated);
      // An editor's title in the report's `pledges:` says what was promised better than a label.
      const listed = list[0]!.pledge ? list[0]!.report.data.pledges?.find((e) => e.id === list[0]!.pledge) : undefined;
      return listed ? { ...pledge, title: listed.title } : pledge;
    });
}

const byYear = new WeakMap<CityPage, Map<number, Pledge[]>>();
const byCity = new WeakMap<CityPage, Pledge[]>();

/** A city's pledges in its reports of one year: worked out once per catalog, since many pages show them. */
export function yearPledges(city: CityPage, year: number): Pledge[] {
  let years = byYear.get(city);
  if (!years) byYear.set(city, (years = new Map()));
  let pledges = years.get(year);
  if (!pledges) years.set(year, (pledges = pledgesIn(city.metrics.filter((m) => m.report.data.year === year))));
  return pledges;
}

/** All of a city's pledges, worked out once per catalog. */
export function cityPledges(city: CityPage): Pledge[] {
  let pledges = byCity.get(city);
  if (!pledges) byCity.set(city, (pledges = pledgesIn(city.metrics)));
  return pledges;
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
export interface PledgeComparison {
  topic: string | null;
  unit: string;
  title: string;
  pledges: Pledge[];
}

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
    if (!unit || (unit === '%' && !p.target)) continue;
    const title = what(p.title);
    const group = groups.find((g) => g.topic === p.topic && g.unit === unit && dice(what(g.title), title) >= 0.7);
    const city = p.metrics[0]!.report.data.city;
    if (!group) groups.push({ topic: p.topic, unit, title: p.title, pledges: [p] });
    else if (!group.pledges.some((o) => o.metrics[0]!.report.data.city === city)) group.pledges.push(p);
  }
  return groups.filter((g) => g.pledges.length >= 2).sort((a, b) => b.pledges.length - a.pledges.length);
}
