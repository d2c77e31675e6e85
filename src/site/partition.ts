/**
 * How the site splits by city, for builds that render only part of it: a search group per
 * city (a stable hash of its slug, 16 groups, each with its own search index), and CI shards
 * made of whole groups. MINSHENG_CITIES (slugs, comma-separated) limits a build's city pages.
 */
export const SEARCH_GROUPS = 16;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The search group (1…16) of a city. */
export const searchGroup = (citySlug: string) => (fnv1a(citySlug) % SEARCH_GROUPS) + 1;

/** True when the city belongs to CI shard `index` of `count` (1-based): groups are dealt out in turn. */
export const inShard = (citySlug: string, index: number, count: number) => (searchGroup(citySlug) - 1) % count === index - 1;

/** The cities this build renders pages for, from MINSHENG_CITIES; null means all. */
export function selectedCities(env: Record<string, string | undefined> = process.env): Set<string> | null {
  const list = env.MINSHENG_CITIES;
  return list === undefined || list === '*' ? null : new Set(list.split(',').filter(Boolean));
}
