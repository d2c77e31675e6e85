/**
 * npm run dev as an editor uses it: a saved report shows its new figures within seconds; a broken
 * save shows Astro's error overlay naming the file and line, which clears once the file is fixed;
 * the server keeps running throughout, even when it starts with a broken file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/site.ts';
import { makeProject } from './helpers/workspace.ts';

const PORT = 4402;
const root = makeProject();
const file = join(
  root,
  'content/reports',
  readdirSync(join(root, 'content/reports')).find((f) => f.startsWith('xinxiang'))!,
);
const slug = /^slug: (.+)$/m.exec(readFileSync(file, 'utf8'))![1]!;
const pageUrl = `http://127.0.0.1:${PORT}/reports/${slug}/`;
const original = readFileSync(file, 'utf8');
let server: ChildProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let log = '';

/**
 * Polls until `check` passes, or fails with its last error after `ms`. Generous: beside the rest of
 * the suite on two cores, the dev server takes many seconds to compile a page anew.
 */
async function eventually(check: () => Promise<void>, ms = 25_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** The message of Astro's error overlay, or '' when there is none (the overlay fills in shortly after the page loads). */
async function overlayText(): Promise<string> {
  const read = () => page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector('#message-content')?.textContent ?? '');
  for (let i = 0; i < 10; i++) {
    const text = await read();
    if (text) return text;
    await page.waitForTimeout(200);
  }
  return '';
}
/** The environment an editor's shell has: without vitest's own variables, which make Vite run as under test (no error overlay). */
const editorEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
/**
 * Opens the report page. Now and then, right after a save, the dev server leaves one request for
 * the page unanswered (seen beside the rest of the suite; the next request is answered at once), so
 * an attempt gives up after a few seconds and `eventually` asks again, as an editor would press reload.
 */
const openReport = () => page.goto(pageUrl, { timeout: 8000 });
const heading = () => page.locator('h1').first().textContent({ timeout: 2000 });

beforeAll(async () => {
  // It starts with a broken file: it must come up all the same.
  writeFileSync(file, original.replace(/^title: .*$/m, 'title: "不完整的引号'));
  server = spawn(join(process.cwd(), 'node_modules/.bin/astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...editorEnv(), ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => {
    log += d;
  });
  server.stderr!.on('data', (d) => {
    log += d;
  });
  await eventually(async () => {
    if (!/ready in/.test(log)) throw new Error(`astro dev did not start:\n${log}`);
  }, 60_000);
  browser = await launchBrowser();
  page = await browser.newPage();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('starts with a broken report and shows the problem at its file and line', async () => {
    await eventually(async () => {
      await openReport();
      expect(await overlayText()).toMatch(new RegExp(`content/reports/${slug}\\.mdx:2: the frontmatter does not parse`));
    });
    expect(server!.exitCode).toBeNull();
  }, 45_000);

  it('shows the report again once the file is fixed, and an edit within seconds', async () => {
    writeFileSync(file, original.replace(/^title: .*$/m, 'title: 编辑改过的标题'));
    await eventually(async () => {
      await openReport();
      expect(await overlayText()).toBe('');
      expect(await heading()).toBe('编辑改过的标题');
    });
    writeFileSync(file, original.replace(/^title: .*$/m, 'title: 又改了一次').replace('value: 88000,', 'value: 88888,'));
    await eventually(async () => {
      await openReport();
      expect(await heading()).toBe('又改了一次');
      expect(await page.locator('table.metrics').textContent()).toMatch(/88,?888/);
    }, 15_000);
  }, 90_000);

  it('shows a schema problem of a saved edit at its line, and clears it when fixed', async () => {
    writeFileSync(file, original.replace('kind: actual', 'kind: done'));
    const line = original.split('\n').findIndex((l) => l.includes('kind: actual')) + 1;
    await eventually(async () => {
      await openReport();
      expect(await overlayText()).toMatch(new RegExp(`${slug}\\.mdx:${line}: metrics\\.\\d+\\.kind`));
    });
    writeFileSync(file, original);
    await eventually(async () => {
      await openReport();
      expect(await overlayText()).toBe('');
    });
    expect(server!.exitCode).toBeNull();
  }, 90_000);
});
