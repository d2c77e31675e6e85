/** Site-wide and per-city downloads: /data/metrics.csv, /data/metrics.json, /data/xiangyang.csv … */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalog } from '../../site/load.ts';
import { download, toCsv, toJson, toRows } from '../../site/export.ts';
import type { SourcedMetric } from '../../site/catalog.ts';

export const getStaticPaths = (async () => {
  const { cities } = await loadCatalog();
  const sets: Array<[string, SourcedMetric[]]> = [['metrics', cities.flatMap((c) => c.metrics)], ...cities.map((c) => [c.slug, c.metrics] as [string, SourcedMetric[]])];
  return sets.flatMap(([name, metrics]) => (['csv', 'json'] as const).map((ext) => ({ params: { file: `${name}.${ext}` }, props: { metrics, ext } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { metrics, ext } = props as { metrics: SourcedMetric[]; ext: 'csv' | 'json' };
  const rows = toRows(metrics, new URL(import.meta.env.BASE_URL, site).href);
  return download(ext === 'csv' ? toCsv(rows) : toJson(rows), ext);
};
