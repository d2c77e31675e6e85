/**
 * A normalised view of a text for extraction, with a map back to the original:
 * traditional → simplified characters (opencc-js), full-width → half-width, and
 * page-break artefacts inside a sentence removed. Metric spans are cut from the
 * original through the map, so they stay exact.
 */
import * as OpenCC from 'opencc-js';
import { toHalfWidth } from './numbers.ts';

export interface TextView {
  /** The normalised text extraction reads. */
  text: string;
  /** For each index of `text` (and one past its end), the index in the original. */
  origin: Int32Array;
  original: string;
}

let toSimplified: ((s: string) => string) | undefined;
let traditionalOnly: Uint8Array | undefined;

/** The characters the converter changes on their own (a bitmap by code unit): a text with none needs no conversion. */
function traditionalCharacters(): Uint8Array {
  if (traditionalOnly) return traditionalOnly;
  toSimplified ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  const map = new Uint8Array(0x10000);
  for (let c = 0x3400; c <= 0x9fff; c++) {
    const ch = String.fromCharCode(c);
    if (toSimplified(ch) !== ch) map[c] = 1;
  }
  return (traditionalOnly = map);
}

function simplify(s: string): string {
  const traditional = traditionalCharacters();
  let any = false;
  for (let i = 0; i < s.length && !any; i++) any = traditional[s.charCodeAt(i)] === 1;
  if (!any) return s;
  const out = toSimplified!(s);
  if (out.length === s.length) return out;
  // A phrase conversion changed the length: fall back to character by character so offsets hold.
  return Array.from(s, (ch) => {
    const c = toSimplified!(ch);
    return c.length === ch.length ? c : ch;
  }).join('');
}

/** True when the text holds characters that only traditional script uses. */
export function looksTraditional(s: string): boolean {
  return simplify(s) !== s;
}

const SENTENCE_END = /[。!?;:…”’」』)\]!?;:]$/;

/**
 * Lines broken in the middle of a sentence (a PDF page break or a CMS paragraph split)
 * are joined: a line of more than `minLength` characters that ends without closing
 * punctuation continues on the next non-empty line.
 */
export function isBrokenLine(line: string, minLength = 30): boolean {
  const t = line.trimEnd();
  return t.length > minLength && !SENTENCE_END.test(t) && /[\u4e00-\u9fa5\d%]$/.test(t);
}

/**
 * Pinyin that a converting site wrote after characters (推進(jìn), 發(fā)): read past, so that
 * 责(zé)任单位 is 责任单位. Only syllables with a tone mark, right after a Chinese character.
 */
const PINYIN = /(?<=[\u4e00-\u9fa5])\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)/g;

export function normalizeView(original: string): TextView {
  const converted = toHalfWidth(simplify(original)).replace(/\u2236/g, ':');
  const lines = converted.split('\n');
  const parts: string[] = [];
  const origin = new Int32Array(converted.length + 1); // the view is never longer than the original
  let length = 0;
  let pos = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.includes('(') && PINYIN.test(line)) {
      PINYIN.lastIndex = 0;
      let from = 0;
      for (const m of line.matchAll(PINYIN)) {
        parts.push(line.slice(from, m.index));
        for (let k = from; k < m.index!; k++) origin[length++] = pos + k;
        from = m.index! + m[0].length;
      }
      parts.push(line.slice(from));
      for (let k = from; k < line.length; k++) origin[length++] = pos + k;
    } else {
      parts.push(line);
      for (let k = 0; k < line.length; k++) origin[length++] = pos + k;
    }
    PINYIN.lastIndex = 0;
    pos += line.length;
    if (li === lines.length - 1) break;
    // Skip the newline(s) after a broken line when the continuation follows.
    let next = li + 1;
    while (next < lines.length && lines[next]!.trim() === '') next++;
    if (isBrokenLine(line) && next < lines.length && /^[\u4e00-\u9fa5\d%]/.test(lines[next]!.trim())) {
      for (let j = li + 1; j < next; j++) pos += lines[j]!.length + 1;
      pos += 1; // the newline ending `line`
      li = next - 1;
      continue;
    }
    parts.push('\n');
    origin[length++] = pos;
    pos += 1;
  }
  origin[length++] = original.length;
  return { text: parts.join(''), origin: origin.subarray(0, length), original };
}

/** The original text under the view's range [start, end). */
export function originalSpan(view: TextView, start: number, end: number): string {
  return view.original.slice(view.origin[start]!, view.origin[end - 1]! + 1);
}
