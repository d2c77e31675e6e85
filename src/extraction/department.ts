/**
 * How a figure's department is decided. Nearest first: a note on the figure's own line
 * ((牵头单位:…), 〔责任单位:…〕), then the note its item carries on a line of its own
 * (责任单位:…, before or after the item's figures), or its table row's department cell; else the
 * department the text last made current, by a heading naming it or by it speaking as the subject
 * (市人社局党组书记…介绍). Names are given in full through the registry and keep their level
 * (区教委 → 区教育委员会); a name the registry does not know is kept as written.
 */
import { departmentAt, findDepartments, isCityShortName, mayNameDepartment, resolveDepartment } from './registry.ts';
import { isHeading, startsItem, type Segment } from './structure.ts';
import type { Registry } from './types.ts';

export interface DepartmentContext {
  registry: Registry;
  city: string | null;
}

/** A table cell that is a department's name and nothing else. */
export const DEPARTMENT_CELL = /^[\u4e00-\u9fa5]{2,16}(局|委|委员会|办公室|管理处|中心|工会|妇联|残联)$/;

const LEAD_UNITS = /[((〔【[]\s*(?:牵头|责任|主责|实施|承办)(?:单位|部门)\s*[::]\s*([^))〕】\]]+)[))〕】\]]/;

/** A note of its own line naming who answers for an item: 责任单位:区教委、新城投资公司. */
const NOTE_LINE = /^\s*(?:牵头|责任|主责|实施|承办)(?:单位|部门)\s*[::]\s*([^\n]+?)\s*$/;

/**
 * The header of a flattened table with a column for who leads each row, its cells run together
 * (类别序号重点督办内容牵头单位全年完成情况): each row after it names its department between the task
 * and its result (…增长6%左右。区财政局西城区一般公共预算收入…).
 */
const LEAD_COLUMN_HEADER = /^(?=[^,,。;;::\d]{6,40}$).*(序号|内容|任务|事项).*(牵头|责任|主责)(单位|部门)/;

/** The department a flattened row names right after its task's sentence ends. */
const rowDepartment = (line: Segment, ctx: DepartmentContext) => sentenceSubjects(line, ctx)[0]?.department ?? null;

const SPEAKER_AFTER = /^(党组|局长|副局长|主任|副主任|负责人|相关负责人|党委|书记|作为|通过|将|全力|努力|首创|推出|成立|坚持|围绕|聚焦|就|以)/;

/** Departments named in the line's (牵头单位:…) note, as full names. */
export function leadDepartments(lineText: string, ctx: DepartmentContext): string | null {
  const m = LEAD_UNITS.exec(lineText);
  return m ? departmentList(m[1]!, ctx) : null;
}

/** 区教委、新城投资公司 → 区教育委员会、新城投资公司: each name in full, at its own level. */
export function departmentList(names: string, ctx: DepartmentContext): string | null {
  // Not a body: 各县(市、区)人民政府 (everyone), or a list's remainder in brackets.
  let list = names
    .replace(/[((][^))]*[))]/g, '')
    .split(/[、,,;;]/)
    .map((s) => s.replace(/[。.]$/, '').trim())
    .filter((n) => n.length >= 2 && !/^各|[((]/.test(n));
  // A county's government beside the city's departments carries the work out; the departments answer for it.
  if (list.some((n) => !/政府$/.test(n))) list = list.filter((n) => !/[区县市]人民政府$/.test(n));
  return [...new Set(list.map((n) => resolveDepartment(n, ctx.registry, ctx.city).name))].join('、') || null;
}

/**
 * Who answers for each line, from the notes an item carries on a line of its own (责任单位:…,
 * before or after the item's figures): the note holds for the whole item, from its numbered line
 * to the next one. Lines of items without a note have none here.
 */
export function itemDepartments(all: Segment[], ctx: DepartmentContext): Map<Segment, string> {
  const out = new Map<Segment, string>();
  let item: Segment[] = [];
  let note: string | null = null;
  let leadColumn = false;
  const close = () => {
    if (note) for (const l of item) if (!out.has(l)) out.set(l, note);
    item = [];
    note = null;
  };
  for (const line of all) {
    if (startsItem(line)) close();
    item.push(line);
    const m = NOTE_LINE.exec(line.text) ?? LEAD_UNITS.exec(line.text);
    if (LEAD_COLUMN_HEADER.test(line.text.trim())) leadColumn = true;
    else if (leadColumn && !m && !line.text.includes('|')) {
      const name = rowDepartment(line, ctx);
      if (name) out.set(line, name);
      continue;
    }
    if (m) note ??= departmentList(m[1]!, ctx);
    else if (line.text.includes('|')) {
      // A flattened table row with a department cell (1 | 浙有善育 | 新增托位525个 | 卫生健康局 | …).
      const cell = line.text
        .split('|')
        .map((c) => c.trim())
        .find((c) => DEPARTMENT_CELL.test(c));
      if (cell) note ??= departmentList(cell, ctx);
    }
  }
  close();
  return out;
}

/**
 * The departments that open a sentence after the line's first (…。市教育局要在11月底…,
 * …。呼和浩特市住建局将…, a flattened row's …。区财政局…), with where each sentence starts.
 */
export function sentenceSubjects(line: Segment, ctx: DepartmentContext): Array<{ at: number; department: string }> {
  const out: Array<{ at: number; department: string }> = [];
  const text = line.text;
  for (let i = text.indexOf('。'); i >= 0 && i + 1 < text.length; i = text.indexOf('。', i + 1)) {
    // The city may stand before the department: 呼和浩特市住建局.
    const city = /^([\u4e00-\u9fa5]{2,4})市/.exec(text.slice(i + 1, i + 7));
    const skip = city && isCityShortName(city[1]!, ctx.registry) ? city[0].length : 0;
    const name = departmentAt(text, i + 1 + skip, ctx.registry, ctx.city);
    if (name) out.push({ at: line.start + i + 1, department: name });
  }
  return out;
}

/** 市民政局和财政局(联合发文): departments joined by 和/、/与 speak together. */
function jointSubject(found: ReturnType<typeof findDepartments>, i: number, text: string): string {
  const names = [found[i]!.entry.name];
  for (let k = i + 1; k < found.length && found[k]!.start === found[k - 1]!.end + 1 && /[和、与及]/.test(text[found[k - 1]!.end]!); k++)
    names.push(found[k]!.entry.name);
  return [...new Set(names)].join('、');
}

/** The department a line makes current: a headline naming it, or it speaking as the subject. */
export function speakerDepartment(line: Segment, ctx: DepartmentContext): string | null {
  if (!mayNameDepartment(line.text, ctx.registry, ctx.city)) return null;
  const found = findDepartments(line.text, ctx.registry, ctx.city);
  if (!found.length) return null;
  if (isHeading(line.text)) return found[0]!.entry.name;
  for (const f of found) {
    // The city may stand before the department: 新乡市教育局, 襄阳市发展和改革委员会.
    const before = line.text
      .slice(0, f.start)
      .replace(/[\u4e00-\u9fa5]{2,4}市$/, '')
      .replace(/^.*?([\u4e00-\u9fa5]{2,4})$/, (all, name: string) => (isCityShortName(name, ctx.registry) ? all.slice(0, -name.length) : all));
    const after = line.text.slice(f.end);
    if (SPEAKER_AFTER.test(after) || before === '' || /[,,。:;\s]$/.test(before)) return jointSubject(found, found.indexOf(f), line.text);
  }
  return null;
}
