/** A throw-away project for one benchmark size: the repository's code, a synthetic seeds/ and content/. */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SyntheticText } from './corpus.ts';

const LINKED = ['src', 'public', 'node_modules', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'scripts'];

export function makeWorkspace(repo: string, texts: SyntheticText[]): string {
  const root = mkdtempSync(join(tmpdir(), 'minsheng-bench-'));
  for (const name of LINKED) symlinkSync(resolve(repo, name), join(root, name));
  cpSync(join(repo, 'content/registry'), join(root, 'content/registry'), { recursive: true });
  mkdirSync(join(root, 'seeds'));
  for (const t of texts) writeFileSync(join(root, 'seeds', t.name), t.text);
  return root;
}
