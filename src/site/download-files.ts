/** Where each download is, under the site's data folder (pages link to them; src/site/downloads.ts writes them). */
/**
 * A city's files and a report's file, under the data folder. A city's files repeat its reports'
 * rows, so they are gzip-compressed (a sixth of the size: the site must fit GitHub Pages); a
 * report's own CSV, what a resident opens in a spreadsheet, stays plain.
 */
export const cityFiles = (slug: string) => ({
  csv: `${slug}.csv.gz`,
  json: `${slug}.json.gz`,
  pledgesCsv: `${slug}-pledges.csv.gz`,
  pledgesJson: `${slug}-pledges.json.gz`,
});
export const reportFile = (slug: string) => `reports/${slug}.csv`;
/** The site-wide files. */
export const SITE_FILES = { csv: 'metrics.csv.gz', json: 'metrics.json.gz', pledgesCsv: 'pledges.csv.gz', pledgesJson: 'pledges.json.gz' } as const;
