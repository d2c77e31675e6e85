/** Loads the reports collection once per build and indexes it. */
import { getCollection } from 'astro:content';
import { root } from 'astro:config/server';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type Catalog } from './catalog.ts';
import { throwContentProblems } from './content-problems.ts';
import { selectedCities } from './partition.ts';

let catalog: Promise<Catalog> | undefined;

/** The project's folder (the registry, content/generated/ and git are read from it, whatever the working directory). */
export const projectRoot = fileURLToPath(root);

/** Every city and report: for pages about the whole site (home, comparison, feed). */
export function loadCatalog(): Promise<Catalog> {
  const read = () =>
    getCollection('reports').then((entries) =>
      buildCatalog(
        entries.map((e) => ({ id: e.id, data: e.data })),
        projectRoot,
      ),
    );
  if (import.meta.env.DEV) {
    // npm run dev: reports change while the server runs; a broken one is shown as the page's error.
    throwContentProblems();
    return read();
  }
  catalog ??= read();
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
