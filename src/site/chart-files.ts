/**
 * An Astro integration that gives every chart the pages drew its own files, at the build's end:
 * /embed/PAGE/CHART.html, the embed page (for an <iframe>); CHART.svg, the picture on its own;
 * CHART.png, the same picture rendered by resvg with Noto Sans CJK (at twice its size, or as the
 * chart says: a department's tall chart of every unit is drawn at its own size); and every
 * page that asked for one its share card, /og/PAGE.png, which shows the page's first chart.
 *
 * A PNG is kept in the cache folder under the hash of its SVG: a chart that has not changed
 * costs nothing on the next build (draw-pictures.ts draws the others). Run by `npm run build`,
 * the integration only lists the PNGs: they are drawn after Astro's process has ended.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { chartPaths, embedHtml, pictureCss, pictureSvg, type ChartRecord } from './chart-picture.ts';
import { takePictures } from './chart-registry.ts';
import { CARD_ZOOM, shareCardPath, shareCardSvg } from './share-card.ts';
import { cjkFontFile } from './cjk-font.ts';
import { drawPictures, PICTURE_LIST_ENV, writePictureList, type PngJob } from './draw-pictures.ts';

export const SITE_NAME = '向市民报告';

export function chartFiles(): AstroIntegration {
  let site = '';
  let publicDir = '';
  let cacheDir = '';
  let worker: URL;
  return {
    name: 'minsheng:chart-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = new URL(config.base.replace(/\/?$/, '/'), config.site ?? 'https://example.github.io').href;
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = fileURLToPath(new URL('../charts/', config.cacheDir));
        // Found from the project, not from this module: Astro runs its config from a bundle elsewhere.
        worker = new URL('src/site/png-worker.mjs', config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { charts, cards } = takePictures();
        if (charts.length === 0 && cards.length === 0) return;
        const out = fileURLToPath(dir);
        const css = pictureCss(readFileSync(join(publicDir, 'site.css'), 'utf8'));
        const font = cjkFontFile();
        const withPng = font !== null;
        if (!withPng)
          logger.warn(
            "no Chinese font found (install Debian's fonts-noto-cjk, or set MINSHENG_CJK_FONT): charts are offered as SVG only and pages have no share picture",
          );
        const started = performance.now();
        const jobs: PngJob[] = [];
        const png = (svg: string, scale: number, target: string) =>
          jobs.push({ svg, scale, target, cached: join(cacheDir, `${createHash('sha1').update(`${scale}\0${svg}`).digest('hex')}.png`) });
        const firstChart = new Map<string, ChartRecord>();
        for (const chart of charts) {
          if (!firstChart.has(chart.page)) firstChart.set(chart.page, chart);
          const paths = chartPaths(chart.page, chart.id);
          const picture = pictureSvg(chart, css, SITE_NAME);
          mkdirSync(dirname(join(out, paths.svg)), { recursive: true });
          writeFileSync(join(out, paths.svg), picture.svg);
          const links = {
            chartUrl: new URL(`${chart.page ? chart.page + '/' : ''}#${encodeURIComponent(chart.id)}`, site).href,
            embedUrl: new URL(paths.embed, site).href,
            stylesheet: `${new URL(site).pathname}embed.css`,
          };
          const file = paths.svg.slice(paths.svg.lastIndexOf('/') + 1);
          writeFileSync(join(out, paths.embed), embedHtml(chart, { file, width: picture.width, height: picture.height }, links, SITE_NAME));
          if (withPng && chart.pngScale > 0) png(picture.svg, chart.pngScale, join(out, paths.png));
        }
        if (withPng)
          for (const card of cards) {
            const chart = firstChart.get(card.page);
            const target = join(out, shareCardPath(card.page));
            mkdirSync(dirname(target), { recursive: true });
            png(shareCardSvg(card, SITE_NAME, chart && { record: chart, css }), CARD_ZOOM, target);
          }
        const list = process.env[PICTURE_LIST_ENV];
        if (list) {
          // `npm run build` draws them once this process has ended (site-build.ts).
          writePictureList(list, jobs);
          logger.info(`${charts.length} charts (pictures and embed pages) and ${cards.length} share cards: ${jobs.length} PNGs listed for drawing`);
          return;
        }
        const drawn = font ? await drawPictures(jobs, font, worker) : 0;
        logger.info(
          `${charts.length} charts (pictures and embed pages) and ${cards.length} share cards: ${drawn} PNGs drawn, ${jobs.length - drawn} from the cache, in ${((performance.now() - started) / 1000).toFixed(1)}s`,
        );
      },
    },
  };
}
