/**
 * How a figure's year is decided. Nearest first:
 * 1. a year named before it in its sentence (2023年,全市新增…); a year after 由/从 binds only the
 *    figure right after it (由2022年末的8∶1降至…), and a comparison year is not the figure's (比2019年增长);
 * 2. the year that opens its paragraph or section (2024年,市人社部门将…);
 * 3. the text's own time (dates.ts): the period its headline names, else for a target the year it
 *    speaks from and for a result the year it reports on (a January review is of the year before;
 *    a progress report's results are its year's).
 * The baseline of a change (由47%提升至62%) is a year before its result unless the text says otherwise.
 */
import type { NumberToken } from './numbers.ts';
import type { Segment } from './structure.ts';
import type { YearMention } from './dates.ts';

/**
 * The year a figure is about, when the text says: the nearest year named before it in its
 * sentence (a year in "由2022年末的8∶1" binds only the figure right after it).
 */
export function yearOf(mentions: YearMention[], sentence: Segment, t: NumberToken, tokens: NumberToken[]): number | null {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.index >= sentence.start && m.end <= t.start && !(boundToNext(m, sentence) && figureBetween(tokens, m.end, t.start))) return m.year;
  }
  return null;
}

/** A year after 由/从 ("由2022年末的8∶1") is a baseline: it binds only the figure right after it. */
function boundToNext(m: YearMention, sentence: Segment): boolean {
  return /[由从]\s*$/.test(sentence.text.slice(Math.max(0, m.index - sentence.start - 2), m.index - sentence.start));
}

function figureBetween(tokens: NumberToken[], from: number, to: number): boolean {
  return tokens.some((o) => o.start >= from && o.start < to);
}

/** A year named in the first words of a paragraph ("2024年,市人社部门将…", "某某介绍,2023年,…") frames the section. */
export function openingYear(mentions: YearMention[], line: Segment): number | null {
  const m = mentions.find((y) => y.index >= line.start && y.index - line.start <= 12 && !y.relative && /^[,,]/.test(line.text.slice(y.end - line.start))); // "2022年9月" dates an event; "2024年," frames what follows
  return m ? m.year : null;
}

/** 由47%提升至62%: the first figure is the baseline, a year earlier unless the text says otherwise. */
const CHANGE_VERB = /^[^,,;;。]{0,12}?(提升|提高|增加|增长|下降|降低|减少|压缩|扩大|上升|降|增|升)(至|到|为)/;

/** 由47%提升至62%: the figure is the start of a change whose end follows in its clause. */
export function startsChange(sentence: Segment, t: NumberToken, text: string): boolean {
  return /[由从][^,,;;。]{0,10}$/.test(text.slice(sentence.start, t.start)) && CHANGE_VERB.test(text.slice(t.end, sentence.end));
}

export function baselineShift(sentence: Segment, t: NumberToken, text: string): number {
  const before = text.slice(sentence.start, t.start);
  const after = text.slice(t.end, sentence.end);
  if (!/[由从][^,,;;。]{0,10}$/.test(before) || !CHANGE_VERB.test(after)) return 0;
  return /(前期|原来|此前|以前|之前)[^,,;;。]{0,4}$/.test(before) ? 0 : -1;
}
