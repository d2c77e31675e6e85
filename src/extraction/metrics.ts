/**
 * Finds the figures in a normalised text and reads each one: value, unit, qualifier,
 * kind, year, department, label and the exact source span.
 */
import { classifyKind } from './kind.ts';
import { originalSpan, type TextView } from './normalize.ts';
import { scanNumbers, type NumberToken } from './numbers.ts';
import { readQualifier, strongerQualifier } from './qualifiers.ts';
import { findDepartments, isCityShortName, mayNameDepartment, resolveDepartment } from './registry.ts';
import { clausesOf, isHeading, lines, sentencesOf, type Segment } from './structure.ts';
import { looksAhead, resultYear, targetYear, yearMentions, type DocumentTime, type YearMention } from './dates.ts';
import { tableCells } from './tables.ts';
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
}

/** A pipe table's header that names a target column and a progress column (省工作目标 | 牵头单位 | 1-6月进展情况). */
function hasPipeHeader(all: Segment[]): boolean {
  return all.some((l) => (l.text.match(/\|/g)?.length ?? 0) >= 3 && /目标|任务/.test(l.text) && /进展|进度|完成情况/.test(l.text) && !/\d{2,}/.test(l.text.replace(/\d+\s*[-—]\s*\d+月/g, '')));
}

/**
 * The column of a figure in a pipe table's row: before the row's department cell stands the
 * task (target), after it the progress (actual), as the header orders them.
 */
function pipeColumn(line: Segment, at: number): 'target' | 'actual' | undefined {
  const cells = line.text.split('|');
  let offset = line.start;
  let deptCell = -1;
  let figureCell = -1;
  cells.forEach((cell, i) => {
    if (deptCell < 0 && DEPARTMENT_CELL.test(cell.trim())) deptCell = i;
    if (at >= offset && at < offset + cell.length) figureCell = i;
    offset += cell.length + 1;
  });
  if (deptCell < 0 || figureCell < 0) return undefined;
  return figureCell < deptCell ? 'target' : 'actual';
}

/** A flattened table's row that starts a new item: 1 | 浙有善育 | … */
const TABLE_ROW_START = /^\s*\d+\s*\|/;
/** A table cell that is a department's name and nothing else. */
const DEPARTMENT_CELL = /^[\u4e00-\u9fa5]{2,16}(局|委|委员会|办公室|管理处|中心|工会|妇联|残联)$/;
/** A task's own numbered line: 1.城镇公益性岗位…, 二、…, (3)… */
const TASK_LINE = /^\s*(\d+[.、.]|[一二三四五六七八九十]+、|[((][\d一二三四五六七八九十]+[))])/;
const LEAD_UNITS = /[((〔【\[]\s*(?:牵头|责任|主责|实施|承办)(?:单位|部门)\s*[::]\s*([^))〕】\]]+)[))〕】\]]/;
/** A note of its own line naming who answers for an item: 责任单位:区教委、新城投资公司. */
const NOTE_LINE = /^\s*(?:牵头|责任|主责|实施|承办)(?:单位|部门)\s*[::]\s*([^\n]+?)\s*$/;
const SPEAKER_AFTER = /^(党组|局长|副局长|主任|副主任|负责人|相关负责人|党委|书记|作为|通过|将|全力|努力|首创|推出|成立|坚持|围绕|聚焦|就|以)/;
const FILLER = /^(其中|同时|此外|另外|目前|截至目前|截至今年\d*月?底?|截至\d+月底?|全市|全年|我市|今年|当年|共计|共有|累计|已经|已|并|还|均|都|和|及|以及|分别|为|对|在|将|把|达|达到|实现|新建和|\d{4}年(末|底)?|[,,、:: ])+/;
/** 1 for a clause or list break, 2 for a colon (no break before a digit: 8:1, 9:30), by UTF-16 code. */
const CLAUSE_BREAK = new Uint8Array(0x10000);
for (const ch of ',,;;、。!?“”《') CLAUSE_BREAK[ch.charCodeAt(0)] = 1;
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

function enclosingIndex(segs: Segment[], index: number): number {
  const i = segs.findIndex((s) => index >= s.start && index < s.end);
  return i < 0 ? segs.length - 1 : i;
}

function enclosingSegment(segs: Segment[], index: number): Segment {
  return segs[enclosingIndex(segs, index)]!;
}

/** True when the number stands inside a short quotation or a book title: “十个一”, “6+2”, 《…》. */
function insideName(line: string, at: number): boolean {
  for (const [open, close, max] of [['“', '”', 10], ['"', '"', 10], ['《', '》', 60]] as const) {
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

/** Departments named in the line's (牵头单位:…) note, as full names. */
function leadDepartments(lineText: string, ctx: MetricContext): string | null {
  const m = LEAD_UNITS.exec(lineText);
  return m ? departmentList(m[1]!, ctx) : null;
}

/** 区教委、新城投资公司 → 区教育委员会、新城投资公司: each name in full, at its own level. */
function departmentList(names: string, ctx: MetricContext): string | null {
  // Not a body: 各县(市、区)人民政府 (everyone), or a list's remainder in brackets.
  let list = names.replace(/[((][^))]*[))]/g, '').split(/[、,,;;]/).map((s) => s.replace(/[。.]$/, '').trim()).filter((n) => n.length >= 2 && !/^各|[((]/.test(n));
  // A county's government beside the city's departments carries the work out; the departments answer for it.
  if (list.some((n) => !/政府$/.test(n))) list = list.filter((n) => !/[区县市]人民政府$/.test(n));
  return [...new Set(list.map((n) => resolveDepartment(n, ctx.registry, ctx.city).name))].join('、') || null;
}

/**
 * Who answers for each line, from the notes an item carries on a line of its own (责任单位:…,
 * before or after the item's figures): the note holds for the whole item, from its numbered line
 * to the next one. Lines of items without a note have none here.
 */
function itemDepartments(all: Segment[], ctx: MetricContext): Map<Segment, string> {
  const out = new Map<Segment, string>();
  let item: Segment[] = [];
  let note: string | null = null;
  const close = () => { if (note) for (const l of item) out.set(l, note); item = []; note = null; };
  for (const line of all) {
    if (TASK_LINE.test(line.text) || TABLE_ROW_START.test(line.text)) close();
    item.push(line);
    const m = NOTE_LINE.exec(line.text) ?? LEAD_UNITS.exec(line.text);
    if (m) note ??= departmentList(m[1]!, ctx);
    else if (line.text.includes('|')) {
      // A flattened table row with a department cell (1 | 浙有善育 | 新增托位525个 | 卫生健康局 | …).
      const cell = line.text.split('|').map((c) => c.trim()).find((c) => DEPARTMENT_CELL.test(c));
      if (cell) note ??= departmentList(cell, ctx);
    }
  }
  close();
  return out;
}

/** The department a line makes current: a headline naming it, or it speaking as the subject. */
function speakerDepartment(line: Segment, ctx: MetricContext): string | null {
  if (!mayNameDepartment(line.text, ctx.registry, ctx.city)) return null;
  const found = findDepartments(line.text, ctx.registry, ctx.city);
  if (!found.length) return null;
  if (isHeading(line.text)) return found[0]!.entry.name;
  for (const f of found) {
    // The city may stand before the department: 新乡市教育局, 襄阳市发展和改革委员会.
    const before = line.text.slice(0, f.start).replace(/[\u4e00-\u9fa5]{2,4}市$/, '').replace(/^.*?([\u4e00-\u9fa5]{2,4})$/, (all, name: string) =>
      isCityShortName(name, ctx.registry) ? all.slice(0, -name.length) : all);
    const after = line.text.slice(f.end);
    if (SPEAKER_AFTER.test(after) || before === '' || /[,,。:;\s]$/.test(before)) return f.entry.name;
  }
  return null;
}

/**
 * The year a figure is about, when the text says: the nearest year named before it in its
 * sentence (a year in "由2022年末的8∶1" binds only the figure right after it).
 */
function yearOf(mentions: YearMention[], sentence: Segment, t: NumberToken, tokens: NumberToken[]): number | null {
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
function openingYear(mentions: YearMention[], line: Segment): number | null {
  const m = mentions.find((y) => y.index >= line.start && y.index - line.start <= 12 && !y.relative &&
    /^[,,]/.test(line.text.slice(y.end - line.start))); // "2022年9月" dates an event; "2024年," frames what follows
  return m ? m.year : null;
}

/** 由47%提升至62%: the first figure is the baseline, a year earlier unless the text says otherwise. */
const CHANGE_VERB = /^[^,,;;。]{0,12}?(提升|提高|增加|增长|下降|降低|减少|压缩|扩大|上升|降|增|升)(至|到|为)/;

function baselineShift(sentence: Segment, t: NumberToken, text: string): number {
  const before = text.slice(sentence.start, t.start);
  const after = text.slice(t.end, sentence.end);
  if (!/[由从][^,,;;。]{0,10}$/.test(before) || !CHANGE_VERB.test(after)) return 0;
  return /(前期|原来|此前|以前|之前)[^,,;;。]{0,4}$/.test(before) ? 0 : -1;
}

interface Label { label: string; start: number; fromSuffix: boolean }

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The start of the first whole word within `max` characters before `end` (spans never begin mid-word). */
function wordStartWithin(words: Intl.Segments, line: Segment, from: number, end: number, max: number): number {
  if (end - from <= max) return from;
  // The first word boundary at or after `max` characters before the end.
  const at = end - max - line.start;
  const word = words.containing(at);
  const start = !word ? end - line.start : word.index === at ? at : word.index + word.segment.length;
  return line.start + Math.min(start, end - line.start);
}

/** What is counted: the words before the figure in its clause, or the noun after it (258家企业). */
function labelFor(text: string, from: number, to: number, after: string): Label {
  const raw = text.slice(from, to);
  const lead = FILLER.exec(raw)?.[0].length ?? 0;
  let label = raw.slice(lead).replace(/(达到|达|为|是|的|共|约|近|超过|超|有)$/, '');
  const spoken = /^[\u4e00-\u9fa5]{1,6}(介绍|表示|说),?/.exec(label);
  const start = from + lead + (spoken ? spoken[0].length : 0);
  if (spoken) label = label.slice(spoken[0].length);
  // An earlier figure in the same words (向1.1万家企业发放…资金): keep what follows it.
  if (/\d/.test(label)) {
    const tail = label.replace(/^.*\d/, '').replace(/^[万亿千百]?[^\u4e00-\u9fa5]*[\u4e00-\u9fa5]?(\/[\u4e00-\u9fa5·]+)*[和及与、]?/, '');
    label = tail.length >= 2 ? tail : label.replace(/^[((]?\d+[.、))]/, '').replace(/[\d.].*$/, '');
  }
  label = label.replace(/(不低于|不少于|不超过|超过)$/, '').replace(/(分别)?(提高|提升|增加|稳定在|达到|达)(到|至)?$/, '') || label;
  const suffixMatch = /^(的)?([^\d,,;;。、()()“”]{1,12})/.exec(after);
  const suffix = suffixMatch ? suffixMatch[2]!.replace(/(发放|实现|提供|开展|参与|达到|投入|入选|开工|完工|学会|得到|回流|分流|下沉|纳入|获得).*$/, '') : '';
  // A bare verb before the figure (扶持2700名创业人员) reads better with the noun after it.
  if (label.length >= 2 && label.length <= 4 && suffix.length >= 2 && !/(率|数|量|额|比|金|费|款)$/.test(label)) {
    return { label: label + suffix, start, fromSuffix: false };
  }
  if (label.length >= 2) return { label: label.length > 18 ? label.slice(-18) : label, start, fromSuffix: false };
  return { label: suffix || label, start: to, fromSuffix: true };
}

/** When neither side of a figure names what it counts: the clause's words, or the unit's. */
function fallbackLabel(clause: string, unit: string): string {
  const words = clause.replace(/[\d.,,;;。%、:()()“”]+/g, '').replace(FILLER, '').slice(0, 12);
  return words.length >= 2 ? words : `${unit === '%' ? '比例' : unit === 'ratio' ? '比值' : '数量'}`;
}

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
  for (const c of cands) {
    const key = `${c.value}|${c.unit}`;
    const same = byValue.get(key);
    const twin = same?.find((k) => k.value === c.value && k.unit === c.unit && k.kind === c.kind &&
      (k.department === c.department || k.department === null || c.department === null) &&
      shareBigram(k, c));
    if (twin) {
      twin.qualifier = strongerQualifier(twin.qualifier, c.qualifier);
      twin.department ??= c.department;
      continue;
    }
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
      if (low >= 0xdc00 && low <= 0xdfff) { c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000; i++; }
    }
    h ^= c; h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function extractMetrics(view: TextView, ctx: MetricContext): Metric[] {
  const text = view.text;
  const now = ctx.time.year;
  const forwardLooking = looksAhead(ctx.time);
  const actualYear = resultYear(ctx.time);
  const plannedYear = targetYear(ctx.time);
  const mentions = yearMentions(text, now);
  const tokens = scanNumbers(text);
  const out: Candidate[] = [];
  let currentDept: string | null = null;
  let sectionYear: number | null = null;
  let tokenAt = 0;
  let mentionAt = 0;

  const textLines = lines(text);
  const byItem = itemDepartments(textLines, ctx);
  const cells = tableCells(textLines);
  const pipeColumns = hasPipeHeader(textLines);
  for (const line of textLines) {
    const lead = leadDepartments(line.text, ctx) ?? byItem.get(line) ?? null;
    const speaker = lead ? null : speakerDepartment(line, ctx);
    if (speaker && speaker !== currentDept) sectionYear = null; // a new department starts a new section
    if (speaker) currentDept = speaker;
    while (mentionAt < mentions.length && mentions[mentionAt]!.index < line.start) mentionAt++;
    const lineMentions: YearMention[] = [];
    for (let k = mentionAt; k < mentions.length && mentions[k]!.index < line.end; k++) lineMentions.push(mentions[k]!);
    sectionYear = openingYear(lineMentions, line) ?? sectionYear;
    const department = lead ?? currentDept;
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
      if (eligibility[si] ??= ELIGIBILITY.test(sentence.text)) continue;
      const clause = enclosingSegment(clauses[si] ??= clausesOf(sentence), t.start);
      const sub = subclauseStart(text, clause.start, t.start);
      if (/^[^,,;;。]*\+/.test(text.slice(t.end, clause.end))) continue; // 1个中心+N个驿站: a model, not a count

      // Unit, qualifier and the span's end.
      let unit: string;
      let unitLength: number;
      let value = t.value;
      if (ratio && /比/.test(text.slice(clause.start, t.start))) {
        unit = 'ratio'; unitLength = ratio[0].length;
        value = t.value; // 8∶1 is read as 8 (to one), as the guideline does
        ti++; // the second number belongs to the ratio
      } else {
        if (!written) continue;
        unit = written.unit; unitLength = written.length;
      }
      // 每户安装1个 is a per-unit rule, not a total; but 平均每 is an average, 每人每月800元 a standard
      // and 每千人口3.9人 a rate.
      if (/(?<!平均)每(?![\d一二三四五六七八九十百千万])/.test(text.slice(sub, t.start)) && unit !== '元' && !unit.startsWith('元/')) continue;
      // 每人每月285元 is a monthly standard: its unit is 元/月, as if written 285元/月.
      if (unit === '元' && /每(人|户)?每?月(?:由|从)?$/.test(text.slice(sub, t.start).replace(/(提高|提升|增加|调整)?(到|至|为)$/, ''))) unit = '元/月';
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
        unit, plan: ctx.plan, forwardLooking, yearRelation,
        taskLine: !!ctx.taskReport && TASK_LINE.test(line.text),
        column: pipeColumns && line.text.includes('|') ? pipeColumn(line, t.start) : undefined,
      });
      const base = explicit ?? (kind === 'target' ? plannedYear : actualYear);
      const year = base === null ? null : kind === 'target' ? base : base + shift;

      // Label and span: the span runs from the label's last words (a whole word, ≤ 10 characters) to the qualifier after the unit.
      const labelFrom = subclauseStart(text, clause.start, t.start - q.before);
      const { label, start: labelStart, fromSuffix } = labelFor(text, labelFrom, t.start - q.before, text.slice(spanEnd, line.end));
      // Spans never overlap, so each can be marked in the text on its own.
      const spanStart = Math.max(lastSpanEnd, fromSuffix ? t.start - q.before : wordStartWithin(words ??= segmenter.segment(line.text), line, labelStart, t.start - q.before, 10));
      const nextStart = lineTokens[ti + 1]?.start ?? line.end;
      const spanStop = Math.min(Math.max(spanEnd, nextStart), spanEnd + (fromSuffix ? Math.min(label.length, 6) : 0));
      lastSpanEnd = spanStop;
      const original = originalSpan(view, spanStart, spanStop);
      const span = original.slice(original.lastIndexOf('\n') + 1);

      // 分别提高到不低于740元/月和485元/月: the second figure shares the first one's qualifier.
      const previous = out[out.length - 1];
      let qualifier = q.qualifier;
      if (qualifier === 'exact' && previous && previous.end <= t.start && /^(和|、|及|与)$/.test(text.slice(previous.end, t.start)) &&
        /分别/.test(text.slice(clause.start, t.start))) qualifier = previous.qualifier;

      out.push({
        id: metricId(value, unit, span), value, unit, qualifier, kind, year, department,
        label: label || fallbackLabel(text.slice(clause.start, clause.end), unit), text: span, start: t.start, end: spanEnd,
        context: label + text.slice(spanEnd, clause.end).slice(0, 30),
      });
    }
  }
  // Table cells are figures of their own rows: no restatements of each other, whatever their labels share.
  const fromTables: Candidate[] = cells.map((cell) => {
    const span = originalSpan(view, cell.line.start, cell.line.end).trim();
    const year = cell.kind === 'target' ? plannedYear : actualYear;
    const department = cell.department ? departmentList(cell.department, ctx) : null;
    return { id: metricId(cell.value, cell.unit, span), value: cell.value, unit: cell.unit, qualifier: cell.qualifier, kind: cell.kind, year, department, label: cell.label, text: span, start: cell.line.start, end: cell.line.end, context: cell.label };
  });
  const all = fromTables.length ? [...dropRestatements(out), ...fromTables].sort((a, b) => a.start - b.start) : dropRestatements(out);
  // The same words can state two figures (a restatement under another department): ids stay unique.
  const used = new Map<string, number>();
  return all.map((c) => {
    const n = (used.get(c.id) ?? 0) + 1;
    used.set(c.id, n);
    // The metric without the candidate's working fields, its keys in the order files are written in.
    return {
      id: n === 1 ? c.id : `${c.id}-${n}`, value: c.value, unit: c.unit, qualifier: c.qualifier, kind: c.kind,
      year: c.year, department: c.department, label: c.label, text: c.text,
    };
  });
}
