/** A throw-away project for one benchmark size: the repository's code, a synthetic seeds/ and content/. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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

/**
 * Gives every `every`-th report a body with components (a <Figure> of its first figure), as
 * editors might: the bench then measures the MDX path among plain ones. Returns how many.
 */
export function addComponentBodies(root: string, every = 100): number {
  const dir = join(root, 'content/reports');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  let n = 0;
  files.forEach((f, i) => {
    if (i % every !== 0) return;
    const text = readFileSync(join(dir, f), 'utf8');
    const id = /^ {2}- \{id: ([^,]+),/m.exec(text)?.[1];
    if (!id) return;
    writeFileSync(join(dir, f), `${text.trimEnd()}\n\n编者按:本报告的一个数字 <Figure id="${id}" />。\n`);
    n++;
  });
  return n;
}
