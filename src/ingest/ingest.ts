/**
 * Source texts → report files. Each seed becomes (or updates) one MDX report under
 * content/reports/; an editor's changes survive every re-ingest (see merge.ts).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { extractor, type ExtractedText, type PoolOptions } from './extract-pool.ts';
import { removeStaleTemps, writeFileAtomic } from './atomic-write.ts';
import { acquireIngestLock } from './lock.ts';
import { toMdxBody } from './mdx-body.ts';
import { mergeReport } from './merge.ts';
import { decodeSource } from './decode.ts';
import { readBytes } from './read-source.ts';
import { loadRegistry, REGISTRY_DIR } from './registry-files.ts';
import type { Metric } from '../extraction/types.ts';
import type { GeneratedBase, ReportDoc } from '../model/report-data.ts';
import type { Problem } from '../model/problem.ts';
import { pledgeList } from '../model/pledge-status.ts';
import { contentFile } from '../model/safe-path.ts';
import { isSlug } from '../model/slugs.ts';
import {
  baseFile,
  GENERATED_DIR,
  lineIn,
  readBase,
  readBaseStamp,
  readReports,
  REPORTS_DIR,
  serializeReport,
  textHash,
  type ReportOnDisk,
} from './report-file.ts';
import { reportSlug } from './slug.ts';

export const SEEDS_DIR = 'seeds';

export interface IngestOptions {
  root?: string;
  /** Source files to ingest; all of seeds/*.txt when empty. */
  files?: string[];
  dryRun?: boolean;
  /** Skip sources whose text and extractor are unchanged since the last ingest. */
  ifNeeded?: boolean;
  /** Worker threads for extraction (see extract-pool.ts). */
  pool?: PoolOptions;
  /** The place the texts are about, for texts that never name it (npm run ingest -- --city 眉山市 FILE). */
  city?: string;
  /** The year the texts are about, for texts that never say it (--year 2022). */
  year?: number;
  /** Called right before a report file is replaced: where a test saves the file as an editor would while ingest runs. */
  beforeReplace?: (file: string) => void;
}

export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

/** What a run changed (or, with --dry-run, would change) in one report. */
export interface Changes {
  metricsAdded: number;
  metricsRemoved: number;
  metricsChanged: number;
  fields: string[];
  body: boolean;
}

export interface IngestEntry {
  source: string;
  report?: string;
  outcome: Outcome;
  messages: string[];
  changes?: Changes;
}

function describeChanges(before: ReportDoc | null, after: ReportDoc): Changes {
  const old = new Map((before?.data.metrics ?? []).map((m) => [m.id, JSON.stringify(m)]));
  const now = new Map(after.data.metrics.map((m) => [m.id, JSON.stringify(m)]));
  const fields = before
    ? (['title', 'city', 'year', 'published', 'outlet', 'departments'] as const).filter((f) => JSON.stringify(before.data[f]) !== JSON.stringify(after.data[f]))
    : [];
  return {
    metricsAdded: [...now.keys()].filter((id) => !old.has(id)).length,
    metricsRemoved: [...old.keys()].filter((id) => !now.has(id)).length,
    metricsChanged: [...now].filter(([id, v]) => old.has(id) && old.get(id) !== v).length,
    fields: [...fields],
    body: !!before && before.body.trimEnd() !== after.body.trimEnd(),
  };
}

/**
 * What a run did. `problems` are reasons it wrote nothing at all (a report that does not parse,
 * a slug that is not a slug): each names the file and line to fix.
 */
export interface IngestSummary {
  entries: IngestEntry[];
  warnings: string[];
  problems: Problem[];
  ok: boolean;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** Changes when the extraction code or the registry changes, so --if-needed knows to re-read. */
export function extractorVersion(root: string): string {
  const dirs = [join(root, 'src/extraction'), join(root, REGISTRY_DIR)];
  const parts: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) parts.push(f, readFileSync(join(dir, f), 'utf8'));
  }
  return hash(parts.join('\0'));
}

/** A seed is a .txt file (any case) directly in seeds/. */
const isSeedName = (name: string) => /\.txt$/i.test(name) && !name.startsWith('.');

export function seedFiles(root: string, warn: (message: string) => void = () => {}): string[] {
  const dir = join(root, SEEDS_DIR);
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && isSeedName(entry.name)) out.push(join(dir, entry.name));
    else if (entry.isDirectory()) warn(`seeds/${entry.name}/: folders in seeds/ are not read; move its .txt files up into seeds/`);
    else if (!entry.name.startsWith('.'))
      warn(`seeds/${entry.name}: not read, since only .txt files are sources; rename it to end in .txt, or move it out of seeds/`);
  }
  return out.sort();
}

/** The seed a report was read from, as a key that survives an editor's slip (002_ab.txt, 002_AB.TXT, 002_ab). */
export const seedKey = (name: string) =>
  basename(name)
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/\.txt$/, '');

/** Two metrics that say the same thing: same figure, read the same way, from the same words (a table's two 123.4% differ by row). */
export const repeatKey = (m: Metric) => `${m.value}|${m.unit}|${m.text}|${m.kind}|${m.year}|${m.department}|${m.label}`;

/** Metrics that check would call repeats (same figure, or same id): the first is kept (a text pasted twice). */
function withoutRepeats(metrics: Metric[]): Metric[] {
  const seen = new Set<string>();
  return metrics.filter((m) => {
    const key = repeatKey(m);
    if (seen.has(key) || seen.has(`id:${m.id}`)) return false;
    seen.add(key).add(`id:${m.id}`);
    return true;
  });
}

function generate(r: ExtractedText, source: string, slugFor: (city: string | null, year: number | null, title: string) => string): ReportDoc {
  const slug = slugFor(r.city, r.year, r.title);
  const metrics = withoutRepeats(r.metrics);
  return {
    data: {
      title: r.title,
      slug,
      city: r.city,
      year: r.year,
      published: r.published,
      source,
      outlet: r.outlet,
      departments: r.departments,
      metrics,
      pledges: pledgeList(metrics, r.published),
    },
    body: toMdxBody(r.body),
  };
}

/** A source read and decoded, waiting for its extraction. */
interface Pending {
  file: string;
  source: string;
  entry: IngestEntry;
  text: string;
  current: ReportOnDisk | null;
  sourceHash: string;
}

/** Texts extracted at a time: enough to keep the workers busy, few enough that memory stays flat. */
const BATCH = 256;

export async function ingest(options: IngestOptions = {}): Promise<IngestSummary> {
  const root = options.root ?? '.';
  const release = options.dryRun ? () => {} : acquireIngestLock(root);
  try {
    return await ingestLocked(root, options);
  } finally {
    release();
  }
}

/** Every report, or the problems that make it unsafe to write any (nothing is written then). */
function readReportsSafely(root: string): { reports: ReportOnDisk[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const reports = readReports(root, (file, line, message) =>
    problems.push({ file: relative(root, file), line, message: `${message}; fix it and run again (nothing was written)` }),
  );
  for (const r of reports) {
    const file = relative(root, r.file);
    if (!isSlug(r.data.slug))
      problems.push({
        file,
        line: lineIn(r.file, ['slug']),
        message: `slug ${JSON.stringify(r.data.slug ?? null)} is not a slug: use lower-case letters, digits and hyphens only; fix it and run again (nothing was written)`,
      });
    if (typeof r.data.source !== 'string' || !r.data.source)
      problems.push({
        file,
        line: lineIn(r.file, ['source']),
        message: 'source is missing: write the seed file it was read from (e.g. 002_….txt), or 编辑录入; fix it and run again (nothing was written)',
      });
  }
  return { reports, problems };
}

/** What a report's generated base says of the source it was made from (see readBaseStamp). */
type Stamp = ReturnType<typeof readBaseStamp>;

/**
 * The report of each seed, by seed key: the report whose generated base records the seed (a key an
 * editor does not edit), else the report whose `source` names it. Two reports for one seed are a
 * problem. Each report's base stamp comes back too, read once for the whole run.
 */
function reportsBySeed(root: string, reports: ReportOnDisk[], problems: Problem[]): { bySeed: Map<string, ReportOnDisk>; stamps: Map<ReportOnDisk, Stamp> } {
  const out = new Map<string, ReportOnDisk>();
  const stamps = new Map<ReportOnDisk, Stamp>();
  const claim = (key: string, r: ReportOnDisk) => {
    const other = out.get(key);
    if (other && other !== r) {
      problems.push({
        file: relative(root, r.file),
        line: lineIn(r.file, ['source']),
        message: `this report and ${relative(root, other.file)} are both from seed ${key}.txt; merge them into one, or give one of them source: 编辑录入`,
      });
    } else out.set(key, r);
  };
  const bySource = new Map<string, ReportOnDisk>();
  for (const r of reports) {
    const stamp = readBaseStamp(root, r.data.slug);
    stamps.set(r, stamp);
    if (stamp?.seed) claim(seedKey(stamp.seed), r);
    else bySource.set(seedKey(r.data.source), r);
  }
  for (const [key, r] of bySource) if (!out.has(key)) out.set(key, r);
  return { bySeed: out, stamps };
}

async function ingestLocked(root: string, options: IngestOptions): Promise<IngestSummary> {
  const registry = loadRegistry(root);
  const version = extractorVersion(root);
  const warnings: string[] = [];
  const entries: IngestEntry[] = [];
  if (!options.dryRun) {
    for (const dir of [REPORTS_DIR, GENERATED_DIR]) {
      for (const name of removeStaleTemps(join(root, dir))) warnings.push(`${dir}/${name}: removed a temporary file left by an ingest that was stopped`);
    }
  }
  if (options.city && !registry.cities.some((c) => c.name === options.city)) {
    return {
      entries,
      warnings,
      problems: [
        {
          file: 'content/registry/cities.yaml',
          line: 1,
          message: `--city ${options.city} is not in the registry; give the full name (眉山市, 北京市房山区) or add the place to content/registry/`,
        },
      ],
      ok: false,
    };
  }
  const { reports, problems } = readReportsSafely(root);
  if (problems.length) return { entries, warnings, problems, ok: false };
  const { bySeed, stamps } = reportsBySeed(root, reports, problems);
  if (problems.length) return { entries, warnings, problems, ok: false };
  const taken = new Set(reports.map((r) => r.data.slug));
  const explicit = options.files?.length ? options.files : null;
  const files = explicit ?? seedFiles(root, (w) => warnings.push(w));

  // Read and decode every source first; the texts that need it are then extracted together (on
  // worker threads when there are many), and written in order, so slugs are given out as before.
  const pending: Pending[] = [];
  for (const file of files) {
    const source = basename(file);
    const entry: IngestEntry = { source: relative(root, file) || file, outcome: 'failed', messages: [] };
    entries.push(entry);
    const bytes = readBytes(file);
    if (typeof bytes === 'string') {
      entry.messages.push(bytes);
      continue;
    }
    const current = bySeed.get(seedKey(source)) ?? null;
    if (current && current.data.source !== source)
      entry.messages.push(`${relative(root, current.file)} says source: ${current.data.source}; it is the report of ${source} (write source: ${source} there)`);
    // The hash of the file's bytes: an unchanged source is skipped before it is even decoded.
    const sourceHash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const stamp = options.ifNeeded && current ? stamps.get(current) : null;
    if (stamp && stamp.sourceHash === sourceHash && stamp.extractorVersion === version) {
      entry.outcome = 'skipped';
      entry.report = current!.file;
      continue;
    }
    const read = decodeSource(bytes);
    if (!read.ok) {
      entry.messages.push(read.error);
      continue;
    }
    entry.messages.push(...read.notes);
    pending.push({ file, source, entry, text: read.text, current, sourceHash });
  }
  const cityOf = (name: string | null) => registry.cities.find((c) => c.name === name) ?? null;
  /** Merges a source's new extraction into its report and writes the report, its base and its seed copy. */
  const write = ({ file, source, entry, current, sourceHash }: Pending, extracted: ExtractedText): void => {
    const base = current ? readBase(root, current.data.slug) : null; // read here, a batch at a time: bases hold whole reports
    if (!extracted.city || !extracted.year) {
      // A report without its place or year could not be published (check refuses it): say what to give instead.
      entry.messages.push(
        !extracted.city
          ? 'no place recognised in the text; say it: npm run ingest -- --city 眉山市 FILE (a full name from content/registry/)'
          : 'no year found in the text; say it: npm run ingest -- --year 2022 FILE',
      );
      return;
    }
    let next = generate(extracted, source, (city, year, title) => current?.data.slug ?? reportSlug(cityOf(city), year, title, taken));
    taken.add(next.data.slug);
    const merged = mergeReport(base, current, next);
    entry.messages.push(...merged.conflicts.map((c) => `conflict: ${c}`), ...merged.notes);
    let target = current?.file ?? contentFile(root, REPORTS_DIR, next.data.slug, '.mdx');
    entry.report = target;
    let content = serializeReport(merged);
    const before = current ? serializeReport(current) : null;
    entry.outcome = !current ? 'created' : before === content ? 'unchanged' : 'updated';
    entry.changes = describeChanges(current, merged);
    if (options.dryRun) return;
    // A text ingested from elsewhere joins seeds/, so the site can always be rebuilt from seeds/ alone.
    const seedCopy = join(root, SEEDS_DIR, source);
    if (resolve(file) !== resolve(seedCopy)) {
      if (existsSync(seedCopy) && readFileSync(seedCopy, 'utf8') !== readFileSync(file, 'utf8')) {
        entry.messages.push(`seeds/${source} already exists with other text; rename the new file`);
        entry.outcome = 'failed';
        return;
      }
      mkdirSync(join(root, SEEDS_DIR), { recursive: true });
      copyFileSync(file, seedCopy);
      entry.messages.push(`copied to seeds/${source}`);
    }
    if (!current) {
      // A new report claims its file atomically: a file another writer made meanwhile is never replaced.
      while (!writeFileAtomic(target, content, { exclusive: true })) {
        taken.add(next.data.slug); // taken by whoever made that file
        const slug = reportSlug(cityOf(next.data.city), next.data.year, next.data.title, taken);
        next = { ...next, data: { ...next.data, slug } };
        merged.data.slug = slug;
        merged.base.data.slug = slug;
        target = contentFile(root, REPORTS_DIR, slug, '.mdx');
        content = serializeReport(merged);
        entry.report = target;
        taken.add(slug);
      }
    } else if (entry.outcome !== 'unchanged') {
      // Someone (an editor) saved the file since it was read: their save wins; the base stays, so the next run merges it.
      options.beforeReplace?.(target);
      const unchangedSinceRead = () => {
        try {
          return textHash(readFileSync(current.file)) === current.hash;
        } catch {
          return false;
        }
      };
      if (!writeFileAtomic(target, content, { onlyIf: unchangedSinceRead })) {
        entry.outcome = 'failed';
        entry.messages.push(`${relative(root, target)} was changed while ingest ran (saved by an editor?); it was left as it is: run ingest again to merge`);
        return;
      }
    }
    // The stamp first: see readBaseStamp.
    const newBase: GeneratedBase = { sourceHash, extractorVersion: version, seed: source, ...merged.base };
    const baseText = JSON.stringify(newBase, null, 1) + '\n';
    const basePath = baseFile(root, merged.data.slug);
    if (!existsSync(basePath) || readFileSync(basePath, 'utf8') !== baseText) writeFileAtomic(basePath, baseText);
  };

  const pool = extractor(
    registry,
    pending.reduce((a, p) => a + p.text.length, 0),
    options.pool,
    { ...(options.city && { city: options.city }), ...(options.year && { year: options.year }) },
  );
  try {
    for (let from = 0; from < pending.length; from += BATCH) {
      const batch = pending.slice(from, from + BATCH);
      const extracted = await pool.extract(
        batch.map((p) => p.text),
        batch.map((p) => (p.current ? { city: p.current.data.city, year: p.current.data.year } : undefined)),
      );
      batch.forEach((p, i) => write(p, extracted[i]!));
    }
  } finally {
    await pool.close();
  }

  if (!explicit) {
    const seeds = new Set(files.map((f) => seedKey(f)));
    for (const r of reports) {
      // Reports written by hand name no seed file (source: 编辑录入); only a missing .txt is worth a warning.
      if (/\.txt$/i.test(r.data.source) && !seeds.has(seedKey(r.data.source))) {
        warnings.push(`${relative(root, r.file)}: its source seeds/${r.data.source} is gone; the report is kept (delete it by hand to unpublish)`);
      }
    }
  }
  return { entries, warnings, problems, ok: entries.every((e) => e.outcome !== 'failed') };
}
