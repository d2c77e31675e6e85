/**
 * Writes the downloads: the whole site's figures, each city's and each report's, as CSV and
 * JSON, plus the JSON schema. Written straight from the content files, not as pages, so tens
 * of thousands of downloads cost no page renders.
 */
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { inside } from '../model/safe-path.ts';
import type { Catalog } from './catalog.ts';
import { CSV_HEAD, csvLines, jsonArrayItem, metricsJsonSchema, pledgesCsv, pledgesJsonSchema, toJson, toPledgeRows, toRows, type MetricRow, type PledgeRow } from './export.ts';
import { cityPledges } from './pledges.ts';

/** Where the downloads of a city and of a report are, under the data folder. */
export const downloadFiles = (name: string) => [`${name}.csv`, `${name}.json`];

/**
 * Writes the data folder under `outDir`: the site-wide files and, for every city (or only
 * those in `cities`), the city's and its reports' files. The site-wide files are written city
 * by city, from the same rows, so no file is ever held whole in memory.
 */
export function writeDownloads(catalog: Catalog, outDir: string, siteBase: string, cities?: Set<string>): number {
  const dir = join(outDir, 'data');
  mkdirSync(join(dir, 'reports'), { recursive: true });
  let files = 0;
  const write = (name: string, rows: MetricRow[], lines = csvLines(rows)) => {
    const [csv, json] = downloadFiles(name);
    writeFileSync(inside(dir, csv!), CSV_HEAD + lines);
    writeFileSync(inside(dir, json!), toJson(rows));
    files += 2;
  };
  const sitePledges: PledgeRow[] = [];
  const [siteCsv, siteJson] = downloadFiles('metrics').map((f) => openSync(join(dir, f), 'w'));
  try {
    writeSync(siteCsv!, CSV_HEAD);
    let first = true;
    for (const city of catalog.cities) {
      const rows = toRows(city.metrics, siteBase);
      const lines = csvLines(rows);
      writeSync(siteCsv!, lines);
      if (rows.length) writeSync(siteJson!, (first ? '[\n' : ',\n') + rows.map(jsonArrayItem).join(',\n'));
      first &&= rows.length === 0;
      const pledgeRows = toPledgeRows(city.name, cityPledges(city), siteBase);
      sitePledges.push(...pledgeRows);
      if (cities && !cities.has(city.slug)) continue;
      write(city.slug, rows, lines);
      writeFileSync(inside(dir, `${city.slug}-pledges.csv`), pledgesCsv(pledgeRows));
      writeFileSync(inside(dir, `${city.slug}-pledges.json`), JSON.stringify(pledgeRows, null, 1) + '\n');
      files += 2;
      const byReport = new Map<string, MetricRow[]>(city.reports.map((r) => [r.data.slug, []]));
      for (const row of rows) byReport.get(row.report)!.push(row);
      for (const [slug, reportRows] of byReport) write(`reports/${slug}`, reportRows);
    }
    writeSync(siteJson!, first ? '[]\n' : '\n]\n');
  } finally {
    closeSync(siteCsv!);
    closeSync(siteJson!);
  }
  writeFileSync(join(dir, 'metrics.schema.json'), JSON.stringify(metricsJsonSchema, null, 2) + '\n');
  writeFileSync(join(dir, 'pledges.csv'), pledgesCsv(sitePledges));
  writeFileSync(join(dir, 'pledges.json'), JSON.stringify(sitePledges, null, 1) + '\n');
  writeFileSync(join(dir, 'pledges.schema.json'), JSON.stringify(pledgesJsonSchema, null, 2) + '\n');
  return files + 6;
}

/** Deletes the downloads of a city or report that is gone. */
export function removeDownloads(outDir: string, name: string): void {
  for (const f of [...downloadFiles(name), `${name}-pledges.csv`, `${name}-pledges.json`]) rmSync(inside(join(outDir, 'data'), f), { force: true });
}
