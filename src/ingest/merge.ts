/**
 * Three-way merge of a re-ingest: the last generated version (base), the file as editors
 * left it (current) and the new extractor output (next). Whatever an editor changed wins;
 * whatever they left alone follows the extractor; disagreements are reported, never lost.
 */
import { isDeepStrictEqual as same } from 'node:util';
import type { Metric } from '../extraction/types.ts';
import type { ReportData, ReportDoc } from './report-data.ts';

export interface MergeResult extends ReportDoc {
  conflicts: string[];
}

const SCALAR_FIELDS = ['title', 'city', 'year', 'published', 'outlet', 'departments'] as const;
const METRIC_FIELDS = ['value', 'unit', 'qualifier', 'kind', 'year', 'department', 'label', 'text'] as const;

/** Takes `next` where the editor left `base` untouched, else keeps `current` (and notes a conflict). */
function pick<T>(base: T, current: T, next: T, what: string, conflicts: string[]): T {
  if (same(current, base)) return next;
  if (!same(next, base) && !same(next, current)) {
    conflicts.push(`${what}: kept the editor's ${JSON.stringify(current)}; the extractor now reads ${JSON.stringify(next)}`);
  }
  return current;
}

function mergeMetric(base: Metric, current: Metric, next: Metric | undefined, conflicts: string[]): Metric {
  if (!next) {
    if (!same(base, current)) conflicts.push(`metric ${current.id} «${current.text}»: edited by an editor and no longer found by the extractor; kept`);
    return current;
  }
  const out = { ...current };
  for (const f of METRIC_FIELDS) (out as Record<string, unknown>)[f] = pick(base[f], current[f], next[f], `metric ${current.id} ${f}`, conflicts);
  return out;
}

function mergeMetrics(base: Metric[], current: Metric[], next: Metric[], conflicts: string[]): Metric[] {
  const baseById = new Map(base.map((m) => [m.id, m]));
  const nextById = new Map(next.map((m) => [m.id, m]));
  const currentIds = new Set(current.map((m) => m.id));
  const out: Metric[] = [];
  for (const m of current) {
    const b = m.id ? baseById.get(m.id) : undefined;
    if (!b) { out.push(m); continue; } // added by an editor
    if (same(b, m) && !nextById.has(m.id)) continue; // untouched, and the extractor dropped it
    out.push(mergeMetric(b, m, nextById.get(m.id), conflicts));
  }
  // New extractor output goes in after the figure that precedes it in the new reading.
  next.forEach((n, i) => {
    if (baseById.has(n.id) || currentIds.has(n.id)) return; // known, or deleted by an editor
    const before = next.slice(0, i).reverse().find((p) => out.some((o) => o.id === p.id));
    const at = before ? out.findIndex((o) => o.id === before.id) + 1 : 0;
    out.splice(at, 0, n);
  });
  return out;
}

export function mergeReport(base: ReportDoc | null, current: ReportDoc | null, next: ReportDoc): MergeResult {
  if (!current) return { ...next, conflicts: [] };
  if (!base) return { ...current, conflicts: ['no record of what ingest generated before; the file was kept as it is'] };
  const conflicts: string[] = [];
  const data: ReportData = { ...current.data };
  for (const f of SCALAR_FIELDS) (data as unknown as Record<string, unknown>)[f] = pick(base.data[f], current.data[f], next.data[f], f, conflicts);
  data.metrics = mergeMetrics(base.data.metrics, current.data.metrics, next.data.metrics, conflicts);
  const body = pick(base.body.trimEnd(), current.body.trimEnd(), next.body.trimEnd(), 'body', conflicts) + '\n';
  if (conflicts.some((c) => c.startsWith('body:'))) conflicts.splice(conflicts.findIndex((c) => c.startsWith('body:')), 1, 'body: kept the editor\'s text; the source text changed too (compare it with the seed by hand)');
  return { data, body, conflicts };
}
