/** What a resident does besides reading: search, download, keyboard use, assistive tech, print. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readDownload, useSite } from './helpers/site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const site = useSite('base', 4392);

async function open(path: string): Promise<Page> {
  const page = await site.browser.newPage();
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) outside.push(r.url());
  });
  await page.goto(site.url + path);
  (page as Page & { outside?: string[] }).outside = outside;
  return page;
}

describe('search', () => {
  it('finds a Chinese word and opens the report it is in', async () => {
    const page = await open('');
    await page.getByRole('searchbox', { name: '搜索报告' }).fill('充电桩');
    await page.getByRole('button', { name: '搜索' }).click();
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    const titles = await page.locator('.pagefind-ui__result-title .pagefind-ui__result-link').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    await page.locator('.pagefind-ui__result-title .pagefind-ui__result-link').first().click();
    await page.waitForURL(/\/reports\//);
    expect(await page.locator('main').textContent()).toContain('充电桩');
    await page.close();
  });
});

describe('downloads', () => {
  it("downloads a city's CSV whose first rows are its figures", async () => {
    const page = await open('xiangyang/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV(gzip)' }).first().click()]);
    expect(download.suggestedFilename()).toBe('xiangyang.csv.gz');
    const text = readDownload((await download.path())!);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, first] = text.slice(1).split('\r\n');
    expect(header).toMatch(/^city,report,report_title/);
    expect(first).toMatch(/^襄阳市,xiangyang-2024-/);
    await page.close();
  });
});

describe('accessibility', () => {
  it.each([
    ['home', ''],
    ['city', 'xiangyang/'],
    ['city-year ledger', 'xinxiang/2023/'],
    ['topic', 'topics/employment/'],
    ['department', 'xiangyang/hrss/'],
    ['report', 'reports/xinxiang-2023-zhongdian-minsheng-shi-shi/'],
    ['search', 'search/?q=就业'],
    ["a chart's embed", 'embed/xiangyang/departments.html'],
    ['English city', 'en/xiangyang/'],
    ['English department', 'en/xiangyang/hrss/'],
    ['English report', 'en/reports/xinxiang-2023-zhongdian-minsheng-shi-shi/'],
    ['English search', 'en/search/?q=就业'],
  ])('has no serious or critical axe violation on the %s page, in the light and the dark theme', async (_name, path) => {
    for (const colorScheme of ['light', 'dark'] as const) await axeClean(path, colorScheme);
  });

  async function axeClean(path: string, colorScheme: 'light' | 'dark'): Promise<void> {
    const page = await open(path);
    await page.emulateMedia({ colorScheme });
    if (path.startsWith('search')) await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> };
        }
      ).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      `${path} (${colorScheme})`,
    ).toEqual([]);
    expect((page as Page & { outside?: string[] }).outside).toEqual([]);
    await page.close();
  }

  it('follows the system theme: dark colours under prefers-color-scheme: dark', async () => {
    const page = await open('xiangyang/hrss/');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const bar = () => page.evaluate(() => getComputedStyle(document.querySelector('.bar.actual rect')!).fill);
    await page.emulateMedia({ colorScheme: 'light' });
    const [lightBg, lightBar] = [await background(), await bar()];
    await page.emulateMedia({ colorScheme: 'dark' });
    const [darkBg, darkBar] = [await background(), await bar()];
    expect(lightBg).toBe('rgb(255, 255, 255)');
    expect(darkBg).toBe('rgb(20, 23, 26)');
    expect(darkBar).not.toBe(lightBar); // the chart's colours change with the theme, keeping their meaning
    await page.close();
  });

  it('can be used with the keyboard alone: skip link, visible focus, links reached by Tab', async () => {
    const page = await open('');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      visible: document.activeElement?.getBoundingClientRect().left ?? -1,
    }));
    expect(first.text).toBe('跳到正文');
    expect(first.visible).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const el = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return a ? { text: a.textContent?.trim() ?? '', outline: getComputedStyle(a).outlineStyle } : null;
      });
      if (el?.text) reached.add(el.text);
      if (el?.text === '襄阳市') expect(el.outline).not.toBe('none');
    }
    expect(reached.has('襄阳市')).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.close();
  });
});

describe('print', () => {
  it('prints a report with its tables and text, without the site navigation', async () => {
    const page = await open('reports/xiangyang-2024-shizhengfu-minsheng-shi-shi/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.search-form').isVisible()).toBe(false);
    expect(await page.locator('table.metrics').isVisible()).toBe(true);
    expect(await page.locator('.source-text').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });
});
