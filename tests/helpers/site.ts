/** Where the test builds live, and a browser and a static server to look at them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'astro';
import { chromium, type Browser } from 'playwright-core';

export const BUILDS = {
  root: { outDir: 'dist-test/root', base: '/' },
  base: { outDir: 'dist-test/base', base: '/minsheng-report/' },
} as const;

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
