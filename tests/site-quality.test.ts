/** The built site against its budgets: no stray JavaScript, small pages, nothing fetched from elsewhere, no broken link. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { metricRowSchema } from '../src/site/export.ts';
import { PAGES_LIMIT_BYTES, pagesLimitWarning, siteBytes } from '../src/build/pages-limit.ts';
import type { DataIndex } from '../src/site/downloads.ts';
import { BUILDS, readDownload } from './helpers/site.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}
const root = BUILDS.root.outDir;
/** Report pages in both languages (Chinese at the root, English under en/). */
const reportPages = [...htmlFiles(join(root, 'reports')), ...htmlFiles(join(root, 'en/reports'))];
const css = readFileSync(join(root, 'site.css'));

describe('performance budget', () => {
  it('ships no JavaScript on report pages', () => {
    expect(reportPages.length).toBe(10);
    for (const f of reportPages) expect(readFileSync(f, 'utf8'), f).not.toMatch(/<script/i);
  });
  it("keeps a report page's HTML and CSS within 60 KB gzipped, in both languages (one stylesheet holds both themes)", () => {
    for (const f of reportPages) {
      const bytes = gzipSync(readFileSync(f)).length + gzipSync(css).length;
      expect(bytes, f).toBeLessThanOrEqual(60 * 1024);
    }
  });
  it('loads nothing from another host on any page', () => {
    for (const f of htmlFiles(root)) {
      const html = readFileSync(f, 'utf8');
      const fetched = [
        ...html.matchAll(
          /<(?:script|img|iframe|source|video|audio)[^>]+src="([^"]+)"|<link[^>]+rel="(?:stylesheet|preload|modulepreload|icon)"[^>]+href="([^"]+)"/g,
        ),
      ].map((m) => m[1] ?? m[2]!);
      for (const url of fetched) expect(url, `${f}: ${url}`).not.toMatch(/^(https?:)?\/\//);
    }
    expect(css.toString()).not.toMatch(/url\((['"])?(https?:)?\/\//);
    expect(css.toString()).not.toMatch(/@import/);
  });
});

describe('links under a base path', () => {
  const base = BUILDS.base;
  const pages = htmlFiles(base.outDir);
  /** The file a site path is served from, as GitHub Pages resolves it. */
  const target = (path: string) => {
    const rel = decodeURIComponent(path.slice(base.base.length));
    const file = join(base.outDir, rel);
    return [file, join(file, 'index.html'), `${file}.html`].find((f) => existsSync(f) && statSync(f).isFile());
  };
  it('has no broken internal link or asset on any page', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      // A relative link resolves against the page's folder (a page other than index.html, like a chart's embed page, is a file in it).
      const pagePath = '/' + posix.dirname(posix.relative(base.outDir, f)) + '/';
      for (const m of html.matchAll(/(?:href|src)="([^"#?]*)(?:[#?][^"]*)?"/g)) {
        const url = m[1]!;
        if (!url || /^(https?:|mailto:|data:)/.test(url)) continue;
        const absolute = url.startsWith('/') ? url : posix.join(base.base, pagePath, url);
        checked++;
        if (!absolute.startsWith(base.base) || !target(absolute)) broken.push(`${f}: ${url}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });
  it('points every sentence anchor at a mark that exists', () => {
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      for (const m of html.matchAll(/href="([^"]*\/reports\/[^"#]+\/)#(m-[^"]+)"/g)) {
        const page = readFileSync(target(m[1]!)!, 'utf8');
        expect(page, `${f} → ${m[1]}#${m[2]}`).toContain(`id="${m[2]}"`);
      }
    }
  });
});

describe('downloads, feed and sitemap', () => {
  it('writes CSV with a byte-order mark and one row per figure', () => {
    const csv = readDownload(join(root, 'data/metrics.csv.gz'));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('city,report,report_title,report_year,department,label,pledge,topic,kind,year,value,unit,qualifier,text,provenance,source_url');
    const json = JSON.parse(readDownload(join(root, 'data/metrics.json.gz')));
    expect(lines.length - 1).toBe(json.length);
    expect(json.length).toBeGreaterThan(250);
  });
  it('lists every download in data/index.json, with row counts that add up to the site-wide files', () => {
    const index = JSON.parse(readFileSync(join(root, 'data/index.json'), 'utf8')) as DataIndex;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(index.cities.map((c) => c.figures))).toBe(index.site.figures);
    expect(JSON.parse(readDownload(join(root, 'data', index.site.pledgesJson)))).toHaveLength(index.site.pledges);
    for (const city of index.cities) {
      for (const f of Object.values(city.files)) expect(existsSync(join(root, 'data', f)), f).toBe(true);
      expect(JSON.parse(readDownload(join(root, 'data', city.files.json)))).toHaveLength(city.figures);
      expect(sum(city.reports.map((r) => r.figures))).toBe(city.figures);
      for (const r of city.reports)
        expect(
          readDownload(join(root, 'data', r.file))
            .trim()
            .split('\r\n'),
        ).toHaveLength(r.figures + 1);
    }
    expect(readFileSync(join(root, 'downloads/index.html'), 'utf8')).toContain('index.json');
  });
  it('writes JSON that follows the published schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'data/metrics.schema.json'), 'utf8'));
    expect(schema.title).toBeTruthy();
    for (const name of ['metrics', 'xiangyang']) {
      for (const row of JSON.parse(readDownload(join(root, `data/${name}.json.gz`)))) metricRowSchema.parse(row);
    }
  });
  it('has a feed, a sitemap, a 404 page and a search index', () => {
    expect(readFileSync(join(root, 'feed.xml'), 'utf8')).toMatch(/<rss[\s\S]*<item>[\s\S]*襄阳市/);
    expect(readFileSync(join(root, 'sitemap.xml'), 'utf8')).toMatch(/<loc>[^<]*\/reports\/[^<]+<\/loc>/);
    expect(readFileSync(join(root, '404.html'), 'utf8')).toContain('找不到这个页面');
    expect(existsSync(join(root, 'pagefind/pagefind-ui.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'pagefind/bundles.json'), 'utf8')).length).toBeGreaterThan(1);
  });
  it('gives every page Open Graph tags (not the embed pages of charts, which are no pages to share)', () => {
    for (const f of htmlFiles(root).filter((x) => !x.includes('pagefind') && !x.includes('/embed/'))) {
      expect(readFileSync(f, 'utf8'), f).toMatch(/<meta property="og:title"/);
    }
  });
});

describe('pledge downloads', () => {
  it('writes every pledge once, site-wide and per city, in the schema they are documented by', () => {
    const root = BUILDS.root.outDir;
    const rows = JSON.parse(readDownload(join(root, 'data/pledges.json.gz'))) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(5);
    const schema = JSON.parse(readFileSync(join(root, 'data/pledges.schema.json'), 'utf8'));
    const columns = Object.keys(schema.items.properties);
    for (const r of rows) expect(Object.keys(r)).toEqual(columns);
    const kindergarten = rows.find((r) => r.target === 26 && r.result === 27)!;
    expect(kindergarten).toMatchObject({ city: '新乡市', status: '超额完成', unit: '所' });
    const csv = readDownload(join(root, 'data/pledges.csv.gz'));
    expect(csv.slice(1).trim().split('\r\n')).toHaveLength(rows.length + 1);
    const xinxiang = JSON.parse(readDownload(join(root, 'data/xinxiang-pledges.json.gz'))) as unknown[];
    expect(readDownload(join(root, 'data/xinxiang-pledges.csv.gz')).trim().split('\r\n')).toHaveLength(xinxiang.length + 1);
    expect(xinxiang.length).toBe(rows.filter((r) => r.city === '新乡市').length);
    expect(readFileSync(join(root, 'downloads/index.html'), 'utf8')).toContain('pledges.csv');
  });
});

describe('topic pages', () => {
  it("has a page per topic listing cities' pledges of it, linked from an index with the counts", () => {
    const root = BUILDS.root.outDir;
    const index = readFileSync(join(root, 'topics/index.html'), 'utf8');
    expect((index.match(/href="\/topics\/[a-z-]+\/"/g) ?? []).length).toBeGreaterThanOrEqual(15);
    const employment = readFileSync(join(root, 'topics/employment/index.html'), 'utf8');
    expect(employment).toContain('<h1>就业创业</h1>');
    expect(employment).toMatch(/新乡市2023年:就业创业/);
    expect(employment).toContain('新增返乡农民工创业');
    expect(employment).not.toContain('公办幼儿园');
  });
});

describe('the GitHub Pages limit', () => {
  it('says nothing for the seed site and warns, naming the folder and what to do, past 1 GB', () => {
    const root = BUILDS.root.outDir;
    expect(siteBytes(root)).toBeLessThan(PAGES_LIMIT_BYTES);
    expect(pagesLimitWarning(root)).toBeNull();
    expect(pagesLimitWarning(root, 1.2e9)).toMatch(new RegExp(`${root}.*1\\.20 GB.*GitHub Pages.*per province`));
  });
});
