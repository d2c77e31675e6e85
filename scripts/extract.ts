/**
 * Prints the figures read from source texts.
 *   npm run extract -- --format json seeds/*.txt   → the array score.mjs reads
 *   npm run extract -- seeds/000_….txt             → a readable table
 *   npm run extract -- --city 眉山市 FILE          → for a text that never names its place
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { extractReport } from '../src/extraction/index.ts';
import { readSource } from '../src/ingest/read-source.ts';
import { loadRegistry, RegistryError } from '../src/ingest/registry-files.ts';

const USAGE = 'usage: npm run extract -- [--format json|table] [--city 眉山市] [--year 2022] FILE...';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { format: { type: 'string', default: 'table' }, city: { type: 'string' }, year: { type: 'string' } } });
} catch (e) {
  console.error(`${(e as Error).message}; ${USAGE}`);
  process.exit(2);
}
const { values, positionals: files } = parsed;
const format = values.format;
const year = values.year === undefined ? undefined : Number(values.year);
if (!files.length || (format !== 'json' && format !== 'table') || (year !== undefined && !Number.isInteger(year))) {
  console.error(USAGE);
  process.exit(2);
}

let registry: ReturnType<typeof loadRegistry>;
try {
  registry = loadRegistry();
} catch (e) {
  if (!(e instanceof RegistryError)) throw e;
  console.error(e.message);
  process.exit(1);
}
const docs = [];
let failed = false;
for (const file of files) {
  const source = readSource(file);
  if (!source.ok) {
    console.error(`${file}: ${source.error}`);
    failed = true;
    continue;
  }
  const r = extractReport(source.text, registry, { ...(values.city && { city: values.city }), ...(year && { year }) });
  const metrics = r.metrics.map(({ id: _id, ...m }) => m);
  docs.push({ file: basename(file), city: r.city, title: r.title, year: r.year, published: r.published, metrics });
}
if (format === 'json') process.stdout.write(JSON.stringify(docs, null, 1) + '\n');
else
  for (const d of docs) {
    console.log(`\n${d.file}  ${d.city ?? '?'} ${d.year ?? '?'}  ${d.title}`);
    for (const m of d.metrics)
      console.log(
        `  ${m.kind.padEnd(10)} ${String(m.year).padEnd(5)} ${String(m.value).padStart(12)} ${m.unit.padEnd(6)} ${m.qualifier.padEnd(9)} ${(m.department ?? '-').padEnd(16)} ${m.label} «${m.text}»`,
      );
  }
process.exitCode = failed ? 1 : 0;
