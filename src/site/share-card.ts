/**
 * The picture a link to a page shows where it is shared (og:image, twitter:card): 800×420,
 * the site's name, the page's title and description, and the page's headline chart (its first)
 * drawn large, cut at the card's foot when it is long: a preview, not the chart's full record.
 */
import { escapeXml, type ChartRecord } from './chart-picture.ts';

/** The card is laid out on 1200×630 (the size link previews are designed for) … */
const LAYOUT_WIDTH = 1200;
const LAYOUT_HEIGHT = 630;
/**
 * … and drawn at 800×420: as sharp in a chat's preview, and a third of the bytes (a site of
 * 10,000 reports has some 15,000 cards, all counted against GitHub Pages' 1 GB).
 */
export const CARD_WIDTH = 800;
export const CARD_HEIGHT = 420;
export const CARD_ZOOM = CARD_WIDTH / LAYOUT_WIDTH;

export interface ShareCard {
  /** As ChartRecord.page: the page's path under the base, '' for the home page. */
  page: string;
  title: string;
  description: string;
  /** A page without a chart (a report) shows its first figures instead, value over label. */
  highlights?: Array<{ value: string; label: string }>;
}

/** Where a page's card is published, under the site's base. */
export const shareCardPath = (page: string) => `og/${page || 'index'}.png`;

/** Lines of at most `width` characters (a CJK character is one, two Latin letters are one), at most `lines` of them. */
function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of text) {
    const w = ch.codePointAt(0)! < 0x100 ? 0.55 : 1;
    if (used + w > width) {
      out.push(line);
      line = '';
      used = 0;
      if (out.length === lines) break;
    }
    line += ch;
    used += w;
  }
  if (out.length < lines && line) out.push(line);
  else if (out.length === lines && (line || out.join('').length < [...text].length)) out[lines - 1] = out[lines - 1]!.slice(0, -1) + '…';
  return out;
}

const PAD = 60;

/** The card as SVG: `chart` (with its CSS) is the page's first chart, if it has one. */
export function shareCardSvg(card: ShareCard, siteName: string, chart?: { record: ChartRecord; css: string }): string {
  const title = wrap(card.title, 22, chart ? 1 : 2);
  const description = wrap(card.description, 36, chart ? 1 : 3);
  let y = PAD + 28;
  const parts = [`<text class="card-site" x="${PAD}" y="${y}">${escapeXml(siteName)}</text>`];
  y += 30;
  for (const line of title) parts.push(`<text class="card-title" x="${PAD}" y="${(y += 62)}">${escapeXml(line)}</text>`);
  y += 12;
  for (const line of description) parts.push(`<text class="card-description" x="${PAD}" y="${(y += 40)}">${escapeXml(line)}</text>`);
  let style = '';
  if (!chart && card.highlights?.length) {
    const column = (LAYOUT_WIDTH - 2 * PAD) / 3;
    card.highlights.slice(0, 3).forEach((h, i) => {
      const x = PAD + i * column;
      parts.push(`<text class="card-value" x="${x}" y="${y + 110}">${escapeXml(wrap(h.value, 9, 1)[0] ?? '')}</text>`);
      wrap(h.label, 14, 2).forEach((line, j) => parts.push(`<text class="card-highlight" x="${x}" y="${y + 160 + j * 34}">${escapeXml(line)}</text>`));
    });
  }
  if (chart) {
    const top = y + 30;
    const scale = 2.2;
    const width = (LAYOUT_WIDTH - 2 * PAD) / scale;
    const height = (LAYOUT_HEIGHT - top - 20) / scale;
    const markup = chart.record.width
      ? chart.record.markup
      : // a chart of several small SVGs shows its first
        (/<svg\b[\s\S]*?<\/svg>/.exec(chart.record.markup)?.[0] ?? '');
    parts.push(
      `<svg x="${PAD}" y="${top}" width="${LAYOUT_WIDTH - 2 * PAD}" height="${LAYOUT_HEIGHT - top - 20}" viewBox="-12 0 ${width} ${height}" preserveAspectRatio="xMinYMin slice" font-size="13">${markup}</svg>`,
    );
    style = chart.css;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LAYOUT_WIDTH}" height="${LAYOUT_HEIGHT}" viewBox="0 0 ${LAYOUT_WIDTH} ${LAYOUT_HEIGHT}" font-family="Noto Sans CJK SC, sans-serif">` +
    `<style>${style} .card-site{font-size:28px;fill:#0b5394}.card-title{font-size:52px;fill:#1b1b1b}.card-description{font-size:30px;fill:#444}.card-value{font-size:44px;fill:#0064a8}.card-highlight{font-size:26px;fill:#1b1b1b}</style>` +
    `<rect width="100%" height="100%" fill="#fff"/><rect width="100%" height="12" fill="#0b5394"/>` +
    parts.join('') +
    `</svg>`
  );
}
