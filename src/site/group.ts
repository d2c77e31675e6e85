/** Groups figures for charts: by unit, by year, by a label shared across years or cities. */
import type { SourcedMetric } from './catalog.ts';

export interface UnitGroup {
  unit: string;
  metrics: SourcedMetric[];
}

export function groupByUnit(metrics: SourcedMetric[], maxPerChart = 24): UnitGroup[] {
  const groups = new Map<string, SourcedMetric[]>();
  for (const m of metrics) {
    if (m.kind === 'completion') continue;
    groups.set(m.unit, [...(groups.get(m.unit) ?? []), m]);
  }
  const out: UnitGroup[] = [];
  for (const [unit, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    for (let i = 0; i < list.length; i += maxPerChart) out.push({ unit, metrics: list.slice(i, i + maxPerChart) });
  }
  return out;
}

/** What a label counts, without the verbs that vary between texts: 新发放创业担保贷款 → 创业担保贷款. */
export function labelKey(label: string): string {
  return label.replace(/^(全市|全年|累计|共|新增|新发放|发放|新建|建成|建设|完成|实现|开展|提供|为)+/, '').replace(/[((].*?[))]/g, '');
}

export interface LabelGroup {
  label: string;
  unit: string;
  metrics: SourcedMetric[];
}

/** Figures counted under the same label and unit, kept where `distinct` (years, cities) has two or more values. */
export function sharedLabels(metrics: SourcedMetric[], distinct: (m: SourcedMetric) => string | number | null): LabelGroup[] {
  const groups = new Map<string, LabelGroup>();
  for (const m of metrics) {
    if (m.kind === 'completion') continue;
    const key = `${labelKey(m.label)}|${m.unit}`;
    const g = groups.get(key) ?? { label: labelKey(m.label), unit: m.unit, metrics: [] };
    g.metrics.push(m);
    groups.set(key, g);
  }
  return [...groups.values()]
    .filter((g) => g.label.length >= 2 && new Set(g.metrics.map(distinct)).size >= 2)
    .map((g) => ({ ...g, metrics: [...g.metrics].sort((a, b) => (a.year ?? 0) - (b.year ?? 0)) }));
}
