/**
 * Turns plain source text into an MDX body that always compiles and shows the same
 * text: every line becomes a paragraph and every character MDX or Markdown would read
 * as syntax is escaped.
 */

/** ASCII punctuation that Markdown, GFM or MDX give a meaning to; a backslash makes each literal. */
const SPECIAL = /[\\`*_{}[\]<>|~&!#$^]/g;

export function escapeLine(line: string): string {
  let out = line.replace(/^[ \t]+/, '').replace(SPECIAL, (c) => `\\${c}`);
  // Line starts that Markdown reads as a block: lists, headings, quotes, rules, ESM.
  out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  out = out.replace(/^(import|export)\b/, (w) => `&#${w.charCodeAt(0)};${w.slice(1)}`);
  return out;
}

/** The MDX body for a source text: one paragraph per non-empty line. */
export function toMdxBody(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l) => l.trim())
      .map(escapeLine)
      .join('\n\n') + '\n'
  );
}
