/** Loads the city/department registry that editors keep under content/registry/. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import type { CityEntry, DepartmentEntry, Registry } from '../extraction/types.ts';
import { yamlLines } from '../model/frontmatter.ts';
import { formatProblem, type Problem } from '../model/problem.ts';
import { isSlug, isYearLike, RESERVED_CITY_SLUGS, SLUG_FORM_HINT } from '../model/slugs.ts';

export const REGISTRY_DIR = 'content/registry';

/** The registry cannot be used; `problems` says where and why, each as file:line. */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

function readYaml(file: string): unknown {
  try {
    return yaml.load(readFileSync(file, 'utf8'), { filename: file });
  } catch (e) {
    throw new RegistryError(`${file}: ${(e as Error).message}`);
  }
}

function departmentList(file: string, where: string, raw: unknown): DepartmentEntry[] {
  if (!Array.isArray(raw)) throw new RegistryError(`${file}: ${where} must be a list of { name, slug, aliases }`);
  return raw.map((d, i) => {
    const e = d as Partial<DepartmentEntry>;
    if (typeof e?.name !== 'string' || !e.name) throw new RegistryError(`${file}: ${where}[${i}] has no name; give each department a name`);
    return { name: e.name, slug: typeof e.slug === 'string' ? e.slug : '', aliases: Array.isArray(e.aliases) ? e.aliases.map(String) : [] };
  });
}

/** A county-level place as places.yaml lists it. */
interface PlaceRow {
  name: string;
  city: string;
  slug: string;
  aliases?: string[];
  code?: string;
}

/**
 * Counties and districts as registry places: named in full after their city (北京市房山区) and
 * known by their own name (房山区). Their short names (房山, but also 新建, 资源, 惠民) are
 * too often ordinary words to be read as places; editors add the safe ones as aliases.
 */
function placesOf(file: string, cities: CityEntry[]): CityEntry[] {
  if (!existsSync(file)) return [];
  const rows = (readYaml(file) as { places?: PlaceRow[] } | null)?.places ?? [];
  const provinceOf = new Map(cities.map((c) => [c.name, c.province]));
  return rows.map((r, i) => {
    if (typeof r?.name !== 'string' || typeof r.city !== 'string') throw new RegistryError(`${file}: places[${i}] needs a name and a city`);
    // 城区, 郊区, 矿区 (districts of 阳泉市 and others) are ordinary words: such a place is known by its full name only.
    const own = r.name.length === 2 && r.name.endsWith('区') ? [] : [r.name];
    return {
      name: `${r.city}${r.name}`,
      slug: r.slug,
      province: provinceOf.get(r.city) ?? '',
      aliases: [...own, ...(r.aliases ?? []).map(String)],
      parent: r.city,
      ...(r.code ? { code: String(r.code) } : {}),
    };
  });
}

export function loadRegistry(root = '.'): Registry {
  const citiesFile = join(root, REGISTRY_DIR, 'cities.yaml');
  const deptFile = join(root, REGISTRY_DIR, 'departments.yaml');
  const c = readYaml(citiesFile) as { cities?: CityEntry[] } | null;
  const d = readYaml(deptFile) as { departments?: unknown; cities?: Record<string, unknown> } | null;
  if (!c || !Array.isArray(c.cities)) throw new RegistryError(`${citiesFile}: expected a top-level "cities:" list`);
  c.cities.forEach((city, i) => {
    if (!city?.name || !city?.slug) throw new RegistryError(`${citiesFile}: cities[${i}] needs a name and a slug`);
  });
  const cityDepartments: Record<string, DepartmentEntry[]> = {};
  for (const [city, list] of Object.entries(d?.cities ?? {})) cityDepartments[city] = departmentList(deptFile, `cities.${city}`, list);
  const places = placesOf(join(root, REGISTRY_DIR, 'places.yaml'), c.cities);
  const registry = { cities: [...c.cities, ...places], departments: departmentList(deptFile, 'departments', d?.departments), cityDepartments };
  const problems = registryProblems(root, registry, c.cities.length);
  if (problems.length) throw new RegistryError(problems.map(formatProblem).join('\n'), problems);
  return registry;
}

/**
 * Slugs become folders of the site: each must be a slug, no city may take a name the site uses
 * for its own pages, and no two cities (or two departments of one city) may share one.
 */
function registryProblems(root: string, registry: Registry, cityCount: number): Problem[] {
  const problems: Problem[] = [];
  const placesFile = join(REGISTRY_DIR, 'places.yaml');
  let placeLine: ((p: Array<string | number>) => number) | undefined;
  const atPlace = (path: Array<string | number>, message: string) =>
    problems.push({
      file: placesFile,
      line: (placeLine ??= yamlLines(readFileSync(join(root, placesFile), 'utf8')))(['places', Number(path[1]) - cityCount, ...path.slice(2)]),
      message,
    });
  const citiesFile = join(REGISTRY_DIR, 'cities.yaml');
  const deptFile = join(REGISTRY_DIR, 'departments.yaml');
  let cityLine: ((p: Array<string | number>) => number) | undefined;
  let deptLine: ((p: Array<string | number>) => number) | undefined;
  const atCity = (path: Array<string | number>, message: string) =>
    Number(path[1]) >= cityCount
      ? atPlace(path, message)
      : problems.push({ file: citiesFile, line: (cityLine ??= yamlLines(readFileSync(join(root, citiesFile), 'utf8')))(path), message });
  const atDept = (path: Array<string | number>, message: string) =>
    problems.push({ file: deptFile, line: (deptLine ??= yamlLines(readFileSync(join(root, deptFile), 'utf8')))(path), message });
  const slugs = new Map<string, string>();
  const names = new Set<string>();
  registry.cities.forEach((city, i) => {
    const slug: unknown = city.slug;
    if (!isSlug(slug)) atCity(['cities', i, 'slug'], `city ${city.name}: slug ${JSON.stringify(slug)} must be ${SLUG_FORM_HINT}`);
    else if (RESERVED_CITY_SLUGS.has(slug))
      atCity(
        ['cities', i, 'slug'],
        `city ${city.name}: slug "${slug}" is the name of one of the site's own pages (/${slug}/); choose another, e.g. ${slug}-city`,
      );
    else if (slugs.has(slug)) atCity(['cities', i, 'slug'], `city ${city.name}: slug "${slug}" is also ${slugs.get(slug)}'s; give each city its own slug`);
    else slugs.set(slug, city.name);
    if (names.has(city.name)) atCity(['cities', i, 'name'], `city ${city.name} is listed twice; delete one of the two entries`);
    names.add(city.name);
  });
  const checkDepartments = (list: DepartmentEntry[], path: Array<string | number>, shared: Map<string, string>) => {
    const seen = new Map(shared);
    list.forEach((dept, i) => {
      const slug: unknown = dept.slug;
      if (slug === '') return; // a department without a slug gets one from its name
      if (!isSlug(slug)) atDept([...path, i, 'slug'], `department ${dept.name}: slug ${JSON.stringify(slug)} must be ${SLUG_FORM_HINT}`);
      else if (isYearLike(slug))
        atDept([...path, i, 'slug'], `department ${dept.name}: slug "${slug}" looks like a year, whose page it would replace; choose a word`);
      else if (seen.has(slug) && seen.get(slug) !== dept.name)
        atDept([...path, i, 'slug'], `department ${dept.name}: slug "${slug}" is also ${seen.get(slug)}'s; give each department its own slug`);
      else seen.set(slug, dept.name);
    });
    return seen;
  };
  const common = checkDepartments(registry.departments, ['departments'], new Map());
  for (const [city, list] of Object.entries(registry.cityDepartments)) checkDepartments(list, ['cities', city], common);
  return problems;
}
