/**
 * What a slug may be. Slugs become folder and file names (content/reports/SLUG.mdx, dist/CITY/DEPT/)
 * and URLs, so they are checked before any path is built from them: lower-case letters, digits and
 * hyphens only, and never a name the site uses for its own pages.
 */
export const SLUG_FORM = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_FORM_HINT = 'lower-case letters, digits and hyphens only (e.g. xiangyang or xiangyang-2024-minsheng)';

/** Top-level names of the site's own pages and folders: a city named so would replace or hide them. */
export const RESERVED_CITY_SLUGS = new Set([
  'reports',
  'compare',
  'downloads',
  'search',
  'data',
  'pagefind',
  '_astro',
  'feed',
  'sitemap',
  '404',
  'en',
  'topics',
  'embed',
  'og',
  'index',
  'assets',
  'api',
]);

export const isSlug = (s: unknown): s is string => typeof s === 'string' && s.length <= 100 && SLUG_FORM.test(s);

/** A department's page sits beside the city's year pages (/CITY/2024/): a year-like slug would clash. */
export const isYearLike = (s: string) => /^\d{4}$/.test(s);
