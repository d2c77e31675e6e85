/** Writes a file so that readers see the old content or the new, never half of it. */
import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export interface WriteGuard {
  /** Create the file only if no file is there yet (atomically: two writers cannot both create it). */
  exclusive?: boolean;
  /** Checked right before the file is replaced: false leaves the file as it is (someone changed it since it was read). */
  onlyIf?: () => boolean;
}

const TEMP = /^\.(.+)\.(\d+)\.tmp$/;

/** Writes `content` to `file` through a temporary file; false when a guard kept the file as it was. */
export function writeFileAtomic(file: string, content: string | Uint8Array, guard: WriteGuard = {}): boolean {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    if (guard.exclusive) {
      try {
        linkSync(tmp, file); // fails with EEXIST if the file appeared meanwhile
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e;
      }
      return true;
    }
    if (guard.onlyIf && !guard.onlyIf()) return false;
    renameSync(tmp, file);
    return true;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Whether a process with this pid runs (one of another user's counts too). */
export const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes temporary files that a killed writer left in `dir` (those of live processes stay); returns their names. */
export function removeStaleTemps(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const m = TEMP.exec(name);
    if (!m || (Number(m[2]) !== process.pid && isProcessAlive(Number(m[2])))) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
