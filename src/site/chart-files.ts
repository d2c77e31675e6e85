/**
 * An Astro integration that gives every chart the pages drew its own files, at the build's end:
 * /embed/PAGE/CHART.html, the embed page (for an <iframe>); CHART.svg, the picture on its own;
 * CHART.png, the same picture rendered by resvg with Noto Sans CJK (at twice its size, or as the
 * chart says: a department's tall chart of every unit is drawn at its own size); and every
 * page that asked for one its share card, /og/PAGE.png, which shows the page's first chart.
 *
 * A PNG is kept in the cache folder under the hash of its SVG: a chart that has not changed
 * costs nothing on the next build. The font is cut down to the characters of the charts still
 * to render, so that each render loads a small font instead of a 20 MB collection.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { chartPaths, embedHtml, pictureCss, pictureSvg, type ChartRecord } from './chart-picture.ts';
import { takePictures } from './chart-registry.ts';
import { CARD_ZOOM, shareCardPath, shareCardSvg } from './share-card.ts';
import { cjkFontFile, fontForText } from './cjk-font.ts';

export const SITE_NAME = '向市民报告';
type Pending = Pick<PngJob, 'svg' | 'cached' | 'scale'>;

/**
 * Renders the pictures whose PNG is not in the cache yet, with one font cut to their characters,
 * on a worker thread per core: the pages are all rendered by now, so the cores are free.
 */
async function renderPngs(pending: Pending[], file: string, fontDir: string, worker: URL): Promise<void> {
  if (pending.length === 0) return;
  const text = new Set<string>();
  for (const p of pending) for (const m of p.svg.matchAll(/>([^<]+)</g)) for (const ch of m[1]!) text.add(ch);
  const font = await fontForText(file, [...text].join(''));
  mkdirSync(fontDir, { recursive: true });
  const fontFile = join(fontDir, `font-${process.pid}.otf`);
  writeFileSync(fontFile, font);
  const threads = Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(pending.length / 8)));
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: threads }, async () => {
        const w = new Worker(worker, { workerData: { fontFile } });
        try {
          while (next < pending.length) {
            const index = next++;
            const p = pending[index]!;
            const reply = await new Promise<{ error?: string }>((done, fail) => {
              w.once('message', done);
              w.once('error', fail);
              w.postMessage({ index, svg: p.svg, scale: p.scale, file: p.cached });
            });
            w.removeAllListeners('error');
            if (reply.error) throw new Error(`drawing a chart's PNG failed: ${reply.error}`);
          }
        } finally {
          await w.terminate();
        }
      }),
    );
  } finally {
    rmSync(fontFile, { force: true });
  }
}

/** The PNG of `svg` at `target`, from the cache or drawn into it. */
interface PngJob {
  svg: string;
  scale: number;
  cached: string;
  target: string;
}

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
        const pending = jobs.filter((j) => !existsSync(j.cached));
        if (font) await renderPngs(pending, font, cacheDir, worker);
        for (const j of jobs) copyFileSync(j.cached, j.target);
        logger.info(
          `${charts.length} charts (pictures and embed pages) and ${cards.length} share cards: ${pending.length} PNGs drawn, ${jobs.length - pending.length} from the cache, in ${((performance.now() - started) / 1000).toFixed(1)}s`,
        );
      },
    },
  };
}
