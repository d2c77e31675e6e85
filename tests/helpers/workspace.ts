/** A throw-away project folder with the seeds and the registry, for ingest tests. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function makeWorkspace(seeds: string[] | 'all' = 'all'): string {
  const root = mkdtempSync(join(tmpdir(), 'minsheng-'));
  cpSync('content/registry', join(root, 'content/registry'), { recursive: true });
  const names = seeds === 'all' ? readdirSync('seeds').filter((f) => f.endsWith('.txt')) : seeds;
  for (const n of names) cpSync(join('seeds', n), join(root, 'seeds', n));
  return root;
}

export function reportFiles(root: string): string[] {
  return readdirSync(join(root, 'content/reports'))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => join(root, 'content/reports', f));
}

export function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** A project with this repository's code and content, where builds may write (the code is linked, the content copied). */
export function makeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'minsheng-build-'));
  for (const name of ['src', 'public', 'node_modules', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'scripts'])
    symlinkSync(resolve(name), join(root, name));
  for (const name of ['content', 'seeds']) cpSync(name, join(root, name), { recursive: true });
  return root;
}
