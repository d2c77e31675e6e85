/**
 * A worker thread of chart-files.ts: draws pictures to PNG, each as told, and says when it has.
 * resvg draws with the one font it is given (loading it is most of a small picture's cost, hence
 * the cut-down font); sharp then encodes the pixels with a palette, a quarter of resvg's own PNG
 * bytes. Plain JavaScript: a worker starts without the TypeScript loader of Astro's config.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';

const { fontFile } = workerData;
// resvg's and sharp's native buffers are freed only when V8 collects their handles, and a thread
// that allocates little JavaScript seldom collects: left alone, a pool of two held a gigabyte.
// A worker cannot be started with --expose-gc, so the flag is set here and gc taken from a context.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');
let drawn = 0;
// One picture at a time on this thread, nothing kept: the pool's threads are the parallelism.
sharp.cache(false);
sharp.concurrency(1);

parentPort.on('message', async ({ index, svg, scale, file }) => {
  try {
    const image = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: 'Noto Sans CJK SC' },
    }).render();
    await sharp(Buffer.from(image.pixels), { raw: { width: image.width, height: image.height, channels: 4 } })
      .png({ palette: true, colours: 16, dither: 0, effort: 1, compressionLevel: 9 })
      .toFile(file);
    if (++drawn % 8 === 0) collect(); // some 40 MB between collections
    parentPort.postMessage({ index });
  } catch (e) {
    parentPort.postMessage({ index, error: e instanceof Error ? e.message : String(e) });
  }
});
