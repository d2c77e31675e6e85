/** Loads the reports collection once per build and indexes it. */
import { getCollection } from 'astro:content';
import { buildCatalog, type Catalog } from './catalog.ts';

let catalog: Promise<Catalog> | undefined;

export function loadCatalog(): Promise<Catalog> {
  catalog ??= getCollection('reports').then((entries) => buildCatalog(entries.map((e) => ({ id: e.id, data: e.data }))));
  return catalog;
}
