/** Dates and years in a text: the publication date, the reference year, year mentions. */
import { parseChineseInteger } from './numbers.ts';

export interface DocumentTime {
  /** ISO date when the text states when it was published. */
  published: string | null;
  /** The year the text speaks from ("今年"). */
  year: number | null;
  /** The month it speaks from, when known (a press conference on 1月23日 → 1). */
  month: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const validYear = (y: number) => y >= 1990 && y <= 2100;

/** Reads "发布时间:2024年07月15日", "发布日期 : 2022-11-28" and similar labelled dates. */
export function findPublished(text: string): string | null {
  const labelled = /(?:发布|發布|发稿|發稿|更新|印发|印發)(?:时间|時間|日期)\s*[::]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(text);
  if (labelled) {
    const [y, m, d] = [Number(labelled[1]), Number(labelled[2]), Number(labelled[3])];
    if (validYear(y) && m >= 1 && m <= 12 && d >= 1 && d <= 31) return `${y}-${pad(m)}-${pad(d)}`;
  }
  return null;
}

/** Year mentions: 2023年, 二〇二三年; book titles 《…》 and (2021—2023年) ranges are left out. */
export interface YearMention { index: number; end: number; year: number; relative: boolean }

export function yearMentions(text: string, now: number | null): YearMention[] {
  const out: YearMention[] = [];
  const masked = text.replace(/《[^》]*》/g, (s) => ' '.repeat(s.length));
  for (const m of masked.matchAll(/(?<!\d)(\d{4}|[二〇零一三四五六七八九]{4})\s*年/g)) {
    const raw = m[1]!;
    const year = /^\d+$/.test(raw) ? Number(raw) : parseChineseInteger(raw);
    const since = /^\s*(以来|至今)/.test(masked.slice(m.index! + m[0].length)); // 自2012年以来: a stock as of now
    if (year !== null && validYear(year) && !since && !/[—\-~至到]\s*$/.test(masked.slice(Math.max(0, m.index! - 3), m.index))) {
      out.push({ index: m.index!, end: m.index! + m[0].length, year, relative: false });
    }
  }
  if (now !== null) {
    const rel: Record<string, number> = { 今年: 0, 本年: 0, 当年: 0, 本年度: 0, 去年: -1, 上年: -1, 上一年: -1, 明年: 1, 前年: -2 };
    for (const m of masked.matchAll(/本年度|上一年|今年|本年|当年|去年|上年|明年|前年/g)) {
      out.push({ index: m.index!, end: m.index! + m[0].length, year: now + rel[m[0]]!, relative: true });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * When the text speaks from: its publication date, or else the latest year it names
 * and the month of the first "M月D日" (a press conference in January reports last year).
 */
export function documentTime(text: string): DocumentTime {
  const published = findPublished(text);
  if (published) return { published, year: Number(published.slice(0, 4)), month: Number(published.slice(5, 7)) };
  const years = yearMentions(text, null).map((m) => m.year);
  const year = years.length ? Math.max(...years) : null;
  const md = /(?<![\d年])(\d{1,2})月(\d{1,2})日/.exec(text);
  const month = md ? Number(md[1]) : null;
  return { published: null, year, month: month && month <= 12 ? month : null };
}
