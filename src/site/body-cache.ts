/**
 * Rendered report bodies, one HTML file per content digest under Astro's cache folder.
 * They are kept out of Astro's data store on purpose: a build bundles the whole store into
 * a JavaScript module, so every byte in it is parsed by Rollup and held in memory; the
 * bodies are most of those bytes. A report page reads its own body, and only its own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const folder = (cacheDir: URL | string) => join(typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir), 'report-bodies');
const file = (cacheDir: URL | string, digest: string) => join(folder(cacheDir), `${digest}.html`);

/** The digests whose bodies are in the cache. */
export function renderedBodies(cacheDir: URL | string): Set<string> {
  return existsSync(folder(cacheDir)) ? new Set(readdirSync(folder(cacheDir)).map((name) => name.replace(/\.html$/, ''))) : new Set();
}

export function saveRenderedBody(cacheDir: URL | string, digest: string, html: string): void {
  mkdirSync(folder(cacheDir), { recursive: true });
  writeFileSync(file(cacheDir, digest), html);
}

export function readRenderedBody(cacheDir: URL | string, digest: string, source: string): string {
  const path = file(cacheDir, digest);
  if (!existsSync(path))
    throw new Error(`${source}: its rendered text (${path}) is missing from the cache; run the build again, or delete .cache/ to start afresh`);
  return readFileSync(path, 'utf8');
}

/** Deletes the bodies of the digests in `cached` that are not in `keep`. */
export function pruneRenderedBodies(cacheDir: URL | string, cached: Set<string>, keep: Set<string>): void {
  for (const digest of cached) if (!keep.has(digest)) rmSync(file(cacheDir, digest), { force: true });
}
