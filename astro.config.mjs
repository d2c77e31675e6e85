// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { dataStoreFromFile } from './src/site/data-store-from-file.ts';
import { chartFiles } from './src/site/chart-files.ts';

// BASE_PATH=/REPO/ for a GitHub Pages project site; SITE_URL for absolute links (feeds, sitemap).
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.github.io',
  base,
  trailingSlash: 'ignore',
  // With the project, not in node_modules (which CI caches and checkouts may share).
  cacheDir: './.cache/astro',
  // Pages are rendered several at a time: a page's cost is mostly waiting on file writes.
  build: { format: 'directory', concurrency: 8 },
  integrations: [mdx(), dataStoreFromFile(), chartFiles()],
  devToolbar: { enabled: false },
});
