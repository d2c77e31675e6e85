// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { remarkMetricMarks } from './src/site/remark-metric-marks.ts';

// BASE_PATH=/REPO/ for a GitHub Pages project site; SITE_URL for absolute links (feeds, sitemap).
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.github.io',
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx({ remarkPlugins: [remarkMetricMarks] }), sitemap({ filter: (page) => !page.includes('/search/') })],
  markdown: { remarkPlugins: [remarkMetricMarks] },
  devToolbar: { enabled: false },
});
