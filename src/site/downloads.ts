/**
 * Writes every download next to the built pages: the whole site's figures, each city's and
 * each report's, as CSV and JSON, plus the JSON schema. Done after `astro build` straight from
 * the content files, so tens of thousands of downloads cost no page renders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, SourcedMetric } from './catalog.ts';
import { metricsJsonSchema, toCsv, toJson, toRows } from './export.ts';

export function writeDownloads(catalog: Catalog, outDir: string, siteBase: string): number {
  const dir = join(outDir, 'data');
  mkdirSync(join(dir, 'reports'), { recursive: true });
  let files = 0;
  const write = (name: string, metrics: SourcedMetric[]) => {
    const rows = toRows(metrics, siteBase);
    writeFileSync(join(dir, `${name}.csv`), toCsv(rows));
    writeFileSync(join(dir, `${name}.json`), toJson(rows));
    files += 2;
  };
  write('metrics', catalog.cities.flatMap((c) => c.metrics));
  for (const city of catalog.cities) {
    write(city.slug, city.metrics);
    const byReport = new Map<string, SourcedMetric[]>();
    for (const m of city.metrics) byReport.set(m.report.data.slug, [...(byReport.get(m.report.data.slug) ?? []), m]);
    for (const r of city.reports) write(`reports/${r.data.slug}`, byReport.get(r.data.slug) ?? []);
  }
  writeFileSync(join(dir, 'metrics.schema.json'), JSON.stringify(metricsJsonSchema, null, 2) + '\n');
  return files + 1;
}

