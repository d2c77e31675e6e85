/**
 * npm run review [-- --base origin/main]: what a pull request changes for readers, and its content
 * problems. Prints each problem as a GitHub annotation (a workflow command on stdout, shown on the
 * changed file and line) and writes the summary to $GITHUB_STEP_SUMMARY when the runner sets it
 * (else prints it). Exits 1 when there are errors, like npm run check.
 */
import { appendFileSync } from 'node:fs';
import { isError } from '../src/model/problem.ts';
import { review } from '../src/review/review.ts';

const args = process.argv.slice(2);
const base = args.includes('--base') ? args[args.indexOf('--base') + 1]! : 'origin/main';
let result;
try {
  result = review('.', base);
} catch (e) {
  console.error(
    `review: ${(e as Error).message.trim()}\n(--base names the branch the change is compared with, e.g. --base origin/main; it must be fetched: actions/checkout with fetch-depth: 0)`,
  );
  process.exit(2);
}
for (const line of result.annotations) console.log(line);
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, result.summary + '\n');
else console.log('\n' + result.summary);
process.exit(result.problems.some(isError) ? 1 : 0);
