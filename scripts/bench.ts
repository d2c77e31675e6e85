/**
 * npm run bench [-- --sizes 100,1000,10000] [--seed 42] [--json FILE] [--extract-only]
 *
 * Builds synthetic corpora (the seeds, and the dev set's texts when they are at hand, rewritten
 * for other cities, years, departments and numbers; reproducible with --seed) and measures the pipeline on each: extraction speed
 * (and Microsoft Recognizers-Text's Chinese number-with-unit models on the same texts),
 * ingest, the site build, a rebuild after one report changes, and a two-shard build with
 * merge. Prints one table; --json writes the rows for comparison between runs. --extract-only
 * measures extraction alone (about a minute a size, most of it Recognizers-Text: for comparing
 * a change to the library).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as Recognizers from '@microsoft/recognizers-text-suite';
import { extractReport } from '../src/extraction/index.ts';
import { defaultThreads, extractor } from '../src/ingest/extract-pool.ts';
import { readSource } from '../src/ingest/read-source.ts';
import { loadRegistry } from '../src/ingest/registry-files.ts';
import { makeCorpus } from './bench/corpus.ts';
import { addComponentBodies, makeWorkspace } from './bench/workspace.ts';
import { makeFloorProject } from './bench/astro-floor.ts';
import { siteBytes } from '../src/build/pages-limit.ts';

const args = process.argv.slice(2);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (value('--sizes') ?? '100,1000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const seed = Number(value('--seed') ?? 42);
const jsonOut = value('--json');
const extractOnly = args.includes('--extract-only');
const repo = resolve('.');
const registry = loadRegistry(repo);
/** The corpus's templates: the seeds, and the dev set's real texts when ../shared is at hand (read here, never copied in). */
const readTexts = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .flatMap((f) => {
          const r = readSource(join(dir, f));
          return r.ok ? [r.text] : [];
        })
    : [];
const templates = [...readTexts('seeds'), ...readTexts(join('..', 'shared', 'eval', 'dev', 'texts'))];
/** How the project's scripts are run (as `npm run` does). */
const TSX = [process.execPath, '--import', 'tsx'];
/** Worker threads for extraction, as many as ingest uses. */
const THREADS = defaultThreads();

interface Run {
  seconds: number;
  rssMB: number;
  out: string;
}

/** Runs a command in the workspace under GNU time: wall seconds and peak memory of it and its children. */
function timed(root: string, argv: string[], env: Record<string, string> = {}): Run {
  const stats = join(root, '.time');
  const t = performance.now();
  const out = execFileSync('/usr/bin/time', ['-o', stats, '-f', '%M', ...argv], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return { seconds: (performance.now() - t) / 1000, rssMB: Number(readFileSync(stats, 'utf8').trim().split('\n').pop()) / 1024, out };
}

/**
 * MB/s of reading texts after a warm-up on a few of them: the first pass (cold: code still
 * compiling, per-city tables being built) and the median of `passes` more (steady state, as a
 * long ingest runs; the median because this machine's speed varies by 10-30%).
 */
async function throughput(texts: string[], readAll: (texts: string[]) => unknown, passes: number): Promise<{ cold: number; warm: number }> {
  await readAll(texts.slice(0, 5));
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const rates: number[] = [];
  for (let p = 0; p <= passes; p++) {
    const start = performance.now();
    await readAll(texts);
    rates.push(bytes / 1e6 / ((performance.now() - start) / 1000));
  }
  const warm = rates.slice(1).sort((a, b) => a - b);
  return { cold: rates[0]!, warm: warm.length ? warm[warm.length >> 1]! : rates[0]! };
}

const eachOne = (f: (t: string) => unknown) => (texts: string[]) => {
  for (const t of texts) f(t);
};

const rows: Array<Record<string, number | string>> = [];
for (const n of sizes) {
  process.stderr.write(`\n— ${n} reports —\n`);
  const corpus = makeCorpus(templates, registry, n, seed);
  const texts = corpus.map((c) => c.text);
  const sourceMB = texts.reduce((a, t) => a + Buffer.byteLength(t), 0) / 1e6;
  // Speed of extraction, and of Recognizers-Text on the same texts (a sample: it is much slower).
  const sample = texts.slice(0, Math.min(texts.length, 1000));
  const ours = await throughput(
    sample,
    eachOne((t) => extractReport(t, registry)),
    3,
  );
  // The same on worker threads, as ingest reads a large corpus (workers started before timing).
  const pool = extractor(registry, 0, { threads: THREADS, force: true });
  const pooled = await throughput(sample, (ts) => pool.extract(ts), 3);
  await pool.close();
  const theirSample = texts.slice(0, Math.min(texts.length, 12)); // Recognizers-Text reads about 2 KB/s: a small sample
  // One pass each (Recognizers-Text takes minutes per pass), compared cold to cold.
  const theirs = (
    await throughput(
      theirSample,
      eachOne((t) => {
        Recognizers.recognizeCurrency(t, Recognizers.Culture.Chinese);
        Recognizers.recognizeDimension(t, Recognizers.Culture.Chinese);
      }),
      0,
    )
  ).cold;
  const oursOnSample = (
    await throughput(
      theirSample,
      eachOne((t) => extractReport(t, registry)),
      0,
    )
  ).cold;
  const extraction = {
    reports: n,
    'source MB': +sourceMB.toFixed(2),
    'extract MB/s': +ours.warm.toFixed(2),
    'first pass MB/s': +ours.cold.toFixed(2),
    [`extract MB/s, ${THREADS} threads`]: +pooled.warm.toFixed(2),
    'recognizers MB/s': +theirs.toFixed(3),
    'ours ÷ recognizers': +(oursOnSample / theirs).toFixed(1),
  };
  if (extractOnly) {
    rows.push(extraction);
    printTable();
    continue;
  }

  const root = makeWorkspace(repo, corpus);
  try {
    const ingest = timed(root, [...TSX, 'scripts/ingest.ts']);
    // One report in a hundred gets a body with a component: the MDX path among the plain ones.
    const mdxBodies = addComponentBodies(root, 100);
    const build = timed(root, [...TSX, 'scripts/build.ts', '--skip-ingest', '--full']);
    const astro = Number(/astro ([\d.]+)s/.exec(build.out)?.[1] ?? NaN);
    const pages = Number(/(\d+) pages in/.exec(build.out)?.[1] ?? NaN);
    const dist = join(root, 'dist');
    const reportPages = readdirSync(join(dist, 'reports')).map((r) => join(dist, 'reports', r, 'index.html'));
    const css = readFileSync(join(dist, 'site.css'));
    const htmlCss = reportPages.reduce((a, f) => a + gzipSync(readFileSync(f)).length + gzipSync(css).length, 0) / reportPages.length;
    const js =
      reportPages.reduce((a, f) => a + [...readFileSync(f, 'utf8').matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce((b, m) => b + m[1]!.length, 0), 0) /
      reportPages.length;
    // One report changes: a new sentence with a new figure in one seed.
    const changed = join(root, 'seeds', corpus[Math.floor(n / 2)]!.name);
    appendFileSync(changed, '\n市民政局:全年新增养老床位1234张。\n');
    const rebuild = timed(root, [...TSX, 'scripts/build.ts']);
    // The framework's floor: as many bare Markdown pages, built by the same Astro.
    const floorRoot = makeFloorProject(repo, join(root, 'content/reports'), pages);
    const floor = timed(floorRoot, [process.execPath, join(repo, 'node_modules/astro/bin/astro.mjs'), 'build']);
    rmSync(floorRoot, { recursive: true, force: true });
    const floorMsPerPage = (floor.seconds * 1000) / pages;
    const part = (sub: string) => (existsSync(join(dist, sub)) ? siteBytes(join(dist, sub)) : 0);
    const distBytes = siteBytes(dist);
    const [dataBytes, searchBytes] = [part('data'), part('pagefind')];
    // Charts' pictures and embed pages, and the pages' share pictures.
    const pictureBytes = part('embed') + part('og');
    // Two CI shards, one after the other here, then merged.
    const s1 = timed(root, [...TSX, 'scripts/build.ts', '--skip-ingest', '--shard', '1/2', '--out', 'dist-s1']);
    const s2 = timed(root, [...TSX, 'scripts/build.ts', '--skip-ingest', '--shard', '2/2', '--out', 'dist-s2']);
    const merge = timed(root, [...TSX, 'scripts/build.ts', '--merge', 'dist-s1', 'dist-s2', '--out', 'dist-merged']);
    const sameFiles = readdirSync(join(root, 'dist-merged'), { recursive: true }).length === readdirSync(dist, { recursive: true }).length;
    rows.push({
      ...extraction,
      'ingest s': +ingest.seconds.toFixed(1),
      'MDX bodies': mdxBodies,
      'build s': +build.seconds.toFixed(1),
      'astro s': +astro.toFixed(1),
      // Drawn from an empty cache here; a rebuild draws only the pictures whose content changed.
      'pictures s': Number(/pictures ([\d.]+)s/.exec(build.out)?.[1] ?? 0),
      pages,
      'ms/page': +((build.seconds * 1000) / pages).toFixed(1),
      'ms/report': Math.round((build.seconds * 1000) / n),
      'peak RSS MB': Math.round(Math.max(ingest.rssMB, build.rssMB)),
      'floor ms/page': +floorMsPerPage.toFixed(1),
      'ours ÷ floor': +((build.seconds * 1000) / pages / floorMsPerPage).toFixed(1),
      'dist MB': +(distBytes / 1e6).toFixed(1),
      'dist KB/report': +(distBytes / 1e3 / n).toFixed(1),
      'pages KB/report': +((distBytes - dataBytes - searchBytes - pictureBytes) / 1e3 / n).toFixed(1),
      'data KB/report': +(dataBytes / 1e3 / n).toFixed(1),
      'search KB/report': +(searchBytes / 1e3 / n).toFixed(1),
      'pictures KB/report': +(pictureBytes / 1e3 / n).toFixed(1),
      'HTML+CSS gz B/report page': Math.round(htmlCss),
      'JS B/report page': Math.round(js),
      'rebuild s (1 changed)': +rebuild.seconds.toFixed(1),
      'speed-up': +(build.seconds / rebuild.seconds).toFixed(1),
      'shard max s': +Math.max(s1.seconds, s2.seconds).toFixed(1),
      'merge s': +merge.seconds.toFixed(1),
      'shards = full': sameFiles ? 'yes' : 'NO',
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  printTable();
}

function printTable(): void {
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(width[i]!)).join(' | ') + ' |';
  console.log('\n' + line(cols));
  console.log('|' + width.map((w) => '-'.repeat(w + 1) + ':').join('|') + '|');
  for (const r of rows) console.log(line(cols.map((c) => String(r[c]))));
  console.log(budgets().join('\n'));
}

/** The budgets of issues #7 and #17, each judged on the sizes it names (n/a when that size was not run). */
function budgets(): string[] {
  const at = (n: number) => rows.find((r) => r.reports === n);
  const judge = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'met' : 'NOT met');
  // undefined when that size was not run or the column not measured (--extract-only)
  const num = (r: Record<string, number | string> | undefined, c: string) => (r && c in r ? Number(r[c]) : undefined);
  const holds = (v: number | undefined, ok: (v: number) => boolean) => (v === undefined ? undefined : ok(v));
  const large = rows[rows.length - 1];
  const measured = (c: string) => rows.map((r) => num(r, c)).filter((v) => v !== undefined);
  const every = (c: string, ok: (v: number) => boolean) => (measured(c).length ? measured(c).every(ok) : undefined);
  // At 10,000 reports when that size ran; otherwise the largest size's KB a report, times 10,000.
  const largeKB = num(large, 'dist KB/report');
  const pagesAt10k = num(at(10000), 'dist MB') ?? (largeKB === undefined ? undefined : largeKB * 10);
  return [
    `extraction ≥ 5 MB/s (largest size, on ${THREADS} threads as ingest reads): ${judge(holds(num(large, `extract MB/s, ${THREADS} threads`), (v) => v >= 5))}`,
    `extraction ≥ 5 MB/s on one thread (largest size): ${judge(holds(num(large, 'extract MB/s'), (v) => v >= 5))}`,
    `dist ≤ 60 KB a report at every size: ${judge(every('dist KB/report', (v) => v <= 60))}`,
    `fits GitHub Pages (≤ 1 GB) at 10,000 reports${at(10000) ? '' : ' (from the largest size run)'}: ${judge(holds(pagesAt10k, (mb) => mb <= 1000))}${pagesAt10k === undefined ? '' : ` (${Math.round(pagesAt10k)} MB)`}`,
    `1,000 reports built in ≤ 25 s: ${judge(holds(num(at(1000), 'build s'), (v) => v <= 25))}`,
    `10,000 reports built in ≤ 150 s: ${judge(holds(num(at(10000), 'build s'), (v) => v <= 150))}`,
    `≤ 6 ms a page at 10,000 reports: ${judge(holds(num(at(10000), 'ms/page'), (v) => v <= 6))}`,
    `ours ≤ 3× the bare Astro floor a page (largest size): ${judge(holds(num(large, 'ours ÷ floor'), (v) => v <= 3))}`,
    `peak RSS ≤ 2 GB at every size: ${judge(every('peak RSS MB', (v) => v <= 2048))}`,
    `a rebuild after one report changes ≥ 5× faster than a full build (largest size): ${judge(holds(num(large, 'speed-up'), (v) => v >= 5))}`,
  ];
}

if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ seed, date: new Date().toISOString(), rows, budgets: rows.length ? budgets() : [] }, null, 1) + '\n');
