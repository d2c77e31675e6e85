/** Lines, sentences and clauses of a normalised text, with their offsets. */

export interface Segment {
  start: number;
  end: number;
  text: string;
}

/**
 * Lines longer than this (a whole text without line breaks) are cut after a sentence end, so
 * that the work done per figure, which looks back along its line, stays bounded: linear time.
 */
const LONG_LINE = 2000;

/** Splits on newlines; empty lines are dropped; a very long line is cut into runs of whole sentences. */
export function lines(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    if (part.length > LONG_LINE) out.push(...cutLongLine({ start, end: start + part.length, text: part }));
    else if (part.trim()) out.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return out;
}

function cutLongLine(line: Segment): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  while (from < line.text.length) {
    let to = Math.min(line.text.length, from + LONG_LINE);
    if (to < line.text.length) {
      const window = line.text.slice(from + LONG_LINE / 2, to);
      const end = Math.max(window.lastIndexOf('。'), window.lastIndexOf(';'), window.lastIndexOf('!'), window.lastIndexOf('?'));
      if (end >= 0) to = from + LONG_LINE / 2 + end + 1;
    }
    const text = line.text.slice(from, to);
    if (text.trim()) out.push({ start: line.start + from, end: line.start + to, text });
    from = to;
  }
  return out;
}

/** Splits a segment at the given punctuation (a global expression), keeping the punctuation with the part before it. */
export function splitAt(seg: Segment, punctuation: RegExp): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  const re = punctuation.global ? punctuation : new RegExp(punctuation.source, 'g');
  re.lastIndex = 0;
  for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
    const to = m.index + m[0].length;
    if (to > from) out.push({ start: seg.start + from, end: seg.start + to, text: seg.text.slice(from, to) });
    from = to;
  }
  if (from < seg.text.length) out.push({ start: seg.start + from, end: seg.end, text: seg.text.slice(from) });
  return out;
}

const SENTENCE_END = /[。!?!?]+[”’」』]?/g;
const CLAUSE_END = /[,,;;]|[::](?!\d)/g;
export const sentencesOf = (line: Segment): Segment[] => splitAt(line, SENTENCE_END);
export const clausesOf = (sentence: Segment): Segment[] => splitAt(sentence, CLAUSE_END);

/**
 * A heading is a short line that does not end like a sentence: a section title,
 * a department's headline ("市人社局:依托…"), a numbered item title.
 */
export function isHeading(line: string): boolean {
  const t = line.trim();
  return t.length <= 40 && !/[。;;,,]$/.test(t) && !/[。]/.test(t.slice(0, -1));
}

/** A task's own numbered line: 1.城镇公益性岗位…, 二、…, (3)… */
export const TASK_LINE = /^\s*(\d+[.、.]|[一二三四五六七八九十]+、|[((][\d一二三四五六七八九十]+[))])/;

/** A flattened table's row that starts a new item: 1 | 浙有善育 | … */
const TABLE_ROW_START = /^\s*\d+\s*\|/;

/** A line that starts an item: a numbered line or a table row. */
export const startsItem = (line: Segment) => TASK_LINE.test(line.text) || TABLE_ROW_START.test(line.text);

/**
 * Where each line's item starts: a numbered line or a table row starts one, which runs to the next
 * or to a heading; a paragraph outside any item is an item of its own.
 */
export function itemStarts(all: Segment[]): Map<Segment, number> {
  const out = new Map<Segment, number>();
  let start: number | null = null;
  for (const line of all) {
    if (startsItem(line)) start = line.start;
    else if (isHeading(line.text) && !/[::]/.test(line.text)) start = null;
    out.set(line, start ?? line.start);
  }
  return out;
}
