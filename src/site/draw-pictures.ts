/**
 * Draws the charts' and share cards' PNGs that the cache does not hold yet, then copies every
 * picture from the cache to its place in the site. The pages' build lists the pictures
 * (chart-files.ts); the drawing can run inside that build or, from `npm run build`, after Astro's
 * process has ended (site-build.ts), so that the two never hold their memory at the same time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontForText } from './cjk-font.ts';

/** One PNG: drawn from `svg` at `scale` into `cached` (named by their hash), copied to `target`. */
export interface PngJob {
  svg: string;
  scale: number;
  cached: string;
  target: string;
}

/** The script of a drawing process, which draws one picture at a time (plain JavaScript, beside this module). */
export const PNG_WORKER = new URL('./png-worker.mjs', import.meta.url);

// A drawing process is replaced after this many pictures: what malloc once took for resvg's and
// sharp's buffers it seldom returns, and a process's end is the one sure way to give it back.
const PICTURES_PER_PROCESS = 300;

/** The environment variable by which a build asks the pages' build to list its pictures, not draw them. */
export const PICTURE_LIST_ENV = 'MINSHENG_PICTURE_LIST';

export function writePictureList(file: string, jobs: PngJob[]): void {
  writeFileSync(file, JSON.stringify(jobs));
}

export function readPictureList(file: string): PngJob[] {
  return JSON.parse(readFileSync(file, 'utf8')) as PngJob[];
}

/** A drawing process: plain Node with gc at hand and few malloc arenas (each thread's arena holds memory of its own). */
function startDrawer(worker: URL, fontFile: string): ChildProcess {
  return fork(fileURLToPath(worker), [fontFile], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Has `drawer` draw `job`; fails with a message naming the picture when the drawing or the process fails. */
function draw(drawer: ChildProcess, job: PngJob): Promise<void> {
  return new Promise((done, fail) => {
    const ended = (code: number | null, signal: string | null) =>
      fail(new Error(`the process drawing ${job.target} ended (${signal ?? `exit code ${code}`}) before it was drawn`));
    drawer.once('exit', ended);
    drawer.once('error', fail);
    drawer.once('message', (reply: { error?: string }) => {
      drawer.off('exit', ended);
      drawer.off('error', fail);
      if (reply.error) fail(new Error(`drawing ${job.target} failed: ${reply.error}`));
      else done();
    });
    if (drawer.exitCode !== null || drawer.signalCode !== null) ended(drawer.exitCode, drawer.signalCode);
    else drawer.send({ svg: job.svg, scale: job.scale, file: job.cached }, (e) => e && fail(e));
  });
}

function stop(drawer: ChildProcess): Promise<void> {
  if (drawer.exitCode !== null || drawer.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    drawer.once('exit', () => done());
    drawer.kill();
  });
}

/**
 * Renders the pictures whose PNG is not in the cache yet, with one font cut to their characters,
 * in a drawing process per core (at most eight, and one per eight pictures), each replaced after
 * a few hundred pictures so that none grows past a few hundred megabytes.
 */
async function render(pending: PngJob[], fontFile: string, worker: URL): Promise<void> {
  const text = new Set<string>();
  for (const p of pending) for (const m of p.svg.matchAll(/>([^<]+)</g)) for (const ch of m[1]!) text.add(ch);
  const font = await fontForText(fontFile, [...text].join(''));
  const cacheDir = dirname(pending[0]!.cached);
  mkdirSync(cacheDir, { recursive: true });
  // The cut font, beside the cache: read by the drawing processes, removed once they are done.
  const cut = join(cacheDir, `font-${process.pid}.otf`);
  writeFileSync(cut, font);
  const processes = Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(pending.length / 8)));
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: processes }, async () => {
        let drawer: ChildProcess | null = null;
        let drawn = 0;
        try {
          while (next < pending.length) {
            const job = pending[next++]!;
            if (drawer && drawn === PICTURES_PER_PROCESS) {
              await stop(drawer);
              drawer = null;
            }
            if (!drawer) [drawer, drawn] = [startDrawer(worker, cut), 0];
            await draw(drawer, job);
            drawn++;
          }
        } catch (e) {
          next = pending.length; // the other processes stop too: the build fails with this picture's message
          throw e;
        } finally {
          if (drawer) await stop(drawer);
        }
      }),
    );
  } finally {
    rmSync(cut, { force: true });
  }
}

/** Draws what the cache lacks (with the font file `fontFile`), then puts every picture in place. Returns how many were drawn. */
export async function drawPictures(jobs: PngJob[], fontFile: string, worker: URL = PNG_WORKER): Promise<number> {
  const pending = jobs.filter((j) => !existsSync(j.cached));
  if (pending.length) await render(pending, fontFile, worker);
  for (const j of jobs) copyFileSync(j.cached, j.target);
  return pending.length;
}
