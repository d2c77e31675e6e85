/**
 * npm run build [-- --full] [-- --shard i/n] [-- --out DIR]
 * npm run build -- --merge DIR... [--out DIR]
 *
 * Ingests seeds that changed, checks all content (problems stop the build, each as
 * file:line), then builds the site incrementally into dist/ (see src/build/site-build.ts).
 * --shard i/n builds one CI shard's cities; --merge joins shard outputs into one site.
 */
import { buildSite, mergeShards } from '../src/build/site-build.ts';
import { pagesLimitWarning } from '../src/build/pages-limit.ts';
import { readAndCheck } from '../src/ingest/check.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { IngestBusyError } from '../src/ingest/lock.ts';
import { RegistryError } from '../src/ingest/registry-files.ts';
import { formatProblem, isError } from '../src/model/problem.ts';
import { UnsafePathError } from '../src/model/safe-path.ts';

const args = process.argv.slice(2);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outDir = value('--out') ?? 'dist';
const started = performance.now();
/** A published site (not a shard) larger than GitHub Pages takes says so. */
function warnIfTooLargeForPages(): void {
  const warning = pagesLimitWarning(outDir);
  if (warning) console.warn(warning);
}

if (args.includes('--merge')) {
  const dirs = args.slice(args.indexOf('--merge') + 1).filter((a) => !a.startsWith('--') && a !== outDir);
  await mergeShards(dirs, outDir);
  console.log(`merged ${dirs.length} shards into ${outDir}`);
  warnIfTooLargeForPages();
  process.exit(0);
}

if (!args.includes('--skip-ingest')) {
  let summary;
  try {
    summary = await ingest({ ifNeeded: true });
  } catch (e) {
    if (!(e instanceof RegistryError || e instanceof IngestBusyError || e instanceof UnsafePathError)) throw e;
    console.error(`${e.message}\nthe site was not built.`);
    process.exit(1);
  }
  for (const e of summary.entries)
    if (e.outcome !== 'skipped' && e.outcome !== 'unchanged') console.log(`${e.outcome} ${e.source}${e.messages.length ? `: ${e.messages.join('; ')}` : ''}`);
  for (const w of summary.warnings) console.warn(`warning: ${w}`);
  for (const p of summary.problems) console.error(formatProblem(p));
  if (!summary.ok) {
    console.error('ingest failed; see the messages above; the site was not built.');
    process.exit(1);
  }
}
const { problems, reports } = readAndCheck('.');
for (const p of problems) console.error(formatProblem(p));
const errors = problems.filter(isError).length;
if (errors) {
  console.error(`\n${errors} problem(s) in content/; the site was not built.`);
  process.exit(1);
}
const shardArg = value('--shard');
const shard = shardArg ? /^(\d+)\/(\d+)$/.exec(shardArg) : null;
if (shardArg && (!shard || Number(shard[1]) < 1 || Number(shard[1]) > Number(shard[2]) || Number(shard[2]) > 16)) {
  console.error(`--shard takes i/n with 1 ≤ i ≤ n ≤ 16, e.g. --shard 2/4 (got ${shardArg})`);
  process.exit(2);
}
const result = await buildSite({
  outDir,
  reports,
  full: args.includes('--full'),
  log: (l) => console.log(l),
  shard: shard ? { index: Number(shard[1]), count: Number(shard[2]) } : undefined,
});
const steps = Object.entries(result.seconds)
  .map(([k, v]) => `${k} ${v.toFixed(1)}s`)
  .join(', ');
console.log(
  `${result.mode}: ${result.pages} pages in ${outDir}, ${result.searchPages} pages indexed for search (${steps}); ${((performance.now() - started) / 1000).toFixed(1)}s in all`,
);
if (!shardArg) warnIfTooLargeForPages();
