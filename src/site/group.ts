/** Groups figures for charts: one chart per unit, figures of a unit in reading order. */
import type { SourcedMetric } from './catalog.ts';

export interface UnitGroup { unit: string; metrics: SourcedMetric[] }

export function groupByUnit(metrics: SourcedMetric[], maxPerChart = 24): UnitGroup[] {
  const groups = new Map<string, SourcedMetric[]>();
  for (const m of metrics) {
    if (m.kind === 'completion') continue;
    const list = groups.get(m.unit) ?? [];
    list.push(m);
    groups.set(m.unit, list);
  }
  const out: UnitGroup[] = [];
  for (const [unit, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    for (let i = 0; i < list.length; i += maxPerChart) out.push({ unit, metrics: list.slice(i, i + maxPerChart) });
  }
  return out;
}

export const unitName = (unit: string) => (unit === 'ratio' ? '比值' : unit);
