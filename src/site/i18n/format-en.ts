/**
 * Figures written for English readers: 8.8万人 → 88,000 people, 9.63亿元 → 963 million yuan,
 * 不少于740元/月 → at least 740 yuan a month. The value is in base units already (the report
 * schema's rule); only the number's writing and the unit's name change.
 */
import type { MetricData } from '../../model/report-schema.ts';
import { scaled } from '../scaled-number.ts';

/** Units of measure, by the name a report gives them: [one, many]. */
const MEASURES: Record<string, readonly [string, string]> = {
  人: ['person', 'people'],
  名: ['person', 'people'],
  位: ['person', 'people'],
  人次: ['person-time', 'person-times'],
  户: ['household', 'households'],
  元: ['yuan', 'yuan'],
  '元/月': ['yuan a month', 'yuan a month'],
  '元/年': ['yuan a year', 'yuan a year'],
  '元/人': ['yuan per person', 'yuan per person'],
  '元/户': ['yuan per household', 'yuan per household'],
  '元/人/月': ['yuan per person a month', 'yuan per person a month'],
  '元/亩': ['yuan per mu', 'yuan per mu'],
  公里: ['km', 'km'],
  千米: ['km', 'km'],
  米: ['m', 'm'],
  平方米: ['m²', 'm²'],
  平方公里: ['km²', 'km²'],
  立方米: ['m³', 'm³'],
  方: ['m³', 'm³'],
  亩: ['mu', 'mu'],
  公顷: ['hectare', 'hectares'],
  吨: ['tonne', 'tonnes'],
  千瓦: ['kW', 'kW'],
  兆瓦: ['MW', 'MW'],
  千瓦时: ['kWh', 'kWh'],
  小时: ['hour', 'hours'],
  天: ['day', 'days'],
  日: ['day', 'days'],
  分钟: ['minute', 'minutes'],
  个月: ['month', 'months'],
  年: ['year', 'years'],
  岁: ['year old', 'years old'],
  次: ['time', 'times'],
  '微克/立方米': ['µg/m³', 'µg/m³'],
};

/** Counting words (个, 所, 座 …) name no measure in English: the number stands alone beside its label. */
const CLASSIFIERS = new Set('个 所 座 项 件 套 处 家 条 场 栋 类 支 台 张 间 辆 批 份 本 块 片 棵 株 把 艘 架 盏 根 道 门 台(套) 部 组 期 轮 款 种'.split(' '));

const grouped = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });

/** A number with million/billion where that loses nothing (88000 is 88,000; 963000000 is 963 million). */
const EN_UNITS = [
  [1e9, 'billion'],
  [1e6, 'million'],
] as const;

export function formatNumberEn(value: number): string {
  const s = scaled(value, EN_UNITS);
  return s ? `${grouped.format(Number(s.quotient.toFixed(2)))} ${s.word}` : grouped.format(value);
}

/** The unit after a number: 'people', '%', '' for a counting word; a unit with no English name stays as written. */
export function unitEn(unit: string, value: number): string {
  if (unit === '%') return '%';
  const measure = MEASURES[unit];
  if (measure) return ` ${measure[value === 1 ? 0 : 1]}`;
  return CLASSIFIERS.has(unit) ? '' : ` ${unit}`;
}

/** A unit as a chart title names it: 'people', 'yuan', '“所”' for a counting word with no English name. */
export function unitNameEn(unit: string): string {
  if (unit === 'ratio') return 'ratio';
  if (unit === '%') return '%';
  return MEASURES[unit]?.[1] ?? `“${unit}”`;
}

const QUALIFIER_EN: Record<MetricData['qualifier'], string> = {
  exact: '',
  approx: 'about ',
  'more-than': 'more than ',
  'at-least': 'at least ',
  'at-most': 'at most ',
};

export function formatMetricEn(m: Pick<MetricData, 'value' | 'unit' | 'qualifier'>): string {
  const n = formatNumberEn(m.value);
  if (m.unit === 'ratio') return `${QUALIFIER_EN[m.qualifier]}${n}:1`;
  return `${QUALIFIER_EN[m.qualifier]}${n}${unitEn(m.unit, m.value)}`;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
/** Axis ticks: 0, 5K, 10K, 1.5M … */
export const formatTickEn = (value: number) => compact.format(value);
