/**
 * The shape of a report's frontmatter. Used by Astro's content collection (so a bad
 * file fails the build naming the file and field) and by `npm run check`.
 */
import { z } from 'zod';
import { TOPICS } from '../extraction/topic.ts';
import { STATUSES } from './pledge-status.ts';
import { SLUG_FORM, SLUG_FORM_HINT } from './slugs.ts';

export const QUALIFIERS = ['exact', 'approx', 'more-than', 'at-least', 'at-most'] as const;
export const KINDS = ['target', 'actual', 'completion'] as const;

/** YYYY-MM-DD naming a day that exists (2023-02-29 does not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Only web addresses become links: never javascript:, data: or any other scheme. */
export function isWebAddress(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

const year = z.number().int().min(1949, 'a year before 1949 is surely a typo').max(2100, 'a year after 2100 is surely a typo');

export const metricSchema = z
  .object({
    id: z.string().min(1, 'give the metric an id (any short unique text, e.g. m-editor-1)'),
    value: z.number({ error: 'value must be a number in base units (8.8万 → 88000)' }),
    unit: z.string().min(1, 'unit is empty; write the unit, e.g. 人, 元, %, 元/月'),
    qualifier: z.enum(QUALIFIERS, { error: `qualifier must be one of ${QUALIFIERS.join('、')}` }),
    kind: z.enum(KINDS, { error: `kind must be one of ${KINDS.join('、')} (目标, 完成, 完成率)` }),
    year: year.nullable(),
    department: z.string().min(1).nullable(),
    label: z.string().min(1, 'label is empty; say in a few words what is counted'),
    text: z.string().min(1, 'text is empty; copy the sentence part that states the figure'),
    /** The promised item the figure measures: figures with the same key are its target, result and completion. */
    pledge: z.string().min(1, 'pledge is empty; write a short key shared by the figures of one promised item, or null').nullable().optional(),
    topic: z.enum(TOPICS, { error: `topic must be one of ${TOPICS.join('、')}` }).optional(),
    /** An editor compared the figure with its sentence and found it right (shown as 编辑核对). */
    checked: z.boolean({ error: 'checked is true (an editor checked this figure against its sentence) or false' }).optional(),
  })
  .strict();

/** A pledge of the report: what was promised, which of its figures are the target, result and completion, and its status. */
export const pledgeEntrySchema = z
  .object({
    id: z.string().min(1, 'give the pledge an id: the `pledge` key its figures share'),
    title: z.string().min(1, 'title is empty; say in a few words what was promised'),
    topic: z.enum(TOPICS, { error: `topic must be one of ${TOPICS.join('、')}` }).optional(),
    department: z.string().min(1).nullable().optional(),
    year: z.number().int().nullable().optional(),
    target: z.string().nullable().describe('the id of its target metric'),
    result: z.string().nullable().describe('the id of its result metric'),
    completion: z.string().nullable().describe('the id of its stated completion rate'),
    status: z.enum(STATUSES, { error: `status must be one of ${STATUSES.join('、')}` }),
  })
  .strict();

export const reportSchema = z
  .object({
    title: z.string().min(1),
    slug: z.string().max(100, 'slug is too long; keep it under 100 characters').regex(SLUG_FORM, `slug must be ${SLUG_FORM_HINT}`),
    city: z.string().min(2, 'city is missing; write the full name, e.g. 襄阳市'),
    year,
    published: z
      .string()
      .refine(isCalendarDate, {
        error: (issue) => `"${String(issue.input)}" is not a real date; write the day it was published as YYYY-MM-DD, e.g. 2023-01-22 (or null)`,
      })
      .nullable(),
    source: z.string().min(1),
    outlet: z.string().nullable().optional(),
    /** Where the text was published online, when known. */
    url: z.string().refine(isWebAddress, 'url must be a full web address starting with https:// or http://').nullable().optional(),
    departments: z.array(z.string().min(1)),
    metrics: z.array(metricSchema),
    /** The report's pledges: the figures its text ties together (see src/model/pledge-status.ts). */
    pledges: z.array(pledgeEntrySchema).optional(),
    /** An editor checked every figure of the report against its text (each shown as 编辑核对, unless edited). */
    checked: z.boolean({ error: 'checked is true (an editor checked every figure of this report) or false' }).optional(),
  })
  .strict();

/** A schema issue as an editor reads it: where (frontmatter keys and list indexes; the schemas have no symbol keys) and what. */
export function describeIssue(issue: z.core.$ZodIssue): { path: Array<string | number>; message: string } {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  return { path, message: `${path.join('.') || 'frontmatter'}: ${issue.message}` };
}

export type PledgeEntry = z.infer<typeof pledgeEntrySchema>;

export type ReportFrontmatter = z.infer<typeof reportSchema>;
export type MetricData = z.infer<typeof metricSchema>;
