/**
 * The content-layer loader of the reports collection: reads content/reports/*.mdx with
 * the project's frontmatter reader, validates the frontmatter against the schema (an error names the file and the
 * field), and renders the body into the body cache (src/site/body-cache.ts), not into the data
 * store. A file whose content hash is unchanged since the last build is taken from Astro's data
 * store as it is: an unchanged report costs nothing.
 *
 * The loader never waits on a timer or I/O while it changes the store. Astro saves its store on a
 * 500 ms debounce; a save that starts in the middle of a load writes a snapshot from before the
 * load's changes, and a save asked for while it is still writing is skipped, so the build would
 * bundle the old store (seen at 10,000 reports: a changed report kept its old figures). The
 * only await, parseData, settles within the same turn of the event loop, and the last thing the
 * loader does is touch the store, so Astro's own final save, right after, writes everything.
 *
 * In `npm run dev` the loader watches the folder: a saved report is read again within a second,
 * and a broken one is reported on every page (see content-problems.ts) while the server runs on.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { FrontmatterError, parseReportFile, type ParsedFile } from '../model/frontmatter.ts';
import { pruneRenderedBodies, renderedBodies, saveRenderedBody } from './body-cache.ts';
import { describeIssue, reportSchema, type ReportFrontmatter } from '../model/report-schema.ts';
import { usesComponents } from '../model/body-components.ts';
import { GENERATED_DIR } from '../ingest/report-file.ts';
import { reportProvenance } from './catalog.ts';
import type { BodyContext } from './body-components.ts';
import { contentProblems } from './content-problems.ts';
import { renderBody, RENDERER_VERSION } from './render-body.ts';

/** How long a saved file is left to settle before it is read (a save is one burst of writes). */
const SETTLE_MS = 150;

export function reportsLoader(dir = 'content/reports'): Loader {
  return {
    name: 'minsheng-reports',
    load: async (context) => {
      const { store, meta, parseData, generateDigest, config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const folder = join(root, dir);
      const problems = contentProblems();

      /** Reads every report into the store; in dev a broken file is recorded (not thrown) and keeps its last good entry. */
      const sync = async () => {
        const files = existsSync(folder)
          ? readdirSync(folder)
              .filter((f) => /\.mdx?$/.test(f))
              .sort()
          : [];
        const seen = new Set<string>();
        // What the store already holds, by file: an unchanged file is recognised before its YAML is parsed.
        const byFile = new Map([...store.entries()].map(([id, e]) => [e.filePath, { id, digest: e.digest }]));
        const cached = renderedBodies(config.cacheDir); // listed once: an unchanged report needs its body there
        let rendered = 0;
        for (const name of files) {
          const filePath = relative(root, join(folder, name));
          const raw = readFileSync(join(folder, name), 'utf8');
          const known = byFile.get(filePath);
          // A new renderer renders every body anew; a body with components also shows its figures'
          // provenance, which the stored base (named like the file) decides.
          const digest = generateDigest(`${RENDERER_VERSION}\0${raw}${usesComponents(raw) ? `\0${baseText(root, name)}` : ''}`);
          if (known && known.digest === digest && !seen.has(known.id) && cached.has(digest)) {
            seen.add(known.id);
            problems.delete(filePath);
            continue;
          }
          try {
            const parsed = readReport(raw, filePath);
            const id = typeof parsed.data.slug === 'string' ? parsed.data.slug : name.replace(/\.mdx?$/, '');
            if (seen.has(id))
              throw new Error(`${filePath}:${parsed.lineOf(['slug'])}: slug "${id}" is used by another report too; give one of them another slug`);
            seen.add(id);
            problems.delete(filePath);
            if (store.get(id)?.digest === digest && cached.has(digest)) continue;
            let data;
            try {
              data = await parseData({ id, data: parsed.data, filePath });
            } catch (e) {
              throw schemaProblem(parsed, filePath) ?? e;
            }
            saveRenderedBody(
              config.cacheDir,
              digest,
              renderBody(
                parsed.body,
                (data as ReportFrontmatter).metrics,
                // Only a body with components needs the base read: the plain path stays as fast as before.
                usesComponents(parsed.body) ? bodyContext(root, data as ReportFrontmatter) : undefined,
              ),
            );
            cached.add(digest);
            store.set({ id, data, filePath, digest });
            rendered++;
          } catch (e) {
            if (!watcher) throw e;
            problems.set(filePath, (e as Error).message);
            logger.error((e as Error).message);
            if (known) seen.add(known.id); // the last good version stays until the file is fixed
          }
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
        for (const file of problems.keys()) if (!files.some((f) => relative(root, join(folder, f)) === file)) problems.delete(file);
        pruneRenderedBodies(config.cacheDir, cached, new Set([...store.values()].map((e) => String(e.digest))));
        meta.set('loaded', `${files.length} reports, ${rendered} rendered`); // restarts Astro's save debounce: see above
        logger.info(`${files.length} reports, ${rendered} rendered, ${files.length - rendered} unchanged`);
      };

      await sync();
      if (!watcher) return;
      // npm run dev: an edited, added or deleted report is read again as soon as it is saved.
      watcher.add(folder);
      // A save is read once it has settled: an editor (or a script) that truncates and then writes
      // a file sends its change while the file is still empty, and the file system may not send
      // another (same mtime), so reading at once could keep the empty version. Saves that arrive
      // during a read are read after it, never alongside it.
      let timer: ReturnType<typeof setTimeout> | undefined;
      let running: Promise<void> = Promise.resolve();
      const onChange = (path: string) => {
        if (!resolve(path).startsWith(resolve(folder)) || !/\.mdx?$/.test(path)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          running = running.then(sync).catch((e: Error) => logger.error(e.message));
        }, SETTLE_MS);
      };
      for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, onChange);
    },
  };
}

/** The stored base's text for a report file, or '' (a report typed in by hand has none). */
function baseText(root: string, fileName: string): string {
  try {
    return readFileSync(join(root, GENERATED_DIR, fileName.replace(/\.mdx?$/, '.json')), 'utf8');
  } catch {
    return '';
  }
}

/** What a body's components are drawn from: the report's data and its figures' provenance. */
function bodyContext(root: string, data: ReportFrontmatter): BodyContext {
  return { metrics: data.metrics, pledges: data.pledges, published: data.published, provenance: reportProvenance(root, data) };
}

/** A report's frontmatter and body; a file that does not parse is an error naming its file and line. */
function readReport(raw: string, filePath: string): ParsedFile {
  try {
    return parseReportFile(raw);
  } catch (e) {
    if (e instanceof FrontmatterError) throw new Error(`${filePath}:${e.line}: ${e.message}`, { cause: e });
    throw e;
  }
}

/**
 * The first schema problem of a report, at its line. Looked for only once Astro's own validation
 * has refused the file, so a valid report is validated once, not twice.
 */
function schemaProblem(parsed: ParsedFile, filePath: string): Error | null {
  const checked = reportSchema.safeParse(parsed.data);
  if (checked.success) return null;
  const { path, message } = describeIssue(checked.error.issues[0]!);
  return new Error(`${filePath}:${parsed.lineOf(path)}: ${message}`);
}
