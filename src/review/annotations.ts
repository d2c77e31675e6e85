/**
 * Content problems as GitHub Actions workflow commands (`::error file=…,line=…::message`), so a
 * pull request shows each one on the changed file and line. The same problems `npm run check`
 * prints as file:line, escaped as the runner's command parser expects.
 */
import type { Problem } from '../model/problem.ts';

/** A command's message: %, CR and LF are escaped (workflow-commands docs, "escaping data"). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A property value also escapes the characters that separate properties. */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function annotation(p: Problem): string {
  const command = p.severity === 'warning' ? 'warning' : 'error';
  const title = p.severity === 'warning' ? '内容提醒 (content warning)' : '内容问题 (content problem)';
  return `::${command} file=${escapeProperty(p.file)},line=${p.line},title=${escapeProperty(title)}::${escapeData(p.message)}`;
}
