/**
 * Flattened tables: a page's table that lost its markup, one cell per line. A header names the
 * columns (目标任务 / 市级牵头责任单位 / 进度 / 完成目标(%) / 备注); each row is a label with its unit
 * in brackets (城镇新增就业(人)) followed by its cells. A bare number in a cell has no unit of its
 * own: its column says what it is (target, result, completion) and its row what it counts.
 */
import { DEPARTMENT_CELL } from './department.ts';
import { parseNumber } from './numbers.ts';
import type { Segment } from './structure.ts';
import type { Kind } from './types.ts';

export interface TableCell {
  /** The line the number stands on (the whole cell). */
  line: Segment;
  value: number;
  unit: string;
  kind: Kind;
  /** What the row counts: its label without the unit (城镇新增就业). */
  label: string;
  /** Where the row's label line starts: the cells of one row share it. */
  row: number;
  /** The row's responsible bodies as written (市人力资源社会保障局), or the last row's when the cell was merged. */
  department: string | null;
  /** 低于 / 不低于 in the row label: the target's qualifier. */
  qualifier: 'exact' | 'at-most' | 'at-least';
}

export type Column = Kind | 'department' | 'other';

/** What a header cell says its column holds. */
function columnOf(text: string): Column | null {
  if (/完成目标|完成比例|完成率|占目标|完成.*%/.test(text)) return 'completion';
  if (/牵头|责任单位|责任部门|承办/.test(text)) return 'department';
  if (/目标|任务数|计划数|年度任务/.test(text)) return 'target';
  if (/进度|进展|完成数|完成情况|实际完成|累计完成/.test(text)) return 'actual';
  if (/备注|项目|内容|名称|序号|工程|^\(%\)$/.test(text)) return 'other';
  return null;
}

const NUMBER_CELL = /^\s*(\d+(?:\.\d+)?)\s*$/;
/** A row's label: what it counts, its unit in brackets at the end (城镇新增就业(人), 城镇登记失业率低于(%)). */
const ROW_LABEL =
  /^\s*(?:\d+\*?\s+)?((?=[^()]*[\u4e00-\u9fa5])[^()]{2,60}?)\s*\((人次|人|户|个|家|所|套|座|公里|千米|万元|亿元|元|%|平方米|万平方米|亩|张|条|次|场|项|台|辆|吨)\)\s*$/;
const DEPARTMENT_END = /(局|委|委员会|办公室|办|中心|政府|团市委|妇联|总工会|残联|公司|集团)、?$/;
const STATUS = /^(超额完成|已完成|未完成|基本完成|达到时间进度|正在推进|推进中|序时推进)$/;

/** The number columns of a table, in order, from its header lines; null when the lines hold no such header. */
function header(lines: Segment[], at: number): { columns: Column[]; end: number } | null {
  const columns: Column[] = [];
  let i = at;
  for (; i < lines.length && i < at + 16; i++) {
    const text = lines[i]!.text.trim();
    if (text.length > 12 || ROW_LABEL.test(text) || NUMBER_CELL.test(text)) break;
    const c = columnOf(text);
    if (c && c !== 'other' && columns[columns.length - 1] !== c) columns.push(c);
  }
  const numeric = columns.filter((c) => c !== 'department');
  return numeric.includes('target') && numeric.length >= 2 ? { columns, end: i } : null;
}

/** The figures in the flattened tables of a text's lines, and the lines they were read from. */
export function tableCells(lines: Segment[]): TableCell[] {
  const out: TableCell[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = header(lines, i);
    if (!head) continue;
    const numeric = head.columns.filter((c) => c !== 'department') as Kind[];
    let department: string | null = null; // a merged cell holds for the rows below it
    let row: { label: string; unit: string; qualifier: TableCell['qualifier']; cells: TableCell[]; dept: string[]; start: number } | null = null;
    const endRow = () => {
      if (!row) return;
      if (row.dept.length) department = row.dept.join('');
      for (const cell of row.cells) out.push({ ...cell, department });
      row = null;
    };
    let j = head.end;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const text = line.text.trim();
      if (text.length > 80) break; // prose again: the table is over
      const label = ROW_LABEL.exec(text);
      if (label) {
        endRow();
        const name = label[1]!.replace(/^\d+\*\s*/, '').trim(); // a row number marked 9* runs into its label; 2014级… is the label
        const qualifier = /不低于|不少于|以上$/.test(name) ? 'at-least' : /低于|不超过|以下$|控制在/.test(name) ? 'at-most' : 'exact';
        row = { label: name.replace(/(不低于|不少于|低于|不超过|控制在)$/, ''), unit: label[2]!, qualifier, cells: [], dept: [], start: line.start };
        continue;
      }
      if (!row) continue;
      const number = NUMBER_CELL.exec(text);
      const kind = numeric[row.cells.length];
      if (number) {
        if (!kind) continue;
        const written = kind === 'completion' ? '%' : row.unit;
        // 万元, 亿元, 万平方米: the magnitude goes into the number, parsed exactly as any other (no float drift).
        const magnitude = /^[万亿](?=.)/.exec(written)?.[0] ?? '';
        row.cells.push({
          line,
          value: parseNumber(number[1] + magnitude)!,
          unit: written.slice(magnitude.length),
          kind,
          label: row.label,
          row: row.start,
          department: null,
          qualifier: kind === 'target' ? row.qualifier : 'exact',
        });
        continue;
      }
      // A department's name between the row's numbers, perhaps wrapped over two cells (市人力资源 / 社会保障局).
      if (
        kind &&
        row.cells.length > 0 &&
        text.length <= 20 &&
        !STATUS.test(text) &&
        (DEPARTMENT_END.test(text) || row.dept.length || /^(市|区|县|州)/.test(text))
      )
        row.dept.push(text);
    }
    endRow();
    i = j;
  }
  return out;
}

/** A pipe table's header that names a target column and a progress column (省工作目标 | 牵头单位 | 1-6月进展情况). */
/** The columns of a pipe table's header (序号 | 项目 | 省工作目标 | 牵头单位 | 1-6月进展情况 | …), or null when no line is one. */
export function pipeHeader(all: Segment[]): Array<Column | null> | null {
  const line = all.find(
    (l) =>
      (l.text.match(/\|/g)?.length ?? 0) >= 3 &&
      /目标|任务/.test(l.text) &&
      /进展|进度|完成情况/.test(l.text) &&
      !/\d{2,}/.test(l.text.replace(/\d+\s*[-—]\s*\d+月/g, '')),
  );
  return line ? cellsOf(line.text).map((c) => columnOf(c.trim())) : null;
}

/** A row's cells, without the empty ones a flattened table leaves at the end (… | 7月底 | ||). */
function cellsOf(text: string): string[] {
  const cells = text.split('|');
  while (cells.length && !cells[cells.length - 1]!.trim()) cells.pop();
  return cells;
}

/**
 * The column of a figure in a pipe table's row. A full row (as many cells as the header) is read
 * by its header. A row whose first cells were merged into the row above has fewer: its task stands
 * before its department cell and its progress after it; without a department cell, the row's first
 * figure is the task and the rest its progress (the order the header gives the two).
 */
export function pipeColumn(line: Segment, at: number, header: Array<Column | null>): Kind | undefined {
  const cells = cellsOf(line.text);
  let offset = line.start;
  let deptCell = -1;
  let figureCell = -1;
  let firstFigureCell = -1;
  cells.forEach((cell, i) => {
    if (deptCell < 0 && DEPARTMENT_CELL.test(cell.trim())) deptCell = i;
    if (firstFigureCell < 0 && /\d/.test(cell)) firstFigureCell = i;
    if (at >= offset && at < offset + cell.length) figureCell = i;
    offset += cell.length + 1;
  });
  if (figureCell < 0) return undefined;
  const byHeader = cells.length === header.length ? header[figureCell] : null;
  if (byHeader === 'target' || byHeader === 'actual' || byHeader === 'completion') return byHeader;
  const targetFirst = header.indexOf('target') >= 0 && header.indexOf('target') < header.indexOf('actual');
  if (!targetFirst) return undefined;
  if (deptCell >= 0) return figureCell < deptCell ? 'target' : 'actual';
  return figureCell === firstFigureCell ? 'target' : 'actual';
}
