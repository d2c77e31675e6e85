/** Lookups over the city/department registry (the data itself lives in content/registry/). */
import { PhraseMatcher } from './phrases.ts';
import type { CityEntry, DepartmentEntry, Registry } from './types.ts';

export interface DepartmentMatch {
  start: number;
  end: number;
  entry: DepartmentEntry;
}

/** All department names and aliases known for a city, longest first so 市人社局 beats 人社局. */
/**
 * The departments a city has: the common ones, its own, and the templates made concrete
 * ("国网{city}供电公司" is 国网衡阳供电公司 in 衡阳市).
 */
export function departmentsOf(registry: Registry, city: string | null): DepartmentEntry[] {
  // The city's usual short names: its registry aliases (西双版纳), else its name without 市.
  const entry = city ? registry.cities.find((c) => c.name === city) : undefined;
  const shorts = city ? [...new Set([...(entry?.aliases ?? []), city.replace(/(市|地区|盟|自治州)$/, '')])] : [];
  const common = registry.departments.flatMap((d) => {
    if (!d.name.includes('{city}')) return [d];
    if (!shorts.length) return [];
    const expand = (s: string, short: string) => s.split('{city}').join(short);
    // One entry, named after the first short name; every short name's spelling is an alias.
    const names = shorts.flatMap((short) => [expand(d.name, short), ...d.aliases.map((a) => expand(a, short))]);
    return [{ name: names[0]!, slug: d.slug, aliases: names.slice(1) }];
  });
  return [...common, ...(city ? registry.cityDepartments[city] ?? [] : [])];
}

function namesFor(registry: Registry, city: string | null): Array<[string, DepartmentEntry]> {
  const entries = departmentsOf(registry, city);
  const names: Array<[string, DepartmentEntry]> = [];
  for (const e of entries) for (const n of [e.name, ...e.aliases]) names.push([n, e]);
  return names.sort((a, b) => b[0].length - a[0].length);
}

const matcherCache = new WeakMap<Registry, Map<string, { phrases: PhraseMatcher; byName: Map<string, DepartmentEntry>; endings: RegExp }>>();

function matcher(registry: Registry, city: string | null) {
  let perCity = matcherCache.get(registry);
  if (!perCity) matcherCache.set(registry, (perCity = new Map()));
  const key = city ?? '';
  let m = perCity.get(key);
  if (!m) {
    const names = namesFor(registry, city);
    const last = [...new Set(names.map(([n]) => n.slice(-1)))].join('').replace(/[\]\\^-]/g, '\\$&');
    m = { phrases: new PhraseMatcher(names.map(([n]) => n)), byName: new Map(names), endings: new RegExp(`[${last}]`) };
    perCity.set(key, m);
  }
  return m;
}

/** A quick test before the search: a text that has no character a department's name ends with names none. */
export function mayNameDepartment(text: string, registry: Registry, city: string | null): boolean {
  return matcher(registry, city).endings.test(text);
}

/**
 * Every registry department named in `text`. A bare alias preceded by 县/区 names a
 * county's body (延津县教育局), not the city's, and is skipped.
 */
export function findDepartments(text: string, registry: Registry, city: string | null): DepartmentMatch[] {
  const { phrases, byName } = matcher(registry, city);
  const out: DepartmentMatch[] = [];
  for (const hit of phrases.find(text)) {
    const before = text.slice(Math.max(0, hit.start - 1), hit.start);
    if (!hit.phrase.startsWith('市') && /[县区镇]/.test(before)) continue;
    const entry = byName.get(hit.phrase);
    if (entry) out.push({ start: hit.start, end: hit.end, entry });
  }
  return out;
}

const cityNameSets = new WeakMap<Registry, Set<string>>();

/** True when `name` (without 市) is a registry city's short name: 新乡 (新乡市) or an alias such as 西双版纳. */
export function isCityShortName(name: string, registry: Registry): boolean {
  let names = cityNameSets.get(registry);
  if (!names) {
    names = new Set<string>();
    for (const c of registry.cities) {
      if (c.name.endsWith('市')) names.add(c.name.slice(0, -1));
      for (const a of c.aliases ?? []) names.add(a);
    }
    cityNameSets.set(registry, names);
  }
  return names.has(name);
}

/** Full name for a department written in a list such as (牵头单位:市教育局、市妇联). */
export function resolveDepartment(name: string, registry: Registry, city: string | null): DepartmentEntry {
  // 新乡市教育局 → 市教育局, but 市城市管理局 keeps its name: only a real city's name is a prefix.
  const prefix = /^([\u4e00-\u9fa5]{2,7}?)市(?=[\u4e00-\u9fa5]{2,})/.exec(name.trim());
  const isCity = prefix && isCityShortName(prefix[1]!, registry);
  const trimmed = isCity ? name.trim().slice(prefix![1]!.length + 1) : name.trim();
  const withCity = trimmed.startsWith('市') ? trimmed : `市${trimmed}`;
  const { byName } = matcher(registry, city);
  const known = byName.get(trimmed) ?? byName.get(withCity);
  if (known) return known;
  return { name: trimmed, slug: '', aliases: [] };
}

const cityMatchers = new WeakMap<Registry, { phrases: PhraseMatcher; byName: Map<string, CityEntry> }>();

/** The registry city a text is about: the one whose names it mentions most (a full name counts double). */
export function detectCity(text: string, registry: Registry): CityEntry | null {
  let m = cityMatchers.get(registry);
  if (!m) {
    const byName = new Map<string, CityEntry>();
    for (const city of registry.cities) for (const name of [city.name, ...(city.aliases ?? [])]) if (name.length >= 2 && !byName.has(name)) byName.set(name, city);
    m = { phrases: new PhraseMatcher(byName.keys()), byName };
    cityMatchers.set(registry, m);
  }
  const scores = new Map<CityEntry, number>();
  for (const hit of m.phrases.find(text)) {
    const city = m.byName.get(hit.phrase)!;
    scores.set(city, (scores.get(city) ?? 0) + (hit.phrase === city.name ? 2 : 1));
  }
  let best: CityEntry | null = null;
  let bestScore = 0;
  for (const city of registry.cities) {
    const score = scores.get(city) ?? 0;
    if (score > bestScore) { best = city; bestScore = score; }
  }
  return best;
}
