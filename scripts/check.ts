/**
 * npm run check: validates every report without building the site. Prints each problem
 * as `file:line: what is wrong; how to fix it`, all at once; exits 1 when there are any.
 */
import { checkContent } from '../src/ingest/check.ts';

const problems = checkContent('.');
for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
if (problems.length) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in content/; fix them and run npm run check again.`);
  process.exit(1);
}
console.log('content is valid');
