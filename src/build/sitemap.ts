/** sitemap.xml for every page in the output (written after merging, so sharded builds get one complete map). */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SitemapStream, streamToPromise } from 'sitemap';
import { defaultPath, HTML_LANG, LANGS, pageIn } from '../site/i18n/lang.ts';

/** Every HTML file in the output, as paths relative to it with forward slashes. */
export function htmlFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split('\\').join('/'));
}

/**
 * Writes the sitemap of the pages among `files` (not the search pages, 404 or a chart's embed page)
 * and returns how many it lists; each page names its other languages (hreflang), as its head does.
 */
export async function writeSitemap(outDir: string, siteBase: string, files = htmlFiles(outDir)): Promise<number> {
  const pages = files
    .filter((f) => f.endsWith('index.html') && !defaultPath(f).startsWith('search/') && !f.startsWith('pagefind') && !f.startsWith('embed/'))
    .map((f) => f.replace(/index\.html$/, ''))
    .sort();
  const listed = new Set(pages);
  const stream = new SitemapStream({ hostname: siteBase });
  for (const p of pages) {
    const page = defaultPath(p.replace(/\/$/, ''));
    const links = LANGS.map((lang) => ({ lang: HTML_LANG[lang], url: pageIn(page, lang) }))
      .filter((l) => listed.has(l.url))
      .map((l) => ({ ...l, url: new URL(l.url, siteBase).href }));
    stream.write({ url: new URL(p, siteBase).href, ...(links.length > 1 ? { links } : {}) });
  }
  stream.end();
  writeFileSync(join(outDir, 'sitemap.xml'), (await streamToPromise(stream)).toString());
  return pages.length;
}
