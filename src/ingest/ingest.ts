/**
 * Source texts → report files. Each seed becomes (or updates) one MDX report under
 * content/reports/; an editor's changes survive every re-ingest (see merge.ts).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { extractor, type ExtractedText, type PoolOptions } from './extract-pool.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { toMdxBody } from './mdx-body.ts';
import { mergeReport } from './merge.ts';
import { decodeSource } from './decode.ts';
import { readBytes } from './read-source.ts';
import { loadRegistry, REGISTRY_DIR } from './registry-files.ts';
import type { GeneratedBase, ReportDoc } from './report-data.ts';
import { baseFile, readBase, readBaseStamp, readReports, REPORTS_DIR, serializeReport, type ReportOnDisk } from './report-file.ts';
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
}

export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

/** What a run changed (or, with --dry-run, would change) in one report. */
export interface Changes { metricsAdded: number; metricsRemoved: number; metricsChanged: number; fields: string[]; body: boolean }

export interface IngestEntry { source: string; report?: string; outcome: Outcome; messages: string[]; changes?: Changes }

function describeChanges(before: ReportDoc | null, after: ReportDoc): Changes {
  const old = new Map((before?.data.metrics ?? []).map((m) => [m.id, JSON.stringify(m)]));
  const now = new Map(after.data.metrics.map((m) => [m.id, JSON.stringify(m)]));
  const fields = before ? (['title', 'city', 'year', 'published', 'outlet', 'departments'] as const).filter((f) => JSON.stringify(before.data[f]) !== JSON.stringify(after.data[f])) : [];
  return {
    metricsAdded: [...now.keys()].filter((id) => !old.has(id)).length,
    metricsRemoved: [...old.keys()].filter((id) => !now.has(id)).length,
    metricsChanged: [...now].filter(([id, v]) => old.has(id) && old.get(id) !== v).length,
    fields: [...fields],
    body: !!before && before.body.trimEnd() !== after.body.trimEnd(),
  };
}

export interface IngestSummary { entries: IngestEntry[]; warnings: string[]; ok: boolean }

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

export function seedFiles(root: string): string[] {
  const dir = join(root, SEEDS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
}

function generate(r: ExtractedText, source: string, slugFor: (city: string | null, year: number | null, title: string) => string): ReportDoc {
  const slug = slugFor(r.city, r.year, r.title);
  return {
    data: {
      title: r.title, slug, city: r.city, year: r.year, published: r.published, source, outlet: r.outlet,
      departments: r.departments, metrics: r.metrics,
    },
    body: toMdxBody(r.body),
  };
}

/** A source read and decoded, waiting for its extraction. */
interface Pending { file: string; source: string; entry: IngestEntry; text: string; current: ReportOnDisk | null; sourceHash: string }

/** Texts extracted at a time: enough to keep the workers busy, few enough that memory stays flat. */
const BATCH = 256;

export async function ingest(options: IngestOptions = {}): Promise<IngestSummary> {
  const root = options.root ?? '.';
  const registry = loadRegistry(root);
  const version = extractorVersion(root);
  const warnings: string[] = [];
  const entries: IngestEntry[] = [];
  const reports = readReports(root, (file, message) => warnings.push(`${file}: ${message}`));
  const bySource = new Map(reports.map((r) => [r.data.source, r]));
  const taken = new Set(reports.map((r) => r.data.slug));
  const explicit = options.files?.length ? options.files : null;
  const files = explicit ?? seedFiles(root);

  // Read and decode every source first; the texts that need it are then extracted together (on
  // worker threads when there are many), and written in order, so slugs are given out as before.
  const pending: Pending[] = [];
  for (const file of files) {
    const source = basename(file);
    const entry: IngestEntry = { source: relative(root, file) || file, outcome: 'failed', messages: [] };
    entries.push(entry);
    const bytes = readBytes(file);
    if (typeof bytes === 'string') { entry.messages.push(bytes); continue; }
    const current = bySource.get(source) ?? null;
    // The hash of the file's bytes: an unchanged source is skipped before it is even decoded.
    const sourceHash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const stamp = options.ifNeeded && current ? readBaseStamp(root, current.data.slug) : null;
    if (stamp && stamp.sourceHash === sourceHash && stamp.extractorVersion === version) {
      entry.outcome = 'skipped'; entry.report = current!.file; continue;
    }
    const read = decodeSource(bytes);
    if (!read.ok) { entry.messages.push(read.error); continue; }
    entry.messages.push(...read.notes);
    pending.push({ file, source, entry, text: read.text, current, sourceHash });
  }
  const cityOf = (name: string | null) => registry.cities.find((c) => c.name === name) ?? null;
  /** Merges a source's new extraction into its report and writes the report, its base and its seed copy. */
  const write = ({ file, source, entry, current, sourceHash }: Pending, extracted: ExtractedText): void => {
    const base = current ? readBase(root, current.data.slug) : null; // read here, a batch at a time: bases hold whole reports
    const next = generate(extracted, source, (city, year, title) =>
      current?.data.slug ?? reportSlug(cityOf(city), year, title, taken));
    if (!next.data.city) entry.messages.push('no city recognised; add it to content/registry/cities.yaml or set `city` in the report');
    taken.add(next.data.slug);
    const merged = mergeReport(base, current, next);
    entry.messages.push(...merged.conflicts.map((c) => `conflict: ${c}`));
    const file_ = current?.file ?? join(root, REPORTS_DIR, `${next.data.slug}.mdx`);
    entry.report = file_;
    const content = serializeReport(merged);
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
    if (entry.outcome !== 'unchanged') writeFileAtomic(file_, content);
    // The stamp first: see readBaseStamp.
    const newBase: GeneratedBase = { sourceHash, extractorVersion: version, ...next, data: { ...next.data, slug: merged.data.slug } };
    const baseText = JSON.stringify(newBase, null, 1) + '\n';
    const basePath = baseFile(root, merged.data.slug);
    if (!existsSync(basePath) || readFileSync(basePath, 'utf8') !== baseText) writeFileAtomic(basePath, baseText);
  };

  const pool = extractor(registry, pending.reduce((a, p) => a + p.text.length, 0), options.pool);
  try {
    for (let from = 0; from < pending.length; from += BATCH) {
      const batch = pending.slice(from, from + BATCH);
      const extracted = await pool.extract(batch.map((p) => p.text));
      batch.forEach((p, i) => write(p, extracted[i]!));
    }
  } finally {
    await pool.close();
  }

  if (!explicit) {
    const seeds = new Set(files.map((f) => basename(f)));
    for (const r of reports) {
      // Reports written by hand name no seed file (source: 编辑录入); only a missing .txt is worth a warning.
      if (r.data.source?.endsWith('.txt') && !seeds.has(r.data.source)) {
        warnings.push(`${relative(root, r.file)}: its source seeds/${r.data.source} is gone; the report is kept (delete it by hand to unpublish)`);
      }
    }
  }
  return { entries, warnings, ok: entries.every((e) => e.outcome !== 'failed') };
}
