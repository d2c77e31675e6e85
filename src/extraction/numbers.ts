/**
 * Parsing of numbers as Chinese texts write them: Arabic (with thousands separators,
 * full-width digits), Chinese numerals (三千五百, 两万, 一百二十点五, 壹佰), mixed forms
 * (1.1万, 2.64亿), fractions (三分之一), percentages (百分之三十, 30%), per-mille.
 * Pure functions; never throws.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  洞: 0,
  一: 1,
  壹: 1,
  幺: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  俩: 2,
  倆: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 什: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 兆: 1e12 };
/** Powers of ten of the magnitude words that may follow an Arabic number (1.1万). */
export const MAGNITUDE_POWERS: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 萬: 4, 亿: 8, 億: 8, 兆: 12 };

export const CHINESE_NUMERAL_CHARS = '零〇一壹幺二贰貳两兩俩倆三叁參四肆五伍六七柒八捌九玖十拾百佰千仟万萬亿億点點陆陸';

/** Full-width digits and signs to ASCII, one character for one (offsets are kept). */
export function toHalfWidth(s: string): string {
  if (!/[\uFF01-\uFF5E\u3000]/.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Multiplies a decimal string by 10^power without binary rounding (1.1 × 10^4 = 11000 exactly). */
export function scaleDecimal(decimal: string, power: number): number {
  const negative = decimal.startsWith('-');
  const [intPart, fracPart = ''] = decimal.replace(/^[-+]/, '').split('.');
  const digits = (intPart ?? '') + fracPart;
  const pointAt = (intPart ?? '').length + power;
  let text: string;
  if (pointAt >= digits.length) text = digits + '0'.repeat(pointAt - digits.length);
  else if (pointAt <= 0) text = '0.' + '0'.repeat(-pointAt) + digits;
  else text = digits.slice(0, pointAt) + '.' + digits.slice(pointAt);
  const value = Number(text);
  return negative ? -value : value;
}

/** Parses an Arabic number with optional thousands separators: "1,234.5" → 1234.5. */
export function parseArabic(raw: string): number | null {
  const s = toHalfWidth(raw)
    .replace(/[,,\s]/g, '')
    .replace(/^\+/, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  return Number(s);
}

/** Parses a run of Chinese digits read one by one: 二〇二四 → 2024, 一二三 → 123. */
function parseDigitSequence(s: string): number | null {
  let out = '';
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d === undefined) return null;
    out += String(d);
  }
  return out ? Number(out) : null;
}

/** 廿 (20), 卅 (30), 卌 (40): older compound numerals, spelled out. */
function expandCompounds(s: string): string {
  return s
    .replace(/廿/g, '二十')
    .replace(/卅/g, '三十')
    .replace(/卌/g, '四十')
    .replace(/[万萬][万萬]/g, '亿');
}

/**
 * Parses a Chinese integer with place units: 三千五百 → 3500, 两万五 → 25000,
 * 十二 → 12, 一亿零五百万 → 105000000, 百二萬 → 1200000, and Arabic digits among
 * Chinese units (200亿零四千230). Returns null when the string is not one.
 */
const isDigit = (t: string) => /^\d+$/.test(t) || DIGITS[t] !== undefined;

/** The value of a digit not yet followed by a unit: 三千五 → the 五 is 500. */
function pendingDigit(digit: number | null, digitIsChinese: boolean, lastUnit: number, sawZero: boolean, beforeBig: boolean): number {
  if (digit === null) return 0;
  return digitIsChinese && lastUnit >= 10 && !sawZero && !(beforeBig && lastUnit >= 1e4) ? digit * (lastUnit / 10) : digit;
}

export function parseChineseInteger(raw: string): number | null {
  const s = expandCompounds(raw);
  if (!s) return null;
  const tokens = s.match(/\d+|[^\d]/g) ?? [];
  // A number needs a digit, except that 十 alone starts one (十二 = 12); 万 or 万万 is not a number.
  if (!tokens.some(isDigit) && !/^[十拾]/.test(s)) return null;
  if (tokens.every((t) => DIGITS[t] !== undefined)) return s.length === 1 ? DIGITS[s]! : parseDigitSequence(s);
  let total = 0; // sum of completed big-unit sections
  let section = 0; // value below the current big unit
  let digit: number | null = null;
  let digitIsChinese = false;
  let lastUnit = 0; // the last place unit seen, for abbreviations like 三千五 (= 3500)
  let lastBig = Infinity;
  let sawZero = false;
  // 三千五 → 3500, 两万五 → 25000, 百二万 → 120万: a lone Chinese digit right after a unit is one place lower.
  // Before a big unit only a small unit abbreviates (百二万 = 120万, but 一亿四万 is 一亿 + 四万).
  for (const t of tokens) {
    if (isDigit(t)) {
      const d = /^\d+$/.test(t) ? Number(t) : DIGITS[t]!;
      if (digit !== null && !sawZero) return null; // two numbers in a row inside a place number: 十一十二
      if (d === 0 && DIGITS[t] !== undefined) {
        sawZero = true;
        lastUnit = 0;
        continue;
      }
      digit = d;
      digitIsChinese = DIGITS[t] !== undefined;
      continue;
    }
    const small = SMALL_UNITS[t];
    if (small !== undefined) {
      if (small >= (lastUnit || Infinity) && section > 0 && lastUnit < 1e4) return null; // 百十一 without 一: malformed order
      section += (digit ?? 1) * small;
      digit = null;
      sawZero = false;
      lastUnit = small;
      continue;
    }
    const big = BIG_UNITS[t];
    if (big !== undefined) {
      section += pendingDigit(digit, digitIsChinese, lastUnit, sawZero, true);
      if (section === 0 && total === 0) section = 1;
      if (big > lastBig)
        total = (total + section) * big; // 一万亿: the larger unit applies to all before it
      else total += section * big;
      lastBig = big;
      section = 0;
      digit = null;
      sawZero = false;
      lastUnit = big;
      continue;
    }
    return null;
  }
  return total + section + pendingDigit(digit, digitIsChinese, lastUnit, sawZero, false);
}

/** Strips the characters a Chinese decimal/number uses into integer and fraction parts. */
function parseChineseDecimal(s: string): number | null {
  const parts = s.split(/[点點]/);
  if (parts.length !== 2) return null;
  const [intText, fracText] = parts as [string, string];
  // 一百二十点五万: a magnitude after the fraction applies to the whole number.
  const magMatch = /[万萬亿億]+$/.exec(fracText);
  const fracDigits = magMatch ? fracText.slice(0, magMatch.index) : fracText;
  if (intText === '') return null; // 点五 is no number; write 零点五
  const intValue = parseChineseInteger(intText);
  const fracText10 = /^\d+$/.test(fracDigits) ? fracDigits : [...fracDigits].map((c) => DIGITS[c]).join('');
  if (intValue === null || !/^\d+$/.test(fracText10) || fracText10.length !== [...fracDigits].length) return null;
  let power = 0;
  if (magMatch) for (const ch of magMatch[0]) power += MAGNITUDE_POWERS[ch] ?? 0;
  return scaleDecimal(`${intValue}.${fracText10}`, power);
}

const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;
const DECIMAL_MAGNITUDE = /^(\d+(?:\.\d+)?)([十百千万萬亿億兆]+)$/;

/**
 * Parses any one number as written in Chinese text; null when `raw` is not a number.
 * Accepts: 123, 1,234.5, １２３, 1.1万, 19320万, 2.64亿, 三千五百, 两万, 一百二十点五,
 * 三分之一, 百分之三十 (→ 30), 30% (→ 30), 负五 (→ -5), 1万2千 (→ 12000).
 */
export function parseNumber(raw: string): number | null {
  if (typeof raw !== 'string') return null;
  // The common cases, 1200 and 1.1万, without the general path.
  if (raw.length <= 64 && PLAIN_DECIMAL.test(raw)) return Number(raw);
  const magnified = raw.length <= 64 ? DECIMAL_MAGNITUDE.exec(raw) : null;
  if (magnified) {
    let power = 0;
    for (const ch of magnified[2]!) power += MAGNITUDE_POWERS[ch]!;
    const value = scaleDecimal(magnified[1]!, power);
    return Number.isFinite(value) ? value : null;
  }
  const half = toHalfWidth(raw).trim();
  // Arabic fractions: 3/5, -3/2, and mixed numbers 1 3/5.
  const fraction = /^([-负])?(?:(\d+)\s+)?(\d+)\s*\/\s*(\d+)$/.exec(half);
  if (fraction) {
    const [, minus, whole, num, den] = fraction;
    if (Number(den) === 0) return null;
    return (minus ? -1 : 1) * (Number(whole ?? 0) + Number(num) / Number(den));
  }
  let s = half.replace(/\s+/g, '');
  if (!s || s.length > 64) return null;
  let sign = 1;
  if (/^[-−负負]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (/^[+正]/.test(s)) s = s.slice(1);
  s = s.replace(/[%%‰]$/, '');
  if (!s) return null;
  const value = parseUnsigned(s);
  return value === null || !Number.isFinite(value) ? null : sign * value + 0;
}

/** Magnitude letters after Arabic digits, as informal and financial texts use them: 15k, 30w, 1.2M. */
const LETTER_MAGNITUDES: Record<string, number> = { k: 3, K: 3, w: 4, W: 4, m: 6, M: 6, g: 9, G: 9 };

function parseUnsigned(s: string): number | null {
  // Amounts written out: 壹佰捌拾壹圆柒角, 壹拾壹元整 (元 = units, 角 = tenths, 分 = hundredths).
  const money = /^(.*?)[元圆块](?:(.)[角毛])?(?:(.)分)?[整正]?$/.exec(s);
  if (money && (money[1] || money[2] || money[3])) {
    const yuan = money[1] ? parseUnsigned(money[1]) : 0;
    const jiao = money[2] ? parseUnsigned(money[2]) : 0;
    const fen = money[3] ? parseUnsigned(money[3]) : 0;
    if (yuan === null || jiao === null || fen === null || jiao > 9 || fen > 9) return null;
    return Math.round(yuan * 100 + jiao * 10 + fen) / 100;
  }
  // 一又十分一 = 1 + 1/10.
  const mixedFraction = /^(.+?)又(.+)$/.exec(s);
  if (mixedFraction) {
    const whole = parseUnsigned(mixedFraction[1]!);
    const part = parseUnsigned(mixedFraction[2]!);
    return whole === null || part === null ? null : whole + part;
  }
  // Fractions: 三分之一, 十分一, 二份一; 百分之三十 and 千分之五 read as the written number (30, 5).
  const frac = /^(.+?)(?:分之|[分份])(.+)$/.exec(s);
  if (frac) {
    const [, denText, numText] = frac as unknown as [string, string, string];
    if (/^[百千]$/.test(denText)) return numText === '百' ? 100 : parseUnsigned(numText); // 百分之百
    const den = parseNumber(denText);
    const num = parseNumber(numText); // 负3分之负一百五十七: either part may carry a sign
    return den && num !== null ? num / den : null;
  }
  if (/^(一)?半(个|個)?$/.test(s)) return 0.5;
  const arabic = parseArabic(s);
  if (arabic !== null) return arabic;
  const letters = /^(\d*\.?\d+)([kKwWmMgG])$/.exec(s);
  if (letters) return scaleDecimal(letters[1]!.startsWith('.') ? `0${letters[1]}` : letters[1]!, LETTER_MAGNITUDES[letters[2]!]!);
  // Arabic followed by magnitude words, possibly repeated: 1.1万, 3千万, 1万2千, 200亿零四千230.
  const mixed = /^(\d+(?:[,,]\d{3})*(?:\.\d+)?)([十百千万萬亿億兆]+)(.*)$/.exec(s);
  if (mixed) {
    const [, numText, mags, rest] = mixed as unknown as [string, string, string, string];
    if ((!numText.includes('.') && /^[零〇]/.test(rest)) || (!numText.includes('.') && rest && !/^\d/.test(rest) && parseChineseInteger(s) !== null)) {
      return parseChineseInteger(s);
    }
    let power = 0;
    for (const ch of mags) power += MAGNITUDE_POWERS[ch] ?? 0;
    const head = scaleDecimal(numText.replace(/[,,]/g, ''), power);
    if (!rest) return head;
    if (numText.includes('.')) return null; // 10.1万零100 mixes two ways of writing
    const tail = parseUnsigned(rest);
    return tail === null || tail >= 10 ** power ? null : head + tail;
  }
  if (/[点點]/.test(s)) return parseChineseDecimal(s);
  return parseChineseInteger(s);
}

/** A number found in a text. */
export interface NumberToken {
  start: number;
  end: number;
  raw: string;
  value: number;
  /** True when written with Chinese numerals only (三千, 十二). */
  chinese: boolean;
}

const ARABIC_WITH_MAGNITUDE =
  /\d+\/\d+(?![\d/])|\d+(?:,\d{3})+(?:\.\d+)?(?:[万萬亿億千]+)?|\d+(?:\.\d+)?(?:[万萬亿億]{1,2}|千[万萬]|百[万萬]|千(?![瓦伏克米帕]))?/y;
const CHINESE_FRACTION = new RegExp(`[${'零〇一二两三四五六七八九十百千万'}]+分之[${'零〇一二两三四五六七八九十百千万点'}]+`, 'y');
const CHINESE_RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'y');

/** 1 for each UTF-16 code a number can start with: a digit or a Chinese numeral other than 点. */
const NUMBER_START = new Uint8Array(0x10000);
for (const ch of `0123456789${CHINESE_NUMERAL_CHARS.replace(/[点點]/g, '')}`) NUMBER_START[ch.charCodeAt(0)] = 1;

/**
 * Finds every number in `text` (already half-width). Chinese numeral runs are kept
 * only when they hold a digit; their values follow parseNumber.
 */
/**
 * Digits grouped by single spaces, as some pages print thousands (2 539人, 12 000 000元): one number
 * when a unit follows. Not before %, where "1 100%" is a row number and a rate.
 */
const SPACED_THOUSANDS = /(?<![\d.,])\d{1,3}(?: \d{3})+(?=[\u4e00-\u9fa5])/y;

export function scanNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  let i = 0;
  while (i < text.length) {
    // Most characters start no number: test them by code (a regular expression costs more per call than it saves).
    if (NUMBER_START[text.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const ch = text[i]!;
    if (ch >= '0' && ch <= '9') {
      SPACED_THOUSANDS.lastIndex = i;
      const spaced = SPACED_THOUSANDS.exec(text);
      if (spaced) {
        out.push({ start: i, end: i + spaced[0].length, raw: spaced[0], value: Number(spaced[0].replace(/ /g, '')), chinese: false });
        i += spaced[0].length;
        continue;
      }
      ARABIC_WITH_MAGNITUDE.lastIndex = i;
      const m = ARABIC_WITH_MAGNITUDE.exec(text);
      const raw = m ? m[0] : ch;
      // 1/3 of a group; never a piece of a date (2008/08/08) or a path.
      const slash = text[i - 1] === '/' || text[i - 1] === '.' ? null : /^(\d+)\/(\d+)$/.exec(raw);
      if (/^\d+\/\d+$/.test(raw) && !slash) {
        i += raw.indexOf('/');
        continue;
      }
      const value = slash ? (Number(slash[2]) ? Number(slash[1]) / Number(slash[2]) : null) : parseNumber(raw);
      // 负0.2, and 增幅-1.1% or 调整为-4%: a minus sign after a word (not a range's 1-8) belongs to the number.
      const minus = /[-−－]/.test(text[i - 1] ?? '') && /[\u4e00-\u9fa5::]/.test(text[i - 2] ?? '');
      const negative = text[i - 1] === '负' || text[i - 1] === '負' || minus;
      if (value !== null)
        out.push({
          start: negative ? i - 1 : i,
          end: i + raw.length,
          raw: negative ? text[i - 1] + raw : raw,
          value: negative ? -value : value,
          chinese: false,
        });
      i += raw.length;
      continue;
    }
    CHINESE_FRACTION.lastIndex = i;
    const f = CHINESE_FRACTION.exec(text); // 三分之一 is one number
    if (f && parseNumber(f[0]) !== null) {
      out.push({ start: i, end: i + f[0].length, raw: f[0], value: parseNumber(f[0])!, chinese: true });
      i += f[0].length;
      continue;
    }
    CHINESE_RUN.lastIndex = i;
    const m = CHINESE_RUN.exec(text);
    let raw = m ? m[0] : ch;
    raw = raw.replace(/[点點]+$/, '');
    // 二十五千克 is 25 kilograms: 千 and 百 belong to the unit (千克, 千米, 百分点), not the number.
    const following = text[i + raw.length] ?? '';
    if ((raw.endsWith('千') && following !== '' && '克米瓦伏帕卡'.includes(following)) || (raw.endsWith('百') && following === '分')) raw = raw.slice(0, -1);
    const hasDigit = /[零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾]/.test(raw);
    const value = hasDigit ? parseNumber(raw) : null;
    if (value !== null) out.push({ start: i, end: i + raw.length, raw, value, chinese: true });
    i += Math.max(1, raw.length);
  }
  return out;
}
