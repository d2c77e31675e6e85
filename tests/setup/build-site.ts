/**
 * Builds the site once for the tests that need it: at the root (dist-test/root) and under
 * a GitHub Pages project base path (dist-test/base). Both from the committed content.
 */
import { execFileSync } from 'node:child_process';
import { BUILDS } from '../helpers/builds.ts';

/** The environment of a child build: vitest's own import.meta.env values (BASE_URL=/ …) must not leak into Astro's. */
function buildEnv(base: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST|NODE_ENV)$/.test(k)) env[k] = v;
  return { ...env, BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' };
}

export default function setup(): void {
  for (const b of Object.values(BUILDS)) {
    execFileSync('node_modules/.bin/tsx', ['scripts/build.ts', '--skip-ingest', '--full', '--out', b.outDir], {
      env: buildEnv(b.base),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}
