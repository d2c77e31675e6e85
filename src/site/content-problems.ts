/**
 * Content problems found while `npm run dev` runs. The loader does not stop the dev server on a
 * broken report: it keeps the report's last good version and records the problem here; every
 * page then throws it, so Astro shows its error overlay naming the file and line, until the file
 * is fixed and saved. (The loader and the pages run in one process: the map lives on globalThis.)
 */
const KEY = Symbol.for('minsheng-report.content-problems');

export function contentProblems(): Map<string, string> {
  const g = globalThis as unknown as Record<symbol, Map<string, string>>;
  return (g[KEY] ??= new Map());
}

/** Throws the recorded problems, if there are any (pages call it in dev). */
export function throwContentProblems(): void {
  const problems = contentProblems();
  if (problems.size) throw new Error(`${[...problems.values()].join('\n')}\n(fix the file and save it: the page reloads by itself)`);
}
