/**
 * Synthetic corpora for the benchmark: the seed texts rewritten for other cities, years,
 * departments and numbers, reproducibly from a seed number.
 */
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

export interface SyntheticText { name: string; text: string; city: string }

const SEED_CITIES = ['襄阳', '衡阳', '新乡', '青岛'];

/**
 * `count` texts: each is a seed with its city renamed, its years shifted, its departments
 * swapped for others of the registry, and every Arabic number scaled by a random factor.
 */
export function makeCorpus(seeds: string[], registry: Registry, count: number, seed = 42): SyntheticText[] {
  const random = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const cities = registry.cities.filter((c) => c.aliases?.length);
  const departments = registry.departments.filter((d) => !d.name.includes('{city}'));
  const out: SyntheticText[] = [];
  for (let i = 0; i < count; i++) {
    const city = cities[i % cities.length]!; // every city in turn: about count/300 reports each
    const short = city.aliases![0]!;
    const shift = Math.floor(random() * 8) - 4;
    let text = pick(seeds);
    for (const c of SEED_CITIES) text = text.split(c).join(short);
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
