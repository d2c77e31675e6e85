/**
 * npm run screenshots: pictures of the built site (dist/) for the README, at desktop and
 * phone widths, into docs/screenshots/, and a report's figures with their provenance badges.
 * Run after npm run build (with REPO_URL set, the badges' picture shows the 报告错误 links too).
 */
import { mkdirSync } from 'node:fs';
import { preview } from 'astro';
import { chromium } from 'playwright-core';

const pages: Array<[string, string]> = [
  ['home', ''],
  ['city', 'xiangyang/'],
  ['department', 'xiangyang/hrss/'],
  ['report', 'reports/xinxiang-2023-zhongdian-minsheng-shi-shi/'],
  ['english-department', 'en/xiangyang/hrss/'],
];
const widths: Array<[string, number, number]> = [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
];

mkdirSync('docs/screenshots', { recursive: true });
const server = await preview({ root: '.', server: { host: '127.0.0.1', port: 4398 }, logLevel: 'error' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const [device, width, height] of widths) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    for (const [name, path] of pages) {
      await page.goto(`http://127.0.0.1:4398/${path}`);
      await page.screenshot({ path: `docs/screenshots/${name}-${device}.png` });
      console.log(`docs/screenshots/${name}-${device}.png`);
    }
    await page.close();
  }
  // For CONTRIBUTING: a report's figures with their provenance badges (and, when the site was
  // built with REPO_URL, their 报告错误 links).
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await page.goto('http://127.0.0.1:4398/reports/xinxiang-2023-zhongdian-minsheng-shi-shi/');
  const table = page.locator('table.metrics');
  const box = (await table.boundingBox())!;
  await page.screenshot({ path: 'docs/screenshots/provenance-badges.png', clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 420) } });
  console.log('docs/screenshots/provenance-badges.png');
  await page.close();
} finally {
  await browser.close();
  await server.stop();
}
