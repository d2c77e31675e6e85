/**
 * The drawing of the charts' PNGs in their own processes (src/site/draw-pictures.ts): what the
 * cache lacks is drawn, what it holds is copied, and a picture that cannot be drawn fails the
 * build with its name rather than a process's silent end.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cjkFontFile } from '../src/site/cjk-font.ts';
import { drawPictures, readPictureList, writePictureList, type PngJob } from '../src/site/draw-pictures.ts';

const font = cjkFontFile();
if (!font) throw new Error("no Chinese font: install Debian's fonts-noto-cjk (bash scripts/ensure-chromium.sh)");

const svg = (text: string, width: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="40"><rect width="${width}" height="40" fill="#fff"/><text x="4" y="28" font-size="20">${text}</text></svg>`;

function jobs(dir: string, svgs: string[], scale = 2): PngJob[] {
  return svgs.map((s, i) => ({ svg: s, scale, cached: join(dir, 'cache', `${i}.png`), target: join(dir, `picture-${i}.png`) }));
}

describe("the charts' PNGs, drawn in processes of their own", () => {
  it('draws what the cache lacks at the scale asked, then copies from the cache alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-draw-'));
    const list = jobs(
      dir,
      Array.from({ length: 20 }, (_, i) => svg(`新增就业${i}万人`, 100 + i)),
    );
    expect(await drawPictures(list, font)).toBe(20);
    for (const [i, job] of list.entries()) {
      const meta = await sharp(readFileSync(job.target)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 2 * (100 + i), 80]);
    }
    // The cut font the processes shared is gone with them.
    expect(readdirSync(join(dir, 'cache')).filter((f) => !f.endsWith('.png'))).toEqual([]);
    for (const job of list) expect(existsSync(job.cached)).toBe(true);
    expect(await drawPictures(list, font)).toBe(0);
  });

  it('fails naming the picture that cannot be drawn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-draw-'));
    const list = jobs(dir, [svg('养老床位', 80), '<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg>']);
    await expect(drawPictures(list, font)).rejects.toThrow(/picture-1\.png/);
  });

  it('hands the pages’ list of pictures to the drawing unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-draw-'));
    const list = jobs(dir, [svg('“引号”与&lt;符号&gt;', 60)], 1);
    writePictureList(join(dir, 'list.json'), list);
    expect(readPictureList(join(dir, 'list.json'))).toEqual(list);
  });
});
