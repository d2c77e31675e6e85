/**
 * Builds the site into an output folder, incrementally: the code and each city's reports are
 * hashed; a city whose hash is unchanged keeps the pages it has, so after one report changes
 * only that city's pages, the pages about the whole site, the downloads and one search group
 * are made again. `shard` limits a build to the cities of one CI shard; `mergeShards` joins
 * shard outputs into one site.
 *
 * Astro builds the pages in a child process while this process writes the downloads and
 * Pagefind indexes the reports in its own: on two cores the three overlap.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { readReports, type ReportOnDisk } from '../ingest/report-file.ts';
import { localPaths } from '../site/i18n/lang.ts';
import { buildCatalog, type Catalog } from '../site/catalog.ts';
import { cjkFontFile } from '../site/cjk-font.ts';
import { drawPictures, PICTURE_LIST_ENV, readPictureList } from '../site/draw-pictures.ts';
import { removeCityDownloads, removeReportDownload, writeDownloads } from '../site/downloads.ts';
import { inShard, searchGroup } from '../site/partition.ts';
import { cityInputs, codeVersion } from './inputs.ts';
import { indexGroups, installGroups, publishBundles } from './search-index.ts';
import { htmlFiles, writeSitemap } from './sitemap.ts';

export interface Manifest {
  code: string;
  cities: Record<string, { hash: string; reports: string[] }>;
}

export interface BuildOptions {
  root?: string;
  outDir?: string;
  /** Build only the cities of CI shard `index` of `count`. */
  shard?: { index: number; count: number };
  /** Ignore the previous output and build everything. */
  full?: boolean;
  /** The reports, when the caller has read them already (they are read from content/ otherwise). */
  reports?: ReportOnDisk[];
  log?: (line: string) => void;
}

export interface BuildResult {
  mode: 'full' | 'partial' | 'unchanged';
  cities: number;
  pages: number;
  searchPages: number;
  seconds: Record<string, number>;
}

const MANIFEST = '.minsheng-build.json';
/** Files Astro's content layer sometimes leaves in the output folder (seen on fresh machines); not part of the site. */
const ASTRO_FILES = new Set(['collections', 'content-assets.mjs', 'content-modules.mjs']);
const siteBase = () => new URL(process.env.BASE_PATH ?? '/', process.env.SITE_URL ?? 'https://example.github.io').href;
const basePath = () => (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

function catalogOf(root: string, reports?: ReportOnDisk[]): { catalog: Catalog; bodies: Map<string, string> } {
  reports ??= readReports(root, (file, line, message) => {
    throw new Error(`${file}:${line}: ${message}`);
  });
  const bodies = new Map(reports.map((r) => [r.data.slug as string, r.body]));
  return {
    catalog: buildCatalog(
      reports.map((r) => ({ id: r.data.slug as string, data: r.data as never })),
      root,
    ),
    bodies,
  };
}

/**
 * `astro build` of the project at `root` into `outDir` (only the pages of `cities`, when given),
 * in a child process of plain Node: it runs beside this process, without its heap or loaders.
 * A failure throws with the end of Astro's output, which names the file at fault; success
 * returns that end. The charts' PNGs are not drawn there but listed in `pictureList`.
 */
function runAstro(root: string, outDir: string, cities: string[] | null, pictureList: string): Promise<string[]> {
  const astro = join(dirname(createRequire(resolve(root, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', [PICTURE_LIST_ENV]: resolve(pictureList) };
  if (cities) env.MINSHENG_CITIES = cities.join(',');
  else delete env.MINSHENG_CITIES;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', resolve(root), '--outDir', resolve(outDir)], {
      cwd: resolve(root),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      // eslint-disable-next-line no-control-regex -- strips the terminal's colour codes (ESC [ … m) from Astro's output
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) tail.push(line.replace(/\x1b\[[0-9;]*m/g, ''));
      tail.splice(0, Math.max(0, tail.length - 40));
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) {
        for (const name of ASTRO_FILES) rmSync(join(outDir, name), { recursive: true, force: true });
        done(tail);
      } else fail(new Error(`astro build failed (exit ${code}):\n${tail.join('\n')}`));
    });
  });
}

/** Draws the PNGs the pages' build listed in `file` (none without a Chinese font: the pages then offer SVG only). */
async function drawListed(file: string, log: (line: string) => void): Promise<void> {
  if (!existsSync(file)) return;
  const jobs = readPictureList(file);
  rmSync(file);
  const font = cjkFontFile();
  if (!font || jobs.length === 0) return;
  const drawn = await drawPictures(jobs, font);
  log(`${jobs.length} PNGs: ${drawn} drawn, ${jobs.length - drawn} from the cache`);
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const root = options.root ?? '.';
  const outDir = join(root, options.outDir ?? 'dist');
  const log = options.log ?? (() => {});
  const seconds: Record<string, number> = {};
  const time = async <T>(step: string, f: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    try {
      return await f();
    } finally {
      seconds[step] = (seconds[step] ?? 0) + (performance.now() - t) / 1000;
    }
  };

  const { catalog, bodies } = await time('read', () => catalogOf(root, options.reports));
  const inputs = cityInputs(catalog, bodies);
  const code = await time('hash', () => codeVersion(root));
  const wanted = catalog.cities.map((c) => c.slug).filter((s) => !options.shard || inShard(s, options.shard.index, options.shard.count));
  const manifestFile = join(outDir, MANIFEST);
  const previous: Manifest | null = !options.full && existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : null;
  const usable = previous && previous.code === code && existsSync(join(outDir, 'index.html')) ? previous : null;
  const changed = wanted.filter((s) => !usable || usable.cities[s]?.hash !== inputs[s]!.hash);
  const removed = usable ? Object.keys(usable.cities).filter((s) => !inputs[s] || !wanted.includes(s)) : [];
  const manifest: Manifest = { code, cities: Object.fromEntries(wanted.map((s) => [s, inputs[s]!])) };
  if (usable && changed.length === 0 && removed.length === 0) {
    log('site is up to date');
    return { mode: 'unchanged', cities: 0, pages: 0, searchPages: 0, seconds };
  }
  const mode: BuildResult['mode'] = !usable || changed.length === wanted.length ? 'full' : 'partial';
  /** The reports of a city that the last build had and this one has not. */
  const goneReports = (city: string) => {
    const now = new Set(removed.includes(city) ? [] : (inputs[city]?.reports ?? []));
    return (usable?.cities[city]?.reports ?? []).filter((r) => !now.has(r));
  };
  // What is made beside Astro's build waits here until Astro has filled the output folder.
  const staging = `${outDir}.staging`;
  const partial = `${outDir}.partial`;
  const pictureList = `${outDir}.pictures.json`;
  for (const dir of [staging, partial, pictureList]) rmSync(dir, { recursive: true, force: true });
  const groups = new Set([...changed, ...removed].map(searchGroup));
  const indexing = time('search', () => indexGroups(catalog, bodies, join(staging, 'pagefind'), groups));
  try {
    log(
      mode === 'full'
        ? `building ${wanted.length} cities`
        : `rebuilding ${changed.length} of ${wanted.length} cities: ${changed.slice(0, 8).join(', ')}${changed.length > 8 ? ' …' : ''}`,
    );
    if (mode === 'full') rmSync(outDir, { recursive: true, force: true });
    const pages = time('astro', () => runAstro(root, mode === 'full' ? outDir : partial, mode === 'full' && !options.shard ? null : changed, pictureList));
    pages.catch(() => {}); // awaited below; meanwhile the downloads are written
    if (!options.shard) {
      await time('downloads', () => {
        if (mode === 'full') return writeDownloads(catalog, staging, siteBase());
        for (const s of removed) removeCityDownloads(outDir, s);
        for (const s of [...removed, ...changed]) for (const r of goneReports(s)) removeReportDownload(outDir, r);
        return writeDownloads(catalog, outDir, siteBase(), new Set(changed));
      });
    }
    await pages;
    // Drawn once Astro's process has ended, so that its memory and the drawing's are never held together.
    await time('pictures', () => drawListed(pictureList, log));
    await time('merge', () => {
      if (mode === 'full') {
        if (existsSync(join(staging, 'data'))) renameSync(join(staging, 'data'), join(outDir, 'data'));
        return;
      }
      // Pages of cities and reports that are gone, or that a changed city no longer has;
      // a changed city's own pages are all in the partial build.
      // Their charts' pictures and embed pages (embed/…) and share pictures (og/…) go with them.
      for (const s of [...removed, ...changed]) {
        for (const r of goneReports(s)) {
          for (const dir of [...localPaths(`reports/${r}`), `embed/reports/${r}`]) rmSync(join(outDir, dir), { recursive: true, force: true });
          rmSync(join(outDir, 'og/reports', `${r}.png`), { force: true });
        }
        // A city's pages in each language (Chinese at the root, English under en/), and its pictures.
        for (const dir of [...localPaths(s), `og/${s}`]) rmSync(join(outDir, dir), { recursive: true, force: true });
        rmSync(join(outDir, 'og', `${s}.png`), { force: true });
      }
      // Charts' files: those of the changed and removed cities and of the pages about the whole
      // site (home, comparison, topics), which are all drawn again.
      const kept = new Set(wanted.filter((s) => !changed.includes(s)));
      const embeds = join(outDir, 'embed');
      if (existsSync(embeds))
        for (const name of readdirSync(embeds)) if (!kept.has(name) && name !== 'reports') rmSync(join(embeds, name), { recursive: true, force: true });
      cpSync(partial, outDir, { recursive: true, filter: (src) => !ASTRO_FILES.has(relative(partial, src)) });
      rmSync(partial, { recursive: true, force: true });
    });
  } catch (e) {
    await indexing.catch(() => {}); // let Pagefind finish and close before the error ends the build
    throw e;
  }
  const searchPages = await indexing;
  installGroups(join(staging, 'pagefind'), outDir, groups);
  rmSync(staging, { recursive: true, force: true });
  const files = htmlFiles(outDir);
  if (!options.shard) await time('sitemap', () => writeSitemap(outDir, siteBase(), files));
  if (!options.shard) publishBundles(outDir, basePath());
  writeFileSync(manifestFile, JSON.stringify(manifest) + '\n');
  // A chart's embed page is a part of its page, not a page of the site.
  const pages = files.filter((f) => !f.startsWith('embed/')).length;
  return { mode, cities: mode === 'partial' ? changed.length : wanted.length, pages, searchPages, seconds };
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
  const { catalog } = catalogOf(root);
  const missing = catalog.cities.filter((c) => !manifest.cities[c.slug]);
  if (missing.length) throw new Error(`no shard built ${missing.map((c) => c.slug).join(', ')}; run every shard i/n before merging`);
  await writeDownloads(catalog, outDir, siteBase());
  await writeSitemap(outDir, siteBase());
  publishBundles(outDir, basePath());
  writeFileSync(join(outDir, MANIFEST), JSON.stringify(manifest) + '\n');
}
