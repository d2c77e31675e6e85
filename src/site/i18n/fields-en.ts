/** The downloads' fields explained in English (the Chinese is the schema's own description: src/site/export.ts). */
import type { metricRowSchema } from '../export.ts';

export const FIELDS_EN: Record<keyof typeof metricRowSchema.shape, string> = {
  city: 'The city’s full name, e.g. 襄阳市',
  report: 'The report’s slug',
  report_title: 'The report’s title',
  report_year: 'The year the report is about',
  department: 'The responsible department’s full name; several are separated by “、”',
  label: 'What the figure counts',
  pledge: 'The livelihood pledge the figure belongs to (a pledge’s target, result and completion rate share one key); empty when there is none',
  topic: 'The topic: 就业创业 (jobs), 教育 (education), 医疗卫生 (health care), 养老服务 (elderly care) … (15 in all)',
  kind: 'target / actual (result) / completion (completion rate)',
  year: 'The year the figure is about',
  value: 'The value in base units: 8.8万人 → 88000',
  unit: 'The unit: 人 (people), 元 (yuan), %, 元/月 (yuan a month), ratio (8∶1 is written 8) …',
  qualifier: 'exact / approx (about) / more-than / at-least / at-most',
  text: 'The words of the text that state the figure',
  provenance: 'extracted (read by program) / checked (checked by an editor) / edited (changed by an editor)',
  source_url: 'The address of the figure’s sentence on this site',
};
