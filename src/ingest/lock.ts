/**
 * One ingest at a time per project folder: two ingests adding texts at once would pick the same
 * slug, or merge over each other. The lock is a file created exclusively, holding the owner's pid;
 * a lock whose process is gone (killed) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isProcessAlive } from './atomic-write.ts';

export const LOCK_FILE = 'content/.ingest.lock';

export class IngestBusyError extends Error {}

/** Takes the lock or throws IngestBusyError; returns the function that releases it. */
export function acquireIngestLock(root: string): () => void {
  const file = join(root, LOCK_FILE);
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = NaN;
    try {
      owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
    } catch {
      /* released meanwhile */
    }
    if (owner === process.pid || (Number.isInteger(owner) && isProcessAlive(owner))) {
      throw new IngestBusyError(
        `${LOCK_FILE}: another ingest (process ${owner}) is running in this folder; wait for it to finish and run again (if none is running, delete ${LOCK_FILE})`,
      );
    }
    rmSync(file, { force: true }); // left by a process that is gone
  }
  throw new IngestBusyError(`${LOCK_FILE}: could not take the ingest lock; run again`);
}
