/**
 * Writes the downloads, straight from the content files rather than as pages, so tens of
 * thousands of downloads cost no page renders. Sized for a site that must fit GitHub Pages:
 * - each report: its figures as CSV (what a resident opens in a spreadsheet);
 * - each city: its figures and its pledges as CSV and as JSON, gzip-compressed;
 * - the whole site: the same four files, gzip-compressed, and `index.json`, the catalogue of
 *   every file with its city, report and row count, for programs that fetch only what they need;
 * - the JSON schemas of a figure row and a pledge row.
 */
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { inside } from '../model/safe-path.ts';
import type { Catalog } from './catalog.ts';
import {
  CSV_HEAD,
  csvLines,
  jsonLines,
  metricsJsonSchema,
  PLEDGE_CSV_HEAD,
  pledgeCsvLines,
  pledgesCsv,
  pledgesJsonSchema,
  toJson,
  toPledgeRows,
  toRows,
  type MetricRow,
} from './export.ts';
import { cityFiles, reportFile, SITE_FILES } from './download-files.ts';
import { cityPledges } from './pledges.ts';

/** The catalogue of the data folder (data/index.json). */
export interface DataIndex {
  site: typeof SITE_FILES & { figures: number; pledges: number };
  cities: Array<{
    city: string;
    slug: string;
    figures: number;
    pledges: number;
    files: ReturnType<typeof cityFiles>;
    reports: Array<{ slug: string; title: string; year: number; figures: number; file: string }>;
  }>;
}

const gz = (text: string) => gzipSync(text, { level: 9 });

/** A gzip file written piece by piece, waiting while the compressor catches up, so a site-wide file is never held whole. */
function gzipWriter(file: string) {
  const zip = createGzip({ level: 9 });
  const out = createWriteStream(file);
  zip.pipe(out);
  return {
    async write(text: string) {
      if (text && !zip.write(text)) await once(zip, 'drain');
    },
    async close() {
      zip.end();
      await once(out, 'close');
    },
  };
}

/**
 * Writes the data folder under `outDir`: the site-wide files, the index and, for every city (or
 * only those in `cities`), the city's and its reports' files. The site-wide files are written
 * city by city from the same rows.
 */
export async function writeDownloads(catalog: Catalog, outDir: string, siteBase: string, cities?: Set<string>): Promise<number> {
  const dir = join(outDir, 'data');
  mkdirSync(join(dir, 'reports'), { recursive: true });
  let files = 0;
  const index: DataIndex = { site: { ...SITE_FILES, figures: 0, pledges: 0 }, cities: [] };
  const site = Object.fromEntries(Object.entries(SITE_FILES).map(([k, f]) => [k, gzipWriter(join(dir, f))])) as Record<
    keyof typeof SITE_FILES,
    ReturnType<typeof gzipWriter>
  >;
  await site.csv.write(CSV_HEAD);
  await site.pledgesCsv.write(PLEDGE_CSV_HEAD);
  const first = { json: true, pledges: true };
  for (const city of catalog.cities) {
    const rows = toRows(city.metrics, siteBase);
    const lines = csvLines(rows);
    const pledgeRows = toPledgeRows(city.name, cityPledges(city), siteBase);
    await site.csv.write(lines);
    if (rows.length) await site.json.write((first.json ? '[\n' : ',\n') + jsonLines(rows));
    first.json &&= rows.length === 0;
    if (pledgeRows.length) await site.pledgesJson.write((first.pledges ? '[\n' : ',\n') + jsonLines(pledgeRows));
    first.pledges &&= pledgeRows.length === 0;
    await site.pledgesCsv.write(pledgeCsvLines(pledgeRows));
    index.site.figures += rows.length;
    index.site.pledges += pledgeRows.length;
    const names = cityFiles(city.slug);
    const byReport = new Map<string, MetricRow[]>(city.reports.map((r) => [r.data.slug, []]));
    for (const row of rows) byReport.get(row.report)!.push(row);
    index.cities.push({
      city: city.name,
      slug: city.slug,
      figures: rows.length,
      pledges: pledgeRows.length,
      files: names,
      reports: city.reports.map((r) => ({
        slug: r.data.slug,
        title: r.data.title,
        year: r.data.year,
        figures: byReport.get(r.data.slug)!.length,
        file: reportFile(r.data.slug),
      })),
    });
    if (cities && !cities.has(city.slug)) continue;
    writeFileSync(inside(dir, names.csv), gz(CSV_HEAD + lines));
    writeFileSync(inside(dir, names.json), gz(toJson(rows)));
    writeFileSync(inside(dir, names.pledgesCsv), gz(pledgesCsv(pledgeRows)));
    writeFileSync(inside(dir, names.pledgesJson), gz(toJson(pledgeRows)));
    files += 4;
    for (const [slug, reportRows] of byReport) {
      writeFileSync(inside(dir, reportFile(slug)), CSV_HEAD + csvLines(reportRows));
      files++;
    }
  }
  await site.json.write(first.json ? '[]\n' : '\n]\n');
  await site.pledgesJson.write(first.pledges ? '[]\n' : '\n]\n');
  for (const w of Object.values(site)) await w.close();
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index) + '\n');
  writeFileSync(join(dir, 'metrics.schema.json'), JSON.stringify(metricsJsonSchema, null, 2) + '\n');
  writeFileSync(join(dir, 'pledges.schema.json'), JSON.stringify(pledgesJsonSchema, null, 2) + '\n');
  return files + Object.keys(SITE_FILES).length + 3;
}

/** Deletes the downloads of a city that is gone. */
export function removeCityDownloads(outDir: string, slug: string): void {
  for (const f of Object.values(cityFiles(slug))) rmSync(inside(join(outDir, 'data'), f), { force: true });
}

/** Deletes the download of a report that is gone. */
export function removeReportDownload(outDir: string, slug: string): void {
  rmSync(inside(join(outDir, 'data'), reportFile(slug)), { force: true });
}
