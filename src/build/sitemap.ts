/** sitemap.xml for every page in the output (written after merging, so sharded builds get one complete map). */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SitemapStream, streamToPromise } from 'sitemap';

export async function writeSitemap(outDir: string, siteBase: string): Promise<number> {
  const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html') && !f.startsWith('search') && !f.startsWith('pagefind'))
    .map((f) => f.replace(/index\.html$/, '').split('\\').join('/'))
    .sort();
  const stream = new SitemapStream({ hostname: siteBase });
  for (const p of pages) stream.write({ url: new URL(p, siteBase).href });
  stream.end();
  writeFileSync(join(outDir, 'sitemap.xml'), (await streamToPromise(stream)).toString());
  return pages.length;
}
