/** Reads a whole report from one source text: city, year, title, departments, metrics. */
import { cleanText } from './clean.ts';
import { documentTime } from './dates.ts';
import { toHalfWidth } from './numbers.ts';
import { looksLikePlan, looksLikeTaskReport } from './kind.ts';
import { extractMetrics } from './metrics.ts';
import { normalizeView } from './normalize.ts';
import { detectCity } from './registry.ts';
import { isHeading } from './structure.ts';
import type { ExtractedReport, Metric, Registry } from './types.ts';

const NOT_A_TITLE =
  /^([一二三四五六七八九十]+、|[((][一二三四五六七八九十\d]+[))]|\d+[.、]|□|记者|通讯员|全媒体记者|来源|來源|作者|责任编辑|責任編輯|当前位置|您的位置|发布|發布)|摄\)?$|^\d{4}[-年]/;
/** Site furniture: a navigation bar (首页, 互动, 动态 …) or a row of short links separated by spaces. */
const NAVIGATION = /(首页|首頁|互动|互動|动态|動態|登录|登錄|注册|註冊|导航|導航|主办|主辦|[>»›])|^(\S{1,6}\s+){3,}\S{1,6}$/;
/** "原标题:…" names the story's own headline. */
const ORIGINAL_TITLE = /^原[标標][题題]\s*[::]\s*(.{6,60})$/;

/** The first line that reads like a headline; a photo caption "…现场。(某某 摄)" gives its subject. */
export function findTitle(body: string): string | null {
  for (const raw of body.split('\n').slice(0, 12)) {
    const line = raw.trim();
    if (!line) continue;
    const caption = /^(.{8,40}?)现场。?[((][^))]*摄[))]$/.exec(line);
    if (caption) return caption[1]!;
    const original = ORIGINAL_TITLE.exec(line);
    if (original) return original[1]!.trim();
    if (line.length >= 6 && isHeading(line) && !NOT_A_TITLE.test(line) && !NAVIGATION.test(line)) return line.replace(/\s+/g, ' ');
  }
  return null;
}

/**
 * The year a report is filed under: the latest year that at least a quarter of its figures
 * are about (a January press conference on last year's results and this year's pledges is
 * this year's report); else the year the text speaks from.
 */
function reportYear(metrics: Metric[], fallback: number | null): number | null {
  const counts = new Map<number, number>();
  for (const m of metrics) if (m.year !== null) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  const years = [...counts].filter(([, n]) => n * 4 >= metrics.length).map(([y]) => y);
  return years.length ? Math.max(...years) : fallback;
}

export interface ReportExtras {
  outlet: string | null;
  removed: string[];
}

export interface ExtractOptions {
  /** The place the text is about, when the text never names it (the editor says it: --city 眉山市). */
  city?: string;
  /** The year the text is about, when the text never says it (--year 2022). */
  year?: number;
  /** What the text's report already says (an earlier --city, an editor's fix): used when the text says nothing. */
  known?: { city?: string | null; year?: number | null };
}

export function extractReport(source: string, registry: Registry, options: ExtractOptions = {}): ExtractedReport & ReportExtras {
  const cleaned = cleanText(source);
  const view = normalizeView(cleaned.body);
  const headline = findTitle(cleaned.body) ?? '';
  const city = options.city ?? detectCity(view.text, registry, normalizeView(headline).text)?.name ?? options.known?.city ?? null;
  const found = documentTime(toHalfWidth(source), toHalfWidth(headline));
  const givenYear = options.year ?? (found.year === null && found.period === null ? (options.known?.year ?? undefined) : undefined);
  const time = givenYear ? { ...found, period: givenYear, year: found.year ?? givenYear } : found;
  const head = normalizeView(headline).text;
  const plan = looksLikePlan(view.text, head);
  const metrics = extractMetrics(view, { registry, city, time, plan, taskReport: !plan && looksLikeTaskReport(view.text, head) });
  const year = givenYear ?? reportYear(metrics, time.year);
  const departments = [...new Set(metrics.flatMap((m) => (m.department ? m.department.split('、') : [])))];
  const title = headline || `${city ?? ''}${year ?? ''}年民生实事${plan ? '实施方案' : '报告'}`;
  return {
    title,
    city,
    year,
    published: time.published,
    departments,
    metrics,
    body: cleaned.body,
    outlet: cleaned.outlet,
    removed: cleaned.removed,
  };
}
