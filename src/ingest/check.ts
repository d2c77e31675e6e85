/**
 * Validates all content: the report schema, that every metric's text occurs in the body,
 * that cities and departments are in the registry, and no duplicate slugs or metrics.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { reportSchema } from '../site/report-schema.ts';
import { departmentsOf } from '../extraction/registry.ts';
import { loadRegistry, RegistryError } from './registry-files.ts';
import { readReports, type ReportOnDisk } from './report-file.ts';
import { visibleText } from './visible-text.ts';

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
  for (const r of reports) {
    const file = relative(root, r.file);
    let source: string | undefined; // read again only to place a problem on its line
    const add = (path: Array<string | number>, message: string) => problems.push({ file, line: lineOf(source ??= readFileSync(r.file, 'utf8'), path), message });
    const rawSlug = typeof r.data.slug === 'string' ? r.data.slug : null;
    const prior = rawSlug ? slugs.get(rawSlug) : undefined;
    if (rawSlug && prior) add(['slug'], `slug "${rawSlug}" is also used by ${prior}; give one of them another slug`);
    if (rawSlug) slugs.set(rawSlug, file);
    const parsed = reportSchema.safeParse(r.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(issue.path, `${issue.path.join('.') || 'frontmatter'}: ${issue.message}`);
      continue;
    }
    const data = parsed.data;
    if (!cityNames.has(data.city)) add(['city'], `city "${data.city}" is not in content/registry/cities.yaml; add it there or correct the name`);
    const known = new Set(departmentsOf(registry, data.city).map((d) => d.name));
    data.departments.forEach((d, i) => {
      if (!known.has(d)) add(['departments', i], `department "${d}" is not in content/registry/departments.yaml; add it (with its short names as aliases) or use the full official name`);
    });
    // Most spans are found in the body once its backslash escapes are undone; only the rest
    // need the body parsed as Markdown (an editor's emphasis or links).
    const unescaped = r.body.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
    let parsedText: string | undefined;
    const occurs = (span: string) => unescaped.includes(span) || (parsedText ??= visibleText(r.body)).includes(span);
    const seen = new Map<string, number>();
    data.metrics.forEach((m, i) => {
      if (!occurs(m.text)) add(['metrics', i], `metrics.${i} (${m.label}): its text «${m.text}» does not occur in the report's body; copy the exact words from the text`);
      for (const d of m.department?.split('、') ?? []) if (!known.has(d)) add(['metrics', i], `metrics.${i}: department "${d}" is not in the registry; add it to content/registry/departments.yaml or fix the name`);
      const key = `${m.value}|${m.unit}|${m.text}|${m.kind}|${m.year}|${m.department}`;
      if (seen.has(key)) add(['metrics', i], `metrics.${i} repeats metrics.${seen.get(key)} (same value, unit, kind, year, department and text); delete one`);
      else seen.set(key, i);
      const dupId = data.metrics.findIndex((o) => o.id === m.id);
      if (dupId !== i) add(['metrics', i], `metrics.${i} has the same id "${m.id}" as metrics.${dupId}; ids must be unique within a report`);
    });
  }
  return { problems, reports };
}
