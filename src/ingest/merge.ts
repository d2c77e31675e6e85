/**
 * Three-way merge of a re-ingest: the last generated version (base), the file as editors
 * left it (current) and the new extractor output (next). Whatever an editor changed wins;
 * whatever they left alone follows the extractor; disagreements are reported, never lost.
 *
 * The merge also says which base to store for next time. Where editor and extractor disagree,
 * the stored base keeps its old value, so the conflict is reported again on every run until
 * someone resolves it (by taking the extractor's value, or the extractor coming back to its
 * old reading). Without a base (content/generated/ deleted) nothing the editor wrote is
 * touched, yet what the source text adds still arrives: new figures, new lines of text.
 */
import { isDeepStrictEqual as same } from 'node:util';
import { diff3Merge } from 'node-diff3';
import type { Metric } from '../extraction/types.ts';
import type { ReportData, ReportDoc } from '../model/report-data.ts';
import { visibleText } from './visible-text.ts';

export interface MergeResult extends ReportDoc {
  conflicts: string[];
  /** What else the merge did that an editor should know of (figures added without a base, lines merged). */
  notes: string[];
  /** The generated version to keep as the next merge's base. */
  base: ReportDoc;
}

const SCALAR_FIELDS = ['title', 'city', 'year', 'published', 'outlet', 'departments', 'pledges'] as const;
const METRIC_FIELDS = ['value', 'unit', 'qualifier', 'kind', 'year', 'department', 'label', 'text', 'pledge', 'topic'] as const;

/** A field merged: the value to write, and the value to remember as its base. */
interface Picked<T> {
  value: T;
  base: T | undefined;
}

/**
 * Takes `next` where the editor left `base` untouched, else keeps `current`. A disagreement is
 * noted, and its base stays as it was (undefined when there was none), so it is noted again.
 */
function pick<T>(base: T | undefined, current: T, next: T, what: string, conflicts: string[]): Picked<T> {
  if (same(current, base)) return { value: next, base: next };
  if (same(next, current) || same(next, base)) return { value: current, base: next };
  conflicts.push(`${what}: kept the editor's ${JSON.stringify(current)}; the extractor now reads ${JSON.stringify(next)}`);
  return { value: current, base };
}

function mergeMetric(base: Metric | undefined, current: Metric, next: Metric, conflicts: string[]): { value: Metric; base: Metric } {
  const value = { ...current };
  const stored = { ...next };
  for (const f of METRIC_FIELDS) {
    const p = pick(base?.[f], current[f], next[f], `metric ${current.id} ${f}`, conflicts);
    (value as Record<string, unknown>)[f] = p.value;
    if (p.base === undefined) delete (stored as Partial<Metric>)[f];
    else (stored as Record<string, unknown>)[f] = p.base;
  }
  return { value, base: stored };
}

/** Inserts each of `next`'s items that `isNew` accepts after the item that precedes it in `next`; returns them. */
function insertInOrder<T>(out: T[], next: T[], isNew: (n: T) => boolean, key: (n: T) => string): T[] {
  const added: T[] = [];
  next.forEach((n, i) => {
    if (!isNew(n)) return;
    const before = next
      .slice(0, i)
      .reverse()
      .find((p) => out.some((o) => key(o) === key(p)));
    const at = before ? out.findIndex((o) => key(o) === key(before)) + 1 : 0;
    out.splice(at, 0, n);
    added.push(n);
  });
  return added;
}

interface MergedMetrics {
  metrics: Metric[];
  base: Metric[];
  added: Metric[];
}

/** `currentText`: the text a reader sees in the report as the editor left it (for a merge without a base). */
function mergeMetrics(base: Metric[] | null, current: Metric[], next: Metric[], currentText: string, conflicts: string[]): MergedMetrics {
  const baseById = new Map((base ?? []).map((m) => [m.id, m]));
  const nextById = new Map(next.map((m) => [m.id, m]));
  const currentIds = new Set(current.map((m) => m.id));
  const stored = new Map(next.map((m) => [m.id, m]));
  const out: Metric[] = [];
  for (const m of current) {
    const b = baseById.get(m.id);
    const n = nextById.get(m.id);
    if (!n) {
      if (b && same(b, m)) continue; // untouched, and the extractor dropped it
      if (b) conflicts.push(`metric ${m.id} «${m.text}»: edited by an editor and no longer found by the extractor; kept`);
      out.push(m); // added or edited by an editor
      continue;
    }
    if (!b && base) {
      out.push(m);
      continue;
    } // an editor's figure that the extractor now finds too
    const merged = mergeMetric(b, m, n, conflicts);
    out.push(merged.value);
    stored.set(m.id, merged.base);
  }
  // New extractor output goes in after the figure that precedes it in the new reading. Without a
  // base, "new" is a figure whose sentence the report does not hold yet: one whose sentence is
  // there was either never read or deleted by an editor, and stays as the editor left it.
  const isNew = base ? (n: Metric) => !baseById.has(n.id) && !currentIds.has(n.id) : (n: Metric) => !currentIds.has(n.id) && !currentText.includes(n.text);
  const added = insertInOrder(out, next, isNew, (m) => m.id);
  return { metrics: out, base: [...stored.values()], added };
}

/** A body's paragraphs (bodies are one paragraph per source line, blank lines between). */
const paragraphs = (body: string) => body.trimEnd().split(/\n{2,}/);
const join = (parts: string[]) => parts.join('\n\n') + '\n';

/** The body merged paragraph by paragraph; where editor and source changed the same lines, the editor's are kept. */
function mergeBody(base: string, current: string, next: string, conflicts: string[], notes: string[]): { value: string; base: string } {
  if (current.trimEnd() === next.trimEnd()) return { value: current, base: next };
  if (current.trimEnd() === base.trimEnd()) return { value: next, base: next };
  if (next.trimEnd() === base.trimEnd()) return { value: current, base: next };
  const hunks = diff3Merge(paragraphs(current), paragraphs(base), paragraphs(next), { excludeFalseConflicts: true });
  const out: string[] = [];
  let clashes = 0;
  for (const h of hunks) {
    if (h.ok) out.push(...h.ok);
    else if (h.conflict) {
      clashes++;
      out.push(...h.conflict.a);
    }
  }
  if (clashes)
    conflicts.push(`body: kept the editor's text in ${clashes} place(s) where the source text changed too; compare the report with its seed by hand`);
  else notes.push("body: merged the editor's changes with the source text's changes");
  return { value: join(out), base: clashes ? base : next };
}

/** Paragraphs of `next` that `current` lacks, added where they stand in `next` (a merge without a base). */
function addNewLines(current: string, next: string, notes: string[]): string {
  const out = paragraphs(current);
  const have = new Set(out);
  const added = insertInOrder(
    out,
    paragraphs(next),
    (l) => l.trim() !== '' && !have.has(l),
    (l) => l,
  );
  if (added.length) notes.push(`body: added ${added.length} new paragraph(s) of the source text; review where they stand`);
  return join(out);
}

export function mergeReport(base: ReportDoc | null, current: ReportDoc | null, next: ReportDoc): MergeResult {
  if (!current) return { ...next, conflicts: [], notes: [], base: next };
  const conflicts: string[] = [];
  const notes: string[] = [];
  if (!base) conflicts.push('no record of what ingest generated before (content/generated/ lacks this report): every field of the file was kept as it is');
  const data: ReportData = { ...current.data };
  const storedData: ReportData = { ...next.data };
  for (const f of SCALAR_FIELDS) {
    const p = pick(base ? base.data[f] : undefined, current.data[f], next.data[f], f, conflicts);
    (data as unknown as Record<string, unknown>)[f] = p.value;
    if (p.base === undefined) delete (storedData as Partial<ReportData>)[f];
    else (storedData as unknown as Record<string, unknown>)[f] = p.base;
  }
  const body = base ? mergeBody(base.body, current.body, next.body, conflicts, notes) : { value: addNewLines(current.body, next.body, notes), base: next.body };
  const metrics = mergeMetrics(base ? base.data.metrics : null, current.data.metrics, next.data.metrics, base ? '' : visibleText(current.body), conflicts);
  // A new figure whose sentence the kept body lacks would point at nothing: hold it back (and
  // out of the stored base, so it is offered again once the body has its sentence).
  const visible = metrics.added.length ? visibleText(body.value) : '';
  const held = new Set(metrics.added.filter((m) => !visible.includes(m.text)).map((m) => m.id));
  if (held.size) {
    notes.push(
      `${held.size} new figure(s) not added, since their sentences are not in the kept body: ${metrics.added
        .filter((m) => held.has(m.id))
        .map((m) => `«${m.text}»`)
        .join(', ')}`,
    );
  }
  data.metrics = metrics.metrics.filter((m) => !held.has(m.id));
  storedData.metrics = metrics.base.filter((m) => !held.has(m.id));
  const added = metrics.added.filter((m) => !held.has(m.id));
  if (!base && added.length) notes.push(`added ${added.length} new figure(s) from the source: ${added.map((m) => `«${m.text}»`).join(', ')}`);
  return { data, body: body.value, conflicts, notes, base: { data: storedData, body: body.base } };
}
