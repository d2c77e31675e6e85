/** Reading and writing report files (MDX with YAML frontmatter) and their generated bases. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { GeneratedBase, ReportData, ReportDoc } from './report-data.ts';

export const REPORTS_DIR = 'content/reports';
/** Last generated version of each report, the base of the three-way merge. Committed with the reports. */
export const GENERATED_DIR = 'content/generated';

export function serializeReport(doc: ReportDoc): string {
  // One metric per line keeps editors' diffs readable.
  return matter.stringify(doc.body, doc.data, { lineWidth: -1, flowLevel: 2 } as never);
}

export function parseReport(text: string): ReportDoc {
  const parsed = matter(text, {} as never);
  return { data: parsed.data as ReportData, body: parsed.content.replace(/^\n+/, '') };
}

export interface ReportOnDisk extends ReportDoc { file: string }

/** Every report file, by file name. A file that does not parse is reported, not skipped silently. */
export function readReports(root: string, onError: (file: string, message: string) => void): ReportOnDisk[] {
  const dir = join(root, REPORTS_DIR);
  if (!existsSync(dir)) return [];
  const out: ReportOnDisk[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx') || n.endsWith('.md')).sort()) {
    const file = join(dir, name);
    try {
      out.push({ file, ...parseReport(readFileSync(file, 'utf8')) });
    } catch (e) {
      onError(file, `the frontmatter does not parse: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return out;
}

export function baseFile(root: string, slug: string): string {
  return join(root, GENERATED_DIR, `${slug}.json`);
}

export function readBase(root: string, slug: string): GeneratedBase | null {
  const file = baseFile(root, slug);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as GeneratedBase;
}
