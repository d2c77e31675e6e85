/** Lookups over the city/department registry (the data itself lives in content/registry/). */
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
  const short = city ? city.replace(/(市|地区|盟|自治州)$/, '') : null;
  const expand = (s: string) => (short ? s.split('{city}').join(short) : s);
  const common = registry.departments.flatMap((d) => {
    if (!d.name.includes('{city}')) return [d];
    return short ? [{ name: expand(d.name), slug: d.slug, aliases: d.aliases.map(expand) }] : [];
  });
  return [...common, ...(city ? registry.cityDepartments[city] ?? [] : [])];
}

function namesFor(registry: Registry, city: string | null): Array<[string, DepartmentEntry]> {
  const entries = departmentsOf(registry, city);
  const names: Array<[string, DepartmentEntry]> = [];
  for (const e of entries) for (const n of [e.name, ...e.aliases]) names.push([n, e]);
  return names.sort((a, b) => b[0].length - a[0].length);
}

const matcherCache = new WeakMap<Registry, Map<string, { re: RegExp; byName: Map<string, DepartmentEntry> }>>();

function matcher(registry: Registry, city: string | null) {
  let perCity = matcherCache.get(registry);
  if (!perCity) matcherCache.set(registry, (perCity = new Map()));
  const key = city ?? '';
  let m = perCity.get(key);
  if (!m) {
    const names = namesFor(registry, city);
    const escaped = names.map(([n]) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    m = { re: new RegExp(escaped.join('|'), 'g'), byName: new Map(names) };
    perCity.set(key, m);
  }
  return m;
}

/**
 * Every registry department named in `text`. A bare alias preceded by 县/区 names a
 * county's body (延津县教育局), not the city's, and is skipped.
 */
export function findDepartments(text: string, registry: Registry, city: string | null): DepartmentMatch[] {
  const { re, byName } = matcher(registry, city);
  const out: DepartmentMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (!m[0].startsWith('市') && /[县区镇]/.test(before)) continue;
    const entry = byName.get(m[0]);
    if (entry) out.push({ start: m.index, end: m.index + m[0].length, entry });
  }
  return out;
}

/** Full name for a department written in a list such as (牵头单位:市教育局、市妇联). */
export function resolveDepartment(name: string, registry: Registry, city: string | null): DepartmentEntry {
  // 新乡市教育局 → 市教育局, but 市城市管理局 keeps its name: only a real city's name is a prefix.
  const prefix = /^([\u4e00-\u9fa5]{2,7}?)市(?=[\u4e00-\u9fa5]{2,})/.exec(name.trim());
  const isCity = prefix && registry.cities.some((c) => c.name === `${prefix[1]}市` || c.aliases?.includes(prefix[1]!));
  const trimmed = isCity ? name.trim().slice(prefix![1]!.length + 1) : name.trim();
  const withCity = trimmed.startsWith('市') ? trimmed : `市${trimmed}`;
  const { byName } = matcher(registry, city);
  const known = byName.get(trimmed) ?? byName.get(withCity);
  if (known) return known;
  return { name: trimmed, slug: '', aliases: [] };
}

const cityMatchers = new WeakMap<Registry, { re: RegExp; byName: Map<string, CityEntry> }>();

/** The registry city a text is about: the one whose names it mentions most (a full name counts double). */
export function detectCity(text: string, registry: Registry): CityEntry | null {
  let m = cityMatchers.get(registry);
  if (!m) {
    const byName = new Map<string, CityEntry>();
    for (const city of registry.cities) for (const name of [city.name, ...(city.aliases ?? [])]) if (name.length >= 2 && !byName.has(name)) byName.set(name, city);
    const names = [...byName.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    m = { re: new RegExp(names.join('|'), 'g'), byName };
    cityMatchers.set(registry, m);
  }
  const scores = new Map<CityEntry, number>();
  for (const hit of text.matchAll(m.re)) {
    const city = m.byName.get(hit[0])!;
    scores.set(city, (scores.get(city) ?? 0) + (hit[0] === city.name ? 2 : 1));
  }
  let best: CityEntry | null = null;
  let bestScore = 0;
  for (const city of registry.cities) {
    const score = scores.get(city) ?? 0;
    if (score > bestScore) { best = city; bestScore = score; }
  }
  return best;
}
