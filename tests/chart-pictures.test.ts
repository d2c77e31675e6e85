/**
 * A chart taken out of its page, as a reader, a journalist and a chat app take it: the SVG and
 * PNG a reader downloads, the embed page an <iframe> shows, and the picture a shared link shows.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cjkFontFile, fontForText } from '../src/site/cjk-font.ts';
import { BUILDS, readBuilt, useSite } from './helpers/site.ts';

const site = useSite('base', 4397);
// scripts/ensure-chromium.sh installs Debian's fonts-noto-cjk beside the browser: without it the
// site offers no PNG, which these tests would not be testing.
if (!cjkFontFile()) throw new Error("no Chinese font: install Debian's fonts-noto-cjk (bash scripts/ensure-chromium.sh)");
const { outDir, base } = BUILDS.base;
let page: Page;
beforeAll(async () => {
  page = await site.browser.newPage({ acceptDownloads: true });
});

/** Saves what a link downloads, as the reader's browser does. */
async function download(p: Page, link: ReturnType<Page['locator']>): Promise<{ file: string; name: string }> {
  const [saved] = await Promise.all([p.waitForEvent('download'), link.click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'minsheng-dl-')), saved.suggestedFilename());
  await saved.saveAs(file);
  return { file, name: saved.suggestedFilename() };
}

/** The mean difference of two images' grey levels (0: the same picture, 255: opposites). */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const grey = (png: Buffer) => sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const [x, y] = await Promise.all([grey(a), grey(b)]);
  expect([x.info.width, x.info.height]).toEqual([y.info.width, y.info.height]);
  let sum = 0;
  for (let i = 0; i < x.data.length; i++) sum += Math.abs(x.data[i]! - y.data[i]!);
  return sum / x.data.length;
}

const render = (svg: string, fontFiles: string[]) =>
  new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Noto Sans CJK SC' } }).render().asPng();

describe("a chart's pictures", () => {
  it('downloads as a standalone SVG with its title, bars and source line', async () => {
    await page.goto(new URL('xiangyang/hrss/', site.url).href);
    const chart = page.locator('figure.chart').first();
    const title = (await chart.locator('h3').textContent())!;
    const { file, name } = await download(page, chart.locator('.chart-links').getByRole('link', { name: 'SVG' }));
    expect(name).toMatch(/^xiangyang-hrss-[a-z0-9-]+\.svg$/);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
    expect(svg).toContain(`<title>${title}</title>`);
    expect(svg).toContain('来源:');
    expect(svg).not.toContain('var(--'); // the colours are in the file, not in the page's stylesheet
    const bars = await chart.locator('svg g.bar').count();
    expect(svg.match(/<g class="bar /g)?.length).toBe(bars);
  });

  it('downloads as a PNG twice the size of its SVG, with the Chinese text drawn, not boxes', async () => {
    await page.goto(new URL('xiangyang/', site.url).href);
    const chart = page.locator('figure.chart').first();
    const svgFile = (await download(page, chart.locator('.chart-links').getByRole('link', { name: 'SVG' }))).file;
    const { file, name } = await download(page, chart.locator('.chart-links').getByRole('link', { name: 'PNG' }));
    expect(name).toMatch(/\.png$/);
    const png = readFileSync(file);
    const svg = readFileSync(svgFile, 'utf8');
    const meta = await sharp(png).metadata();
    const [, w, h] = / width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 2 * w!, 2 * h!]);
    // The same SVG drawn with the whole system font looks the same; drawn with a Latin-only
    // font (every Chinese character a box, or nothing) it does not.
    const withCjk = await difference(png, render(svg, [cjkFontFile()!]));
    const latinOnly = await difference(png, render(svg, ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf']));
    expect(withCjk).toBeLessThan(1.5);
    expect(latinOnly).toBeGreaterThan(3 * withCjk + 1);
  });

  it("draws a department's units as one chart, offered as SVG and PNG like every chart, with an anchor per unit", async () => {
    const html = readBuilt('base', 'xiangyang/hrss/index.html');
    expect(html.match(/<figure class="chart"/g)).toEqual(['<figure class="chart"', '<figure class="chart"']); // completion, units
    const anchors = [...html.matchAll(/<svg id="(unit-[^"]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(1);
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const ext of ['svg', 'png']) expect(html).toContain(`download="xiangyang-hrss-units.${ext}"`);
    const svg = readFileSync(join(outDir, 'embed/xiangyang/hrss/units.svg'), 'utf8');
    const [, w, h] = / width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    const meta = await sharp(readFileSync(join(outDir, 'embed/xiangyang/hrss/units.png'))).metadata();
    expect([meta.width, meta.height]).toEqual([w, h]); // a long chart's PNG at its own size: its SVG is the sharp one
    // Every unit's picture is in the file, one under another, each with its bars.
    expect(svg.match(/<svg id="unit-/g)).toHaveLength(anchors.length);
    expect(existsSync(join(outDir, 'og/xiangyang/hrss.png'))).toBe(true);
  });

  it('is drawn once per content: the PNG in the build cache is named by the hash of its SVG', () => {
    const html = readBuilt('base', 'xiangyang/index.html');
    const png = /href="\/minsheng-report\/(embed\/[^"]+\.png)"/.exec(html)![1]!;
    const svg = readFileSync(join(outDir, png.replace(/\.png$/, '.svg')), 'utf8');
    const cached = join('.cache/charts', `${createHash('sha1').update(`2\0${svg}`).digest('hex')}.png`);
    expect(existsSync(cached)).toBe(true);
    expect(readFileSync(cached).equals(readFileSync(join(outDir, png)))).toBe(true);
  });
});

describe("a chart's embed page", () => {
  it('shows the chart with its title, summary and source, links back to it, runs no script', async () => {
    await page.goto(new URL('xiangyang/hrss/', site.url).href);
    const chart = page.locator('figure.chart').first();
    const id = (await chart.getAttribute('id'))!;
    const title = (await chart.locator('h3').textContent())!;
    const snippet = (await chart.locator('details.embed code').textContent())!;
    const src = /<iframe src="([^"]+)"/.exec(snippet)![1]!;
    expect(src).toMatch(new RegExp(`^https?://[^/]+${base}embed/xiangyang/hrss/[a-z0-9-]+\\.html$`));
    expect(snippet).toContain(`title="${title}"`);
    // The snippet in a page of someone else's: the iframe, pointed at this test's server.
    const local = src.replace(/^https?:\/\/[^/]+\//, `http://127.0.0.1:4397/`);
    await page.setContent(snippet.replace(src, local));
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('h1').textContent()).resolves.toBe(title);
    await expect(frame.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    await expect(frame.locator('img').getAttribute('alt')).resolves.toBe(await frame.locator('#summary').textContent());
    await expect(frame.locator('script').count()).resolves.toBe(0);
    await expect(frame.locator('.source').textContent()).resolves.toContain('来源:');
    const back = (await frame.getByRole('link', { name: /查看数据和原文/ }).getAttribute('href'))!;
    expect(decodeURIComponent(new URL(back).pathname + new URL(back).hash)).toBe(`${base}xiangyang/hrss/#${id}`);
  });

  it('is left out of the sitemap (the chart is found on its page)', () => {
    const sitemap = readBuilt('base', 'sitemap.xml');
    expect(sitemap).toContain('/xiangyang/hrss/');
    expect(sitemap).not.toContain('/embed/');
  });
});

describe('a shared link', () => {
  const pages = [
    '',
    'xiangyang/',
    'xiangyang/2024/', // a city's pledges of a year
    'xiangyang/hrss/',
    `reports/${readBuilt('base', 'xiangyang/index.html').match(/href="\/minsheng-report\/reports\/([a-z0-9-]+)\/"/)![1]}/`,
  ];
  it.each(pages)('of /%s shows its own picture: 800×420, at most 100 KB, with title and card tags', async (path) => {
    const html = readBuilt('base', `${path}index.html`);
    const meta = (name: string) => new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)"`).exec(html)?.[1];
    const image = meta('og:image')!;
    expect(image).toBe(new URL(`${base}og/${path.replace(/\/$/, '') || 'index'}.png`, image).href);
    const file = join(outDir, new URL(image).pathname.slice(base.length));
    const info = await sharp(file).metadata();
    expect([info.format, info.width, info.height]).toEqual(['png', 800, 420]);
    expect(statSync(file).size).toBeLessThanOrEqual(100 * 1024);
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['800', '420']);
    expect(meta('og:image:alt')).toBeTruthy();
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('og:title')).toBe(meta('twitter:title'));
    expect(meta('og:description')).toBeTruthy();
  });

  it('of two different pages shows two different pictures', () => {
    const [a, b] = ['og/xiangyang.png', 'og/xiangyang/hrss.png'].map((f) => readFileSync(join(outDir, f)));
    expect(a!.equals(b!)).toBe(false);
  });
});

describe('the font the pictures are drawn with', () => {
  it('is cut to the characters drawn, and is the whole face when a cut is too large for harfbuzz', async () => {
    const file = cjkFontFile()!;
    const small = await fontForText(file, '襄阳市民生实事0123456789');
    expect(small.length).toBeLessThan(200_000);
    const many = Array.from({ length: 7000 }, (_, i) => String.fromCodePoint(0x4e00 + i * 3)).join('');
    const large = await fontForText(file, many);
    expect(large.length).toBeGreaterThan(small.length);
    // Either way the characters are drawn: the last of them, with the font, is not blank.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#fff"/><text x="4" y="30" font-size="28">${many.at(-1)}</text></svg>`;
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-font-'));
    writeFileSync(join(dir, 'f.otf'), large);
    const drawn = await difference(render(svg, [join(dir, 'f.otf')]), render(svg.replace(/<text[\s\S]*<\/text>/, ''), []));
    expect(drawn).toBeGreaterThan(5);
  });
});
