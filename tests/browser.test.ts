/** A resident's path through the site in a real browser (Debian chromium driven by playwright-core). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './helpers/site.ts';

const site = useSite('base', 4391);
let page: Page;
beforeAll(async () => {
  page = await site.browser.newPage();
});

describe("from the home page to a figure's sentence", () => {
  it('follows home → city → department → report and lands on the highlighted sentence', async () => {
    await page.goto(site.url);
    await expect(page.title()).resolves.toContain('向市民报告');
    await page.getByRole('link', { name: '襄阳市' }).first().click();
    await expect(page.locator('h1').textContent()).resolves.toBe('襄阳市');

    await page.locator('ul.depts').getByRole('link', { name: '市发展和改革委员会' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('市发展和改革委员会');
    const chart = page.locator('figure.chart').first();
    // A picture with a name: its <title>, or (a chart of several pictures) each one's label.
    const picture = chart.locator('svg[role="img"]').first();
    expect(await picture.isVisible()).toBe(true);
    expect(await picture.evaluate((svg) => svg.getAttribute('aria-label') ?? svg.querySelector('title')?.textContent)).toBeTruthy();
    // The chart's numbers are in the page's tables (the ledger of pledges, the table of the other
    // figures), which its legend links to; every bar's value is in one of them.
    await chart.getByRole('link', { name: '数字表' }).click();
    expect(new URL(page.url()).hash).toBe('#all-figures');
    await expect(page.locator('table#all-figures').isVisible()).resolves.toBe(true);
    const tabled = [...(await page.locator('#ledger td.num a').allTextContents()), ...(await page.locator('table#all-figures td.num').allTextContents())];
    const bars = (await chart.locator('svg g.bar text.value').allTextContents()).map((v) => v.replace('(目标)', ''));
    expect(bars.length).toBeGreaterThan(0);
    for (const v of bars) expect(tabled).toContain(v);

    await page.locator('p.lead a').first().click();
    await expect(page.locator('h1').textContent()).resolves.toContain('民生实事');
    const link = page.locator('table.metrics a.source-link', { hasText: '9037' });
    await link.click();
    const hash = new URL(page.url()).hash;
    expect(hash).toMatch(/^#m-/);
    const mark = page.locator(`mark${hash}`);
    expect(await mark.textContent()).toContain('9037');
    expect(await mark.isVisible()).toBe(true);
    // The target mark is highlighted, and scrolled into view.
    const style = await mark.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(style).toBe('solid');
    const box = await mark.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(viewport.height);
  });

  it('reads well on a phone: no horizontal scrolling of the page', async () => {
    const phone = await site.browser.newPage({ viewport: { width: 375, height: 740 } });
    await phone.goto(`${site.url}xiangyang/hrss/`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.close();
  });
});

describe("the ledger of a city's year", () => {
  it('lists each pledge with its target, result, completion and status, and links land on their sentences', async () => {
    const ledger = await site.browser.newPage();
    await ledger.goto(`${site.url}xinxiang/2023/`);
    const section = ledger.locator('section.ledger');
    await expect(section.locator('h2').textContent()).resolves.toContain('承诺');
    await expect(section.locator('p.lead').textContent()).resolves.toMatch(/^\d+项承诺,\d+项已完成或超额完成/);
    const row = section.locator('tbody tr', { hasText: '公办幼儿园' });
    await expect(row.locator('td.num').first().textContent()).resolves.toBe('26所');
    await expect(row.locator('td.num').nth(1).textContent()).resolves.toBe('27所');
    await expect(row.textContent()).resolves.toMatch(/103\.8%.*超额完成/);
    // The bullet chart draws the same: the result bar (27) passes the target mark (26). The row's
    // cells say it in words, so the drawing is hidden from assistive technology.
    const bullet = row.locator('svg.bullet');
    await expect(bullet.getAttribute('aria-hidden')).resolves.toBe('true');
    const resultEnd = Number(await bullet.locator('rect.result').getAttribute('width'));
    const targetAt = Number(/^M(\d+)/.exec((await bullet.locator('path.target-mark').getAttribute('d'))!)![1]);
    expect(resultEnd).toBeGreaterThan(targetAt);
    expect(targetAt / resultEnd).toBeCloseTo(26 / 27, 1);
    const box = (await bullet.boundingBox())!;
    expect([box.width, box.height]).toEqual([160, 22]);
    // The result's link lands on its highlighted sentence in the report.
    await row.locator('td.num a').nth(1).click();
    const hash = new URL(ledger.url()).hash;
    expect(hash).toMatch(/^#m-/);
    await expect(ledger.locator(`mark${hash}`).textContent()).resolves.toContain('27所');
    await ledger.close();
  });
});

describe('a chart people can link to', () => {
  it('gives each chart a permalink that, opened anew, lands on that chart', async () => {
    await page.goto(new URL('xiangyang/hrss/', site.url).href);
    const charts = page.locator('figure.chart');
    expect(await charts.count()).toBeGreaterThan(1);
    const last = charts.last();
    const id = (await last.getAttribute('id'))!;
    expect(id).toMatch(/^(units|completion)$/);
    const href = (await last.locator('a.permalink').getAttribute('href'))!;
    expect(decodeURIComponent(href)).toBe(`#${id}`);
    const fresh = await site.browser.newPage({ viewport: { width: 1280, height: 700 } });
    try {
      await fresh.goto(new URL(`xiangyang/hrss/${href}`, site.url).href);
      const chart = fresh.locator(`figure.chart[id="${id}"]`);
      const box = (await chart.boundingBox())!;
      expect(Math.abs(box.y)).toBeLessThan(2); // its top at the top of the window (sub-pixel rounding aside)
      expect(await fresh.evaluate(() => window.scrollY)).toBeGreaterThan(0); // scrolled to it, not left at the top
      // Each unit's picture in the department's chart has an anchor too: a link to it lands on it.
      const unit = fresh.locator('figure.chart#units svg[id^="unit-"]').last();
      const anchor = (await unit.getAttribute('id'))!;
      await fresh.goto(new URL(`xiangyang/hrss/#${encodeURIComponent(anchor)}`, site.url).href);
      expect(Math.abs((await unit.boundingBox())!.y)).toBeLessThan(2);
    } finally {
      await fresh.close();
    }
  });
});
