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
  return [...common, ...(city ? (registry.cityDepartments[city] ?? []) : [])];
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

/**
 * The department whose name starts at `pos` of `text`, maybe with its level (区发展改革委 at a
 * district, 市财政局), as a full name; null when none starts there.
 */
export function departmentAt(text: string, pos: number, registry: Registry, city: string | null): string | null {
  const { phrases, byName } = matcher(registry, city);
  const level = LEVEL.exec(text.slice(pos, pos + 24))?.[1] ?? '';
  const phrase = phrases.longestAt(text, pos + level.length);
  const entry = phrase !== undefined && !(level && phrase.startsWith('市')) ? byName.get(phrase) : undefined;
  if (!entry) return null;
  return level ? resolveDepartment(level + phrase, registry, city).name : entry.name;
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

/** The level a department's name begins with, when it is not the city's: 区教委, 县民政局, 州人社局. */
const LEVEL = /^(区|县|州|旗|盟)(?=[\u4e00-\u9fa5]{2,})/;

/**
 * Full name for a department written in a list such as (牵头单位:市教育局、市妇联). A county's or
 * district's body keeps its level: 区教委 → 区教育委员会 (the registry's 市教育委员会 at the 区 level).
 * A name the registry does not know is kept as written: the registry helps, it is not required.
 */
/** The city-level name of a county's or district's body (区教育委员会 → 市教育委员会), or null for a city's own. */
export function cityLevelName(name: string): string | null {
  return LEVEL.test(name.trim()) ? `市${name.trim().slice(1)}` : null;
}

export function resolveDepartment(name: string, registry: Registry, city: string | null): DepartmentEntry {
  const level = LEVEL.exec(name.trim());
  if (level) {
    const asCity = resolveCityDepartment(cityLevelName(name)!, registry, city);
    return asCity.slug ? { ...asCity, name: level[1] + asCity.name.replace(/^市/, ''), aliases: [] } : { name: name.trim(), slug: '', aliases: [] };
  }
  return resolveCityDepartment(name, registry, city);
}

function resolveCityDepartment(name: string, registry: Registry, city: string | null): DepartmentEntry {
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

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Whether text[start, end) begins and ends on word boundaries (ICU's dictionary segmentation of the surroundings). */
function isWholeWord(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 6);
  const window = text.slice(from, Math.min(text.length, end + 6));
  const bounds = new Set<number>();
  for (const s of wordSegmenter.segment(window)) {
    bounds.add(from + s.index);
    bounds.add(from + s.index + s.segment.length);
  }
  return bounds.has(start) && (bounds.has(end) || !/[\u4e00-\u9fa5]/.test(text[end] ?? ''));
}

const placeMatchers = new WeakMap<Registry, { phrases: PhraseMatcher; byName: Map<string, CityEntry[]>; byFullName: Map<string, CityEntry> }>();

/**
 * The place a text is about, as specific as the text allows: the city whose names (and whose
 * counties' and districts' names) it mentions most, a full name counting double; then one of
 * that city's counties or districts when the text is about it rather than about the city: it is
 * named at least as often as the city itself, and twice as often as any other county of the
 * city (a city's report that lists its districts stays the city's). A name several places share
 * (鼓楼区) counts for each of them, a share.
 */
export function detectCity(text: string, registry: Registry, headline = ''): CityEntry | null {
  let m = placeMatchers.get(registry);
  if (!m) {
    const byName = new Map<string, CityEntry[]>();
    for (const place of registry.cities) {
      for (const name of new Set([place.name, ...(place.aliases ?? [])])) {
        if (name.length < 2) continue;
        const list = byName.get(name);
        if (list) list.push(place);
        else byName.set(name, [place]);
      }
    }
    m = { phrases: new PhraseMatcher(byName.keys()), byName, byFullName: new Map(registry.cities.map((c) => [c.name, c])) };
    placeMatchers.set(registry, m);
  }
  const own = new Map<CityEntry, number>(); // mentions of each place itself
  // The headline says what the text is about better than a masthead (北京青年报) does: its mentions count three times.
  for (const [source, weight] of [
    [text, 1],
    [headline, 2],
  ] as const) {
    for (const hit of m.phrases.find(source)) {
      const places = m.byName.get(hit.phrase)!;
      // A county's name inside a longer word is no mention of it: 新建区域 is not 新建区, 完成安装 not 成安.
      // So is a city's short name inside one: 大理石 is marble, not 大理.
      const short = places.every((p) => p.name !== hit.phrase);
      if ((places[0]!.parent !== undefined || short) && !isWholeWord(source, hit.start, hit.end)) continue;
      for (const place of places) {
        const full = hit.phrase === place.name || (place.parent !== undefined && hit.phrase === place.aliases?.[0] && places.length === 1);
        own.set(place, (own.get(place) ?? 0) + (weight * (full ? 2 : 1)) / places.length);
      }
    }
  }
  // A government page's 索引号 (or 统一社会信用代码) begins with its publisher's code, 11 + the
  // place's GB/T 2260 code: 11330683… is 嵊州市's government. It says whose page this is as
  // surely as a headline does, where the text may name its place once, by its short name, or never.
  const publisher = publisherPlace(text, registry, m.byFullName);
  if (publisher) own.set(publisher, (own.get(publisher) ?? 0) + 2 * 2);
  const cityScore = new Map<CityEntry, number>();
  for (const [place, score] of own) {
    const city = place.parent ? m.byFullName.get(place.parent) : place;
    if (city) cityScore.set(city, (cityScore.get(city) ?? 0) + score);
  }
  let best: CityEntry | null = null;
  let bestScore = 0;
  for (const city of registry.cities) {
    const score = cityScore.get(city) ?? 0;
    if (score > bestScore) {
      best = city;
      bestScore = score;
    }
  }
  if (!best) return null;
  const counties = [...own].filter(([p]) => p.parent === best!.name).sort((a, b) => b[1] - a[1]);
  const [first, second] = counties;
  if (first && first[1] >= (own.get(best) ?? 0) && first[1] >= 2 * (second?.[1] ?? 0) && first[1] >= 1) return first[0];
  return best;
}

const PUBLISHER_CODE = /(?:索\s*引\s*号|信用代码)[\s::|]{0,6}1[1-3](\d{6})[0-9A-Z]{10}/;
const placesByCode = new WeakMap<Registry, Map<string, CityEntry>>();

/**
 * The place whose government published the page, from the code its 索引号 opens with: a county's
 * or district's own code, or a city's (its code ends 00: the city of the places that share its first four digits).
 */
function publisherPlace(text: string, registry: Registry, cityByName: ReadonlyMap<string, CityEntry>): CityEntry | null {
  const code = PUBLISHER_CODE.exec(text.slice(0, 4000))?.[1];
  if (!code) return null;
  let byCode = placesByCode.get(registry);
  if (!byCode) {
    byCode = new Map(registry.cities.filter((c) => c.code).map((c) => [c.code!, c]));
    placesByCode.set(registry, byCode);
  }
  const place = byCode.get(code);
  if (place) return place;
  if (!code.endsWith('00')) return null;
  const county = [...byCode.entries()].find(([c]) => c.startsWith(code.slice(0, 4)))?.[1];
  return (county?.parent && cityByName.get(county.parent)) || null;
}
