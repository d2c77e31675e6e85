/** Per-report downloads: /data/reports/SLUG.csv and .json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalog } from '../../../site/load.ts';
import { download, toCsv, toJson, toRows } from '../../../site/export.ts';
import type { SourcedMetric } from '../../../site/catalog.ts';

export const getStaticPaths = (async () => {
  const { cities } = await loadCatalog();
  const all = cities.flatMap((c) => c.metrics);
  const bySlug = new Map<string, SourcedMetric[]>();
  for (const m of all) bySlug.set(m.report.data.slug, [...(bySlug.get(m.report.data.slug) ?? []), m]);
  const { reports } = await loadCatalog();
  return reports.flatMap((r) => (['csv', 'json'] as const).map((ext) => ({ params: { file: `${r.data.slug}.${ext}` }, props: { metrics: bySlug.get(r.data.slug) ?? [], ext } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { metrics, ext } = props as { metrics: SourcedMetric[]; ext: 'csv' | 'json' };
  const rows = toRows(metrics, new URL(import.meta.env.BASE_URL, site).href);
  return download(ext === 'csv' ? toCsv(rows) : toJson(rows), ext);
};
