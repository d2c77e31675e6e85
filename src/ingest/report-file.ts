/** Reading and writing report files (MDX with YAML frontmatter) and their generated bases. */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import matter from 'gray-matter';
import { writeFileAtomic } from './atomic-write.ts';
import { FrontmatterError, parseReportFile } from '../model/frontmatter.ts';
import type { GeneratedBase, ReportData, ReportDoc } from '../model/report-data.ts';
import { contentFile } from '../model/safe-path.ts';

export const REPORTS_DIR = 'content/reports';
/** Last generated version of each report, the base of the three-way merge. Committed with the reports. */
export const GENERATED_DIR = 'content/generated';

export function serializeReport(doc: ReportDoc): string {
  // One metric per line keeps editors' diffs readable.
  return matter.stringify(doc.body, doc.data, { lineWidth: -1, flowLevel: 2 } as never);
}

/** A report file's frontmatter and body; throws FrontmatterError (with the file line) when it does not parse. */
export function parseReport(text: string): ReportDoc {
  const parsed = parseReportFile(text);
  return { data: parsed.data as unknown as ReportData, body: parsed.body };
}

/** The key a file's text is cached and compared by (to tell whether it changed since it was read). */
export const textHash = (text: string | Buffer) => createHash('sha1').update(text).digest('base64');

/** A report as read: its document, file and a hash of the file's text (a cache key). */
export interface ReportOnDisk extends ReportDoc {
  file: string;
  hash: string;
}

/**
 * Parsed reports by content hash, kept between runs in .cache/: ingest, check and build each
 * read every report, and parsing YAML is most of that cost, so a file is parsed only when its
 * bytes changed. Stored with v8.serialize, which keeps what YAML gives exactly (dates too).
 */
const PARSE_CACHE = '.cache/parsed-reports.v8';
const PARSE_CACHE_VERSION = 2; // raise it when parseReport, or the shape it returns, changes

function openParseCache(root: string): Map<string, ReportDoc> {
  try {
    const stored = deserialize(readFileSync(join(root, PARSE_CACHE))) as { version: number; docs: Map<string, ReportDoc> };
    if (stored.version === PARSE_CACHE_VERSION && stored.docs instanceof Map) return stored.docs;
  } catch {
    /* no cache yet, or an unreadable one: parse everything */
  }
  return new Map();
}

/** Every report file, by file name. A file that does not parse is reported with its line, not skipped silently. */
export function readReports(root: string, onError: (file: string, line: number, message: string) => void): ReportOnDisk[] {
  const dir = join(root, REPORTS_DIR);
  if (!existsSync(dir)) return [];
  const cached = openParseCache(root);
  const kept = new Map<string, ReportDoc>();
  let parsed = 0;
  const out: ReportOnDisk[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.mdx') || n.endsWith('.md'))
    .sort()) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const key = textHash(text);
    let doc = cached.get(key);
    if (!doc) {
      try {
        doc = parseReport(text);
        parsed++;
      } catch (e) {
        if (!(e instanceof FrontmatterError)) throw e;
        onError(file, e.line, e.message);
        continue;
      }
    }
    // Two files with the same bytes must not share one object.
    out.push({ file, hash: key, ...(kept.has(key) ? structuredClone(doc) : doc) });
    kept.set(key, doc);
  }
  // Written before anyone can change the documents handed out; only when it changed.
  if (parsed || kept.size !== cached.size) writeFileAtomic(join(root, PARSE_CACHE), serialize({ version: PARSE_CACHE_VERSION, docs: kept }));
  return out;
}

/** The line where a key path is written in a report file (for a message), or 1 when the file does not parse. */
export function lineIn(file: string, path: Array<string | number>): number {
  try {
    return parseReportFile(readFileSync(file, 'utf8')).lineOf(path);
  } catch {
    return 1;
  }
}

/** Where a report's generated base is; throws UnsafePathError for a slug that is not a slug. */
export function baseFile(root: string, slug: string): string {
  return contentFile(root, GENERATED_DIR, slug, '.json');
}

export function readBase(root: string, slug: string): GeneratedBase | null {
  const file = baseFile(root, slug);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as GeneratedBase;
  } catch {
    return null; // a damaged base is no base: the merge then keeps every field of the report
  }
}

/**
 * What a base says about the source it was made from, read from the first bytes of the file
 * (bases are written with these two fields first), so that deciding whether a source changed
 * does not parse every base. A base written in another order is read whole.
 */
export function readBaseStamp(root: string, slug: string): Pick<GeneratedBase, 'sourceHash' | 'extractorVersion' | 'seed'> | null {
  const file = baseFile(root, slug);
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(512);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head.subarray(0, n).toString('utf8');
  const source = /^\{\s*"sourceHash":\s*"([^"]*)",\s*"extractorVersion":\s*"([^"]*)",\s*"seed":\s*("(?:[^"\\]|\\.)*")/.exec(text);
  if (source) return { sourceHash: source[1]!, extractorVersion: source[2]!, seed: JSON.parse(source[3]!) as string };
  const base = readBase(root, slug);
  return base && { sourceHash: base.sourceHash, extractorVersion: base.extractorVersion, seed: base.seed };
}
