/**
 * Steps after `astro build`: (for now) nothing beyond a sanity check that the build wrote
 * pages. Kept as a script so `npm run build` has one place for post-processing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.argv[2] ?? 'dist';
if (!existsSync(join(outDir, 'index.html'))) {
  console.error(`${outDir}/index.html is missing: astro build did not write the site`);
  process.exit(1);
}
