/**
 * When each report file last changed, from git at build time: one `git log` over the reports
 * folder (not one process a report). Without git, or outside a repository, nothing is known and
 * pages show nothing (a shallow clone knows only its commits: the dates are then the clone's).
 */
import { execFileSync } from 'node:child_process';

export interface LastChange {
  date: string;
  commit: string;
}

const cache = new Map<string, Map<string, LastChange>>();

/** Report file (content/reports/x.mdx) → its last commit's date (YYYY-MM-DD) and short hash. */
export function lastChanges(root = '.', dir = 'content/reports'): Map<string, LastChange> {
  const key = `${root}\0${dir}`;
  const known = cache.get(key);
  if (known) return known;
  const out = new Map<string, LastChange>();
  try {
    const log = execFileSync('git', ['-C', root, 'log', '--format=%x00%cs %h', '--name-only', '--no-renames', '--', dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    for (const entry of log.split('\0').slice(1)) {
      const [head, ...files] = entry.split('\n').filter(Boolean);
      const [date, commit] = head!.split(' ') as [string, string];
      for (const f of files) if (!out.has(f)) out.set(f, { date, commit }); // newest first: the first seen is the last change
    }
  } catch {
    // no git, or not a repository: no dates
  }
  cache.set(key, out);
  return out;
}
