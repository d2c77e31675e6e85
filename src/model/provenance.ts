/**
 * Where a figure on the site comes from: read by the program, checked by an editor, or changed by
 * one. "Changed" is known from the stored base (what ingest last generated, content/generated/):
 * a figure whose reading differs from it, or that the base lacks, is an editor's.
 */
import type { MetricData } from './report-schema.ts';

export const PROVENANCES = ['extracted', 'checked', 'edited'] as const;
export type Provenance = (typeof PROVENANCES)[number];
export const PROVENANCE_LABEL: Record<Provenance, string> = { extracted: '程序读取', checked: '编辑核对', edited: '编辑修改' };

/** The fields of a reading: an editor who changes any of them has edited the figure. */
const READING = ['value', 'unit', 'qualifier', 'kind', 'year', 'label', 'text'] as const;

/**
 * `base` is the report's generated figures, or null when there is no base (a report typed in
 * by hand, or content/generated/ deleted): then nothing is known to be edited.
 */
export function provenanceOf(m: MetricData, reportChecked: boolean, base: ReadonlyMap<string, Pick<MetricData, (typeof READING)[number]>> | null): Provenance {
  if (base) {
    const generated = base.get(m.id);
    if (!generated || READING.some((f) => JSON.stringify(generated[f] ?? null) !== JSON.stringify(m[f] ?? null))) return 'edited';
  }
  return m.checked || reportChecked ? 'checked' : 'extracted';
}
