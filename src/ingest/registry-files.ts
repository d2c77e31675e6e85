/** Loads the city/department registry that editors keep under content/registry/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import type { CityEntry, DepartmentEntry, Registry } from '../extraction/types.ts';

export const REGISTRY_DIR = 'content/registry';

export class RegistryError extends Error {}

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
  return { cities: c.cities, departments: departmentList(deptFile, 'departments', d?.departments), cityDepartments };
}
