/**
 * The search index: Pagefind (its extended build segments Chinese) over the reports, one
 * bundle per search group of cities, so a rebuild re-indexes only the groups that changed.
 * The search page merges all bundles listed in pagefind/bundles.json.
 *
 * Each report is indexed from its content file (title and body text), not from
 * its built page, so indexing needs no page and runs in Pagefind's own process while Astro
 * builds the pages: on two cores the index costs almost no time of its own.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { unescapedText } from '../ingest/visible-text.ts';
import type { Catalog } from '../site/catalog.ts';
import { SEARCH_GROUPS, searchGroup } from '../site/partition.ts';

const groupDir = (g: number) => `g${String(g).padStart(2, '0')}`;

/**
 * Indexes the reports of the given search groups into `workDir`/gNN (a group with no reports
 * left gets no folder). `bodies` maps a report's slug to its Markdown body.
 */
export async function indexGroups(catalog: Catalog, bodies: Map<string, string>, workDir: string, groups: Set<number>): Promise<number> {
  let pages = 0;
  for (const g of [...groups].sort((a, b) => a - b)) {
    const cities = catalog.cities.filter((c) => searchGroup(c.slug) === g);
    if (!cities.length) continue;
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
    for (const city of cities) {
      for (const r of city.reports) {
        const { slug, title, city: cityName, year } = r.data;
        // URLs relative to the site; the search page tells Pagefind the base path.
        const added = await index.addCustomRecord({
          url: `/reports/${slug}/`,
          language: 'zh',
          meta: { title },
          content: `${title}\n${cityName} ${year}年\n${unescapedText(bodies.get(slug) ?? '')}`,
        });
        if (added.errors.length) throw new Error(`pagefind, report ${slug}: ${added.errors.join('; ')}`);
        pages++;
      }
    }
    const written = await index.writeFiles({ outputPath: join(workDir, groupDir(g)) });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    keepSearchFilesOnly(workDir, groupDir(g));
    await index.deleteIndex();
  }
  await pagefind.close();
  return pages;
}

/** The search page's widget, served once from pagefind/; every group keeps only what a merged index loads. */
const WIDGET = ['pagefind-ui.js', 'pagefind-ui.css'];
const UNUSED = ['pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js'];

/**
 * Pagefind writes its three widgets into every bundle (about 430 KB); sixteen groups would carry
 * sixteen copies. The widget the search page uses goes up beside the groups, the others are dropped.
 */
function keepSearchFilesOnly(workDir: string, group: string): void {
  for (const f of WIDGET) renameSync(join(workDir, group, f), join(workDir, f));
  for (const f of UNUSED) rmSync(join(workDir, group, f), { force: true });
}

/** Moves freshly indexed groups from `workDir` into the site; a listed group with no new folder is removed. */
export function installGroups(workDir: string, outDir: string, groups: Set<number>): void {
  mkdirSync(join(outDir, 'pagefind'), { recursive: true });
  for (const g of groups) {
    const target = join(outDir, 'pagefind', groupDir(g));
    rmSync(target, { recursive: true, force: true });
    if (existsSync(join(workDir, groupDir(g)))) renameSync(join(workDir, groupDir(g)), target);
  }
  for (const f of WIDGET) if (existsSync(join(workDir, f))) renameSync(join(workDir, f), join(outDir, 'pagefind', f));
  rmSync(workDir, { recursive: true, force: true });
}

/** Lists the bundles for the search page (the widget's files are already beside them). */
export function publishBundles(outDir: string, base: string): string[] {
  const bundles: string[] = [];
  for (let g = 1; g <= SEARCH_GROUPS; g++)
    if (existsSync(join(outDir, 'pagefind', groupDir(g), 'pagefind.js'))) bundles.push(`${base}pagefind/${groupDir(g)}/`);
  mkdirSync(join(outDir, 'pagefind'), { recursive: true });
  writeFileSync(join(outDir, 'pagefind', 'bundles.json'), JSON.stringify(bundles) + '\n');
  return bundles;
}
