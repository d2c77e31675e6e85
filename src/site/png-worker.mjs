/**
 * A drawing process of draw-pictures.ts: draws pictures to PNG, each as told, and says when it has.
 * resvg draws with the one font it is given (loading it is most of a small picture's cost, hence
 * the cut-down font); sharp then encodes the pixels with a palette, a quarter of resvg's own PNG
 * bytes. Plain JavaScript: it starts without the TypeScript loader of Astro's config.
 */
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';

const fontFile = process.argv[2];
// resvg's and sharp's native buffers are freed only when V8 collects their handles, and a process
// that allocates little JavaScript seldom collects: left alone, two drawers held a gigabyte.
// (The process is started with --expose-gc; draw-pictures.ts also replaces it every few hundred
// pictures, since what malloc has once taken it seldom gives back.)
const collect = globalThis.gc ?? (() => {});
let drawn = 0;
// One picture at a time in this process, nothing kept: the pool's processes are the parallelism.
sharp.cache(false);
sharp.concurrency(1);

process.on('message', async ({ svg, scale, file }) => {
  try {
    const image = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: 'Noto Sans CJK SC' },
    }).render();
    await sharp(Buffer.from(image.pixels), { raw: { width: image.width, height: image.height, channels: 4 } })
      .png({ palette: true, colours: 16, dither: 0, effort: 1, compressionLevel: 9 })
      .toFile(file);
    if (++drawn % 4 === 0) collect(); // some 20 MB between collections
    process.send({});
  } catch (e) {
    process.send({ error: e instanceof Error ? e.message : String(e) });
  }
});
