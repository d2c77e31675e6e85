/**
 * Writes the downloads: the whole site's figures, each city's and each report's, as CSV and
 * JSON, plus the JSON schema. Written straight from the content files, not as pages, so tens
 * of thousands of downloads cost no page renders.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, SourcedMetric } from './catalog.ts';
import { metricsJsonSchema, toCsv, toJson, toRows } from './export.ts';

/** Where the downloads of a city and of a report are, under the data folder. */
export const downloadFiles = (name: string) => [`${name}.csv`, `${name}.json`];

/**
 * Writes the data folder under `outDir`: the site-wide files and, for every city (or only
 * those in `cities`), the city's and its reports' files.
 */
export function writeDownloads(catalog: Catalog, outDir: string, siteBase: string, cities?: Set<string>): number {
  const dir = join(outDir, 'data');
  mkdirSync(join(dir, 'reports'), { recursive: true });
  let files = 0;
  const write = (name: string, metrics: SourcedMetric[]) => {
    const rows = toRows(metrics, siteBase);
    const [csv, json] = downloadFiles(name);
    writeFileSync(join(dir, csv!), toCsv(rows));
    writeFileSync(join(dir, json!), toJson(rows));
    files += 2;
  };
  write('metrics', catalog.cities.flatMap((c) => c.metrics));
  for (const city of catalog.cities) {
    if (cities && !cities.has(city.slug)) continue;
    write(city.slug, city.metrics);
    const byReport = new Map<string, SourcedMetric[]>();
    for (const m of city.metrics) byReport.set(m.report.data.slug, [...(byReport.get(m.report.data.slug) ?? []), m]);
    for (const r of city.reports) write(`reports/${r.data.slug}`, byReport.get(r.data.slug) ?? []);
  }
  writeFileSync(join(dir, 'metrics.schema.json'), JSON.stringify(metricsJsonSchema, null, 2) + '\n');
  return files + 1;
}


/** Deletes the downloads of a city or report that is gone. */
export function removeDownloads(outDir: string, name: string): void {
  for (const f of downloadFiles(name)) rmSync(join(outDir, 'data', f), { force: true });
}
