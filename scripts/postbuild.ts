/**
 * After `astro build`: builds the search index of the site with Pagefind (whose extended
 * build segments Chinese words), into DIST/pagefind/.
 *   tsx scripts/postbuild.ts [DIST]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const outDir = process.argv[2] ?? 'dist';
if (!existsSync(join(outDir, 'index.html'))) {
  console.error(`${outDir}/index.html is missing: astro build did not write the site`);
  process.exit(1);
}
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: outDir });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`search index: ${added.page_count} pages in ${join(outDir, 'pagefind')}`);
