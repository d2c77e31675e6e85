/**
 * The downloadable data: one row per figure, as CSV (UTF-8 with a byte-order mark so
 * Excel reads Chinese correctly) and as JSON following docs/metrics.schema.json.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { metricAnchor, type SourcedMetric } from './catalog.ts';
import { STATUSES, type Pledge } from './pledges.ts';
import { KINDS, QUALIFIERS } from '../model/report-schema.ts';
import { PROVENANCES } from '../model/provenance.ts';

/** One downloadable row; the JSON schema below is generated from it, so the two never drift. */
export const metricRowSchema = z
  .object({
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
    provenance: z.enum(PROVENANCES).describe('extracted 程序读取 / checked 编辑核对 / edited 编辑修改'),
    source_url: z.string().describe('原文句子在本站的链接'),
  })
  .strict();

export type MetricRow = z.infer<typeof metricRowSchema>;

/** A download's JSON schema, generated from its row schema (so the two never drift), and its CSV columns in order. */
function downloadSchema<T extends z.ZodRawShape>(row: z.ZodObject<T>, title: string, description: string) {
  return { json: { ...z.toJSONSchema(z.array(row)), title, description }, columns: Object.keys(row.shape) };
}

const metricsDownload = downloadSchema(metricRowSchema, '向市民报告:民生实事数字', '每行一个数字,附其出处。由 npm run build 生成。');
export const metricsJsonSchema = metricsDownload.json;
const COLUMNS = metricsDownload.columns;

/** The link to a figure's sentence on this site. */
const sentenceUrl = (siteBase: string, m: SourcedMetric) => `${siteBase.replace(/\/$/, '')}/reports/${m.report.data.slug}/#${metricAnchor(m.id)}`;

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
    provenance: m.provenance,
    source_url: sentenceUrl(siteBase, m),
  }));
}

/**
 * How every CSV is written. A cell that a spreadsheet would run as a formula (it starts with
 * =, +, -, @, a tab or a carriage return) gets a leading ' as OWASP recommends: an editor's label
 * =HYPERLINK(…) stays text. Numbers are written as numbers; the JSON keeps every text exactly.
 */
function csvFormat<Row>(columns: string[]) {
  const options = { columns, record_delimiter: 'windows', escape_formulas: true } as const;
  return {
    /** The start of the file: a byte-order mark and the header line. */
    head: '\uFEFF' + stringify([], { ...options, header: true }),
    /** The lines of some rows, without the header: files that join several sets of rows reuse them. */
    lines: (rows: Row[]) => stringify(rows, { ...options, header: false }),
  };
}

const metricsCsv = csvFormat<MetricRow>(COLUMNS);
export const CSV_HEAD = metricsCsv.head;
export const csvLines = metricsCsv.lines;

/** Rows as a JSON array, one row a line: compact, yet a file a person can read and diff. */
export function toJson(rows: object[]): string {
  return rows.length ? `[\n${jsonLines(rows)}\n]\n` : '[]\n';
}

/** The lines of rows inside toJson's array, so a large array can be written piece by piece. */
export function jsonLines(rows: object[]): string {
  return rows.map((row) => JSON.stringify(row)).join(',\n');
}

/** One downloadable pledge: what was promised, what was done, how much of it. */
export const pledgeRowSchema = z
  .object({
    city: z.string().describe('所属城市全称'),
    place: z.string().describe('报告所述地区(区县报告为区县全称)'),
    report: z.string().describe('报告的 slug'),
    year: z.number().int().nullable(),
    pledge: z.string().describe('承诺事项的键,与 metrics 中的 pledge 相同'),
    title: z.string().describe('承诺了什么'),
    topic: z.string().nullable(),
    department: z.string().nullable(),
    unit: z.string().nullable().describe('目标与完成数的单位'),
    target: z.number().nullable().describe('目标值(基本单位)'),
    result: z.number().nullable().describe('完成值(基本单位)'),
    completion: z.number().nullable().describe('完成率(%):原文所述,或完成值 ÷ 目标值'),
    status: z.enum(STATUSES).describe('超额完成 / 已完成 / 进行中 / 未完成 / 暂无结果'),
    target_url: z.string().nullable().describe('目标所在原文句子的链接'),
    result_url: z.string().nullable().describe('完成数所在原文句子的链接'),
  })
  .strict();

export type PledgeRow = z.infer<typeof pledgeRowSchema>;

const pledgesDownload = downloadSchema(
  pledgeRowSchema,
  '向市民报告:民生实事承诺',
  '每行一项承诺:目标、完成数、完成率与状态,附原文出处。由 npm run build 生成。',
);
export const pledgesJsonSchema = pledgesDownload.json;
const PLEDGE_COLUMNS = pledgesDownload.columns;

export function toPledgeRows(city: string, pledges: Pledge[], siteBase: string): PledgeRow[] {
  const url = (m: SourcedMetric | undefined) => (m ? sentenceUrl(siteBase, m) : null);
  return pledges.map((p) => {
    const first = p.metrics[0]!;
    return {
      city,
      place: first.city,
      report: first.report.data.slug,
      year: p.year,
      pledge: p.key,
      title: p.title,
      topic: p.topic,
      department: p.department,
      unit: (p.target ?? p.result)?.unit ?? null,
      target: p.target?.value ?? null,
      result: p.result?.value ?? null,
      completion: p.completion === null ? null : Number(p.completion.toFixed(1)),
      status: p.status,
      target_url: url(p.target),
      result_url: url(p.result),
    };
  });
}

const pledgeCsv = csvFormat<PledgeRow>(PLEDGE_COLUMNS);
export const PLEDGE_CSV_HEAD = pledgeCsv.head;
export const pledgeCsvLines = pledgeCsv.lines;

/** Pledge rows as CSV (with the byte-order mark and header), formulas neutralised as in every CSV. */
export function pledgesCsv(rows: PledgeRow[]): string {
  return PLEDGE_CSV_HEAD + pledgeCsvLines(rows);
}
