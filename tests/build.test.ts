/** The built site: every city, department and report page exists, with charts, tables and marks. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/ingest/report-file.ts';
import { BUILDS, readBuilt } from './helpers/site.ts';

const reports = readdirSync('content/reports')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => parseReport(readFileSync(join('content/reports', f), 'utf8')).data);

describe('site build', () => {
  it('has the home page in Chinese, listing every city', () => {
    const html = readBuilt('root', 'index.html');
    expect(html).toMatch(/<html lang="zh-CN"/);
    for (const city of ['襄阳市', '衡阳市', '新乡市', '青岛市']) expect(html).toContain(city);
    expect(html).toContain('name="viewport"');
  });

  it('has a page per city listing all its reports (襄阳市 has two)', () => {
    const html = readBuilt('root', 'xiangyang/index.html');
    const xiangyang = reports.filter((r) => r.city === '襄阳市');
    expect(xiangyang).toHaveLength(2);
    for (const r of xiangyang) expect(html).toContain(`/reports/${r.slug}/`);
    expect(html).toMatch(/<svg[^>]+role="img"/);
    expect(html).toContain('<table class="data">');
    // The pledges-per-year table has a header for each of its columns (a formatter once dropped two).
    const table = /<caption>襄阳市各年份的承诺及完成情况<\/caption>[\s\S]*?<\/table>/.exec(html)![0];
    const headers = [...table.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1]);
    const firstRow = /<tbody><tr>([\s\S]*?)<\/tr>/.exec(table)![1]!;
    expect(headers.slice(0, 3)).toEqual(['年份', '承诺', '已完成']);
    expect(headers).toHaveLength(firstRow.match(/<t[hd]\b/g)!.length);
  });

  it('has a page per department of each city with a chart and the table of its figures', () => {
    for (const [city, dept] of [
      ['xiangyang', 'hrss'],
      ['xiangyang', 'ndrc'],
      ['hengyang', 'health'],
      ['xinxiang', 'education'],
      ['qingdao', 'science'],
      ['hengyang', 'state-grid'],
    ]) {
      const html = readBuilt('root', `${city}/${dept}/index.html`);
      expect(html, `${city}/${dept}`).toMatch(/<svg[^>]+role="img"[^>]*aria-label(ledby)?="/);
      // Each chart points to the page's tables instead of repeating them, and each figure is in
      // one table: a pledge's in the ledger, the rest in the table of figures, each linked once.
      expect(html).toMatch(/数据见本页的(<a href="#ledger">承诺表<\/a>|<a href="#all-figures">数字表<\/a>)/);
      const links = [...html.matchAll(/href="\/reports\/[^"#]+\/#m-[^"]+"/g)].map((m) => m[0]);
      const figures = Number(/(\d+)个数字,出自/.exec(html)![1]);
      expect(new Set(links).size, `${city}/${dept}`).toBe(figures);
      expect(links.length, `${city}/${dept}`).toBe(figures);
    }
  });

  it('has a report page per report, every metric listed and marked in the text', () => {
    for (const r of reports) {
      const html = readBuilt('root', `reports/${r.slug}/index.html`);
      for (const m of r.metrics) {
        expect(html, `${r.slug} ${m.id}`).toContain(`href="#m-${m.id}"`);
        expect(html, `${r.slug} mark ${m.id}`).toContain(`<mark id="m-${m.id}"`);
      }
    }
  });

  it('writes figures as a person reads them', () => {
    const html = readBuilt('root', `reports/${reports.find((r) => r.source.startsWith('002'))!.slug}/index.html`);
    expect(html).toContain('8.8万人');
    expect(html).toContain('9.63亿元');
  });

  it('builds under a base path with every internal link under it', () => {
    const html = readBuilt('base', 'xiangyang/index.html');
    const links = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    for (const l of links) expect(l, l).toMatch(/^\/minsheng-report\//);
    expect(existsSync(join(BUILDS.base.outDir, 'reports'))).toBe(true);
  });
});
