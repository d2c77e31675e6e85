/**
 * A department page prints each figure once in a table: a figure of a pledge in the ledger (its
 * target, result or stated rate), every other figure in the table of figures. Its charts point to
 * those tables rather than repeat them (the site must fit GitHub Pages at 10,000 reports).
 */
import type { SourcedMetric } from './catalog.ts';
import type { Pledge } from './pledges.ts';
import type { Lang } from './i18n/lang.ts';
import { messages } from './i18n/messages.ts';

/** A table of the page that a chart's data is found in. */
export interface PageTable {
  id: string;
  name: string;
}

/** The figures the ledger of these pledges shows, each with a link to its sentence. */
export function ledgerFigures(pledges: Pledge[]): Set<SourcedMetric> {
  return new Set(pledges.flatMap((p) => [p.target, p.result, p.stated].filter((m): m is SourcedMetric => m !== undefined)));
}

/** The page's figure tables: the ledger when there are pledges, the table of the rest when any are left. */
export function figureTables(ledgerId: string | null, tableId: string | null, lang: Lang = 'zh'): PageTable[] {
  const words = messages(lang);
  return [ledgerId && { id: ledgerId, name: words.pledgeTable }, tableId && { id: tableId, name: words.figureTable }].filter((t): t is PageTable => Boolean(t));
}
