/**
 * Synthetic corpora for the benchmark: the seed texts rewritten for other cities, years,
 * departments and numbers, reproducibly from a seed number.
 */
import { extractReport } from '../../src/extraction/index.ts';
import type { Registry } from '../../src/extraction/types.ts';

/** mulberry32: a small, fast, seedable PRNG (the same seed gives the same corpus). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticText {
  name: string;
  text: string;
  city: string;
}

type PlaceNames = Array<[string, (city: { name: string; short: string }) => string]>;

/**
 * A template's own place names, longest first, each with what stands in its place in a copy for
 * `city`; null for a text whose place or year the extractor does not find (ingest would refuse its copies).
 */
function placeNames(template: string, registry: Registry): PlaceNames | null {
  const read = extractReport(template, registry);
  const place = registry.cities.find((c) => c.name === read.city);
  if (!place || !read.year) return null;
  const names = [...new Set([place.name, ...(place.aliases ?? [])])].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
  // A full name (襄阳市) becomes the new full name, a short one (襄阳) the new short one.
  return names.map((n) => [n, (city) => (/[市区县州盟旗]$/.test(n) ? city.name : city.short)]);
}

/**
 * `count` texts: each is a template (a seed, or a dev text when they are at hand) with its city renamed, its years shifted, its departments
 * swapped for others of the registry, and every Arabic number scaled by a random factor.
 */
export function makeCorpus(templates: string[], registry: Registry, count: number, seed = 42): SyntheticText[] {
  const random = prng(seed);
  const sources = templates.flatMap((text) => {
    const places = placeNames(text, registry);
    return places ? [{ text, places }] : [];
  });
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const cities = registry.cities.filter((c) => c.aliases?.length);
  const departments = registry.departments.filter((d) => !d.name.includes('{city}'));
  const out: SyntheticText[] = [];
  for (let i = 0; i < count; i++) {
    const city = cities[i % cities.length]!; // every city in turn: about count/300 reports each
    const short = city.aliases![0]!;
    const shift = Math.floor(random() * 8) - 4;
    const source = pick(sources);
    let text = source.text;
    for (const [name, stand] of source.places) text = text.split(name).join(stand({ name: city.name, short }));
    text = text.replace(/(20[12]\d)(?=年|-)/g, (y) => String(Number(y) + shift));
    // Swap two departments' names (full and short) so each city's pages differ.
    const [a, b] = [pick(departments), pick(departments)];
    if (a !== b) {
      const names = (d: typeof a) => [d.name, ...d.aliases.filter((x) => x.startsWith('市'))];
      const swap = new Map<string, string>();
      names(a).forEach((n) => swap.set(n, b.name));
      names(b).forEach((n) => swap.set(n, a.name));
      // Whole names only (after punctuation or a line start), so no name is cut into another.
      const re = new RegExp(`(?<![\\u4e00-\\u9fa5])(${[...swap.keys()].sort((x, y) => y.length - x.length).join('|')})(?![\\u4e00-\\u9fa5]*[局委办会队])`, 'g');
      text = text.replace(re, (m) => swap.get(m)!);
    }
    const factor = 0.5 + random();
    text = text.replace(/\d+(\.\d+)?(?=[万亿个人家所元项套张户件次场处条%])/g, (n) => {
      const decimals = n.includes('.') ? n.split('.')[1]!.length : 0;
      return (Number(n) * factor).toFixed(decimals);
    });
    out.push({ name: `${String(i).padStart(5, '0')}_${city.slug}.txt`, text, city: city.name });
  }
  return out;
}
