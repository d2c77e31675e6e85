/**
 * An Astro integration that gives every chart the pages drew its own files, at the build's end:
 * /embed/PAGE/CHART/ with the embed page (for an <iframe>), NAME.svg (the picture, standalone)
 * and NAME.png (the same picture rendered by resvg at twice its size, with Noto Sans CJK); and
 * every page that asked for one its share card, /og/PAGE.png.
 *
 * A PNG is kept in the cache folder under the hash of its SVG: a chart that has not changed
 * costs nothing on the next build. The font is cut down to the characters of the charts still
 * to render, so that each render loads a small font instead of a 20 MB collection.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';
import subsetFont from 'subset-font';
import { chartPaths, embedHtml, pictureCss, pictureSvg, type ChartRecord } from './chart-picture.ts';
import { takePictures } from './chart-registry.ts';
import { shareCardPath, shareCardSvg } from './share-card.ts';
import { cjkFontFile, simplifiedChineseFace } from './cjk-font.ts';

export const SITE_NAME = '向市民报告';
/** PNGs are drawn at twice the SVG's size, for sharp text on phones and in print. */
const PNG_SCALE = 2;

type Pending = Pick<PngJob, 'svg' | 'cached' | 'scale'>;

/** Renders the pictures whose PNG is not in the cache yet, with one font cut to their characters. */
async function renderPngs(pending: Pending[], fontDir: string): Promise<void> {
  const file = cjkFontFile();
  if (!file || pending.length === 0) return;
  const text = new Set<string>();
  for (const p of pending) for (const m of p.svg.matchAll(/>([^<]+)</g)) for (const ch of m[1]!) text.add(ch);
  const font = await subsetFont(simplifiedChineseFace(file), [...text].join(''), { targetFormat: 'sfnt' });
  mkdirSync(fontDir, { recursive: true });
  const fontFile = join(fontDir, 'charts-font.otf');
  writeFileSync(fontFile, font);
  // resvg draws on this thread; sharp's palette encoding (a quarter the bytes of resvg's own
  // PNG, no loss a reader sees) runs on libvips' threads, a few pictures at a time.
  const encoding = new Set<Promise<void>>();
  for (const p of pending) {
    const image = new Resvg(p.svg, {
      fitTo: { mode: 'zoom', value: p.scale },
      font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: 'Noto Sans CJK SC' },
    }).render();
    const done: Promise<void> = sharp(Buffer.from(image.pixels), { raw: { width: image.width, height: image.height, channels: 4 } })
      .png({ palette: true, colours: 32, compressionLevel: 9, effort: 1 })
      .toFile(p.cached)
      .then(() => void encoding.delete(done));
    encoding.add(done);
    if (encoding.size >= 4) await Promise.race(encoding);
  }
  await Promise.all(encoding);
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
  return {
    name: 'minsheng:chart-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = new URL(config.base.replace(/\/?$/, '/'), config.site ?? 'https://example.github.io').href;
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = fileURLToPath(new URL('../charts/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { charts, cards } = takePictures();
        if (charts.length === 0 && cards.length === 0) return;
        const out = fileURLToPath(dir);
        const css = pictureCss(readFileSync(join(publicDir, 'site.css'), 'utf8'));
        const withPng = cjkFontFile() !== null;
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
          const { folder, name } = chartPaths(chart.page, chart.id);
          const picture = pictureSvg(chart, css, SITE_NAME);
          mkdirSync(join(out, folder), { recursive: true });
          writeFileSync(join(out, folder, `${name}.svg`), picture.svg);
          const links = {
            chartUrl: new URL(`${chart.page ? chart.page + '/' : ''}#${encodeURIComponent(chart.id)}`, site).href,
            embedUrl: new URL(`${folder}/`, site).href,
          };
          writeFileSync(
            join(out, folder, 'index.html'),
            embedHtml(chart, { file: `${name}.svg`, width: picture.width, height: picture.height }, links, SITE_NAME),
          );
          if (withPng) png(picture.svg, PNG_SCALE, join(out, folder, `${name}.png`));
        }
        if (withPng)
          for (const card of cards) {
            const chart = firstChart.get(card.page);
            const target = join(out, shareCardPath(card.page));
            mkdirSync(dirname(target), { recursive: true });
            png(shareCardSvg(card, SITE_NAME, chart && { record: chart, css }), 1, target);
          }
        const pending = jobs.filter((j) => !existsSync(j.cached));
        await renderPngs(pending, cacheDir);
        for (const j of jobs) copyFileSync(j.cached, j.target);
        logger.info(
          `${charts.length} charts (pictures and embed pages) and ${cards.length} share cards: ${pending.length} PNGs drawn, ${jobs.length - pending.length} from the cache, in ${((performance.now() - started) / 1000).toFixed(1)}s`,
        );
      },
    },
  };
}
