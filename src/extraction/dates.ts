/** Dates and years in a text: the publication date, the reference year, year mentions. */
import { parseChineseInteger } from './numbers.ts';

/**
 * When a text speaks, and which time its figures are about. A figure's own words decide first
 * (a year in its sentence, a section's opening year: see metrics.ts); this is what holds when
 * they say nothing.
 */
export interface DocumentTime {
  /** ISO date when the text states when it was published. */
  published: string | null;
  /** The year the text speaks from ("今年"). */
  year: number | null;
  /** The month it speaks from, when known (a press conference on 1月23日 → 1). */
  month: number | null;
  /** The year the text says its figures are about, in its headline or opening (2023年十件民生实事1-3月推进情况 → 2023). */
  period: number | null;
  /** The text reports progress inside its year (截至9月底, 1-3月, 上半年, 前8个月): its results are that year's. */
  inYearProgress: boolean;
}

/** The year of a result the text states without a year. */
export function resultYear(t: DocumentTime): number | null {
  if (t.period !== null) return t.period;
  if (t.year === null) return null;
  // A review published early in a year (a January press conference) is about the year before.
  return !t.inYearProgress && t.month !== null && t.month <= 3 ? t.year - 1 : t.year;
}

/** The year of a target the text states without a year. */
export const targetYear = (t: DocumentTime): number | null => t.period ?? t.year;

/** Whether the text looks ahead (so 将 means "will"): early in its year, or undated, and not a progress report. */
export const looksAhead = (t: DocumentTime): boolean => !t.inYearProgress && (t.month === null || t.month <= 3);

const pad = (n: number) => String(n).padStart(2, '0');
const validYear = (y: number) => y >= 1990 && y <= 2100;

/** Reads "发布时间:2024年07月15日", "发布日期 : 2022-11-28" and similar labelled dates. */
export function findPublished(text: string): string | null {
  const labelled =
    /(?:发布|發布|发稿|發稿|更新|印发|印發|发表于|發表於|公开日期|公開日期)(?:更新)?(?:时间|時間|日期)?\s*[::]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(
      text,
    );
  // Else a date standing alone in the page's head, as news pages print it: 2022-01-13 14:15:10.
  const bare = labelled ?? /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?![\d-])/.exec(text.slice(0, 800));
  if (bare) {
    const [y, m, d] = [Number(bare[1]), Number(bare[2]), Number(bare[3])];
    if (validYear(y) && m >= 1 && m <= 12 && d >= 1 && d <= 31) return `${y}-${pad(m)}-${pad(d)}`;
  }
  return null;
}

/** A year in a headline or opening that names what the text is about: 2023年度十件民生实事, 2024年赣州市民生实事安排方案. */
const PERIOD = /(?<!\d)(\d{4})\s*年(?:度)?(?![底末])[^,,。;;\n]{0,12}?(民生|实事|实施|为民|惠民|工作|重点|进展|推进|完成|计划|方案|项目|工程|任务|十件|十大)/;
/** Progress inside a year: 1-3月, 1—11月, 截至9月底, 上半年, 前三季度, 前8个月, 9月份…进展. */
const IN_YEAR =
  /(?<!\d)1\s*[-—–~至]\s*(?:[1-9]|1[01])\s*月|一\s*[-—–~至]\s*[二三四五六七八九十]{1,2}\s*月|截至(?:今年)?(?:[1-9]|1[01])月(?:底|末|份)?|上半年|前[三3]季度|前[一二三四五六七八九十\d]{1,2}个月|(?<!\d)(?:[1-9]|1[01])月份[^,,。\n]{0,10}(?:进展|推进|情况)/;

/** What the headline and the opening say about the period: the text's own year, and whether it is a progress report. */
function periodOf(headline: string, text: string): { period: number | null; inYearProgress: boolean } {
  const opening = `${headline}\n${text.slice(0, 300)}`;
  const m = PERIOD.exec(headline) ?? PERIOD.exec(opening);
  const year = m ? Number(m[1]) : null;
  return { period: year !== null && validYear(year) ? year : null, inYearProgress: IN_YEAR.test(`${headline}\n${text.slice(0, 600)}`) };
}

/** Year mentions: 2023年, 二〇二三年; book titles 《…》 and (2021—2023年) ranges are left out. */
export interface YearMention {
  index: number;
  end: number;
  year: number;
  relative: boolean;
}

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
export function documentTime(text: string, headline = ''): DocumentTime {
  const period = periodOf(headline, text);
  const published = findPublished(text);
  if (published) return { published, year: Number(published.slice(0, 4)), month: Number(published.slice(5, 7)), ...period };
  const years = yearMentions(text, null).map((m) => m.year);
  const year = years.length ? Math.max(...years) : null;
  const md = /(?<![\d年])(\d{1,2})月(\d{1,2})日/.exec(text);
  const month = md ? Number(md[1]) : null;
  return { published: null, year, month: month && month <= 12 ? month : null, ...period };
}
