/**
 * The charts the pages drew during a build, and the pages that asked for a share card, kept for
 * the build's end (chart-files.ts), which writes each chart's pictures and embed page and each
 * card's PNG. Astro renders the pages and runs its integrations'
 * hooks in one process, but from separately bundled modules: the list lives on globalThis so
 * that both ends see the same one.
 */
import type { ChartRecord } from './chart-picture.ts';
import type { ShareCard } from './share-card.ts';

interface Drawn {
  charts: ChartRecord[];
  cards: ShareCard[];
}
const KEY = Symbol.for('minsheng.pictures');
const drawn = (): Drawn => ((globalThis as { [KEY]?: Drawn })[KEY] ??= { charts: [], cards: [] });

export const recordChart = (chart: ChartRecord) => void drawn().charts.push(chart);
export const recordShareCard = (card: ShareCard) => void drawn().cards.push(card);

/** What was drawn since the last call, which empties the lists. */
export function takePictures(): Drawn {
  const taken = drawn();
  (globalThis as { [KEY]?: Drawn })[KEY] = { charts: [], cards: [] };
  return taken;
}
