/**
 * Reads an amount as a whole: a number with its currency, its qualifier and, for ranges
 * and vague counts, its upper bound. 约4.287亿美元, 3000多欧元, 两到三万港元, 八九千美元,
 * 十几块钱, 数十亿元人民币, ¥1.25, US$1.5万.
 */
import { parseNumber, toHalfWidth } from './numbers.ts';
import type { Qualifier } from './types.ts';

export interface Amount {
  /** The number, or the low end of a range. */
  value: number;
  /** The high end of a range or vague count (几十万 → 100万), when there is one. */
  max: number | null;
  /** The currency (元, 美元, 港元 …) or null when none is written. */
  currency: string | null;
  qualifier: Qualifier;
}

/** Currency words and signs → the currency. Longest first; a more specific word wins over 元. */
const CURRENCIES: Array<[RegExp, string]> = [
  [/新台币|台币|TWD|NT\$/g, '新台币'],
  [/港元|港币|HK\$|HKD/g, '港元'],
  [/美元|美圆|美金|US\$|USD|\$/g, '美元'],
  [/欧元|EUR|€/g, '欧元'],
  [/英镑|GBP|£/g, '英镑'],
  [/日元|日币|JPY¥|JPY/g, '日元'],
  [/韩元|KRW|₩/g, '韩元'],
  [/澳元|AUD/g, '澳元'],
  [/泰铢|THB/g, '泰铢'],
  [/印度卢布|卢比|INR|₹/g, '卢比'],
  [/卢布|RUB|₽/g, '卢布'],
  [/马来西亚令吉|令吉|RM|MYR/g, '令吉'],
  [/瑞士法郎|CHF/g, '瑞士法郎'],
  [/奈拉|NGN/g, '奈拉'],
  [/人民币|CNY|RMB|¥|¥|￥|元|圆|块/g, '元'],
];

const QUALIFIER_WORDS: Array<[RegExp, Qualifier]> = [
  [/^(至少|最少|不少于|不低于)|(以上|及以上)$/g, 'at-least'],
  [/^(不到|不足|小于|少于|低于|不超过|最多|至多)|(以下|以内)$/g, 'at-most'],
  [/^(超过|超|逾|多于|大于|高于)/, 'more-than'],
  [/^(约|大约|大概|近|将近|接近)|(左右|上下)$/g, 'approx'],
];

const BIG = '万萬亿億';
const MAGNITUDE = `十百千万萬亿億仟佰拾kKwW`;
const DIGIT = '一二两三四五六七八九';

/** Removes the currency words and returns the currency named last-most-specifically. */
function takeCurrency(s: string): { rest: string; currency: string | null } {
  let currency: string | null = null;
  let rest = s;
  for (const [re, name] of CURRENCIES) {
    if (re.test(rest)) {
      currency ??= name;
      rest = rest.replace(re, ' ');
    }
    re.lastIndex = 0;
  }
  return { rest, currency };
}

/** 几十万 → [10万, 100万], 十几 → [10, 20], 3000多 → [3000, 4000], 数十亿 → [10亿, 100亿]. */
function vague(s: string): [number, number] | null {
  const few = /^(几|数)([十百千万])([万亿]*)$/.exec(s);
  if (few) {
    const unit = parseNumber(`一${few[2]}`)! * (few[3] ? parseNumber(`一${few[3]}`)! : 1);
    return [unit, unit * 10];
  }
  const teens = /^(.*[十百千万])零?(几|多|余)([万亿]*)$/.exec(s);
  if (teens) {
    const base = parseNumber(teens[1]!);
    const scale = teens[3] ? parseNumber(`一${teens[3]}`)! : 1;
    const step = parseNumber(`一${teens[1]!.slice(-1)}`)!;
    if (base !== null) return [base * scale, (base + step) * scale];
  }
  const arabic = /^(\d+)(多|余)([万亿]*)$/.exec(s);
  if (arabic) {
    const base = Number(arabic[1]);
    const scale = arabic[3] ? parseNumber(`1${arabic[3]}`)! : 1;
    const place = 10 ** (arabic[1]!.replace(/0+$/, '').length === arabic[1]!.length ? 0 : arabic[1]!.length - arabic[1]!.replace(/0+$/, '').length);
    return [base * scale, (base + place) * scale];
  }
  return null;
}

/** 八九千 → [8000, 9000], 七百三四十 → [730, 740], 十五六 → [15, 16]: two neighbouring digits name a range. */
function neighbouringDigits(s: string): [number, number] | null {
  // Only in a number with place units (一二三 is 123) and never in decimals (一点一二).
  if (/[点點.]/.test(s) || !/[十百千万萬亿億]/.test(s)) return null;
  const PLACE = /[十百千万萬亿億]/;
  for (let i = 0; i + 1 < s.length; i++) {
    const a = DIGIT.indexOf(s[i]!),
      b = DIGIT.indexOf(s[i + 1]!);
    if (a < 0 || b < 0 || b <= a || s[i] === '两' || s[i + 1] === '两') continue;
    if ((i > 0 && !PLACE.test(s[i - 1]!)) || (i + 2 < s.length && !PLACE.test(s[i + 2]!))) continue;
    const low = parseNumber(s.slice(0, i + 1) + s.slice(i + 2));
    const high = parseNumber(s.slice(0, i) + s.slice(i + 1));
    if (low !== null && high !== null && high > low) return [low, high];
  }
  return null;
}

/**
 * 两到三万: the low end borrows the high end's magnitude (万, or 百 in 两~3百) when it is
 * smaller than the high end's own number; 8500到3万 keeps 8500.
 */
function shareMagnitude(low: string, high: string): string {
  const big = new RegExp(`[${BIG}]+$`).exec(high)?.[0];
  const small = big ? null : new RegExp(`[${MAGNITUDE}]$`).exec(high)?.[0];
  const suffix = big ?? small;
  if (!suffix || new RegExp(`[${big ? BIG : MAGNITUDE}]$`).test(low)) return low;
  const lowValue = parseNumber(low);
  const highPrefix = parseNumber(high.slice(0, -suffix.length));
  return lowValue !== null && highPrefix !== null && lowValue < highPrefix ? low + suffix : low;
}

/** Parses an amount or a measurement: 七八公斤 (7 to 8), 三四万吨, 25kg. The unit itself is not read. */
export function parseQuantity(raw: string): Amount | null {
  const s = toHalfWidth(raw).trim();
  // The number runs up to the unit: 千 of 千克/千瓦 and k of kg belong to the unit.
  const number = /^[-负]?(?:[\d.,~\-/到至零〇一二两三四五六七八九十万萬亿億点點几多余]|千(?![瓦克米卡伏帕])|百(?!分)|[kKwW](?![a-zA-Z]))+/.exec(s)?.[0];
  if (!number) return null;
  const a = parseAmount(number);
  const pair = /^([一二三四五六七八九])([一二三四五六七八九])$/.exec(number);
  if (pair && number.length < s.length && DIGIT.indexOf(pair[2]!) > DIGIT.indexOf(pair[1]!)) {
    return { value: parseNumber(pair[1]!)!, max: parseNumber(pair[2]!)!, currency: null, qualifier: 'approx' }; // 七八公斤
  }
  return a;
}

export function parseAmount(raw: string): Amount | null {
  if (typeof raw !== 'string' || raw.length > 80) return null;
  let s = toHalfWidth(raw)
    .replace(/\s+/g, '')
    .replace(/萬/g, '万')
    .replace(/億/g, '亿')
    .replace(/幾/g, '几')
    .replace(/[((]含[))]/g, '')
    .replace(/钱$/, '')
    .replace(/^从/, '');
  let qualifier: Qualifier = 'exact';
  for (const [re, q] of QUALIFIER_WORDS) {
    const before = s;
    s = s.replace(re, '').replace(/钱$/, '');
    if (s !== before && qualifier === 'exact') qualifier = q;
  }
  // Written-out sums keep their 元/角/分: 一百三十五块六角七分.
  const written = /[角毛分]$|[元圆]整$|[元圆]正$/.test(s) ? parseNumber(s.replace(/块/, '元').replace(/^(人民币|¥|¥)/, '')) : null;
  const { rest, currency } = takeCurrency(s);
  if (written !== null) return { value: written, max: null, currency: currency ?? '元', qualifier };
  const body = rest.replace(/ /g, '').replace(/([一二两三四五六七八九十百千\d])个(?=[万亿])/g, '$1');
  if (!body) return null;

  const range = /^(.+?)(到|至|~|-+|—+|－+)(.+)$/.exec(body);
  if (range) {
    let highText = range[3]!;
    // 15-6 is 15 to 16, 730-40 is 730 to 740: a shorter Arabic high end after a hyphen replaces the low end's last digits.
    const lowDigits = /^\d+$/.exec(range[1]!)?.[0];
    const highDigits = /^\d+/.exec(highText)?.[0];
    if (range[2]!.startsWith('-') && lowDigits && highDigits && highDigits.length < lowDigits.length) {
      highText = lowDigits.slice(0, lowDigits.length - highDigits.length) + highText;
    }
    const lowText = shareMagnitude(range[1]!, highText);
    const low = parseAmount(lowText),
      high = parseAmount(highText);
    if (low && high) return { value: low.value, max: high.max ?? high.value, currency, qualifier: 'approx' };
    return null;
  }
  const fuzzy = vague(body);
  if (fuzzy) return { value: fuzzy[0], max: fuzzy[1], currency, qualifier: qualifier === 'exact' ? 'more-than' : qualifier };
  const pair = /^([一二三四五六七八九])([一二三四五六七八九])$/.exec(body);
  if (pair && currency && DIGIT.indexOf(pair[2]!) > DIGIT.indexOf(pair[1]!)) {
    return { value: parseNumber(pair[1]!)!, max: parseNumber(pair[2]!)!, currency, qualifier: 'approx' }; // 七八英镑: 7 to 8
  }
  const neighbours = neighbouringDigits(body);
  if (neighbours) return { value: neighbours[0], max: neighbours[1], currency, qualifier: 'approx' };
  const value = parseNumber(body);
  return value === null ? null : { value, max: null, currency, qualifier };
}

/**
 * Reads a share as a percentage: 百分之三十 → 30, 35% → 35, 千分之五 / 5‰ → 0.5, 万分之三 → 0.03,
 * 2个百分点 → 2 (points), 九成 → 90, 三成半 → 35, 七五折 / 75折 → 75 (a price as a share of the full price).
 */
export function parsePercent(raw: string): number | null {
  if (typeof raw !== 'string' || raw.length > 80) return null;
  const s = toHalfWidth(raw).replace(/\s+/g, '');
  let m = /^(.+?)(?:%|个百分点|個百分點|百分点)$/.exec(s);
  if (m) return parseNumber(m[1]!);
  m = /^(.+?)‰$/.exec(s);
  if (m) {
    const v = parseNumber(m[1]!);
    return v === null ? null : v / 10;
  }
  m = /^(百|千|仟|万|萬|十万|百万|千万|亿|万万|百万万)分之(.+)$/.exec(s);
  if (m) {
    const den = parseNumber(`一${m[1]!.replace('仟', '千')}`)!;
    const num = m[2] === '百' ? 100 : parseNumber(m[2]!);
    return num === null ? null : Math.round(((num * 100) / den) * 1e12) / 1e12;
  }
  m = /^(.+?)成(半)?$/.exec(s);
  if (m) {
    const v = m[1] === '半' ? 0.5 : parseNumber(m[1]!);
    return v === null ? null : Math.round((v + (m[2] ? 0.5 : 0)) * 10 * 1e9) / 1e9;
  }
  m = /^(.+?)成(.)$/.exec(s); // 七成六 = 76%
  if (m) {
    const a = parseNumber(m[1]!),
      b = parseNumber(m[2]!);
    return a === null || b === null ? null : a * 10 + b;
  }
  m = /^(.+?)折$/.exec(s);
  if (m) {
    if (m[1] === '半' || m[1] === '对' || m[1] === '對') return 50;
    const digits = /^[一二两兩三四五六七八九]{2}$/.test(m[1]!) ? parseNumber(m[1]![0]!)! * 10 + parseNumber(m[1]![1]!)! : parseNumber(m[1]!);
    if (digits === null) return null;
    return Math.round((digits < 10 ? digits * 10 : digits) * 1e9) / 1e9;
  }
  return parseNumber(s.replace(/^百分之/, ''));
}
