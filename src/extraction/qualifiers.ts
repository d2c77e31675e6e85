/** Words around a number that say how exact it is (近, 余, 以上, 不少于 …). */
import type { Qualifier } from './types.ts';

/** Before the number: 约 / 近 / 超 / 不少于 … (the longest match that ends right at the number). */
const BEFORE: Array<[RegExp, Qualifier]> = [
  [/(不少于|不低于|至少|最少|不小于)$/, 'at-least'],
  [/(不超过|不高于|不多于|最多|至多|控制在)$/, 'at-most'],
  [/(超过|超|逾|多于|高于)$/, 'more-than'],
  [/(大约|约|近|将近|接近|左右约)$/, 'approx'],
];
/** Between the number and its unit: 8万余个, 3800多名. */
const INNER = /^(余|多)/;
/** After the unit: 1200人以上, 500人左右. */
const AFTER: Array<[RegExp, Qualifier]> = [
  [/^(以上|及以上)/, 'at-least'],
  [/^(以下|以内|及以下)/, 'at-most'],
  [/^(左右|上下)/, 'approx'],
  [/^(余|多)/, 'more-than'],
];

export interface QualifierRead {
  qualifier: Qualifier;
  before: number;
  inner: number;
  after: number;
}

/**
 * Reads the qualifier of a number from the text before it, between it and its unit,
 * and after the unit. `before` etc. are how many characters each part takes.
 */
export function readQualifier(beforeText: string, innerText: string, afterText: string): QualifierRead {
  const out: QualifierRead = { qualifier: 'exact', before: 0, inner: 0, after: 0 };
  const inner = INNER.exec(innerText);
  if (inner) {
    out.qualifier = 'more-than';
    out.inner = inner[0].length;
  }
  for (const [re, q] of AFTER) {
    const m = re.exec(afterText);
    if (m) {
      if (out.qualifier === 'exact' || q !== 'more-than') out.qualifier = q;
      out.after = m[0].length;
      break;
    }
  }
  for (const [re, q] of BEFORE) {
    const m = re.exec(beforeText);
    if (m) {
      if (out.qualifier === 'exact') out.qualifier = q;
      out.before = m[0].length;
      break;
    }
  }
  return out;
}

/** Orders qualifiers by how much they say, to merge a figure with its restatement. */
export function strongerQualifier(a: Qualifier, b: Qualifier): Qualifier {
  return a === 'exact' ? b : a;
}
