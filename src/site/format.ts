/** How figures are written for readers: 8.8万人, 9.63亿元, 不少于740元/月, 4∶1. */
import type { MetricData } from '../model/report-schema.ts';
import { formatMetricEn, formatTickEn } from './i18n/format-en.ts';
import type { Lang } from './i18n/lang.ts';
import { scaled } from './scaled-number.ts';

const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** A number with 万/亿 where that loses nothing (14795 stays 14795; 88000 is 8.8万). */
const ZH_UNITS = [
  [1e8, '亿'],
  [1e4, '万'],
] as const;

export function formatNumber(value: number): string {
  const s = scaled(value, ZH_UNITS);
  if (s) return trim(s.quotient, 2) + s.word;
  return Number.isInteger(value) ? String(value) : trim(value, 4);
}

export const QUALIFIER_LABEL: Record<MetricData['qualifier'], string> = {
  exact: '',
  approx: '约',
  'more-than': '超过',
  'at-least': '不少于',
  'at-most': '不超过',
};

/** A figure as its page's language writes it (English: i18n/format-en.ts). */
export function formatMetric(m: Pick<MetricData, 'value' | 'unit' | 'qualifier'>, lang: Lang = 'zh'): string {
  if (lang === 'en') return formatMetricEn(m);
  const n = formatNumber(m.value);
  if (m.unit === 'ratio') return `${QUALIFIER_LABEL[m.qualifier]}${n}∶1`;
  const unit = m.unit;
  switch (m.qualifier) {
    case 'more-than':
      return /[万亿]$/.test(n) ? `${n}余${unit}` : `超过${n}${unit}`;
    case 'at-least':
      return `${n}${unit}以上`;
    case 'approx':
      return `约${n}${unit}`;
    case 'at-most':
      return `不超过${n}${unit}`;
    default:
      return `${n}${unit}`;
  }
}

/** Axis ticks: 0, 5000, 1万, 1.5万 … (English: 0, 5K, 10K, 15K). */
export const formatTick = (value: number, lang: Lang = 'zh') => (lang === 'en' ? formatTickEn(value) : formatNumber(value));

/** A percentage as the ledger prints it: 103.8%, or — when it cannot be told. */
export const formatPercent = (n: number | null) => (n === null ? '—' : `${Number(n.toFixed(1))}%`);

/** A label cut to `n` characters, its last one an ellipsis when it is cut (chart labels and lines). */
export const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** A chart's source line: each city and report its figures come from, once, in order (襄阳市《…》、…). */
export function chartSource(metrics: ReadonlyArray<{ city: string; report: { data: { title: string } } }>): string {
  return [...new Set(metrics.map((m) => `${m.city}《${m.report.data.title}》`))].join('、');
}
