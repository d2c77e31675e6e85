/**
 * Reading a report file: the YAML frontmatter between the two `---` lines, and the body after
 * them. One parser for ingest, check and the site, so the three never disagree on a file.
 *
 * The YAML is read with `yaml` (YAML 1.2): duplicate keys are errors, aliases are bounded (an
 * alias bomb is refused instead of exhausting memory), and every error carries the line it is
 * on, in file lines, with what to type to fix it.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/** A file that cannot be read as a report: the line (1-based, in the file) and what to do. */
export class FrontmatterError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** The file line (1-based) where the value at a key path is written (metrics.3.unit), or the nearest parent's. */
  lineOf(path: ReadonlyArray<string | number>): number;
}

/** Aliases one file may expand: a report needs none; anything near this is an attack or a mistake. */
const MAX_ALIASES = 50;

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

/** What to type, for the YAML mistakes editors make. */
function fixFor(code: string, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used to indent; YAML needs spaces: replace the tab with two spaces';
    case 'DUPLICATE_KEY':
      return 'the same key is written twice; delete one of the two lines';
    case 'MISSING_CHAR':
      return `${message.replace(/\.$/, '')}; close the quote (or remove the opening one)`;
    case 'BAD_INDENT':
      return `${message.replace(/\.$/, '')}; line the entry up with the ones above it, with spaces`;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `${message.replace(/\.$/, '')}; a value with ": " or "#" in it must be put in quotes`;
    default:
      return `${message.replace(/\.$/, '')}; fix the YAML between the --- lines`;
  }
}

/**
 * YAML notices an unclosed quote only where the file ends: the line to fix is the first one
 * whose quotes do not pair up (as a file line), or 0 when none is found.
 */
function unclosedQuoteLine(yamlText: string): number {
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const doubles = (lines[i]!.replace(/\\./g, '').match(/"/g) ?? []).length;
    const singles = (lines[i]!.replace(/"[^"]*"/g, '').match(/'/g) ?? []).length;
    if (doubles % 2 || singles % 2) return i + 2;
  }
  return 0;
}

export function parseReportFile(text: string): ParsedFile {
  const open = OPEN.exec(text);
  if (!open) throw new FrontmatterError(1, 'the file does not start with a --- line; a report begins with its frontmatter between two --- lines');
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) throw new FrontmatterError(1, 'the frontmatter has no closing --- line; add a line with --- after the last field');
  const yamlText = rest.slice(0, close.index);
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { uniqueKeys: true, lineCounter: counter, prettyErrors: true });
  const fileLine = (offset: number) => counter.linePos(offset).line + 1; // the opening --- is line 1
  const error = doc.errors[0];
  if (error) {
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const line = (error.code === 'MISSING_CHAR' && unclosedQuoteLine(yamlText)) || fileLine(error.pos[0]);
    throw new FrontmatterError(line, `the frontmatter does not parse: ${fixFor(error.code, message)}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new FrontmatterError(
      1,
      `the frontmatter does not parse: ${(e as Error).message.split('\n')[0]}; write the values out instead of using YAML aliases (*name)`,
    );
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new FrontmatterError(2, 'the frontmatter must be fields (title: …, slug: …), not a single value or a list');
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  return { data: data as Record<string, unknown>, body: afterClose.replace(/^\n+/, ''), lineOf: (path) => lineOfPath(doc, counter, path) };
}

/** A YAML file's lines by key path (cities.3.slug), for messages about its values. */
export function yamlLines(text: string): (path: ReadonlyArray<string | number>) => number {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  return (path) => lineOfPath(doc, counter, path) - 1; // no --- line before a plain YAML file
}

function lineOfPath(doc: Document, counter: LineCounter, path: ReadonlyArray<string | number>): number {
  const lineAt = (node: unknown) => (isNode(node) && node.range ? counter.linePos(node.range[0]).line + 1 : null);
  let node: unknown = doc.contents;
  let line = lineAt(node) ?? 2;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
      if (!pair) break;
      line = lineAt(pair.key) ?? line; // a field's line is its key's, even when its value is a block below
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
      node = node.items[step];
      line = lineAt(node) ?? line;
    } else break;
  }
  return line;
}
