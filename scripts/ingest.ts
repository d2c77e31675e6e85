/**
 * npm run ingest [-- [--dry-run] [--if-needed] [--city 眉山市] [--year 2022] [FILE...]]
 * Reads seeds/*.txt (or the given files) into content/reports/*.mdx, keeping editors' changes.
 */
import { parseArgs } from 'node:util';
import { ingest } from '../src/ingest/ingest.ts';
import { IngestBusyError } from '../src/ingest/lock.ts';
import { RegistryError } from '../src/ingest/registry-files.ts';
import { formatProblem } from '../src/model/problem.ts';
import { UnsafePathError } from '../src/model/safe-path.ts';

const USAGE = 'usage: npm run ingest -- [--dry-run] [--if-needed] [--city 眉山市] [--year 2022] [FILE...]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, 'if-needed': { type: 'boolean' }, city: { type: 'string' }, year: { type: 'string' } },
  });
} catch (e) {
  console.error(`${(e as Error).message}; ${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const year = values.year === undefined ? undefined : Number(values.year);
if (year !== undefined && !(Number.isInteger(year) && year >= 1949 && year <= 2100)) {
  console.error(`--year takes a year such as 2022 (got ${values.year}); ${USAGE}`);
  process.exit(2);
}
try {
  const summary = await ingest({ files: positionals, dryRun: values['dry-run'], ifNeeded: values['if-needed'], city: values.city, year });
  const counts = new Map<string, number>();
  for (const e of summary.entries) {
    counts.set(e.outcome, (counts.get(e.outcome) ?? 0) + 1);
    if (e.outcome === 'skipped' && !e.messages.length) continue;
    const c = e.changes;
    const what =
      c && e.outcome !== 'unchanged' && e.outcome !== 'failed'
        ? ` (${[c.metricsAdded && `+${c.metricsAdded} metrics`, c.metricsRemoved && `-${c.metricsRemoved} metrics`, c.metricsChanged && `${c.metricsChanged} metrics changed`, ...c.fields, c.body && 'body'].filter(Boolean).join(', ') || 'format'})`
        : '';
    const line = `${e.outcome.padEnd(9)} ${e.source}${e.report ? ` → ${e.report}` : ''}${what}`;
    (e.outcome === 'failed' ? console.error : console.log)(line);
    for (const m of e.messages) (e.outcome === 'failed' ? console.error : console.log)(`          ${e.source}: ${m}`);
  }
  for (const w of summary.warnings) console.warn(`warning: ${w}`);
  for (const p of summary.problems) console.error(formatProblem(p));
  if (summary.problems.length) console.error(`\ningest stopped before writing anything: ${summary.problems.length} problem(s) above; fix them and run again.`);
  console.log(`${values['dry-run'] ? '(dry run, nothing written) ' : ''}` + [...counts].map(([k, v]) => `${v} ${k}`).join(', '));
  process.exitCode = summary.ok ? 0 : 1;
} catch (e) {
  if (e instanceof RegistryError || e instanceof IngestBusyError || e instanceof UnsafePathError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
