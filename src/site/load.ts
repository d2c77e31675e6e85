/** Loads the reports collection once per build and indexes it. */
import { getCollection } from 'astro:content';
import { buildCatalog, type Catalog } from './catalog.ts';
import { selectedCities } from './partition.ts';

let catalog: Promise<Catalog> | undefined;

/** Every city and report: for pages about the whole site (home, comparison, feed). */
export function loadCatalog(): Promise<Catalog> {
  catalog ??= getCollection('reports').then((entries) => buildCatalog(entries.map((e) => ({ id: e.id, data: e.data }))));
  return catalog;
}

/** The cities and reports whose own pages this build renders (all, unless MINSHENG_CITIES limits it). */
export async function loadPageCatalog(): Promise<Catalog> {
  const full = await loadCatalog();
  const only = selectedCities();
  if (!only) return full;
  const cities = full.cities.filter((c) => only.has(c.slug));
  return { cities, reports: full.reports.filter((r) => cities.some((c) => c.reports.includes(r))) };
}
