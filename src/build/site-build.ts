/**
 * Builds the site into an output folder, incrementally: the code and each city's reports are
 * hashed; a city whose hash is unchanged keeps the pages it has, so after one report changes
 * only that city's pages, the pages about the whole site, the downloads and one search group
 * are made again. `shard` limits a build to the cities of one CI shard; `mergeShards` joins
 * shard outputs into one site.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build as astroBuild } from 'astro';
import { readReports } from '../ingest/report-file.ts';
import { buildCatalog, type Catalog } from '../site/catalog.ts';
import { writeDownloads } from '../site/downloads.ts';
import { inShard, searchGroup } from '../site/partition.ts';
import { cityInputs, codeVersion } from './inputs.ts';
import { indexGroups, publishBundles } from './search-index.ts';
import { writeSitemap } from './sitemap.ts';

export interface Manifest { code: string; cities: Record<string, { hash: string; reports: string[] }> }

export interface BuildOptions {
  root?: string;
  outDir?: string;
  /** Build only the cities of CI shard `index` of `count`. */
  shard?: { index: number; count: number };
  /** Ignore the previous output and build everything. */
  full?: boolean;
  log?: (line: string) => void;
}

export interface BuildResult { mode: 'full' | 'partial' | 'unchanged'; cities: number; pages: number; searchPages: number; seconds: Record<string, number> }

const MANIFEST = '.minsheng-build.json';
/** Files Astro's content layer sometimes leaves in the output folder (seen on fresh machines); not part of the site. */
const ASTRO_FILES = new Set(['collections', 'content-assets.mjs', 'content-modules.mjs']);
const siteBase = () => new URL(process.env.BASE_PATH ?? '/', process.env.SITE_URL ?? 'https://example.github.io').href;
const basePath = () => (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

function loadCatalogFromFiles(root: string): { catalog: Catalog; bodies: Map<string, string> } {
  const reports = readReports(root, (file, message) => { throw new Error(`${file}: ${message}`); });
  const bodies = new Map(reports.map((r) => [r.data.slug, r.body]));
  return { catalog: buildCatalog(reports.map((r) => ({ id: r.data.slug, data: r.data as never })), root), bodies };
}

async function runAstro(root: string, outDir: string, cities: string[] | null): Promise<void> {
  const before = process.env.MINSHENG_CITIES;
  if (cities) process.env.MINSHENG_CITIES = cities.join(',');
  else delete process.env.MINSHENG_CITIES;
  try {
    // The data store lives with the project (node_modules may be shared with other checkouts).
    await astroBuild({ root, outDir, cacheDir: join(root, '.cache/astro'), logLevel: 'warn', base: basePath() });
    for (const name of ASTRO_FILES) rmSync(join(outDir, name), { recursive: true, force: true });
  } finally {
    if (before === undefined) delete process.env.MINSHENG_CITIES;
    else process.env.MINSHENG_CITIES = before;
  }
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const root = options.root ?? '.';
  const outDir = join(root, options.outDir ?? 'dist');
  const log = options.log ?? (() => {});
  const seconds: Record<string, number> = {};
  const time = async <T>(step: string, f: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    try { return await f(); } finally { seconds[step] = (seconds[step] ?? 0) + (performance.now() - t) / 1000; }
  };

  const { catalog, bodies } = await time('read', () => loadCatalogFromFiles(root));
  const inputs = cityInputs(catalog, bodies);
  const code = await time('hash', () => codeVersion(root));
  const wanted = catalog.cities.map((c) => c.slug).filter((s) => !options.shard || inShard(s, options.shard.index, options.shard.count));
  const manifestFile = join(outDir, MANIFEST);
  const previous: Manifest | null = !options.full && existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : null;
  const usable = previous && previous.code === code && existsSync(join(outDir, 'index.html')) ? previous : null;
  const changed = wanted.filter((s) => !usable || usable.cities[s]?.hash !== inputs[s]!.hash);
  const removed = usable ? Object.keys(usable.cities).filter((s) => !inputs[s] || !wanted.includes(s)) : [];
  const manifest: Manifest = { code, cities: Object.fromEntries(wanted.map((s) => [s, inputs[s]!])) };

  let mode: BuildResult['mode'];
  if (usable && changed.length === 0 && removed.length === 0) {
    mode = 'unchanged';
    log('site is up to date');
  } else if (!usable || changed.length === wanted.length) {
    mode = 'full';
    log(`building ${wanted.length} cities`);
    rmSync(outDir, { recursive: true, force: true });
    await time('astro', () => runAstro(root, outDir, options.shard ? wanted : null));
  } else {
    mode = 'partial';
    log(`rebuilding ${changed.length} of ${wanted.length} cities: ${changed.slice(0, 8).join(', ')}${changed.length > 8 ? ' …' : ''}`);
    const partial = `${outDir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    await time('astro', () => runAstro(root, partial, changed));
    await time('merge', () => {
      // Pages of cities and reports that are gone, or that a changed city no longer has.
      for (const s of [...removed, ...changed]) {
        const before = usable!.cities[s]?.reports ?? [];
        const now = new Set(inputs[s]?.reports ?? []);
        for (const r of before) if (!now.has(r) || removed.includes(s)) rmSync(join(outDir, 'reports', r), { recursive: true, force: true });
        if (removed.includes(s)) rmSync(join(outDir, s), { recursive: true, force: true });
        else rmSync(join(outDir, s), { recursive: true, force: true }); // its year and department pages are all in the partial build
      }
      cpSync(partial, outDir, { recursive: true, filter: (src) => !ASTRO_FILES.has(relative(partial, src)) });
      rmSync(partial, { recursive: true, force: true });
    });
  }

  let searchPages = 0;
  if (mode !== 'unchanged') {
    if (!options.shard) {
      await time('downloads', () => writeDownloads(catalog, outDir, siteBase()));
      await time('sitemap', () => writeSitemap(outDir, siteBase()));
    }
    const groups = new Set([...changed, ...removed].map(searchGroup));
    searchPages = await time('search', () => indexGroups(catalog, outDir, groups));
    if (!options.shard) publishBundles(outDir, basePath());
    writeFileSync(manifestFile, JSON.stringify(manifest) + '\n');
  }
  const pages = mode === 'unchanged' ? 0 : countPages(outDir);
  return { mode, cities: mode === 'partial' ? changed.length : mode === 'full' ? wanted.length : 0, pages, searchPages, seconds };
}

/** The number of HTML pages in the output. */
function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

/** Joins the outputs of CI shards into one site: pages, then downloads, sitemap and the search bundle list. */
export async function mergeShards(shardDirs: string[], outDir: string, root = '.'): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  const manifest: Manifest = { code: '', cities: {} };
  for (const dir of shardDirs) {
    cpSync(dir, outDir, { recursive: true });
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    manifest.code = m.code;
    Object.assign(manifest.cities, m.cities);
  }
  const { catalog } = loadCatalogFromFiles(root);
  const missing = catalog.cities.filter((c) => !manifest.cities[c.slug]);
  if (missing.length) throw new Error(`no shard built ${missing.map((c) => c.slug).join(', ')}; run every shard i/n before merging`);
  writeDownloads(catalog, outDir, siteBase());
  await writeSitemap(outDir, siteBase());
  publishBundles(outDir, basePath());
  writeFileSync(join(outDir, MANIFEST), JSON.stringify(manifest) + '\n');
}
