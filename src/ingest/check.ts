/**
 * Validates all content: the registry (slugs, reserved names, uniqueness), the report schema,
 * that every metric's text occurs in the text a reader sees, that cities and departments are in
 * the registry, that `source` names a seed, and no duplicate slugs or metrics. Every problem of
 * a file is reported at once, each at its line.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Metric, Registry } from '../extraction/types.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { extractorVersion, repeatKey, seedKey, SEEDS_DIR } from './ingest.ts';
import { describeIssue, metricSchema, reportSchema, type MetricData, type PledgeEntry } from '../model/report-schema.ts';
import { pledgeOf } from '../model/pledge-status.ts';
import { readComponents, usesComponents } from '../model/body-components.ts';
import { parseReportFile } from '../model/frontmatter.ts';
import type { Problem } from '../model/problem.ts';
import { cityLevelName, departmentsOf } from '../extraction/registry.ts';
import { loadRegistry, RegistryError } from './registry-files.ts';
import { lineIn, readReports, type ReportOnDisk } from './report-file.ts';
import { unescapedText, visibleText } from './visible-text.ts';

export type { Problem } from '../model/problem.ts';

/** What a report typed in by hand says as its source. */
export const HAND_ENTERED = '编辑录入';

/** Units whose figures cannot be below zero: a negative one is a typo (a minus sign for a dash). */
const NEVER_NEGATIVE = /^(人|户|个|家|所|座|张|套|名|位|项|条|次|台|辆|公里|千米|米|平方米|亩|吨|元|元\/月|元\/年|床|间|处|场|批)$/;

interface CheckContext {
  registry: Registry;
  cityNames: Set<string>;
  seeds: Set<string> | null;
}

/** A body's <Figure> and <Pledge>: each must parse, be one of those two, and name a figure or pledge of its report; at the file's line. */
function componentProblems(r: ReportOnDisk, file: string): Problem[] {
  const raw = readFileSync(r.file, 'utf8');
  const start = raw.endsWith(r.body) ? raw.length - r.body.length : Math.max(0, raw.lastIndexOf(r.body));
  const offset = raw.slice(0, start).split('\n').length - 1; // the lines of the frontmatter above the body
  const { uses, problems } = readComponents(r.body);
  const metrics = Array.isArray(r.data.metrics) ? (r.data.metrics as Array<Partial<MetricData>>) : [];
  const ids = new Set(metrics.map((m) => m?.id));
  const pledgeKeys = new Set(metrics.map((m) => m?.pledge).filter(Boolean));
  for (const u of uses) {
    if (u.name === 'Figure' && !ids.has(u.id))
      problems.push({ line: u.line, message: `<Figure id="${u.id}">: this report has no figure with that id; use an id under metrics:` });
    if (u.name === 'Pledge' && !pledgeKeys.has(u.id))
      problems.push({ line: u.line, message: `<Pledge id="${u.id}">: no figure of this report has pledge: ${u.id}; use a pledge id under pledges:` });
  }
  return problems.map((p) => ({ file, line: offset + p.line, message: p.message }));
}

/** The problems of one report on its own (all but duplicate slugs, which need every report). */
function checkReport(r: ReportOnDisk, file: string, ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  let lineOf: ((path: Array<string | number>) => number) | undefined; // the file is parsed again only to place a problem
  const at = (path: Array<string | number>) => (lineOf ??= parseReportFile(readFileSync(r.file, 'utf8')).lineOf)(path);
  const add = (path: Array<string | number>, message: string, severity?: 'warning') =>
    problems.push({ file, line: at(path), message, ...(severity && { severity }) });
  const parsed = reportSchema.safeParse(r.data);
  if (!parsed.success) {
    for (const { path, message } of parsed.error.issues.map(describeIssue)) add(path, message);
  }
  // Whatever parts are well-formed are checked too, so an editor sees every problem at once.
  const raw = r.data as unknown as Record<string, unknown>;
  const city = typeof raw.city === 'string' ? raw.city : null;
  if (city && !ctx.cityNames.has(city)) add(['city'], `city "${city}" is not in content/registry/cities.yaml; add it there or correct the name`);
  const known = new Set(departmentsOf(ctx.registry, city).map((d) => d.name));
  // A county's or district's body is the registry's at its level: 区教育委员会 is 市教育委员会 of a 区.
  const knownDepartment = (d: string) => known.has(d) || known.has(cityLevelName(d) ?? '');
  if (Array.isArray(raw.departments))
    raw.departments.forEach((d, i) => {
      if (typeof d === 'string' && !knownDepartment(d))
        add(
          ['departments', i],
          `department "${d}" is not in content/registry/departments.yaml; add it (with its short names as aliases) so its page keeps one address, or use the full official name`,
          'warning',
        );
    });
  const source = typeof raw.source === 'string' ? raw.source : null;
  if (source && ctx.seeds && source !== HAND_ENTERED && !ctx.seeds.has(seedKey(source))) {
    add(
      ['source'],
      `source "${source}" names no file in seeds/; write the seed's file name exactly (e.g. 002_211da1db43f6adac.txt), or ${HAND_ENTERED} for a report typed in by hand`,
      'warning',
    );
  }
  const body = r.body;
  if (usesComponents(body)) problems.push(...componentProblems(r, file));
  // Most spans are found in the body once its backslash escapes are undone; a body with raw HTML
  // or an editor's Markdown is parsed, since a reader never sees what the markup hides.
  const plain = !/(^|[^\\])[<[*_`]/.test(body);
  const unescaped = plain ? unescapedText(body) : '';
  let parsedText: string | undefined;
  const occurs = (span: string) => (plain && unescaped.includes(span)) || (parsedText ??= visibleText(body)).includes(span);
  const seen = new Map<string, number>();
  const firstWithId = new Map<string, number>();
  const metrics = Array.isArray(raw.metrics) ? raw.metrics : [];
  metrics.forEach((item, i) => {
    // A metric with a schema problem (reported above) is still checked on the fields it has right.
    const m = (item ?? {}) as Partial<MetricData>;
    const label = typeof m.label === 'string' ? m.label : '';
    if (typeof m.text === 'string' && m.text && !occurs(m.text))
      add(
        ['metrics', i],
        `metrics.${i} (${label}): its text «${m.text}» does not occur in the text a reader sees; copy the exact words from the report's text`,
      );
    if (typeof m.department === 'string')
      for (const d of m.department.split('、'))
        if (!knownDepartment(d))
          add(['metrics', i], `metrics.${i}: department "${d}" is not in the registry; add it to content/registry/departments.yaml or fix the name`, 'warning');
    if (typeof m.value === 'number') {
      if (m.value < 0 && typeof m.unit === 'string' && NEVER_NEGATIVE.test(m.unit))
        add(
          ['metrics', i, 'value'],
          `metrics.${i}: value ${m.value} ${m.unit} is negative, which a count or amount cannot be; remove the minus sign`,
          'warning',
        );
      if (Number.isInteger(m.value) && !Number.isSafeInteger(m.value))
        add(
          ['metrics', i, 'value'],
          `metrics.${i}: value ${m.value} is beyond 2^53 and cannot be stored exactly; check the number (base units: 8.8万 → 88000)`,
          'warning',
        );
    }
    if (!metricSchema.safeParse(item).success) return; // repeats are told apart only among well-formed metrics
    const key = repeatKey(m as Metric);
    if (seen.has(key))
      add(['metrics', i], `metrics.${i} repeats metrics.${seen.get(key)} (same value, unit, kind, year, department, label and text); delete one`);
    else seen.set(key, i);
    const dupId = firstWithId.get(m.id!);
    if (dupId !== undefined) add(['metrics', i], `metrics.${i} has the same id "${m.id}" as metrics.${dupId}; ids must be unique within a report`);
    else firstWithId.set(m.id!, i);
  });
  // Each pledge names figures the report has, and a status its figures bear out.
  const pledges = Array.isArray(raw.pledges) ? raw.pledges : [];
  const metricIds = new Set(metrics.map((m) => (m as { id?: unknown })?.id));
  pledges.forEach((entry, i) => {
    const e = (entry ?? {}) as Partial<PledgeEntry>;
    for (const field of ['target', 'result', 'completion'] as const) {
      const id = e[field];
      if (typeof id === 'string' && !metricIds.has(id))
        add(['pledges', i, field], `pledges.${i} (${e.title ?? e.id}): its ${field} "${id}" is no metric of this report; write a metric's id, or null`);
    }
    if (typeof e.id !== 'string' || typeof e.status !== 'string') return;
    const figures = (metrics as MetricData[]).filter((m) => m && (m.pledge === e.id || [e.target, e.result, e.completion].includes(m.id)));
    if (!figures.length) return;
    const told = pledgeOf(e.id, figures, typeof raw.published === 'string' ? raw.published : null).status;
    if (told !== e.status)
      add(
        ['pledges', i, 'status'],
        `pledges.${i} (${e.title ?? e.id}): status ${e.status} contradicts its figures, which say ${told}; correct the status or the figures`,
      );
  });
  return problems;
}

/** Check results by report hash, valid while the registry, the seeds and the code they depend on are the same. */
const CHECK_CACHE = '.cache/checked-reports.json';
interface CheckCache {
  context: string;
  results: Record<string, Problem[]>;
}

function openCheckCache(root: string, seeds: Set<string> | null): CheckCache {
  // The registry and the extraction code (departmentsOf) as ingest versions them, the seeds' names and the checking code itself.
  const hash = createHash('sha1')
    .update(extractorVersion(root))
    .update('\0')
    .update([...(seeds ?? [])].sort().join('\0'));
  for (const module of ['./check.ts', './visible-text.ts', '../model/report-schema.ts', '../model/frontmatter.ts', '../model/pledge-status.ts'])
    hash.update('\0').update(readFileSync(new URL(module, import.meta.url)));
  const context = hash.digest('base64');
  try {
    const stored = JSON.parse(readFileSync(join(root, CHECK_CACHE), 'utf8')) as CheckCache;
    if (stored.context === context) return stored;
  } catch {
    /* none yet */
  }
  return { context, results: {} };
}

function saveCheckCache(root: string, cache: CheckCache, results: Record<string, Problem[]>): void {
  const same = Object.keys(results).length === Object.keys(cache.results).length && Object.keys(results).every((k) => k in cache.results);
  if (!same) writeFileAtomic(join(root, CHECK_CACHE), JSON.stringify({ context: cache.context, results }));
}

/** The seeds' keys, or null when the project keeps no seeds/ folder (content typed in by hand). */
function seedKeys(root: string): Set<string> | null {
  const dir = join(root, SEEDS_DIR);
  return existsSync(dir) ? new Set(readdirSync(dir).map(seedKey)) : null;
}

export function checkContent(root: string): Problem[] {
  return readAndCheck(root).problems;
}

/** Reads every report and checks it: the problems (errors and warnings), and the reports for a build to use. */
export function readAndCheck(root: string): { problems: Problem[]; reports: ReportOnDisk[] } {
  const problems: Problem[] = [];
  let registry;
  try {
    registry = loadRegistry(root);
  } catch (e) {
    if (e instanceof RegistryError)
      return { problems: e.problems.length ? e.problems : [{ file: 'content/registry', line: 1, message: e.message }], reports: [] };
    throw e;
  }
  const reports = readReports(root, (file, line, message) => problems.push({ file: relative(root, file), line, message }));
  const slugs = new Map<string, string>();
  const seeds = seedKeys(root);
  const ctx: CheckContext = { registry, cityNames: new Set(registry.cities.map((c) => c.name)), seeds };
  const cache = openCheckCache(root, seeds);
  const kept: Record<string, Problem[]> = {};
  for (const r of reports) {
    const file = relative(root, r.file);
    const rawSlug = typeof r.data.slug === 'string' ? r.data.slug : null;
    const prior = rawSlug ? slugs.get(rawSlug) : undefined;
    if (rawSlug && prior)
      problems.push({ file, line: lineIn(r.file, ['slug']), message: `slug "${rawSlug}" is also used by ${prior}; give one of them another slug` });
    if (rawSlug) slugs.set(rawSlug, file);
    // A file's own problems depend only on its text, the registry, the seeds and this code: cached by those.
    const own = cache.results[r.hash]?.map((p) => ({ ...p, file })) ?? checkReport(r, file, ctx);
    kept[r.hash] = own;
    problems.push(...own);
  }
  saveCheckCache(root, cache, kept);
  return { problems, reports };
}
