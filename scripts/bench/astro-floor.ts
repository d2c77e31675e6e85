/**
 * The framework's floor for the benchmark: a bare Astro project (the same Astro, no
 * integrations) with as many plain Markdown pages as our build made, of the reports' own text.
 * Built in the same run as ours, so "ours ÷ floor" holds however fast the machine is that day.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A throw-away bare project with `pages` Markdown pages made from the bodies of `reportsDir`'s reports, in turn. */
export function makeFloorProject(repo: string, reportsDir: string, pages: number): string {
  const root = mkdtempSync(join(tmpdir(), 'minsheng-floor-'));
  symlinkSync(resolve(repo, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'astro-floor', private: true, type: 'module' }) + '\n');
  writeFileSync(
    join(root, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ devToolbar: { enabled: false } });\n",
  );
  const bodies = readdirSync(reportsDir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => readFileSync(join(reportsDir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  const dir = join(root, 'src/pages/p');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < pages; i++) writeFileSync(join(dir, `${i}.md`), `---\ntitle: 页面${i}\n---\n\n${bodies[i % bodies.length] ?? ''}`);
  return root;
}
