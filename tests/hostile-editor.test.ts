/**
 * A hostile editor's payloads, each with what must and must not reach dist/: links and images
 * in a body, formulas in labels, script in a url, paths in slugs. The site is built from them and
 * opened in the real browser, where no dialog may ever open.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { preview, type PreviewServer } from 'astro';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build/site-build.ts';
import { checkContent } from '../src/ingest/check.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { RegistryError } from '../src/ingest/registry-files.ts';
import { parseReport, serializeReport } from '../src/ingest/report-file.ts';
import { launchBrowser, readDownload } from './helpers/site.ts';
import { edit, makeProject, makeWorkspace, reportFiles } from './helpers/workspace.ts';

/** Body payloads: the Markdown an editor writes, and the text a reader must still see. */
const BODY_PAYLOADS: Array<[string, string, string]> = [
  ['a javascript: link', '[点我看详情](javascript:alert(document.domain))', '点我看详情'],
  ['a javascript: autolink', '<javascript:alert(document.domain)>', 'javascript:alert(document.domain)'],
  ['a javascript: image', '![示意图](javascript:alert(1))', '示意图'],
  ['a data: link', '[下载附件](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', '下载附件'],
  ['a vbscript: link', '[旧系统](vbscript:msgbox(1))', '旧系统'],
  ['a mixed-case scheme', '[大小写](JaVaScRiPt:alert(1))', '大小写'],
  ['an entity-encoded scheme', '[实体编码](&#106;avascript:alert(1))', '实体编码'],
  ['raw HTML with a handler', '原文<img src=x onerror=alert(1)>到此', '原文到此'],
  ['a script element', '脚本之前<script>alert(1)</script>', '脚本之前'],
];
const SAFE_LINK = '[市政府网站](https://www.example.gov.cn/a.html)';

/** Labels that a spreadsheet would run as formulas. */
const FORMULA_LABELS = ['=HYPERLINK("https://example.org","点")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\t=1+1'];

const root = makeProject();
let slug = '';
let server: PreviewServer | undefined;
let browser: Browser | undefined;
let url = '';
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

beforeAll(async () => {
  const file = join(
    root,
    'content/reports',
    readdirSync(join(root, 'content/reports')).find((f) => f.startsWith('xinxiang'))!,
  );
  const doc = parseReport(readFileSync(file, 'utf8'));
  slug = doc.data.slug;
  doc.body += '\n' + [...BODY_PAYLOADS.map(([, md]) => md), SAFE_LINK].join('\n\n') + '\n';
  FORMULA_LABELS.forEach((label, i) => {
    doc.data.metrics[i]!.label = label;
  });
  writeFileSync(file, serializeReport(doc));
  expect(checkContent(root).filter((p) => p.severity !== 'warning')).toEqual([]);
  await buildSite({ root, outDir: 'out', full: true });
  server = await preview({ root, outDir: 'out', server: { host: '127.0.0.1', port: 4395 }, logLevel: 'error' });
  url = 'http://127.0.0.1:4395/';
  browser = await launchBrowser();
}, 240_000);

describe('links and images in a report body', () => {
  it.each(BODY_PAYLOADS)('%s renders as text, and no script runs', async (_, markdown, visible) => {
    const page = await browser!.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${url}reports/${slug}/`);
    const text = page.locator('.source-text');
    expect(await text.textContent()).toContain(visible);
    // Every link and image the body has points only at the web, mail or this site.
    const addresses = await text
      .locator('a[href], img[src], [src], [href]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''));
    for (const a of addresses) expect(a).toMatch(/^(https?:|mailto:|[^:]*$)/i);
    for (const el of await text.locator('a, img').all()) await el.click({ timeout: 2000 }).catch(() => {});
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('.source-text script, .source-text [onerror]').length)).toBe(0);
    await page.close();
    void markdown;
  });

  it('keeps a web link working', async () => {
    const page = await browser!.newPage();
    await page.goto(`${url}reports/${slug}/`);
    await expect(page.locator('.source-text a', { hasText: '市政府网站' }).getAttribute('href')).resolves.toBe('https://www.example.gov.cn/a.html');
    await page.close();
  });

  it('leaves no script address anywhere in the built pages', () => {
    const pages = readdirSync(join(root, 'out'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) expect(readFileSync(join(root, 'out', p), 'utf8')).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
  });
});

describe('labels that look like formulas', () => {
  it('are neutralised in every CSV with a leading quote, and kept exactly in the JSON', () => {
    for (const csv of [`data/reports/${slug}.csv`, 'data/xinxiang.csv.gz', 'data/metrics.csv.gz']) {
      const text = readDownload(join(root, 'out', csv));
      expect(text).toContain(`"'=HYPERLINK(""https://example.org"",""点"")"`);
      expect(text).toContain(`'+cmd|' /C calc'!A0`);
      expect(text).toContain(`'@SUM(1+1)`);
      expect(text).toContain(`'-2+3`);
      // No cell starts with a formula character.
      for (const line of text.split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+@]/);
    }
    // The pledges' CSV is written the same way: no cell of it starts a formula either.
    for (const line of readDownload(join(root, 'out/data/pledges.csv.gz')).split('\r\n'))
      for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+@]/);
    const json = JSON.parse(readDownload(join(root, 'out/data/xinxiang.json.gz'))) as Array<{ label: string }>;
    expect(json.map((r) => r.label)).toEqual(expect.arrayContaining(FORMULA_LABELS));
  });

  it('are explained on the downloads page', () => {
    expect(readFileSync(join(root, 'out/downloads/index.html'), 'utf8')).toMatch(/单引号/);
  });
});

/** Frontmatter and registry payloads that must be refused before anything is built or written. */
describe('addresses and paths in frontmatter and the registry', () => {
  it.each([['javascript:alert(1)'], ['JAVASCRIPT:alert(1)'], ['data:text/html,x'], ['//evil.example/x'], ['www.example.org']])(
    'a url %s is refused by check at its line',
    async (value) => {
      const ws = makeWorkspace(['002_211da1db43f6adac.txt']);
      await ingest({ root: ws });
      const file = reportFiles(ws)[0]!;
      edit(file, (t) => t.replace(/^outlet: (.*)$/m, `outlet: $1\nurl: '${value}'`));
      const problem = checkContent(ws).find((p) => p.message.startsWith('url'))!;
      expect(problem.message).toMatch(/https:\/\//);
      expect(readFileSync(file, 'utf8').split('\n')[problem.line - 1]).toMatch(/^url: /);
    },
  );

  it.each([['../../../minsheng-escape-r'], ['../../package'], ['a/b'], ['/etc/passwd'], ['Upper'], ['']])(
    'a report slug %j stops ingest before any file is read or written, at its line',
    async (bad) => {
      const ws = makeWorkspace(['002_211da1db43f6adac.txt']);
      await ingest({ root: ws });
      const file = reportFiles(ws)[0]!;
      edit(file, (t) => t.replace(/^slug: .*$/m, `slug: '${bad}'`));
      const before = readFileSync(file, 'utf8');
      const summary = await ingest({ root: ws });
      expect(summary.ok).toBe(false);
      expect(summary.problems[0]!.message).toMatch(/is not a slug/);
      expect(before.split('\n')[summary.problems[0]!.line - 1]).toMatch(/^slug: /);
      expect(existsSync(resolve(ws, 'content/generated', `${bad}.json`)) && bad !== '').toBe(false);
      expect(existsSync(join(dirname(ws), 'minsheng-escape-r.json'))).toBe(false);
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(checkContent(ws).some((p) => p.message.startsWith('slug'))).toBe(true);
    },
  );

  it.each([
    ['../../../x', /must be lower-case letters/],
    ['a/b', /must be lower-case letters/],
    ['search', /site's own pages/],
    ['data', /site's own pages/],
    ['wuhan', /slug "wuhan" is also/],
  ])('a city slug %j is refused by check at its line, and stops ingest', async (bad, message) => {
    const ws = makeWorkspace(['002_211da1db43f6adac.txt']);
    const cities = join(ws, 'content/registry/cities.yaml');
    edit(cities, (t) => t.replace(/^( {2}- name: 新乡市\n {4}slug: )xinxiang$/m, `$1'${bad}'`));
    const problems = checkContent(ws);
    const problem = problems.find((p) => p.file === 'content/registry/cities.yaml')!;
    expect(problem.message).toMatch(message);
    expect(readFileSync(cities, 'utf8').split('\n')[problem.line - 1]).toMatch(/slug: /);
    await expect(ingest({ root: ws })).rejects.toThrow(RegistryError);
    expect(existsSync(join(ws, 'content/reports'))).toBe(false);
  });
});
