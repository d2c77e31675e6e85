/** A problem in content, as `npm run check`, ingest and build print it: file:line: what is wrong; how to fix it. */
export interface Problem {
  file: string;
  line: number;
  message: string;
  /** A warning is printed but does not stop a build; an error (the default) does. */
  severity?: 'error' | 'warning';
}

export const isError = (p: Problem) => p.severity !== 'warning';

export const formatProblem = (p: Problem) => `${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
