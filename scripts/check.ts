/**
 * npm run check: validates every report without building the site. Prints each problem
 * as `file:line: what is wrong; how to fix it`, all at once; exits 1 when there are errors
 * (warnings are printed and do not fail).
 */
import { checkContent } from '../src/ingest/check.ts';
import { formatProblem, isError } from '../src/model/problem.ts';

const problems = checkContent('.');
for (const p of problems) console.error(formatProblem(p));
const errors = problems.filter(isError).length;
if (errors) {
  console.error(`\n${errors} problem${errors === 1 ? '' : 's'} in content/; fix them and run npm run check again.`);
  process.exit(1);
}
console.log(problems.length ? `content is valid (${problems.length} warning${problems.length === 1 ? '' : 's'} above)` : 'content is valid');
