/**
 * The English interface, as a reader who does not read Chinese meets it: every page again under
 * en/, in English where the site speaks (navigation, headings, tables, charts, kinds, statuses),
 * the reports' own words as written, figures in English numbers, and hreflang pairs both ways.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatMetricEn } from '../src/site/i18n/format-en.ts';
import { BUILDS, useSite } from './helpers/site.ts';

const { outDir, base } = BUILDS.base;
const CJK = /[\u3400-\u9fff\uff01-\uff5e]/;

/** Every page of the build (index.html files), as paths under the base ('' for home, 'xiangyang/' …). */
const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
  .map((f) => f.split('\\').join('/'))
  .filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind/') && !f.startsWith('embed/'))
  .map((f) => f.replace(/index\.html$/, ''));
const chinese = pages.filter((p) => !p.startsWith('en/'));
const english = pages.filter((p) => p.startsWith('en/'));
const read = (page: string) => readFileSync(join(outDir, page, 'index.html'), 'utf8');
const alternates = (html: string) =>
  Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
const site = (page: string) => new URL(`${base}${page}`, 'https://example.github.io').href;

describe('English pages', () => {
  it('exist for every Chinese page, and only for those', () => {
    expect(chinese.length).toBeGreaterThan(30);
    expect(english.map((p) => p.slice(3)).sort()).toEqual([...chinese].sort());
  });

  it('say their language and name each other with hreflang, both ways', () => {
    for (const zh of chinese) {
      const en = `en/${zh}`;
      const [zhHtml, enHtml] = [read(zh), read(en)];
      expect(zhHtml, zh).toContain('<html lang="zh-CN">');
      expect(enHtml, en).toContain('<html lang="en">');
      for (const html of [zhHtml, enHtml]) expect(alternates(html), zh).toEqual({ 'zh-CN': site(zh), en: site(en), 'x-default': site(zh) });
    }
  });

  it('link to English pages, and to the same files as the Chinese pages', () => {
    const strays: string[] = [];
    for (const en of english) {
      const html = read(en).replace(/<a class="language"[^>]*>/, ''); // the one link to the Chinese page
      for (const [, href] of html.matchAll(/<a [^>]*href="([^"#?]*)[^"]*"/g)) {
        if (!href!.startsWith(base) || /\.[a-z]+$/.test(href!)) continue; // other sites; files (downloads, pictures, feed)
        if (!href!.startsWith(`${base}en/`)) strays.push(`${en}: ${href}`);
      }
    }
    expect(strays).toEqual([]);
  });

  it('write figures for English readers, and leave the reports’ words as written', () => {
    const zh = read('reports/xinxiang-2023-zhongdian-minsheng-shi-shi/');
    const en = read('en/reports/xinxiang-2023-zhongdian-minsheng-shi-shi/');
    expect(zh).toContain('8.8万人');
    expect(en).toContain('<td class="num">88,000 people</td>');
    expect(en).toContain('963 million yuan');
    expect(en).toContain('新增城镇就业'); // the label, as the report says it
    expect(en).toContain('<div class="source-text" lang="zh-CN">'); // the text, marked as Chinese
  });

  it('count, qualify and name units in English', () => {
    expect(formatMetricEn({ value: 88000, unit: '人', qualifier: 'exact' })).toBe('88,000 people');
    expect(formatMetricEn({ value: 1, unit: '人', qualifier: 'exact' })).toBe('1 person');
    expect(formatMetricEn({ value: 963_000_000, unit: '元', qualifier: 'exact' })).toBe('963 million yuan');
    expect(formatMetricEn({ value: 740, unit: '元/月', qualifier: 'at-least' })).toBe('at least 740 yuan a month');
    expect(formatMetricEn({ value: 2_008_800, unit: '人', qualifier: 'exact' })).toBe('2,008,800 people');
    expect(formatMetricEn({ value: 103.8, unit: '%', qualifier: 'more-than' })).toBe('more than 103.8%');
    expect(formatMetricEn({ value: 26, unit: '所', qualifier: 'approx' })).toBe('about 26'); // a counting word has no English
    expect(formatMetricEn({ value: 4, unit: 'ratio', qualifier: 'exact' })).toBe('4:1');
    expect(formatMetricEn({ value: 3, unit: '吨/日', qualifier: 'exact' })).toBe('3 吨/日'); // a unit with no English name stays as written
  });
});

describe('English pages in a browser', () => {
  const browsing = useSite('base', 4393);
  let page: Page;
  beforeAll(async () => {
    page = await browsing.browser.newPage();
  });
  const open = (path: string) => page.goto(new URL(path, browsing.url).href);

  /** The site's own words on the page: its frame, table heads, facts, chart links, kinds, statuses (what a report says is left out). */
  const siteWords = () =>
    page.evaluate(() => {
      const parts = [
        ...document.querySelectorAll(
          'header.site, footer.site, .crumbs li:first-child, th[scope=col], dt, .chart-links, details.embed > summary, .badge, .status, .provenance, .legend .key',
        ),
      ];
      return parts
        .map((el) => {
          const copy = el.cloneNode(true) as Element;
          copy.querySelectorAll('[lang]:not([lang=en])').forEach((e) => e.remove()); // the link to the Chinese page
          return copy.textContent ?? '';
        })
        .join(' ');
    });

  it.each([
    ['home', 'en/'],
    ['city', 'en/xiangyang/'],
    ['city-year ledger', 'en/xinxiang/2023/'],
    ['department', 'en/xiangyang/hrss/'],
    ['report', 'en/reports/xinxiang-2023-zhongdian-minsheng-shi-shi/'],
    ['topic', 'en/topics/employment/'],
    ['comparison', 'en/compare/'],
    ['downloads', 'en/downloads/'],
  ])('the %s page speaks English where the site speaks', async (_name, path) => {
    await open(path);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const words = await siteWords();
    expect(words.length).toBeGreaterThan(40);
    expect(words.match(new RegExp(CJK.source, 'g')) ?? [], words).toEqual([]);
  });

  it('switches language to the same page, and back', async () => {
    await open('xiangyang/hrss/');
    const zhTitle = await page.title();
    await page.locator('header a.language').click();
    await page.waitForURL(/\/en\/xiangyang\/hrss\/$/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('市人力资源和社会保障局'); // a department's name is not translated
    expect(await page.getByRole('columnheader', { name: 'Target' }).count()).toBeGreaterThan(0);
    const hreflang = await page.locator('link[rel=alternate][hreflang="zh-CN"]').getAttribute('href');
    expect(new URL(hreflang!).pathname).toBe(`${base}xiangyang/hrss/`);
    await page.locator('header a.language').click();
    await page.waitForURL(/\/minsheng-report\/xiangyang\/hrss\/$/);
    expect(await page.title()).toBe(zhTitle);
  });

  it('keeps a figure’s sentence link on the English report page', async () => {
    await open('en/xiangyang/hrss/');
    const link = page.locator('table a[href*="/reports/"]').first();
    expect(await link.getAttribute('href')).toMatch(/^\/minsheng-report\/en\/reports\/[^#]+#m-/);
    await link.click();
    await page.waitForURL(/\/en\/reports\//);
    const id = new URL(page.url()).hash.slice(1);
    expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
  });
});
