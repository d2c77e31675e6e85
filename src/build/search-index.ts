/**
 * The search index: Pagefind (its extended build segments Chinese) over the report pages, one
 * bundle per search group of cities, so a rebuild re-indexes only the groups that changed.
 * The search page merges all bundles listed in pagefind/bundles.json.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Catalog } from '../site/catalog.ts';
import { SEARCH_GROUPS, searchGroup } from '../site/partition.ts';

const groupDir = (g: number) => `g${String(g).padStart(2, '0')}`;

export async function indexGroups(catalog: Catalog, outDir: string, groups: Set<number>): Promise<number> {
  let pages = 0;
  for (const g of [...groups].sort((a, b) => a - b)) {
    const dir = join(outDir, 'pagefind', groupDir(g));
    rmSync(dir, { recursive: true, force: true });
    const cities = catalog.cities.filter((c) => searchGroup(c.slug) === g);
    if (!cities.length) continue;
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
    for (const city of cities) {
      for (const r of city.reports) {
        const file = join(outDir, 'reports', r.data.slug, 'index.html');
        if (!existsSync(file)) continue;
        // URLs relative to the site; the search page tells Pagefind the base path.
        const added = await index.addHTMLFile({ url: `/reports/${r.data.slug}/`, content: readFileSync(file, 'utf8') });
        if (added.errors.length) throw new Error(`pagefind ${file}: ${added.errors.join('; ')}`);
        pages++;
      }
    }
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    await index.deleteIndex();
  }
  await pagefind.close();
  return pages;
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
