/**
 * Validates all content: the report schema, that every metric's text occurs in the body,
 * that cities and departments are in the registry, and no duplicate slugs or metrics.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Registry } from '../extraction/types.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { extractorVersion } from './ingest.ts';
import { reportSchema } from '../site/report-schema.ts';
import { departmentsOf } from '../extraction/registry.ts';
import { loadRegistry, RegistryError } from './registry-files.ts';
import { readReports, type ReportOnDisk } from './report-file.ts';
import { unescapedText, visibleText } from './visible-text.ts';

export interface Problem { file: string; line: number; message: string }

/** The line of the frontmatter where a key path (metrics.3.unit) is written, or 1. */
function lineOf(source: string, path: Array<string | number>): number {
  const lines = source.split('\n');
  const top = String(path[0] ?? '');
  let at = lines.findIndex((l) => l.startsWith(`${top}:`));
  if (at < 0) return 1;
  if (typeof path[1] === 'number') {
    let seen = -1;
    for (let i = at + 1; i < lines.length && /^\s/.test(lines[i]!); i++) if (/^\s*-\s/.test(lines[i]!) && ++seen === path[1]) return i + 1;
  }
  return at + 1;
}

/** The problems of one report on its own (all but duplicate slugs, which need every report). */
function checkReport(r: ReportOnDisk, file: string, registry: Registry, cityNames: Set<string>): Problem[] {
  const problems: Problem[] = [];
  let source: string | undefined; // read again only to place a problem on its line
  const add = (path: Array<string | number>, message: string) => problems.push({ file, line: lineOf(source ??= readFileSync(r.file, 'utf8'), path), message });
  const parsed = reportSchema.safeParse(r.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path, `${issue.path.join('.') || 'frontmatter'}: ${issue.message}`);
    return problems;
  }
  const data = parsed.data;
  if (!cityNames.has(data.city)) add(['city'], `city "${data.city}" is not in content/registry/cities.yaml; add it there or correct the name`);
  const known = new Set(departmentsOf(registry, data.city).map((d) => d.name));
  data.departments.forEach((d, i) => {
    if (!known.has(d)) add(['departments', i], `department "${d}" is not in content/registry/departments.yaml; add it (with its short names as aliases) or use the full official name`);
  });
  // Most spans are found in the body once its backslash escapes are undone; only the rest
  // need the body parsed as Markdown (an editor's emphasis or links).
  const unescaped = unescapedText(r.body);
  let parsedText: string | undefined;
  const occurs = (span: string) => unescaped.includes(span) || (parsedText ??= visibleText(r.body)).includes(span);
  const seen = new Map<string, number>();
  const firstWithId = new Map<string, number>();
  data.metrics.forEach((m, i) => {
    if (!occurs(m.text)) add(['metrics', i], `metrics.${i} (${m.label}): its text «${m.text}» does not occur in the report's body; copy the exact words from the text`);
    for (const d of m.department?.split('、') ?? []) if (!known.has(d)) add(['metrics', i], `metrics.${i}: department "${d}" is not in the registry; add it to content/registry/departments.yaml or fix the name`);
    const key = `${m.value}|${m.unit}|${m.text}|${m.kind}|${m.year}|${m.department}`;
    if (seen.has(key)) add(['metrics', i], `metrics.${i} repeats metrics.${seen.get(key)} (same value, unit, kind, year, department and text); delete one`);
    else seen.set(key, i);
    const dupId = firstWithId.get(m.id);
    if (dupId !== undefined) add(['metrics', i], `metrics.${i} has the same id "${m.id}" as metrics.${dupId}; ids must be unique within a report`);
    else firstWithId.set(m.id, i);
  });
  return problems;
}

/** Check results by report hash, valid while the registry and the code they depend on are the same. */
const CHECK_CACHE = '.cache/checked-reports.json';
interface CheckCache { context: string; results: Record<string, Problem[]> }

function openCheckCache(root: string): CheckCache {
  // The registry and the extraction code (departmentsOf) as ingest versions them, and the checking code itself.
  const hash = createHash('sha1').update(extractorVersion(root));
  for (const module of ['./check.ts', './visible-text.ts', '../site/report-schema.ts']) hash.update('\0').update(readFileSync(new URL(module, import.meta.url)));
  const context = hash.digest('base64');
  try {
    const stored = JSON.parse(readFileSync(join(root, CHECK_CACHE), 'utf8')) as CheckCache;
    if (stored.context === context) return stored;
  } catch { /* none yet */ }
  return { context, results: {} };
}

function saveCheckCache(root: string, cache: CheckCache, results: Record<string, Problem[]>): void {
  const same = Object.keys(results).length === Object.keys(cache.results).length && Object.keys(results).every((k) => k in cache.results);
  if (!same) writeFileAtomic(join(root, CHECK_CACHE), JSON.stringify({ context: cache.context, results }));
}

export function checkContent(root: string): Problem[] {
  return readAndCheck(root).problems;
}

/** Reads every report and checks it: the problems, and the reports for a build to use. */
export function readAndCheck(root: string): { problems: Problem[]; reports: ReportOnDisk[] } {
  const problems: Problem[] = [];
  let registry;
  try { registry = loadRegistry(root); } catch (e) {
    if (e instanceof RegistryError) return { problems: [{ file: 'content/registry', line: 1, message: e.message }], reports: [] };
    throw e;
  }
  const reports = readReports(root, (file, message) => problems.push({ file: relative(root, file), line: 1, message: `${message}; fix the YAML between the --- lines` }));
  const slugs = new Map<string, string>();
  const cityNames = new Set(registry.cities.map((c) => c.name));
  const cache = openCheckCache(root);
  const kept: Record<string, Problem[]> = {};
  for (const r of reports) {
    const file = relative(root, r.file);
    const rawSlug = typeof r.data.slug === 'string' ? r.data.slug : null;
    const prior = rawSlug ? slugs.get(rawSlug) : undefined;
    if (rawSlug && prior) problems.push({ file, line: lineOf(readFileSync(r.file, 'utf8'), ['slug']), message: `slug "${rawSlug}" is also used by ${prior}; give one of them another slug` });
    if (rawSlug) slugs.set(rawSlug, file);
    // A file's own problems depend only on its text, the registry and this code: cached by those.
    const own = cache.results[r.hash]?.map((p) => ({ ...p, file })) ?? checkReport(r, file, registry, cityNames);
    kept[r.hash] = own;
    problems.push(...own);
  }
  saveCheckCache(root, cache, kept);
  return { problems, reports };
}
