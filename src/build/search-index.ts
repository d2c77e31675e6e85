/**
 * The search index: Pagefind (its extended build segments Chinese) over the reports, one
 * bundle per search group of cities, so a rebuild re-indexes only the groups that changed.
 * The search page merges all bundles listed in pagefind/bundles.json.
 *
 * Each report is indexed from its content file (title and body text), not from
 * its built page, so indexing needs no page and runs in Pagefind's own process while Astro
 * builds the pages: on two cores the index costs almost no time of its own.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
          url: `/reports/${slug}/`, language: 'zh', meta: { title },
          content: `${title}\n${cityName} ${year}年\n${unescapedText(bodies.get(slug) ?? '')}`,
        });
        if (added.errors.length) throw new Error(`pagefind, report ${slug}: ${added.errors.join('; ')}`);
        pages++;
      }
    }
    const written = await index.writeFiles({ outputPath: join(workDir, groupDir(g)) });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    await index.deleteIndex();
  }
  await pagefind.close();
  return pages;
}

/** Moves freshly indexed groups from `workDir` into the site; a listed group with no new folder is removed. */
export function installGroups(workDir: string, outDir: string, groups: Set<number>): void {
  for (const g of groups) {
    const target = join(outDir, 'pagefind', groupDir(g));
    rmSync(target, { recursive: true, force: true });
    if (existsSync(join(workDir, groupDir(g)))) {
      mkdirSync(join(outDir, 'pagefind'), { recursive: true });
      renameSync(join(workDir, groupDir(g)), target);
    }
  }
  rmSync(workDir, { recursive: true, force: true });
}

/** Lists the bundles for the search page and puts the search widget's files where the page loads them. */
export function publishBundles(outDir: string, base: string): string[] {
  const bundles: string[] = [];
  for (let g = 1; g <= SEARCH_GROUPS; g++) if (existsSync(join(outDir, 'pagefind', groupDir(g), 'pagefind.js'))) bundles.push(`${base}pagefind/${groupDir(g)}/`);
  mkdirSync(join(outDir, 'pagefind'), { recursive: true });
  writeFileSync(join(outDir, 'pagefind', 'bundles.json'), JSON.stringify(bundles) + '\n');
  const first = bundles[0]?.slice(base.length);
  if (first) for (const f of ['pagefind-ui.js', 'pagefind-ui.css']) copyFileSync(join(outDir, first, f), join(outDir, 'pagefind', f));
  return bundles;
}
