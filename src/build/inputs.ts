/**
 * What a build's output depends on, as hashes: the code and assets (any change means a full
 * build) and each city's reports (a change rebuilds that city's pages only).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../site/catalog.ts';
import { cjkFontFile } from '../site/cjk-font.ts';

const CODE = ['src', 'public', 'content/registry', 'astro.config.mjs', 'package-lock.json'];

function addTree(hash: ReturnType<typeof createHash>, path: string): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) addTree(hash, join(path, name));
    return;
  }
  hash.update(path).update('\0').update(readFileSync(path)).update('\0');
}

export function codeVersion(root: string): string {
  const hash = createHash('sha256');
  for (const p of CODE) addTree(hash, join(root, p));
  // The settings every page prints: its base path and address, and the repository it links to.
  // Whether a Chinese font is at hand decides whether charts offer a PNG.
  hash.update(`font=${cjkFontFile() ?? ''}\0`);
  for (const name of ['BASE_PATH', 'SITE_URL', 'REPO_URL', 'REPO_BRANCH']) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  return hash.digest('hex').slice(0, 16);
}

/** Per city: a hash of its reports' data and bodies, and its report slugs. */
export function cityInputs(catalog: Catalog, bodies: Map<string, string>): Record<string, { hash: string; reports: string[] }> {
  const out: Record<string, { hash: string; reports: string[] }> = {};
  for (const city of catalog.cities) {
    const hash = createHash('sha256');
    for (const r of [...city.reports].sort((a, b) => a.data.slug.localeCompare(b.data.slug))) {
      hash.update(JSON.stringify(r.data)).update(bodies.get(r.data.slug) ?? '');
    }
    out[city.slug] = { hash: hash.digest('hex').slice(0, 16), reports: city.reports.map((r) => r.data.slug).sort() };
  }
  return out;
}
