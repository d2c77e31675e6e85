/**
 * GitHub Pages publishes a site of at most 1 GB. A build that passes it still succeeds (the site
 * may be hosted elsewhere) but says so, with what to do, before a deploy fails at the upload.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PAGES_LIMIT_BYTES = 1e9;

export function siteBytes(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile()) n += s.size;
  }
  return n;
}

/** A warning when `dir` is larger than GitHub Pages publishes, or null. */
export function pagesLimitWarning(dir: string, bytes = siteBytes(dir)): string | null {
  if (bytes <= PAGES_LIMIT_BYTES) return null;
  return `warning: ${dir} is ${(bytes / 1e9).toFixed(2)} GB, more than GitHub Pages publishes (1 GB): publish one site per province (npm run build with a subset of content/), or host dist/ on object storage behind a CDN (see README, Scaling)`;
}
