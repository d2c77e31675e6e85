/** Where the test builds live, and a browser and a static server to look at them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { preview, type PreviewServer } from 'astro';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { BUILDS } from './builds.ts';

export { BUILDS };

/**
 * A download as its reader gets it: gzip unpacked. Told by its first bytes, not its name: a
 * browser saves a download under a name of its own, and a server that sends a .gz file
 * gzip-encoded has it saved unpacked.
 */
export function readDownload(file: string): string {
  const bytes = readFileSync(file);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

export function readBuilt(build: keyof typeof BUILDS, path: string): string {
  return readFileSync(join(BUILDS[build].outDir, path), 'utf8');
}

export async function serve(build: keyof typeof BUILDS, port: number): Promise<{ server: PreviewServer; url: string }> {
  const { outDir, base } = BUILDS[build];
  const server = await preview({ root: '.', outDir, base, server: { host: '127.0.0.1', port }, logLevel: 'error' });
  return { server, url: `http://127.0.0.1:${port}${base}` };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Serves a build and opens a browser for the tests of one file; both are closed after them. */
export function useSite(build: keyof typeof BUILDS, port: number): { browser: Browser; url: string } {
  const site = { browser: undefined as unknown as Browser, url: '' };
  let server: PreviewServer | undefined;
  beforeAll(async () => {
    const served = await serve(build, port);
    server = served.server;
    site.url = served.url;
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await server?.stop();
  });
  return site;
}
