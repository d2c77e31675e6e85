/**
 * The downloadable data: one row per figure, as CSV (UTF-8 with a byte-order mark so
 * Excel reads Chinese correctly) and as JSON following docs/metrics.schema.json.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { metricAnchor, type SourcedMetric } from './catalog.ts';
import { KINDS, QUALIFIERS } from '../model/report-schema.ts';

/** One downloadable row; the JSON schema below is generated from it, so the two never drift. */
export const metricRowSchema = z.object({
  city: z.string().describe('全称,如 襄阳市'),
  report: z.string().describe('报告的 slug'),
  report_title: z.string(),
  report_year: z.number().int(),
  department: z.string().nullable().describe('责任部门全称;多个部门以“、”分隔'),
  label: z.string().describe('指标名称'),
  pledge: z.string().nullable().describe('所属民生实事(同一承诺事项的目标、完成数和完成率共用一个键);无对应数字时为空'),
  topic: z.string().nullable().describe('领域:就业创业、教育、医疗卫生、养老服务 …(共15类)'),
  kind: z.enum(KINDS).describe('target 目标 / actual 完成 / completion 完成率'),
  year: z.number().int().nullable().describe('数字所指的年份'),
  value: z.number().describe('以基本单位计的数值:8.8万人 → 88000'),
  unit: z.string().describe('单位:人、元、%、元/月、ratio(比值,8∶1 记为 8)…'),
  qualifier: z.enum(QUALIFIERS).describe('exact 确数 / approx 约 / more-than 超过 / at-least 不少于 / at-most 不超过'),
  text: z.string().describe('原文中陈述该数字的片段'),
  source_url: z.string().describe('原文句子在本站的链接'),
}).strict();

export type MetricRow = z.infer<typeof metricRowSchema>;

export const metricsJsonSchema = {
  ...zodToJsonSchema(z.array(metricRowSchema), { name: 'metrics', $refStrategy: 'none' }),
  title: '向市民报告:民生实事数字',
  description: '每行一个数字,附其出处。由 npm run build 生成。',
};

const COLUMNS = Object.keys(metricRowSchema.shape) as Array<keyof MetricRow>;

export function toRows(metrics: SourcedMetric[], siteBase: string): MetricRow[] {
  return metrics.map((m) => ({
    city: m.city,
    report: m.report.data.slug,
    report_title: m.report.data.title,
    report_year: m.report.data.year,
    department: m.department,
    label: m.label,
    pledge: m.pledge ?? null,
    topic: m.topic ?? null,
    kind: m.kind,
    year: m.year,
    value: m.value,
    unit: m.unit,
    qualifier: m.qualifier,
    text: m.text,
    source_url: `${siteBase.replace(/\/$/, '')}/reports/${m.report.data.slug}/#${metricAnchor(m.id)}`,
  }));
}

/**
 * How every CSV is written. A cell that a spreadsheet would run as a formula (it starts with
 * =, +, -, @, a tab or a carriage return) gets a leading ' as OWASP recommends: an editor's label
 * =HYPERLINK(…) stays text. Numbers are written as numbers; the JSON keeps every text exactly.
 */
const CSV_OPTIONS = { columns: COLUMNS, record_delimiter: 'windows', escape_formulas: true } as const;

/** The start of every CSV download: a byte-order mark and the header line. */
export const CSV_HEAD = '\uFEFF' + stringify([], { ...CSV_OPTIONS, header: true });

/** The CSV lines of some rows, without the header: files that join several sets of rows reuse them. */
export function csvLines(rows: MetricRow[]): string {
  return stringify(rows, { ...CSV_OPTIONS, header: false });
}

export function toJson(rows: MetricRow[]): string {
  return JSON.stringify(rows, null, 1) + '\n';
}

/** One row as it appears inside toJson's array (indented one level), so a large array can be written piece by piece. */
export function jsonArrayItem(row: MetricRow): string {
  return ' ' + JSON.stringify(row, null, 1).replace(/\n/g, '\n ');
}

/** Serves a download from an Astro endpoint with the right type. */
export function download(body: string, type: 'csv' | 'json'): Response {
  return new Response(body, { headers: { 'Content-Type': type === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8' } });
}
