/**
 * Reads a source text from disk into a JS string, whatever its encoding: UTF-8 (with or
 * without BOM), UTF-16, GBK/GB18030; repairs UTF-8 that was mis-decoded as GBK or Latin-1
 * (mojibake). Refuses empty and binary files with a message saying what to do.
 */
import { readFileSync, statSync } from 'node:fs';
import { decodeSource, type Decoded } from './decode.ts';

export type SourceRead = ({ ok: true } & Decoded) | { ok: false; error: string };

/**
 * The largest source read: a year's report is tens of kilobytes; a file this large is a dump of
 * many (it would take gigabytes to merge and a report page no one could open).
 */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/** The file's bytes, or an error message: for deciding whether a source changed without decoding it. */
export function readBytes(file: string): Buffer | string {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return 'not a file; give the path of a .txt source text';
    if (stat.size > MAX_SOURCE_BYTES)
      return `is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_SOURCE_BYTES / 1024 / 1024} MB a source may be; split it into one file per report`;
    return readFileSync(file);
  } catch (e) {
    return `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}

export function readSource(file: string): SourceRead {
  const bytes = readBytes(file);
  return typeof bytes === 'string' ? { ok: false, error: bytes } : decodeSource(bytes);
}
