/**
 * A chart on its own, outside its page: the picture (a standalone SVG with its title and source
 * line, which is also what the PNG is rendered from) and the embed page that shows it in another
 * site's <iframe>. Pure functions of the chart as its page drew it (`ChartRecord`).
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { clip } from './format.ts';

export interface ChartRecord {
  /** The page's path under the site's base, without slashes at either end ('' for the home page). */
  page: string;
  /** The chart's anchor on its page. */
  id: string;
  title: string;
  summary: string;
  source: string;
  /** What the page drew: the inside of one <svg viewBox="0 0 width height">, or (no size) a run of whole <svg> elements. */
  markup: string;
  width?: number;
  height?: number;
  /** The PNG's size, times the SVG's (2 for sharp text on phones and in print); 0 for no PNG. */
  pngScale: number;
}

/** A chart's own files, under the site's base: /embed/PAGE/KEY.html (the embed page), KEY.svg and KEY.png. */
export interface ChartPaths {
  embed: string;
  svg: string;
  png: string;
  /** The name the pictures are saved as (the page and the chart, in ASCII), without its extension. */
  download: string;
}

/**
 * A chart id as a file name: ASCII ids stay; one with other characters (unit-人, unit-%) is spelled
 * in pinyin or code points and given a few hex digits of its hash, so two units that read alike
 * never share a file.
 */
export function chartKey(id: string): string {
  if (/^[a-z0-9-]+$/.test(id)) return id;
  const spelled = Array.from(id, (ch) =>
    /[a-z0-9-]/.test(ch) ? ch : /\p{Script=Han}/u.test(ch) ? pinyin(ch, { toneType: 'none', v: true }) : `-u${ch.codePointAt(0)!.toString(16)}-`,
  )
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${spelled || 'chart'}-${createHash('sha1').update(id).digest('hex').slice(0, 6)}`;
}

export function chartPaths(page: string, id: string): ChartPaths {
  const stem = `embed/${page || 'index'}/${chartKey(id)}`;
  return { embed: `${stem}.html`, svg: `${stem}.svg`, png: `${stem}.png`, download: `${(page || 'index').replaceAll('/', '-')}-${chartKey(id)}` };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The chart rules of the site's stylesheet (between its "chart picture" marks) with the light
 * theme's colours put in for the variables: a picture is read on its own, where no page's
 * variables and no dark mode reach it.
 */
export function pictureCss(siteCss: string): string {
  const block = /\/\* chart picture: begin[\s\S]*?\*\/([\s\S]*?)\/\* chart picture: end \*\//.exec(siteCss)?.[1];
  if (!block) throw new Error('public/site.css: the "chart picture: begin" … "chart picture: end" marks are missing');
  const light = new Map<string, string>();
  const root = /:root\s*\{([^}]*)\}/g;
  for (let m = root.exec(siteCss); m; m = root.exec(siteCss))
    for (const [, name, value] of m[1]!.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) if (!light.has(name!)) light.set(name!, value!.trim());
  return block
    .replace(/var\(--([\w-]+)\)/g, (whole, name: string) => light.get(name) ?? whole)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\s*([{};:,])\s*/g, '$1')
    .trim();
}

const PAD = 16;
const TITLE_H = 34;
const SOURCE_H = 30;

/** The parts of a chart of several small SVGs, stacked one under another; the size of the whole. */
function stacked(markup: string): { markup: string; width: number; height: number } {
  let y = 0;
  let width = 0;
  const out = markup.replace(/<svg\b([^>]*?)viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/g, (_, attrs: string, w: string, h: string) => {
    const at = y;
    y += Number(h);
    width = Math.max(width, Number(w));
    // visible, as on the page: a nested <svg> clips what it draws past its edge (the tick label 0)
    return `<svg${attrs}x="0" y="${at}" width="${w}" height="${h}" overflow="visible" viewBox="0 0 ${w} ${h}"`;
  });
  return { markup: out, width, height: y };
}

/** The chart as one SVG file: white ground, title, the chart as drawn on its page, source line. */
export function pictureSvg(chart: ChartRecord, css: string, siteName: string): { svg: string; width: number; height: number } {
  const body = chart.width && chart.height ? { markup: chart.markup, width: chart.width, height: chart.height } : stacked(chart.markup);
  const width = body.width + 2 * PAD;
  const height = TITLE_H + body.height + SOURCE_H + PAD;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif" font-size="13">` +
    `<title>${escapeXml(chart.title)}</title><desc>${escapeXml(chart.summary)}</desc>` +
    `<style>${css} .picture-title{font-size:16px;font-weight:700;fill:#1b1b1b}.picture-source{font-size:11px;fill:#555}</style>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text class="picture-title" x="${PAD}" y="${PAD + 10}">${escapeXml(clip(chart.title, 26))}</text>` +
    `<g transform="translate(${PAD} ${TITLE_H + 8})">${body.markup}</g>` +
    `<text class="picture-source" x="${PAD}" y="${height - PAD}">${escapeXml(clip(`来源:${chart.source}`, 34))} · ${escapeXml(siteName)}</text>` +
    `</svg>`;
  return { svg, width, height };
}

export interface EmbedLinks {
  /** The chart on its page, absolute. */
  chartUrl: string;
  /** The embed page, absolute. */
  embedUrl: string;
  /** The embed pages' one stylesheet (public/embed.css), under the base. */
  stylesheet: string;
}

/** How much taller the embed page is than its chart: the picture's title and source line, then the page's heading, summary and link. */
const EMBED_EXTRA = TITLE_H + SOURCE_H + PAD + 130;

/** The <iframe> a reader copies to put the chart in their own page (`height`: the chart's, when it is one SVG). */
export function embedSnippet(title: string, embedUrl: string, height?: number): string {
  const tall = height ? Math.round(height + EMBED_EXTRA) : 480;
  return `<iframe src="${escapeXml(embedUrl)}" title="${escapeXml(title)}" width="480" height="${tall}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

/**
 * The page inside the <iframe>: the chart's picture with its title, summary (the picture's text
 * alternative), source line and a link back to the chart on its page. No script; one small
 * stylesheet shared by every embed page; not for search engines (the chart's page is the one to find).
 */
export function embedHtml(chart: ChartRecord, picture: { file: string; width: number; height: number }, links: EmbedLinks, siteName: string): string {
  const title = escapeXml(chart.title);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · ${escapeXml(siteName)}</title>
<link rel="canonical" href="${escapeXml(links.chartUrl)}">
<link rel="stylesheet" href="${escapeXml(links.stylesheet)}">
</head>
<body>
<figure>
<figcaption><h1>${title}</h1><p id="summary">${escapeXml(chart.summary)}</p></figcaption>
<img src="${escapeXml(picture.file)}" width="${picture.width}" height="${picture.height}" alt="${escapeXml(chart.summary)}">
<p class="source">来源:${escapeXml(chart.source)} · <a href="${escapeXml(links.chartUrl)}" target="_blank" rel="noopener">在${escapeXml(siteName)}查看数据和原文</a></p>
</figure>
</body>
</html>
`;
}
