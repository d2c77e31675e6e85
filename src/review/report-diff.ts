/**
 * What a change to a report means for its readers: figures and pledges added, removed or changed
 * (old → new), and a new title. Compares two versions of a report's frontmatter by figure and
 * pledge id, the keys editors and the site use.
 */
import type { MetricData, PledgeEntry, ReportFrontmatter } from '../model/report-schema.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}
export interface ItemChange<T> {
  id: string;
  before: T;
  after: T;
  fields: FieldChange[];
}

export interface ReportChange {
  file: string;
  /** 'added' and 'removed' name a whole report; 'changed' compares two versions. */
  kind: 'added' | 'removed' | 'changed';
  title: { before: string | null; after: string | null };
  figures: { added: MetricData[]; removed: MetricData[]; changed: Array<ItemChange<MetricData>> };
  pledges: { added: PledgeEntry[]; removed: PledgeEntry[]; changed: Array<ItemChange<PledgeEntry>> };
}

const FIGURE_FIELDS = ['value', 'unit', 'qualifier', 'kind', 'year', 'department', 'label', 'text', 'pledge', 'topic'] as const;
const PLEDGE_FIELDS = ['title', 'status', 'target', 'result', 'completion', 'topic', 'department', 'year'] as const;

function compare<T extends { id: string }>(before: T[], after: T[], fields: readonly (keyof T & string)[]) {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const changed: Array<ItemChange<T>> = [];
  for (const [id, a] of now) {
    const b = old.get(id);
    if (!b) continue;
    const diffs = fields
      .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
      .map((f) => ({ field: f, before: b[f] ?? null, after: a[f] ?? null }));
    if (diffs.length) changed.push({ id, before: b, after: a, fields: diffs });
  }
  return { added: after.filter((x) => !old.has(x.id)), removed: before.filter((x) => !now.has(x.id)), changed };
}

/** The change from `before` to `after` (either may be null: a report added or removed). */
export function diffReport(file: string, before: ReportFrontmatter | null, after: ReportFrontmatter | null): ReportChange {
  return {
    file,
    kind: !before ? 'added' : !after ? 'removed' : 'changed',
    title: { before: before?.title ?? null, after: after?.title ?? null },
    figures: compare(before?.metrics ?? [], after?.metrics ?? [], FIGURE_FIELDS),
    pledges: compare(before?.pledges ?? [], after?.pledges ?? [], PLEDGE_FIELDS),
  };
}

/** True when nothing a reader sees changed (only the body's wording, say, or nothing at all). */
export function isEmptyChange(c: ReportChange): boolean {
  const none = (x: { added: unknown[]; removed: unknown[]; changed: unknown[] }) => !x.added.length && !x.removed.length && !x.changed.length;
  return c.kind === 'changed' && c.title.before === c.title.after && none(c.figures) && none(c.pledges);
}
