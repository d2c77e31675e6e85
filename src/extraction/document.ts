/**
 * The document model: the text read once into lines, each carrying the context the blocks around it
 * give it — its item (a numbered item or a table row), the department a note names for it or its item,
 * the department its section speaks for (a heading naming one, or one speaking as the subject), the
 * year its section opens with, the topic its heading names — and the cells of the text's flattened
 * tables with their columns. The modules that read a figure's attributes (year.ts, department.ts,
 * topic.ts, kind.ts) read them from its line's context; metrics.ts puts the figures together.
 */
import { itemDepartments, leadDepartments, sentenceSubjects, speakerDepartment, type DepartmentContext } from './department.ts';
import { yearMentions, type YearMention } from './dates.ts';
import { isHeading, itemStarts, lines, TASK_LINE, type Segment } from './structure.ts';
import { pipeHeader, tableCells, type Column, type TableCell } from './tables.ts';
import { headingTopic, type Topic } from './topic.ts';
import { openingYear } from './year.ts';

export interface LineContext {
  line: Segment;
  /** Where the line's item starts: the figures of one item can be one pledge. */
  item: number;
  /** The department answering for the line: a note on it or on its item, else its section's. */
  department: string | null;
  /** The year its section opens with (2024年,市人社部门将…), if any. */
  sectionYear: number | null;
  /** The topic its heading names, if any. */
  topic: Topic | null;
  /** The years named in the line. */
  mentions: YearMention[];
  /**
   * Departments that open a sentence inside the line as its subject (…。市教育局要在11月底新建…),
   * by where they start: a figure after one answers to it. Empty when a note names the line's department.
   */
  subjects: Array<{ at: number; department: string }>;
}

export interface DocumentModel {
  lines: LineContext[];
  /** The figures of tables flattened to one cell per line (see tables.ts). */
  tableCells: TableCell[];
  /** The columns of a pipe table's header, when the text has one. */
  pipeColumns: Array<Column | null> | null;
}

export function readDocument(text: string, ctx: DepartmentContext, now: number | null): DocumentModel {
  const all = lines(text);
  const mentions = yearMentions(text, now);
  const noted = itemDepartments(all, ctx);
  const items = itemStarts(all);
  const out: LineContext[] = [];
  let speaking: string | null = null;
  let sectionYear: number | null = null;
  let topic: Topic | null = null;
  let mentionAt = 0;
  for (const line of all) {
    const heading = isHeading(line.text);
    if (heading || (TASK_LINE.test(line.text) && line.text.length <= 40)) topic = headingTopic(line.text) ?? (heading ? null : topic);
    const lead = leadDepartments(line.text, ctx) ?? noted.get(line) ?? null;
    const speaker = lead ? null : speakerDepartment(line, ctx);
    if (speaker && speaker !== speaking) sectionYear = null; // a new department starts a new section
    if (speaker) speaking = speaker;
    while (mentionAt < mentions.length && mentions[mentionAt]!.index < line.start) mentionAt++;
    const own: YearMention[] = [];
    for (let k = mentionAt; k < mentions.length && mentions[k]!.index < line.end; k++) own.push(mentions[k]!);
    sectionYear = openingYear(own, line) ?? sectionYear;
    const subjects = lead ? [] : sentenceSubjects(line, ctx);
    out.push({ line, item: items.get(line) ?? line.start, department: lead ?? speaking, sectionYear, topic, mentions: own, subjects });
  }
  return { lines: out, tableCells: tableCells(all), pipeColumns: pipeHeader(all) };
}
