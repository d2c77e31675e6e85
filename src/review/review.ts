/**
 * A pull request's content review: the content problems (as annotations) and, per report the
 * change touches, what changes for readers. Compares the working tree with where it left `base`
 * (git's merge base), so it reads the same in CI on a pull request and on an editor's laptop.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../ingest/check.ts';
import { REPORTS_DIR } from '../ingest/report-file.ts';
import { parseReportFile } from '../model/frontmatter.ts';
import type { Problem } from '../model/problem.ts';
import type { ReportFrontmatter } from '../model/report-schema.ts';
import { annotation } from './annotations.ts';
import { diffReport, type ReportChange } from './report-diff.ts';
import { reviewSummary } from './summary.ts';

export interface Review {
  changes: ReportChange[];
  problems: Problem[];
  annotations: string[];
  summary: string;
}

const git = (root: string, args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

/**
 * A version of a report as far as it can be read: a file whose frontmatter is broken still
 * counts (its problems are annotated), with whatever figures and pledges it holds.
 */
function readVersion(text: string | null): ReportFrontmatter | null {
  if (text === null) return null;
  let data: Record<string, unknown>;
  try {
    data = parseReportFile(text).data as Record<string, unknown>;
  } catch {
    data = {};
  }
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object' && typeof x.id === 'string') : []);
  return { ...data, title: typeof data.title === 'string' ? data.title : '', metrics: list(data.metrics), pledges: list(data.pledges) } as ReportFrontmatter;
}

/** The report files the change touches: changed since the merge base with `base`, and new files not yet added. */
function changedReports(root: string, mergeBase: string): string[] {
  const tracked = git(root, ['diff', '--name-only', '--no-renames', mergeBase, '--', REPORTS_DIR]).split('\n');
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', REPORTS_DIR]).split('\n');
  return [...new Set([...tracked, ...untracked])].filter((f) => f.endsWith('.mdx')).sort();
}

export function review(root: string, base: string): Review {
  const mergeBase = git(root, ['merge-base', base, 'HEAD']).trim();
  const before = (file: string) => {
    try {
      return git(root, ['show', `${mergeBase}:${file}`]);
    } catch {
      return null;
    }
  };
  const after = (file: string) => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : null);
  const changes = changedReports(root, mergeBase).map((f) => diffReport(f, readVersion(before(f)), readVersion(after(f))));
  const problems = checkContent(root);
  return { changes, problems, annotations: problems.map(annotation), summary: reviewSummary(changes, problems) };
}
