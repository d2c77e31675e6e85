/**
 * Finds the figures in a normalised text and reads each one: value, unit, qualifier,
 * kind, year, department, label and the exact source span. The text is read once into its
 * document model (document.ts); each figure takes its line's context from it.
 */
import { classifyKind } from './kind.ts';
import { originalSpan, type TextView } from './normalize.ts';
import { scanNumbers, type NumberToken } from './numbers.ts';
import { readQualifier, strongerQualifier } from './qualifiers.ts';
import { clausesOf, sentencesOf, TASK_LINE, type Segment } from './structure.ts';
import { looksAhead, resultYear, targetYear, type DocumentTime } from './dates.ts';
import { departmentList } from './department.ts';
import { readDocument } from './document.ts';
import { pipeColumn } from './tables.ts';
import { baselineShift, startsChange, yearOf } from './year.ts';
import { assignPledges, dice, what } from './pledge.ts';
import { namedTopic, topicOf, type Topic } from './topic.ts';
import {
  CHANGE_ONLY_LABEL,
  placeShare,
  fallbackLabel,
  isBareAction,
  withObject,
  GENERIC_LABEL,
  labelFor,
  taskOf,
  pledgeLabel,
  segmenter,
  tidyLabel,
  wordStartWithin,
} from './label.ts';
import { readUnit, TIME_UNITS } from './units.ts';
import type { Metric, Registry } from './types.ts';

export interface MetricContext {
  registry: Registry;
  city: string | null;
  time: DocumentTime;
  plan: boolean;
  /** The text reports on tasks item by item (see looksLikeTaskReport). */
  taskReport?: boolean;
}

/** A figure before de-duplication, with what is needed to merge restatements. */
interface Candidate extends Metric {
  start: number;
  end: number;
  /** Label and the noun after the unit, for telling restatements from distinct figures. */
  context: string;
  /** For pledges and topics: where its sentence and its item start, its table row, its clause and sentence. */
  sentence: number;
  item: number;
  row?: string;
  changeFrom?: boolean;
  changeBase?: Candidate;
  clauseText: string;
  sentenceText: string;
  section?: Topic | null;
}

/** 1 for a clause or list break, 2 for a colon (no break before a digit: 8:1, 9:30), by UTF-16 code. */
const CLAUSE_BREAK = new Uint8Array(0x10000);
for (const ch of ',,;;、。!?“”《|') CLAUSE_BREAK[ch.charCodeAt(0)] = 1;
for (const ch of '::') CLAUSE_BREAK[ch.charCodeAt(0)] = 2;

/** The text between the last clause or list break and `end`. */
function subclauseStart(text: string, from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) {
    const kind = CLAUSE_BREAK[text.charCodeAt(i)];
    if (kind === 1) return i + 1;
    if (kind === 2) {
      const next = text.charCodeAt(i + 1); // NaN past the end
      if (!(next >= 48 && next <= 57)) return i + 1;
    }
  }
  return from;
}

/**
 * 改造老旧小区333个、466万平方米: a figure listed after another with nothing of its own before it
 * measures the same thing (in another unit): the label of the figure it follows.
 */
function listedLabel(text: string, previous: Candidate | undefined, start: number): string {
  return previous && listedAfter(text, previous, start, 3) ? previous.label : '';
}

/** Whether the figure at `start` is listed right after `previous` (…119元、99元), maybe past `noun` characters of its noun (23个区块、1.33万户). */
function listedAfter(text: string, previous: Candidate, start: number, noun: number): boolean {
  const between = text.slice(previous.end, start);
  return between.length >= 1 && between.length <= noun + 1 && /[、和及]$/.test(between) && /^[\u4e00-\u9fa5]*.$/.test(between);
}

function enclosingIndex(segs: Segment[], index: number): number {
  const i = segs.findIndex((s) => index >= s.start && index < s.end);
  return i < 0 ? segs.length - 1 : i;
}

function enclosingSegment(segs: Segment[], index: number): Segment {
  return segs[enclosingIndex(segs, index)]!;
}

/** True when the number stands inside a short quotation or a book title: “十个一”, “6+2”, 《…》. */
function insideName(line: string, at: number): boolean {
  for (const [open, close, max] of [
    ['“', '”', 10],
    ['"', '"', 10],
    ['《', '》', 60],
  ] as const) {
    const o = line.lastIndexOf(open, at);
    if (o < 0) continue;
    const c = line.indexOf(close, o + 1);
    if (c < at || line.lastIndexOf(close, at - 1) > o) continue;
    if (c - o - 1 <= max) return true;
    if (open === '“' && /[。!?!?]$/.test(line.slice(o + 1, c))) return true; // direct speech: “以前一天要填上十份表……。”
  }
  return false;
}

const QUOTE_OPENING = /[“"《]/;

/** Reasons a number is not a figure: a date, an ordinal, numbering, a code, a name, a range. */
function isNotAFigure(text: string, line: Segment, t: NumberToken): boolean {
  const prev = text[t.start - 1] ?? '';
  const next = text[t.end] ?? '';
  if (/[A-Za-z+#/.]/.test(prev) || /[A-Za-z+#]/.test(next)) return true; // 4G, PM2.5, “6+2”
  if (/第$/.test(text.slice(Math.max(line.start, t.start - 1), t.start))) return true; // 第五场, 居全省第四位
  if (t.start === line.start && /^[.、)]/.test(next)) return true; // 1.促进…
  if (prev === '(' && next === ')') return true; // (1)
  if (t.chinese && t.value < 10) return true; // 三个载体, 四个方面: rhetoric, not counts
  if (/^\s*[-~—至到]\s*[\d一二三四五六七八九十]/.test(text.slice(t.end, t.end + 3))) return true; // 1-2项
  if (/\d\s*[-~—]\s*$/.test(text.slice(Math.max(line.start, t.start - 3), t.start))) return true;
  if (/[\d一二三四五六七八九十]\s*[至到]$/.test(text.slice(Math.max(line.start, t.start - 2), t.start))) return true;
  if (QUOTE_OPENING.test(line.text) && insideName(line.text, t.start - line.start)) return true;
  return false;
}

/** Eligibility conditions of a policy are not figures: 吸纳3人以上就业的,均可申报. */
const ELIGIBILITY = /(申报条件|条件为|条件是|符合条件|可申报|均可申报|均可享受|即可申请|方可)/;

/** Character bigrams (as two UTF-16 units in one number), to compare the contexts of two figures. */
function bigrams(s: string): Set<number> {
  const out = new Set<number>();
  const t = s.replace(/[^\u4e00-\u9fa5A-Za-z]/g, '');
  for (let i = 0; i + 1 < t.length; i++) out.add(t.charCodeAt(i) * 0x10000 + t.charCodeAt(i + 1));
  return out;
}

/**
 * A figure restated later (a headline repeated in the body, a timetable restating a pledge)
 * is kept once, at its first place, with the most informative qualifier.
 */
function dropRestatements(cands: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const byValue = new Map<string, Candidate[]>(); // only figures of the same value and unit can be twins
  const grams = new Map<Candidate, Set<number>>(); // made only for figures that have a possible twin
  const gramsOf = (c: Candidate) => grams.get(c) ?? grams.set(c, bigrams(c.context)).get(c)!;
  const shareBigram = (a: Candidate, b: Candidate) => {
    const other = gramsOf(b);
    for (const g of gramsOf(a)) if (other.has(g)) return true;
    return false;
  };
  let restatedStart: { twin: Candidate; sentence: number; unit: string } | null = null;
  for (const c of cands) {
    const key = `${c.value}|${c.unit}`;
    const same = byValue.get(key);
    const twin = same?.find(
      (k) =>
        k.value === c.value &&
        k.unit === c.unit &&
        k.kind === c.kind &&
        // Another department's row may quote a figure word for word (a GDP restated under income): still one figure.
        (k.department === c.department || k.department === null || c.department === null || (k.text === c.text && k.text.length >= 6)) &&
        shareBigram(k, c) &&
        // A share such as 100% is stated of many things: only the same words make it a restatement.
        (c.unit !== '%' || k.text === c.text || dice(tidyLabel(k.label), tidyLabel(c.label)) >= 0.5),
    );
    if (twin) {
      twin.qualifier = strongerQualifier(twin.qualifier, c.qualifier);
      twin.department ??= c.department;
      // A restated start of a change (由原来的341项压缩到41项): its end changes the figure first stated.
      if (c.changeFrom) restatedStart = { twin, sentence: c.sentence, unit: c.unit };
      continue;
    }
    if (restatedStart && restatedStart.sentence === c.sentence && restatedStart.unit === c.unit) c.changeBase = restatedStart.twin;
    restatedStart = null;
    kept.push(c);
    if (same) same.push(c);
    else byValue.set(key, [c]);
  }
  return kept;
}

/** A short stable id from the figure's value, unit and span. */
export function metricId(value: number, unit: string, text: string): string {
  let h = 0x811c9dc5;
  h = fnv1aByCodePoint(h, String(value));
  h = fnv1aByCodePoint(h, '|');
  h = fnv1aByCodePoint(h, unit);
  h = fnv1aByCodePoint(h, '|');
  h = fnv1aByCodePoint(h, text);
  return 'm' + h.toString(36);
}

/** FNV-1a over a string's code points, continuing from `h` (by code point, as the ids already written were made). */
function fnv1aByCodePoint(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    h ^= c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function extractMetrics(view: TextView, ctx: MetricContext): Metric[] {
  const text = view.text;
  const now = ctx.time.year;
  const forwardLooking = looksAhead(ctx.time);
  const actualYear = resultYear(ctx.time);
  const plannedYear = targetYear(ctx.time);
  const tokens = scanNumbers(text);
  const out: Candidate[] = [];
  let tokenAt = 0;
  const doc = readDocument(text, ctx, now);
  const cells = doc.tableCells;
  const pipeColumns = doc.pipeColumns;
  for (const { line, item, department: lineDepartment, sectionYear, topic: sectionTopic, mentions: lineMentions, subjects } of doc.lines) {
    // Tokens are in text order: walk them alongside the lines instead of filtering per line.
    while (tokenAt < tokens.length && tokens[tokenAt]!.start < line.start) tokenAt++;
    const lineTokens: NumberToken[] = [];
    for (let k = tokenAt; k < tokens.length && tokens[k]!.start < line.end; k++) if (tokens[k]!.end <= line.end) lineTokens.push(tokens[k]!);
    if (lineTokens.length === 0) continue;
    const sentences = sentencesOf(line);
    const clauses: Segment[][] = []; // by sentence, split when a figure needs them
    const eligibility: boolean[] = [];
    let lastSpanEnd = line.start;
    let words: Intl.Segments | undefined; // the line's words, segmented once when a label needs them

    for (let ti = 0; ti < lineTokens.length; ti++) {
      const t = lineTokens[ti]!;
      // What follows the number first: most numbers (dates, bare numbers) stop here, before any search of their sentence.
      const rest = text.slice(t.end, line.end);
      const inner = /^(余|多)/.exec(rest)?.[0] ?? '';
      const afterInner = rest.slice(inner.length);
      if (TIME_UNITS.test(afterInner)) continue;
      const ratio = /^\s*:\s*(\d+(?:\.\d+)?)/.exec(rest);
      const written = readUnit(afterInner);
      if (!ratio && !written) continue;
      if (isNotAFigure(text, line, t)) continue;
      const si = enclosingIndex(sentences, t.start);
      const sentence = sentences[si]!;
      eligibility[si] ??= ELIGIBILITY.test(sentence.text);
      if (eligibility[si]) continue;
      const clause = enclosingSegment((clauses[si] ??= clausesOf(sentence)), t.start);
      const sub = subclauseStart(text, clause.start, t.start);
      if (/^[^,,;;。]*\+/.test(text.slice(t.end, clause.end))) continue; // 1个中心+N个驿站: a model, not a count

      // Unit, qualifier and the span's end.
      let unit: string;
      let unitLength: number;
      let value = t.value;
      if (ratio && /比/.test(text.slice(clause.start, t.start))) {
        unit = 'ratio';
        unitLength = ratio[0].length;
        value = t.value; // 8∶1 is read as 8 (to one), as the guideline does
        ti++; // the second number belongs to the ratio
      } else {
        if (!written) continue;
        unit = written.unit;
        unitLength = written.length;
      }
      // 每户安装1个 is a per-unit rule, not a total; but 平均每 is an average, 每人每月800元 a standard
      // and 每千人口3.9人 a rate.
      if (/(?<!平均)每(?![\d一二三四五六七八九十百千万])/.test(text.slice(sub, t.start)) && unit !== '元' && !unit.startsWith('元/')) continue;
      // 每人每月285元 is a monthly standard: its unit is 元/月, as if written 285元/月.
      if (unit === '元' && /每(人|户)?每?月(?:由|从)?$/.test(text.slice(sub, t.start).replace(/(提高|提升|增加|调整)?(到|至|为)$/, ''))) unit = '元/月';
      // 每人每月119元、99元: the figures listed after a monthly standard are monthly standards too.
      const before = out[out.length - 1];
      if (unit === '元' && before?.unit === '元/月' && listedAfter(text, before, t.start, 0)) unit = '元/月';
      const unitEnd = t.end + inner.length + unitLength;
      const q = readQualifier(text.slice(sub, t.start), inner, text.slice(unitEnd, line.end));
      const spanEnd = unitEnd + q.after;

      // Year and kind.
      const inSentence = yearOf(lineMentions, sentence, t, lineTokens);
      const explicit = inSentence ?? sectionYear;
      const shift = inSentence === null ? baselineShift(sentence, t, text) : 0;
      const yearRelation = explicit === null || now === null ? null : explicit < now ? -1 : explicit > now ? 1 : 0;
      const kind = classifyKind({
        clauseBefore: text.slice(clause.start, t.start),
        clauseAfter: text.slice(spanEnd, clause.end),
        sentenceBefore: text.slice(sentence.start, t.start),
        unit,
        plan: ctx.plan,
        forwardLooking,
        yearRelation,
        taskLine: !!ctx.taskReport && TASK_LINE.test(line.text),
        column: pipeColumns && line.text.includes('|') ? pipeColumn(line, t.start, pipeColumns) : undefined,
      });
      const base = explicit ?? (kind === 'target' ? plannedYear : actualYear);
      const year = base === null ? null : kind === 'target' ? base : base + shift;

      // Label and span: the span runs from the label's last words (a whole word, ≤ 10 characters) to the qualifier after the unit.
      const labelFrom = subclauseStart(text, clause.start, t.start - q.before);
      const read = labelFor(text, labelFrom, t.start - q.before, text.slice(spanEnd, line.end), text.slice(sentence.start, labelFrom));
      const { start: labelStart, fromSuffix, nounLength = 0 } = read;
      // A short quoted name just before the words (“时光守护”床位, “无申即享”事项) is part of what is counted;
      // the span stays after the quotation mark.
      const quoted =
        !fromSuffix &&
        labelFrom === labelStart &&
        !/^(等|和|及|与)/.test(read.label) &&
        /“([^“”,,。]{2,10})”$/.exec(text.slice(Math.max(0, labelFrom - 12), labelFrom));
      const label = quoted ? quoted[1] + read.label : read.label;
      // Spans never overlap, so each can be marked in the text on its own.
      const spanStart = Math.max(
        lastSpanEnd,
        fromSuffix ? t.start - q.before : wordStartWithin((words ??= segmenter.segment(line.text)), line, labelStart, t.start - q.before, 10),
      );
      const nextStart = lineTokens[ti + 1]?.start ?? line.end;
      const spanStop = Math.min(Math.max(spanEnd, nextStart), spanEnd + (fromSuffix ? Math.min(nounLength, 6) : 0));
      lastSpanEnd = spanStop;
      const original = originalSpan(view, spanStart, spanStop);
      const span = original.slice(original.lastIndexOf('\n') + 1);

      // 分别提高到不低于740元/月和485元/月: the second figure shares the first one's qualifier.
      const previous = out[out.length - 1];
      let qualifier = q.qualifier;
      if (
        qualifier === 'exact' &&
        previous &&
        previous.end <= t.start &&
        /^(和|、|及|与)$/.test(text.slice(previous.end, t.start)) &&
        /分别/.test(text.slice(clause.start, t.start))
      )
        qualifier = previous.qualifier;

      // A sentence inside the line may open with its own subject (…。市教育局要在…): the last before the figure.
      let department = lineDepartment;
      for (const s of subjects) if (s.at <= t.start) department = s.department;
      out.push({
        id: metricId(value, unit, span),
        value,
        unit,
        qualifier,
        kind,
        year,
        department,
        label:
          label ||
          listedLabel(text, out[out.length - 1], t.start) ||
          fallbackLabel(text.slice(clause.start, clause.end), unit, text.slice(sentence.start, clause.start)),
        text: span,
        start: t.start,
        end: spanEnd,
        context: label + text.slice(spanEnd, clause.end).slice(0, 30),
        sentence: sentence.start,
        item,
        changeFrom: startsChange(sentence, t, text),
        clauseText: text.slice(clause.start, clause.end),
        sentenceText: sentence.text,
        section: sectionTopic,
      });
    }
  }
  // Table cells are figures of their own rows: no restatements of each other, whatever their labels share.
  const fromTables: Candidate[] = cells.map((cell) => {
    const span = originalSpan(view, cell.line.start, cell.line.end).trim();
    const year = cell.kind === 'target' ? plannedYear : actualYear;
    const department = cell.department ? departmentList(cell.department, ctx) : null;
    return {
      id: metricId(cell.value, cell.unit, span),
      value: cell.value,
      unit: cell.unit,
      qualifier: cell.qualifier,
      kind: cell.kind,
      year,
      department,
      label: cell.label,
      text: span,
      start: cell.line.start,
      end: cell.line.end,
      context: cell.label,
      sentence: cell.row,
      item: cell.row,
      row: cell.label,
      clauseText: cell.label,
      sentenceText: cell.label,
    };
  });
  const all = fromTables.length ? [...dropRestatements(out), ...fromTables].sort((a, b) => a.start - b.start) : dropRestatements(out);
  const pledges = assignPledges(all);
  // A completion rate or a bare target takes the label of what its pledge counts.
  const labels = all.map((c) => tidyLabel(c.label));
  const saysNothing = (k: number) => GENERIC_LABEL.test(labels[k]!.replace(/^完成/, ''));
  all.forEach((c, i) => {
    if (pledges[i] && CHANGE_ONLY_LABEL.test(labels[i]!)) {
      // 提高到610元: the end of a change is named like its baseline (补助标准从580元…).
      const j = all.findIndex((_, k) => k !== i && pledges[k] === pledges[i] && !CHANGE_ONLY_LABEL.test(labels[k]!) && !saysNothing(k));
      if (j >= 0) labels[i] = labels[j]!;
      return;
    }
    const bare = c.kind === 'completion' ? GENERIC_LABEL.test(labels[i]!) : c.kind === 'target' && saysNothing(i);
    if (!pledges[i] || !bare) return;
    const j = all.findIndex((o, k) => k !== i && pledges[k] === pledges[i] && o.kind !== 'completion' && !saysNothing(k));
    if (j >= 0) labels[i] = pledgeLabel(c.kind, labels[j]!.replace(/^(新增|完成|实际|累计)/, ''));
  });
  // 15个农村幸福院建设已完成8个(53%): the rate in brackets after its result is that task's completion
  // rate, and the task's own figure (15个) counts the task, not what was done of it.
  all.forEach((c, i) => {
    const result = all[i - 1];
    if (!result || !pledges[i] || pledges[i - 1] !== pledges[i]) return;
    if (c.kind === 'completion' && /^\s*[((]\s*$/.test(text.slice(result.end, c.start))) labels[i] = pledgeLabel('completion', taskOf(labels[i - 1]!));
  });
  all.forEach((c, i) => {
    if (c.kind === 'target' && pledges[i] && all.some((o, k) => k > i && pledges[k] === pledges[i] && o.kind === 'actual')) labels[i] = taskOf(labels[i]!);
  });
  // 已新建62.675公里, 其中东营区完成26866户: a bare action names the thing of its pledge's other figures,
  // or of the figure before it in its sentence with the same unit.
  // A change's end with no pledge (分别提高到每人每月128元) is named like the figure before it.
  const bareAction = labels.map(isBareAction);
  const changeOnly = labels.map((l) => CHANGE_ONLY_LABEL.test(l));
  const nameless = (k: number) => bareAction[k] || changeOnly[k] || saysNothing(k);
  all.forEach((c, i) => {
    if (!bareAction[i] && !changeOnly[i]) return;
    let j = pledges[i] ? all.findIndex((_, k) => k !== i && pledges[k] === pledges[i] && !nameless(k)) : -1;
    if (j < 0)
      for (let k = i - 1; k >= 0 && all[k]!.sentence === c.sentence; k--)
        if (!nameless(k) && all[k]!.unit === c.unit) {
          j = k;
          break;
        }
    if (j >= 0) labels[i] = changeOnly[i] ? labels[j]! : (withObject(labels[i]!, labels[j]!) ?? labels[i]!);
  });
  // 把90所…创建任务分解到各县, 其中枣阳市37所、谷城县30所: each share counts what the whole does (the whole
  // may be a restatement kept once, so it is read where it stands).
  all.forEach((c, i) => {
    const before = text.slice(c.sentence, c.start);
    const breakdown = c.sentence + before.lastIndexOf('其中');
    const whole = out.findLast((o) => o.sentence === c.sentence && o.end <= breakdown && o.unit === c.unit);
    const share = whole && placeShare(labels[i]!, tidyLabel(whole.label), before);
    if (share) labels[i] = share;
  });
  // 扶持创业项目20个,带动就业1200人: what is driven is named by what drives it (a driver is never driven,
  // so its label is read as it stands).
  const driven = labels.map((l) => /^带动/.test(l) && l.length <= 6);
  const sameClauseChain = (from: number, to: number) => /^[^;;。]*$/.test(text.slice(from, to));
  all.forEach((c, i) => {
    if (!driven[i]) return;
    const k = i - 1;
    const chained = k >= 0 && sameClauseChain(all[k]!.end, c.start);
    let driver: string | null = null;
    if (chained) {
      const ok = !driven[k] && all[k]!.kind !== 'completion' && all[k]!.unit !== '%' && !bareAction[k] && !saysNothing(k);
      if (ok) driver = labels[k]!;
    } else {
      // The driver may be a restatement kept once (a third 扶持创业项目20个 in one sentence): read it where it stands.
      const restated = out.findLast((o) => o.end <= c.start && (k < 0 || o.start > all[k]!.end));
      if (restated && restated.unit !== '%' && restated.kind !== 'completion' && sameClauseChain(restated.end, c.start)) driver = tidyLabel(restated.label);
    }
    // Else what the clauses before it set up (建立就业帮扶集聚区,…,带动就业500人): its head noun.
    if (!driver && !chained) {
      const chunk = text
        .slice(Math.max(0, c.start - 160), c.start)
        .split(/[;;。]/)
        .pop()!;
      const setUp = [...chunk.matchAll(/(?:建立|建设|打造)([^,,;;。]{2,24})[,,]/g)].filter((m) => !/(方式|作用|机制|模式)$/.test(m[1]!)).pop();
      if (setUp) driver = setUp[1]!.split(/[的、]/).pop()!;
    }
    if (driver && driver.length >= 2) labels[i] = what(driver).replace(/^(扶持|支持|培育|引进|新建|建设)/, '') + labels[i];
  });
  // The figures of one pledge are about one thing: they share the topic their labels name (提高到610元
  // is about what its baseline's label says), else each keeps its own.
  // 教联体建设的学校达508所,占比为74.38% (…90286元,同比增长2.3%): a bare share or growth is of what the figure before it counts.
  all.forEach((c, i) => {
    const k = i - 1;
    const bare = /^(占比|比例|比重|增幅|增速|同比增长|同比下降)$/.exec(labels[i]!)?.[1];
    if (!bare || k < 0 || all[k]!.sentence !== c.sentence || all[k]!.unit === '%' || nameless(k)) return;
    if (sameClauseChain(all[k]!.end, c.start)) labels[i] = what(labels[k]!) + (bare === '比例' || bare === '比重' ? '占比' : bare);
  });
  // 由2022年末的8∶1降至4∶1: a change's start says when it stood there — 车桩比(2022年末), 优质园占比(上年).
  all.forEach((c, i) => {
    if (!c.changeFrom) return;
    const when = /[由从]([^,,;;。]{0,12})$/.exec(text.slice(c.sentence, c.start))?.[1]?.match(/\d{4}年(?:末|底)?|去年|上年|前期|原来|年初/)?.[0];
    if (when && !labels[i]!.includes(when)) labels[i] += `(${when === '去年' ? '上年' : when === '原来' ? '原' : when})`;
  });
  const topics = all.map((c, i) => topicOf(labels[i]!, c.clauseText, c.sentenceText, c.department, c.section ?? null, c));
  const pledgeTopic = new Map<string, Topic>();
  all.forEach((_, i) => {
    const key = pledges[i];
    const named = key && !pledgeTopic.has(key) ? namedTopic(labels[i]!) : null;
    if (key && named) pledgeTopic.set(key, named);
  });
  all.forEach((_, i) => {
    const t = pledges[i] ? pledgeTopic.get(pledges[i]!) : undefined;
    if (t) topics[i] = t;
  });
  // The same words can state two figures (a restatement under another department): ids stay unique.
  const used = new Map<string, number>();
  return all.map((c, i) => {
    const n = (used.get(c.id) ?? 0) + 1;
    used.set(c.id, n);
    // The metric without the candidate's working fields, its keys in the order files are written in.
    return {
      id: n === 1 ? c.id : `${c.id}-${n}`,
      value: c.value,
      unit: c.unit,
      qualifier: c.qualifier,
      kind: c.kind,
      year: c.year,
      department: c.department,
      label: labels[i]!,
      text: c.text,
      pledge: pledges[i] ?? null,
      topic: topics[i]!,
    };
  });
}
