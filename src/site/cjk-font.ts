/**
 * The Chinese font the chart pictures (PNG) are drawn with: Noto Sans CJK from Debian's
 * fonts-noto-cjk, or the file MINSHENG_CJK_FONT names. Without one a PNG would show empty boxes
 * for every character, so the pages then offer charts as SVG only (which the reader's own fonts draw).
 */
import { existsSync, readFileSync } from 'node:fs';
import subsetFont from 'subset-font';

const CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
];

let found: string | null | undefined;

/** The font file, looked for once a process: every page and chart asks. */
export function cjkFontFile(): string | null {
  if (found !== undefined) return found;
  const named = process.env.MINSHENG_CJK_FONT;
  found = named ? (existsSync(named) ? named : null) : (CANDIDATES.find((f) => existsSync(f)) ?? null);
  return found;
}

/** In a Noto Sans CJK collection the faces run JP, KR, SC, TC, HK, then the mono ones: SC is the third. */
const SIMPLIFIED_FACE = /NotoSans(Mono)?CJK/i;

/**
 * One face of a TrueType/OpenType collection (.ttc) as a font file of its own: the table
 * directory of that face with the tables it points to copied after it. A plain font file is
 * returned as it is.
 */
export function singleFace(font: Buffer, index: number): Buffer {
  if (font.toString('latin1', 0, 4) !== 'ttcf') return font;
  const faces = font.readUInt32BE(8);
  if (index >= faces) throw new Error(`the font collection has ${faces} faces, not ${index + 1}`);
  const at = font.readUInt32BE(12 + 4 * index);
  const count = font.readUInt16BE(at + 4);
  const directory = 12 + 16 * count;
  const tables = Array.from({ length: count }, (_, i) => ({
    offset: font.readUInt32BE(at + 12 + 16 * i + 8),
    length: font.readUInt32BE(at + 12 + 16 * i + 12),
  }));
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(directory + tables.reduce((sum, t) => sum + padded(t.length), 0));
  font.copy(out, 0, at, at + directory);
  let pos = directory;
  tables.forEach((t, i) => {
    font.copy(out, pos, t.offset, t.offset + t.length);
    out.writeUInt32BE(pos, 12 + 16 * i + 8);
    pos += padded(t.length);
  });
  return out;
}

/** The simplified-Chinese face of the font file, ready to subset. */
export function simplifiedChineseFace(file: string): Buffer {
  return singleFace(readFileSync(file), SIMPLIFIED_FACE.test(file) ? 2 : 0);
}

/**
 * The simplified-Chinese face of `file` cut to the characters of `text` (harfbuzz, by
 * subset-font): a picture then loads a font of a few hundred kilobytes, not 16 MB. Harfbuzz gives
 * up on some large cuts (seen past about 5,000 characters); the whole face then serves, slower.
 */
export async function fontForText(file: string, text: string): Promise<Buffer> {
  const face = simplifiedChineseFace(file);
  try {
    return await subsetFont(face, text, { targetFormat: 'sfnt' });
  } catch {
    return face;
  }
}
